#!/usr/bin/python3
"""Move AR PL KaitiM GB's full stops and commas down to the lower left of the em box.

Usage: kaipunct.py gkai00mp-in.ttf FandolFang-Regular.ttf gkai00mp-out.ttf

gkai00mp draws 。，、． with their ink 0.11-0.29 em above the baseline, near
the middle of the cell; GB/T 15834-2011 (and GB/T 9704 practice) puts the
full stop, comma, enumeration comma, semicolon and colon at the lower left
of their cell (居左下), as FandolFang, the body face, and Noto Serif SC draw
them. So each of these glyphs is translated, never scaled, so that the
centre of its ink sits where the centre of FandolFang's ink for the same
character sits, measured in em from the bottom left of the em box (the box
runs from the OS/2 typographic descender up one em):
  。，、．  in x and in y;
  ；：      in x only: they already stand on the baseline as FandolFang's
            do, but 0.08-0.1 em further right.
！ and ？ stay: GB/T 15834 wants them at the left of the cell (居左), where
gkai00mp already has them.

Glyph bounds and the left side bearings are recomputed; the advance stays.
head.modified is not recalculated, so two runs give the same bytes.
"""
import math
import sys
from fontTools.ttLib import TTFont
from fontTools.pens.boundsPen import BoundsPen

MOVES = [("。", "xy"), ("，", "xy"), ("、", "xy"), ("．", "xy"), ("；", "x"), ("：", "x")]


def ink(font, ch):
    """Glyph name and ink centre of ch, in em from the em box's bottom left."""
    name = font.getBestCmap()[ord(ch)]
    gs = font.getGlyphSet()
    pen = BoundsPen(gs)
    gs[name].draw(pen)
    x0, y0, x1, y1 = pen.bounds  # the curves' extremes, not the control points'
    upem = font["head"].unitsPerEm
    bottom = font["OS/2"].sTypoDescender
    return name, (x0 + x1) / 2 / upem, ((y0 + y1) / 2 - bottom) / upem


def main():
    src, ref_path, dst = sys.argv[1:4]
    font = TTFont(src, recalcTimestamp=False, recalcBBoxes=True)
    ref = TTFont(ref_path, lazy=True)
    glyf, hmtx = font["glyf"], font["hmtx"]
    upem = font["head"].unitsPerEm
    for ch, axes in MOVES:
        name, cx, cy = ink(font, ch)
        _, rx, ry = ink(ref, ch)
        dx = math.floor((rx - cx) * upem + 0.5) if "x" in axes else 0
        dy = math.floor((ry - cy) * upem + 0.5) if "y" in axes else 0
        g = glyf[name]
        if g.isComposite():
            for c in g.components:
                c.x += dx
                c.y += dy
        else:
            g.coordinates.translate((dx, dy))
        g.recalcBounds(glyf)
        adv, _ = hmtx[name]
        hmtx[name] = (adv, g.xMin)
        print("%s U+%04X moved by (%d, %d)" % (ch, ord(ch), dx, dy))
    font.save(dst, reorderTables=True)


if __name__ == "__main__":
    main()
