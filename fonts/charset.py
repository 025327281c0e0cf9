#!/usr/bin/python3
"""Print the character set jianbao's fonts are subset to, one hex code point per line.

The set is generated, not hand-made:
  - every GB 2312 code point (decoded from the GB 2312 byte ranges);
  - with --gbk, every GBK code point as well (broad coverage for the Song fallback);
  - ASCII and Latin-1, general punctuation U+2010-206F, CJK symbols U+3000-303F,
    full-width forms U+FF01-FF5E, and a few symbols used in Chinese text.
Extra characters may be appended from files given on the command line.
"""
import sys

def gb_chars(gbk):
    out = set()
    lo_first, hi_first = (0x81, 0xFE) if gbk else (0xA1, 0xF7)
    for b1 in range(lo_first, hi_first + 1):
        seconds = range(0x40, 0xFF) if gbk else range(0xA1, 0xFF)
        for b2 in seconds:
            try:
                s = bytes([b1, b2]).decode("gbk" if gbk else "gb2312")
            except UnicodeDecodeError:
                continue
            for ch in s:
                if ord(ch) >= 0x80 and ord(ch) != 0xFFFD:
                    out.add(ord(ch))
    return out

def main():
    gbk = "--gbk" in sys.argv
    cps = gb_chars(gbk)
    cps.update(range(0x20, 0x7F))
    cps.update(range(0xA0, 0x100))
    cps.update(range(0x2010, 0x2070))
    cps.update(range(0x3000, 0x3040))
    cps.update(range(0xFF01, 0xFF5F))
    cps.update([0x2103, 0x2116, 0x2122, 0x2160, 0x2161, 0x2162, 0x2163, 0x2164,
                0x2165, 0x2166, 0x2167, 0x2168, 0x2169, 0x2E3A, 0x22EF, 0xFFE5])
    for path in sys.argv[1:]:
        if path.startswith("--"):
            continue
        with open(path, encoding="utf-8") as f:
            for ch in f.read():
                if 0x20 <= ord(ch) <= 0xFFFF:
                    cps.add(ord(ch))
    for cp in sorted(cps):
        print("%04X" % cp)

main()
