#!/usr/bin/python3
"""Print the character set jianbao's fonts are subset to, one hex code point per line.

The set is generated, not hand-made:
  - every GB 2312 code point (decoded from the GB 2312 byte ranges);
  - with --gbk, every GBK code point as well (broad coverage for the Song fallback);
  - with --gb18030, GB 18030-2022 implementation level 1 (see gb18030_level1)
    on top of GBK, for the CJK Song fallback;
  - ASCII and Latin-1, general punctuation U+2010-206F, CJK symbols U+3000-303F,
    full-width forms U+FF01-FF5E, and a few symbols used in Chinese text.
Extra characters may be appended from files given on the command line: running
text (only its BMP characters are taken), or, after --list, a list with one
character per line where lines starting with # are comments (every character
is taken, in or beyond the BMP).
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

def gb18030_level1():
    """GB 18030-2022 implementation level 1 (GB 18030-2022 section 9; with its
    Amendment 1 of 2024): every one- and two-byte code, CJK Unified Ideographs
    Extension A, and the CJK Unified Ideographs up to U+9FEF.

    The two-byte codes are decoded with Python's gbk and gb18030 (2005)
    codecs; the 2005 table still sends 18 two-byte codes to the Private Use
    Area, which GB 18030-2022 sends to their standard code points instead:
    the ten vertical punctuation forms U+FE10-FE19 and eight components
    U+9FB4-9FBB. Six further components (two-byte codes FE51, FE52, FE53,
    FE6C, FE76, FE91) keep their PUA mapping in 2022; the characters behind
    them lie outside the BMP and are added here too. No PUA code point is
    returned. The whole blocks U+3400-4DBF and U+4E00-9FFF are added: the
    standard requires U+3400-4DB5 and U+4E00-9FEF at level 1 and puts the
    26 later additions (U+4DB6-4DBF, U+9FF0-9FFF) in level 3 since its
    Amendment 1; the font covers them, so they cost only their glyphs.
    """
    out = gb_chars(True)
    for b1 in range(0x81, 0xFF):
        for b2 in range(0x40, 0xFF):
            if b2 == 0x7F:
                continue
            try:
                s = bytes([b1, b2]).decode("gb18030")
            except UnicodeDecodeError:
                continue
            out.update(ord(ch) for ch in s if ord(ch) >= 0x80)
    out.update(range(0xFE10, 0xFE1A))
    out.update(range(0x9FB4, 0x9FBC))
    out.update([0x20087, 0x20089, 0x200CC, 0x215D7, 0x2298F, 0x241FE])
    out.update(range(0x3400, 0x4DC0))
    out.update(range(0x4E00, 0xA000))
    return {cp for cp in out if not 0xE000 <= cp <= 0xF8FF and cp != 0xFFFD}

def read_list(path):
    out = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                out.update(ord(ch) for ch in line)
    return out

def main():
    gbk = "--gbk" in sys.argv
    cps = gb_chars(gbk)
    if "--gb18030" in sys.argv:
        cps |= gb18030_level1()
    cps.update(range(0x20, 0x7F))
    cps.update(range(0xA0, 0x100))
    cps.update(range(0x2010, 0x2070))
    cps.update(range(0x3000, 0x3040))
    cps.update(range(0xFF01, 0xFF5F))
    cps.update([0x2103, 0x2116, 0x2122, 0x2160, 0x2161, 0x2162, 0x2163, 0x2164,
                0x2165, 0x2166, 0x2167, 0x2168, 0x2169, 0x2E3A, 0x22EF, 0xFFE5])
    args = sys.argv[1:]
    for i, path in enumerate(args):
        if path.startswith("--"):
            continue
        if i > 0 and args[i - 1] == "--list":
            cps |= read_list(path)
            continue
        with open(path, encoding="utf-8") as f:
            for ch in f.read():
                if 0x20 <= ord(ch) <= 0xFFFF:
                    cps.add(ord(ch))
    for cp in sorted(cps):
        print("%04X" % cp)

main()
