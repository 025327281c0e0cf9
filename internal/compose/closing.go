package compose

import (
	"fmt"
	"strings"
	"unicode"

	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// subtitle breaks a subtitle or byline under a title: ragged, centred on
// the text block, on the grid, kept with what follows.
func (c *composer) subtitle(art, n int, b doc.Block) block {
	sp := c.spec
	s := sp.Subtitle
	width := sp.BlockW() - 4*sp.CharPitch()
	ls := linebreak.Break(c.runs(b.Runs, s), c.f, c.display(width))
	xs := make([]Len, len(ls))
	for i, ln := range ls {
		xs[i] = sp.Left() + (sp.BlockW()-ln.Width)/2
	}
	return block{kind: doc.Subtitle, role: "subtitle", id: fmt.Sprintf("a%d.p%d", art, n), lines: ls, xs: xs,
		size: s.Size.Abs, color: c.color(s.Color), x: sp.Left(), keepNext: true}
}

// closing sets the 落款 as GB/T 9704 7.3.5.2 places a signature without a
// seal: the unit lines end inset characters from the right edge, the date
// below starts date_shift characters right of them; a date longer than
// that ends inset characters from the edge and the unit lines move right.
// Every line is one line: a 落款 line that does not fit is an error.
func (c *composer) closing(art, n int, bs []doc.Block) block {
	sp := c.spec
	s := sp.Closing
	pitch := sp.CharPitch()
	right := sp.Left() + sp.BlockW() - Len(*s.Inset)*pitch
	var ls []linebreak.Line
	for _, b := range bs {
		ln := c.measureLine(b.PlainText(), c.f.style(styleKey{role: s.Font, size: s.Size.Abs, bold: s.Bold}))
		for _, r := range b.Runs {
			c.f.check(r.Text, r.Pos, c.st(s.Style))
		}
		if ln.Width > sp.BlockW() {
			c.errs.Add(b.Pos, fmt.Sprintf("落款“%s”一行放不下", b.PlainText()), "请缩短这一行，或把它分成两行")
		}
		ls = append(ls, ln)
	}
	xs := make([]Len, len(ls))
	units := len(ls)
	if units > 1 && isDateLine(bs[units-1].PlainText()) {
		units--
	}
	var unitW Len
	for _, ln := range ls[:units] {
		unitW = max(unitW, ln.Width)
	}
	left := right - unitW
	if units < len(ls) {
		date := ls[units]
		dx := left + Len(*s.DateShift)*pitch
		if dx+date.Width > right {
			dx = right - date.Width
			left = dx - Len(*s.DateShift)*pitch
			if left+unitW > sp.Left()+sp.BlockW() {
				left = sp.Left() + sp.BlockW() - unitW
			}
		}
		xs[units] = dx
	}
	for i := range ls[:units] {
		xs[i] = left
	}
	for i := range xs {
		xs[i] = max(xs[i], sp.Left())
	}
	return block{kind: doc.Closing, role: "closing", id: fmt.Sprintf("a%d.p%d", art, n), lines: ls, xs: xs,
		size: s.Size.Abs, color: c.color(s.Color), x: sp.Left(), before: *s.LinesBefore}
}

// isDateLine says whether a 落款 line is the date: it ends in 日 and holds
// a year. Dates arrive in their printed form (2026年2月20日,
// 二〇二六年二月二十日): markup and manuscript normalise 2026-02-20,
// 2026.2.20 and 2026/2/20 with manuscript.DateLine.
func isDateLine(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, "日") || !strings.Contains(s, "年") {
		return false
	}
	for _, r := range s {
		if !unicode.IsDigit(r) && !strings.ContainsRune("年月日〇零一二三四五六七八九十 ", r) {
			return false
		}
	}
	return true
}
