#!/usr/bin/python3
"""Cut jianbao's CJK Song fallback face from Noto Serif CJK.

Usage: notocjk.py NotoSerifCJK-Regular.ttc unicodes.txt out.ttf [pyftsubset options]

  1. Picks the face whose family is "Noto Serif CJK SC" from the collection
     (the OTC holds JP, KR, SC, TC and HK faces over one CFF table).
  2. Subsets it to the code points in unicodes.txt (one hex code point a
     line, as charset.py prints them) with fontTools' subsetter, given the
     same options build.sh hands pyftsubset for the other faces.
  3. Converts the CFF outlines to quadratic glyf ones (otf2ttf.to_glyf).
  4. Adds U+2252 ≒ (GBK A850), the one GBK character no face of Noto
     Serif CJK maps, as a composite of the font's own ＝ and two of its
     full stops, if unicodes.txt asks for it.
  5. Numbers the glyphs in code point order, so that the format-4 and
     format-12 cmaps need few segments (Go's sfnt reads at most 20,000),
     and keeps only the Windows cmaps: format 4 (BMP) and format 12 (all).
  6. Renames the family "Noto Serif CJK SC Subset" (PostScript name
     NotoSerifCJKscSubset-Regular): Noto has no Reserved Font Name, but a
     modified font should not pass for the original.

head.modified is not recalculated, so two runs give the same bytes.
"""
import sys
from fontTools.ttLib import TTFont, TTCollection
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools import subset

from otf2ttf import to_glyf

FAMILY = "Noto Serif CJK SC"
SUBSET_FAMILY = "Noto Serif CJK SC Subset"
PS_NAME = "NotoSerifCJKscSubset-Regular"


def face_index(path, family):
    coll = TTCollection(path, lazy=True)
    for i, f in enumerate(coll.fonts):
        if f["name"].getDebugName(1) == family:
            return i
    sys.exit("notocjk.py: no face %r in %s" % (family, path))


def read_unicodes(path):
    with open(path) as f:
        return sorted({int(line, 16) for line in f if line.strip()})


def add_approx_equal(font):
    """≒ = the full-width ＝ with one full stop above its left end and one
    below its right end (Noto Serif CJK: ＝ spans x 150..850, y 244..492;
    the full stop is a 123-unit dot at x 102..225, y -15..108)."""
    cmap = font.getBestCmap()
    eq, dot = cmap.get(0xFF1D), cmap.get(0x2E)
    if eq is None or dot is None:
        sys.exit("notocjk.py: ≒ needs ＝ and . in the subset")
    glyf = font["glyf"]
    pen = TTGlyphPen(glyf)
    pen.addComponent(eq, (1, 0, 0, 1, 0, 0))
    pen.addComponent(dot, (1, 0, 0, 1, 66, 565))   # dot at x 168..291, y 550..673
    pen.addComponent(dot, (1, 0, 0, 1, 606, 86))   # dot at x 708..831, y 71..194
    name = "uni2252"
    g = pen.glyph()
    order = font.getGlyphOrder() + [name]
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    glyf.glyphs[name] = g
    g.recalcBounds(glyf)
    font["hmtx"].metrics[name] = (font["hmtx"].metrics[eq][0], g.xMin)
    for t in font["cmap"].tables:
        if t.isUnicode():
            t.cmap[0x2252] = name


def sort_glyphs(font):
    """Renumber the glyphs in the order of the first code point each maps."""
    for tag in font.keys():
        if tag != "GlyphOrder":
            font[tag]  # decompile every table before the glyph order changes
    order = font.getGlyphOrder()
    first = {}
    for cp, name in font.getBestCmap().items():
        first[name] = min(cp, first.get(name, cp))
    pos = {name: i for i, name in enumerate(order)}
    rest = sorted(order[1:], key=lambda n: (first.get(n, 0x110000), pos[n]))
    new = [order[0]] + rest
    font.setGlyphOrder(new)
    font["glyf"].glyphOrder = new


def keep_windows_cmaps(font):
    cmap = font["cmap"]
    cmap.tables = [t for t in cmap.tables
                   if (t.platformID, t.platEncID, t.format) in ((3, 1, 4), (3, 10, 12))]
    bmp = {cp: g for cp, g in font.getBestCmap().items() if cp <= 0xFFFF}
    for t in cmap.tables:
        if t.format == 4:
            t.cmap = bmp


def rename(font):
    name = font["name"]
    for rec in name.names:
        s = rec.toUnicode()
        if rec.nameID in (1, 4, 16) and s.startswith(FAMILY):
            rec.string = SUBSET_FAMILY + s[len(FAMILY):]
        elif rec.nameID == 6:
            rec.string = PS_NAME
        elif rec.nameID == 3:
            rec.string = s.replace("NotoSerifCJKsc-Regular", PS_NAME) + ";jianbao subset"
        elif rec.nameID == 5:
            rec.string = s + ";jianbao subset, glyf outlines"


def main():
    src, unicodes, dst = sys.argv[1:4]
    opts = subset.Options()
    opts.parse_opts(sys.argv[4:])
    want = read_unicodes(unicodes)
    font = TTFont(src, fontNumber=face_index(src, FAMILY),
                  recalcTimestamp=False, recalcBBoxes=True)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=want)
    sub.subset(font)
    to_glyf(font)
    if 0x2252 in want and 0x2252 not in font.getBestCmap():
        add_approx_equal(font)
    sort_glyphs(font)
    keep_windows_cmaps(font)
    rename(font)
    font.save(dst, reorderTables=True)
    cmap = font.getBestCmap()
    missing = [cp for cp in want if cp not in cmap]
    print("%s: %d glyphs, %d code points mapped, %d asked for but not in the font%s" % (
        dst, len(font.getGlyphOrder()), len(cmap), len(missing),
        (": " + " ".join("%04X" % cp for cp in missing[:40])) if missing else ""))


if __name__ == "__main__":
    main()
