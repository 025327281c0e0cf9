#!/usr/bin/python3
"""Convert a CFF-based OpenType font (OTTO) to TrueType outlines (glyf).

fpdf, jianbao's PDF writer, only reads glyf TrueType. Cubic curves become
quadratic ones through fontTools' cu2qu with an error of at most 1 font unit.
Timestamps are not recalculated, so the output is byte-identical across runs.

Usage: otf2ttf.py in.otf out.ttf. notocjk.py imports to_glyf() to convert a
font it has subset in memory.
"""
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

def to_glyf(font):
    """Replace the CFF outlines of font (a TTFont) by quadratic glyf ones."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.numGlyphs = len(order)
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 3.0
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"

def convert(src, dst):
    font = TTFont(src, recalcTimestamp=False, recalcBBoxes=True)
    to_glyf(font)
    font.save(dst, reorderTables=True)

if __name__ == "__main__":
    convert(sys.argv[1], sys.argv[2])
