package compose

import (
	"fmt"
	"strings"

	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// tableBlock is a table broken into cells, ready to paginate between rows.
type tableBlock struct {
	title   linebreak.Line // the title above (表1 …); Glyphs empty when none
	titleSz Len
	widths  []Len      // column widths
	rows    []tableRow // all rows, the header's first
	header  int        // header rows, repeated on each page
	size    Len        // text size
	lead    Len        // line pitch inside cells
	pad     Len        // cell padding
	rule    Len        // rule thickness
	three   bool       // three-line table
	color   display.Color
	start   int // grid rows needed to start on a page
}

type tableRow struct {
	h     Len
	cells []tableCell
}

type tableCell struct {
	col, span int // first column and columns covered
	lines     []linebreak.Line
	align     byte // 'l', 'c', 'r'
	role      string
}

// tableRows is how many grid rows a table needs to start on a page: its
// title, its header and its first body row.
func (t *tableBlock) startRows(pitch Len) int {
	h := Len(0)
	for i := 0; i < len(t.rows) && i <= t.header; i++ {
		h += t.rows[i].h
	}
	n := int((h + pitch - 1) / pitch)
	if len(t.title.Glyphs) > 0 {
		n++
	}
	return n
}

// table lays out a table: the body size, or the layout's smaller size
// when the columns do not fit; columns sized from their content to fill
// the text block; cells broken with the Chinese rules. A table that does
// not fit even at the smaller size is an error.
func (c *composer) table(art, n int, b doc.Block) (block, bool) {
	sp := c.spec
	ts := sp.Table
	t := b.Table
	ncol := t.Columns()
	if ncol == 0 || len(t.Rows) == 0 {
		return block{}, false
	}
	var tb *tableBlock
	var need Len
	for _, size := range []Len{ts.Size.Abs, ts.MinSize.Abs} {
		tb, need = c.tableAt(t, size, ncol)
		if tb != nil {
			break
		}
	}
	if tb == nil {
		c.errs.Add(b.Pos, fmt.Sprintf("表格太宽：%d 列至少要 %.0f mm，版心只有 %.0f mm", ncol, need.Pt()*25.4/72, sp.BlockW().Pt()*25.4/72),
			"请减少列数，或缩短各列中的数字、英文")
		return block{}, false
	}
	if len(b.Runs) > 0 {
		tb.titleSz = sp.Body.Size.Abs
		st := c.f.style(styleKey{role: ts.TitleFont, size: tb.titleSz})
		ls := linebreak.Break(c.runsIn(b.Runs, st), c.f, linebreak.Params{Width: sp.BlockW(), Ragged: true, Centered: true, CJKLatinGap: c.gap(), Protected: c.protected})
		if len(ls) > 0 {
			tb.title = ls[0]
			for _, l := range ls[1:] { // a title is one line: more is kept, set tight
				tb.title.Glyphs = append(tb.title.Glyphs, shift(l.Glyphs, tb.title.Width)...)
				tb.title.Text += l.Text
				tb.title.Width += l.Width
			}
		}
	}
	tb.start = tb.startRows(c.pitch)
	return block{kind: doc.Table, role: "table", id: fmt.Sprintf("a%d.p%d", art, n), tab: tb, x: sp.Left()}, true
}

// runsIn converts doc runs to line-breaker runs in one style, checking glyphs.
func (c *composer) runsIn(rs []doc.Run, st int) []linebreak.Run {
	out := make([]linebreak.Run, 0, len(rs))
	for _, r := range rs {
		c.f.check(r.Text, r.Pos, st)
		out = append(out, linebreak.Run{Text: r.Text, Style: st})
	}
	return out
}

// tableAt lays a table out at one size; nil (with the width it needs)
// when its columns cannot fit the text block.
func (c *composer) tableAt(t *doc.TableData, size Len, ncol int) (*tableBlock, Len) {
	sp := c.spec
	ts := sp.Table
	pad := ts.Padding.Of(size)
	body := c.f.style(styleKey{role: ts.Font, size: size})
	head := c.f.style(styleKey{role: ts.HeaderFont, size: size})
	bold := c.f.style(styleKey{role: ts.Font, size: size, bold: true})
	style := func(ri int, r doc.Run) int {
		switch {
		case ri < t.Header:
			return head
		case r.Bold:
			return bold
		}
		return body
	}
	natural := make([]Len, ncol)
	least := make([]Len, ncol)
	for i := range least {
		least[i] = 2*size + 2*pad
	}
	for ri, row := range t.Rows {
		col := 0
		for _, cell := range row {
			span := max(1, cell.Span)
			if col+span > ncol {
				break
			}
			if span == 1 && !cell.Merged {
				w := Len(0)
				for _, r := range cell.Runs {
					w += c.measureLine(r.Text, style(ri, r)).Width
					for _, tok := range strings.FieldsFunc(r.Text, func(x rune) bool { return !linebreak.IsLatin(x) }) {
						least[col] = max(least[col], c.measureLine(tok, style(ri, r)).Width+2*pad)
					}
				}
				natural[col] = max(natural[col], w+2*pad)
			}
			col += span
		}
	}
	var sumN, sumL Len
	for i := range natural {
		natural[i] = max(natural[i], least[i])
		sumN += natural[i]
		sumL += least[i]
	}
	avail := sp.BlockW()
	if sumL > avail {
		return nil, sumL
	}
	widths := make([]Len, ncol)
	if sumN <= avail {
		rest := avail
		for i := range widths {
			widths[i] = natural[i] + (avail-sumN)*natural[i]/sumN
			rest -= widths[i]
		}
		widths[ncol-1] += rest
	} else {
		extra, rest := avail-sumL, avail
		for i := range widths {
			widths[i] = least[i] + extra*(natural[i]-least[i])/max(1, sumN-sumL)
			rest -= widths[i]
		}
		widths[ncol-1] += rest
	}
	tb := &tableBlock{widths: widths, header: min(t.Header, len(t.Rows)), size: size, lead: size * 3 / 2, pad: pad,
		rule: ts.Rule.Abs, three: ts.Rules == "three-line", color: c.color(ts.Color)}
	for ri, row := range t.Rows {
		tr := tableRow{}
		col, maxLines := 0, 1
		for _, cell := range row {
			span := max(1, cell.Span)
			if col+span > ncol {
				break
			}
			w := Len(0)
			for k := col; k < col+span; k++ {
				w += widths[k]
			}
			tc := tableCell{col: col, span: span, role: "table"}
			if ri < t.Header {
				tc.role = "table.head"
			}
			tc.align = 'l'
			if col < len(t.Align) && t.Align[col] != 0 {
				tc.align = t.Align[col]
			}
			if ri < t.Header {
				tc.align = 'c'
			}
			if !cell.Merged && len(cell.Runs) > 0 {
				rs := make([]linebreak.Run, 0, len(cell.Runs))
				for _, r := range cell.Runs {
					st := style(ri, r)
					c.f.check(r.Text, r.Pos, st)
					rs = append(rs, linebreak.Run{Text: r.Text, Style: st})
				}
				tc.lines = linebreak.Break(rs, c.f, linebreak.Params{Width: w - 2*pad, Ragged: true, Centered: tc.align == 'c', CJKLatinGap: c.gap(), Protected: c.protected})
			}
			maxLines = max(maxLines, len(tc.lines))
			tr.cells = append(tr.cells, tc)
			col += span
		}
		tr.h = Len(maxLines)*tb.lead + 2*pad
		tb.rows = append(tb.rows, tr)
	}
	return tb, sumL
}

// placeTable sets a table from the current grid row, its title above it;
// it breaks between rows, repeating the header rows at the top of each
// new page, and the text after it returns to the grid.
func (c *composer) placeTable(b block) {
	sp := c.spec
	t := b.tab
	if c.rows-c.row < t.startRows(c.pitch) && c.row > 0 {
		c.newPage()
	}
	if len(t.title.Glyphs) > 0 {
		c.emit(t.title, "table.title", b.id+".t", sp.Left()+(sp.BlockW()-t.title.Width)/2, baseline(c.rowTop(c.row), c.pitch, t.titleSz), t.titleSz, t.color)
		c.row++
	}
	bottom := sp.Top() + sp.BlockH()
	y := c.rowTop(c.row)
	top := y
	first := true
	drawn := 0 // rows drawn on this page
	for ri := 0; ri < len(t.rows); ri++ {
		row := t.rows[ri]
		if !first && y+row.h > bottom && drawn > t.header {
			c.tableFrame(t, top, y)
			c.row = c.rows
			c.newPage()
			y = c.rowTop(0)
			top = y
			drawn = 0
			for hi := 0; hi < t.header; hi++ { // the header again
				y = c.tableRow(b, t, hi, y, true)
				drawn++
			}
		}
		y = c.tableRow(b, t, ri, y, drawn == 0)
		drawn++
		first = false
	}
	c.tableFrame(t, top, y)
	c.row = min(c.rows, int((y-sp.Top()+c.pitch-1)/c.pitch))
}

// tableRow draws one row's cells and the rules above it and between its
// cells; it returns the row's bottom.
func (c *composer) tableRow(b block, t *tableBlock, ri int, y Len, firstOnPage bool) Len {
	sp := c.spec
	row := t.rows[ri]
	thin := t.rule
	if !firstOnPage && (!t.three || ri == t.header) {
		c.hrule("table.rule", sp.Left(), y, sp.BlockW(), thin, t.color)
	}
	for _, tc := range row.cells {
		x0 := sp.Left()
		for k := 0; k < tc.col; k++ {
			x0 += t.widths[k]
		}
		w := Len(0)
		for k := tc.col; k < tc.col+tc.span; k++ {
			w += t.widths[k]
		}
		if !t.three && tc.col > 0 {
			c.vrule(x0, y, row.h, thin, t.color)
		}
		// the cell's lines, centred vertically in the row
		ty := y + (row.h-Len(len(tc.lines))*t.lead)/2
		for i, ln := range tc.lines {
			x := x0 + t.pad
			switch tc.align {
			case 'c':
				x = x0 + (w-ln.Width)/2
			case 'r':
				x = x0 + w - t.pad - ln.Width
			}
			c.emit(ln, tc.role, fmt.Sprintf("%s.r%d.c%d.%d", b.id, ri+1, tc.col+1, i+1), x, baseline(ty+Len(i)*t.lead, t.lead, t.size), t.size, t.color)
		}
	}
	return y + row.h
}

// tableFrame draws the outer rules of the part of a table on one page.
func (c *composer) tableFrame(t *tableBlock, top, bottom Len) {
	sp := c.spec
	outer := t.rule
	if t.three {
		outer = 2 * t.rule
	}
	c.hrule("table.rule", sp.Left(), top, sp.BlockW(), outer, t.color)
	c.hrule("table.rule", sp.Left(), bottom, sp.BlockW(), outer, t.color)
	if !t.three {
		c.vrule(sp.Left(), top, bottom-top, t.rule, t.color)
		c.vrule(sp.Left()+sp.BlockW(), top, bottom-top, t.rule, t.color)
	}
}

// hrule draws a horizontal rule centred on y.
func (c *composer) hrule(role string, x, y, w, th Len, col display.Color) {
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Rule, Role: role, X: x, Y: y - th/2, W: w, H: th, Color: col})
}

// vrule draws a vertical rule centred on x from y down h.
func (c *composer) vrule(x, y, h, th Len, col display.Color) {
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Rule, Role: "table.rule", X: x - th/2, Y: y, W: th, H: h, Color: col})
}
