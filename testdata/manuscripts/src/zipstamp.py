#!/usr/bin/env python3
"""zipstamp.py EPOCH FILE...: set every entry's DOS date/time in a zip file
(local header and central directory) to EPOCH (UTC), in place.

LibreOffice 7.4 stamps the entries of the .docx/.odt it writes with the
current time and has no SOURCE_DATE_EPOCH support; this makes its output
byte-stable. Only the 4 date/time bytes of each header change: the
compressed data, the order and everything else stay as the producer wrote
them. Refuses zip files with extra fields (none of our producers write any).
"""
import struct
import sys
import time


def dos_stamp(epoch):
    t = time.gmtime(epoch)
    d = ((t.tm_year - 1980) << 9) | (t.tm_mon << 5) | t.tm_mday
    s = (t.tm_hour << 11) | (t.tm_min << 5) | (t.tm_sec // 2)
    return struct.pack("<HH", s, d)


def stamp(path, epoch):
    b = bytearray(open(path, "rb").read())
    eocd = b.rfind(b"PK\x05\x06")
    if eocd < 0:
        sys.exit("zipstamp: %s: not a zip file" % path)
    count, size, start = struct.unpack_from("<HII", b, eocd + 10)
    ts = dos_stamp(epoch)
    p = start
    for _ in range(count):
        if b[p:p + 4] != b"PK\x01\x02":
            sys.exit("zipstamp: %s: bad central directory" % path)
        nlen, xlen, clen = struct.unpack_from("<HHH", b, p + 28)
        local = struct.unpack_from("<I", b, p + 42)[0]
        if xlen or b[local:local + 4] != b"PK\x03\x04" or struct.unpack_from("<H", b, local + 28)[0]:
            sys.exit("zipstamp: %s: extra fields or bad local header" % path)
        b[p + 12:p + 16] = ts
        b[local + 10:local + 14] = ts
        p += 46 + nlen + xlen + clen
    open(path, "wb").write(b)


if __name__ == "__main__":
    for f in sys.argv[2:]:
        stamp(f, int(sys.argv[1]))
