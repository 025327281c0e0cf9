#!/usr/bin/env python3
"""Draws the two fixture photos (no imaging library needed).

Usage: photos.py SRCDIR. Writes SRCDIR/photo-anquan.png (400x300) and puts
it, base64, into the <office:binary-data> of SRCDIR/lo-anquan.fodt; writes
SRCDIR/photo-jiedao.ppm, which `cjpeg -quality 85 -optimize`
(libjpeg-turbo-progs) turns into photo-jiedao.jpg for pandoc-jiedao.md
(`sh make.sh photos` runs both). Deterministic: the same
bytes every run. The pictures are "photo-like": a sky gradient, a building
with windows, people-ish blobs and sensor noise, so they compress like photos.
"""
import base64
import re
import struct
import sys
import zlib


def noise(seed):
    x = seed & 0xFFFFFFFF
    while True:
        x = (1103515245 * x + 12345) & 0x7FFFFFFF
        yield (x >> 16) % 7 - 3


def draw(w, h, sky_top, sky_bottom, wall, ground, seed):
    n = noise(seed)
    rows = []
    horizon = int(h * 0.68)
    for y in range(h):
        row = bytearray()
        for x in range(w):
            if y < horizon:
                t = y / horizon
                c = [int(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom)]
                # a building in the middle third, windows in a grid
                if w * 0.22 < x < w * 0.78 and y > h * 0.18:
                    c = list(wall)
                    if (x // 14) % 3 and (y // 16) % 2 and y < horizon - 12:
                        c = [60, 90, 130]
                    # a red banner across the building
                    if h * 0.24 < y < h * 0.31:
                        c = [190, 30, 35]
            else:
                t = (y - horizon) / (h - horizon)
                c = [int(g * (1.0 - 0.35 * t)) for g in ground]
                # people: dark ellipses standing on the ground
                for cx in (90, 140, 200, 255, 310):
                    dx, dy = (x - cx) / 9.0, (y - horizon - 20) / 26.0
                    if dx * dx + dy * dy < 1.0:
                        c = [40 + cx % 50, 45, 60 + cx % 70]
            d = next(n)
            row += bytes(max(0, min(255, v + d)) for v in c)
        rows.append(bytes(row))
    return rows


def png(path, w, h, rows):
    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def ppm(path, w, h, rows):
    with open(path, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (w, h))
        f.write(b"".join(rows))


def embed(fodt, pngpath):
    b64 = base64.b64encode(open(pngpath, "rb").read()).decode("ascii")
    lines = "\n".join(b64[i:i + 76] for i in range(0, len(b64), 76))
    s = open(fodt, encoding="utf-8").read()
    s, n = re.subn(r"(<office:binary-data>).*?(</office:binary-data>)",
                   lambda m: m.group(1) + "\n" + lines + "\n" + m.group(2), s, flags=re.S)
    if n != 1:
        sys.exit("photos.py: %s: expected one office:binary-data, found %d" % (fodt, n))
    open(fodt, "w", encoding="utf-8", newline="\n").write(s)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    png(out + "/photo-anquan.png", 400, 300,
        draw(400, 300, (120, 165, 215), (205, 225, 240), (215, 200, 170), (150, 150, 140), 7))
    embed(out + "/lo-anquan.fodt", out + "/photo-anquan.png")
    ppm(out + "/photo-jiedao.ppm", 480, 320,
        draw(480, 320, (95, 140, 200), (230, 235, 240), (200, 190, 180), (110, 140, 90), 11))


if __name__ == "__main__":
    main()
