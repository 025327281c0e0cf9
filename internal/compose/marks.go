package compose

import (
	"fmt"

	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// CopyDigits is how many digits a 份号 has (GB/T 9704 7.2.1).
const CopyDigits = 6

// CopyText is a 份号 as printed: six digits, 000001.
func CopyText(n int) string { return fmt.Sprintf("%0*d", CopyDigits, n) }

// CopyRole is the display role of the 份号; a numbered copy changes the
// runes of this item only.
const CopyRole = "copyno"

// marks sets the marks top-left of page 1, one per grid row from the top
// of the text block (GB/T 9704 7.2.1–7.2.2): the 份号, then the
// classification (秘密★1年, or a free text such as 内部资料). It returns
// the rows they take.
func (c *composer) marks(is *doc.Issue) int {
	sp := c.spec
	left := sp.Left()
	row := 0
	if is.CopyNumber > 0 {
		cs := sp.CopyNumber
		st := c.st(cs)
		c.f.check("0123456789", is.CopyNumberPos, st)
		ln := c.measureLine(CopyText(is.CopyNumber), st)
		// Every digit in a cell as wide as the widest: the glyphs stand in
		// the same place whatever the number, so a copy differs from the
		// next in its digits only.
		var w Len
		for r := '0'; r <= '9'; r++ {
			w = max(w, c.f.Advance(r, st))
		}
		for i := range ln.Glyphs {
			ln.Glyphs[i].X = Len(i) * w
		}
		ln.Width = Len(len(ln.Glyphs)) * w
		c.emit(ln, CopyRole, "", left, baseline(c.rowTop(row), c.pitch, cs.Size.Abs), cs.Size.Abs, c.color(cs.Color))
		row++
	} else if is.SecrecyPeriod.S != "" {
		// A classified issue (密级 with 保密期限) is numbered (GB/T 9704
		// 7.2.1): its first line is kept for the 份号 even in the unnumbered
		// proof, so the proof and the numbered copies have the same pages.
		row++
	}
	if is.Classification.S != "" {
		cs := sp.Classification
		text := is.Classification.S
		if is.SecrecyPeriod.S != "" {
			text += "★" + is.SecrecyPeriod.S
		}
		st := c.st(cs)
		c.f.check(is.Classification.S, is.Classification.Pos, st)
		if is.SecrecyPeriod.S != "" {
			c.f.check("★"+is.SecrecyPeriod.S, is.SecrecyPeriod.Pos, st)
		}
		ln := c.measureLine(text, st)
		if is.SecrecyPeriod.S != "" {
			// 秘密★1年 is written solid (GB/T 9704 7.2.2): no Han–Latin gap
			ln = linebreak.Break([]linebreak.Run{{Text: text, Style: st}}, c.f, linebreak.Params{Width: 1 << 40, Ragged: true})[0]
		}
		c.emit(ln, "classification", "", left, baseline(c.rowTop(row), c.pitch, cs.Size.Abs), cs.Size.Abs, c.color(cs.Color))
		row++
	}
	return row
}

// StampCopy sets the 份号 of a composed document to n: it changes the
// runes of the 份号 glyphs on page 1 and nothing else — the item's Text,
// which the layout record prints, keeps the number the issue was composed
// with, so every copy of one build has the same record. It reports
// whether the document has a 份号 to change.
func StampCopy(items []display.Item, n int) bool {
	digits := []rune(CopyText(n))
	for i := range items {
		it := &items[i]
		if it.Role != CopyRole || len(it.Glyphs) != len(digits) {
			continue
		}
		gs := append(it.Glyphs[:0:0], it.Glyphs...)
		for k := range gs {
			gs[k].R = digits[k]
		}
		it.Glyphs = gs
		return true
	}
	return false
}
