package compose

import (
	"fmt"
	"strings"

	"jianbao/internal/doc"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
)

// lines breaks runs at the body measure.
func (c *composer) lines(rs []linebreak.Run, indent Len, width Len) []linebreak.Line {
	return linebreak.Break(rs, c.f, linebreak.Params{
		Width: width, Indent: indent, Pitch: c.spec.CharPitch(),
		CJKLatinGap: c.gap(), CompressAlways: c.spec.Text.PunctCompress == "always",
	})
}

func (c *composer) article(n int, a *doc.Article) {
	sp := c.spec
	// Title: centred, balanced lines, fixed leading.
	ts := sp.Title
	truns := c.runs(a.Title.Runs, ts.Style)
	tl := linebreak.Break(truns, c.f, linebreak.Params{Width: sp.BlockW(), Ragged: true, Centered: true, CJKLatinGap: c.gap()})
	var body []block
	for bi := 0; bi < len(a.Blocks); bi++ {
		if a.Blocks[bi].Kind == doc.Closing {
			end := bi
			for end < len(a.Blocks) && a.Blocks[end].Kind == doc.Closing {
				end++
			}
			blk := c.closing(n, bi+1, a.Blocks[bi:end])
			if len(body) > 0 {
				body[len(body)-1].tail = blk.before + len(blk.lines)
			}
			body = append(body, blk)
			bi = end - 1
			continue
		}
		if blk, ok := c.blockLines(n, bi+1, a.Blocks[bi]); ok {
			body = append(body, blk)
		}
	}
	subtitled := len(body) > 0 && body[0].kind == doc.Subtitle
	for i := 0; i < len(body) && body[i].kind == doc.Subtitle; i++ {
		if i+1 == len(body) || body[i+1].kind != doc.Subtitle {
			body[i].after = ts.LinesAfter
		}
	}
	before := ts.LinesBefore
	if n == 1 {
		before = ts.FirstBefore
	}
	titleH := Len(len(tl)) * ts.Leading.Abs
	titleRows := int((titleH + c.pitch - 1) / c.pitch)
	if c.row > 0 {
		c.row += before
	}
	// Keep the title with at least two lines of what follows (or all of a
	// shorter first block), as the first block will actually be split.
	free := c.rows - c.row - titleRows - ts.LinesAfter
	if len(body) > 0 {
		// headings right after the title come along, with what they keep
		k, lead := 0, 0
		for k < len(body)-1 && body[k].keepNext && body[k].fig == nil {
			lead += len(body[k].lines)
			k++
		}
		if free-lead < 0 || !startsOn(body[k], free-lead) {
			c.newPage()
		}
	} else if free < 0 {
		c.newPage()
	}
	// The title's lines are centred vertically in the grid rows they take,
	// so the body after it returns to the grid.
	top := c.rowTop(c.row) + (Len(titleRows)*c.pitch-titleH)/2
	for i, ln := range tl {
		y := baseline(top+Len(i)*ts.Leading.Abs, ts.Leading.Abs, ts.Size.Abs)
		c.emit(ln, "title", fmt.Sprintf("a%d.t.%d", n, i+1), sp.Left()+(sp.BlockW()-ln.Width)/2, y, ts.Size.Abs, c.color(ts.Color))
	}
	c.row += titleRows
	if !subtitled {
		c.row += ts.LinesAfter
	}
	for i, b := range body {
		if b.kind == doc.Note && i+1 < len(body) && body[i+1].kind != doc.Note {
			b.after = sp.Note.LinesAfter
		}
		if b.fig != nil {
			c.placeFigure(b)
			continue
		}
		if b.kind == doc.Closing {
			if c.row > 0 && c.rows-c.row < b.before+len(b.lines) {
				c.newPage()
			}
			if c.row > 0 {
				c.row += b.before
			}
			c.place(b, 0)
			continue
		}
		need := 0
		if b.keepNext && i+1 < len(body) {
			next := body[i+1]
			need = startRows(next)
			if free := c.rows - c.row - len(b.lines); free >= need && !startsOn(next, free) {
				need = free + 1 // the next block would not start on this page
			}
		}
		c.place(b, need)
	}
}

// blockLines breaks one block.
func (c *composer) blockLines(art, n int, b doc.Block) (block, bool) {
	sp := c.spec
	var s layout.Style
	role := ""
	keep := false
	x, width := sp.Left(), sp.GridW()
	switch b.Kind {
	case doc.Heading1:
		s, role, keep = sp.Heading1, "h1", true
	case doc.Heading2:
		s, role, keep = sp.Heading2, "h2", true
	case doc.Note:
		s, role = sp.Note.Style, "note"
		x += Len(sp.Note.Inset) * sp.CharPitch()
		width -= 2 * Len(sp.Note.Inset) * sp.CharPitch()
	case doc.Heading3:
		s, role, keep = sp.Heading3, "h3", true
	case doc.Subtitle:
		return c.subtitle(art, n, b), true
	case doc.Para:
		s, role = sp.Body, "body"
	case doc.Figure:
		return c.figure(art, n, b)
	default:
		return block{}, false
	}
	indent := Len(s.Indent) * c.spec.CharPitch()
	runs := c.runs(b.Runs, s)
	if b.Kind == doc.Note && sp.Note.LabelFont != "" {
		runs = c.noteLabel(b.Runs, runs)
	}
	ls := c.lines(runs, indent, width)
	return block{kind: b.Kind, role: role, id: fmt.Sprintf("a%d.p%d", art, n), lines: ls, size: s.Size.Abs, color: c.color(s.Color), x: x, keepNext: keep}, true
}

// noteLabels are the words that open an editor's note.
var noteLabels = []string{"编者按", "编者的话", "编者注", "按语", "编按"}

// noteLabel sets the opening "编者按：" of a note in the label font.
func (c *composer) noteLabel(src []doc.Run, runs []linebreak.Run) []linebreak.Run {
	if len(runs) == 0 {
		return runs
	}
	t := runs[0].Text
	for _, l := range noteLabels {
		for _, colon := range []string{"：", ":"} {
			if !strings.HasPrefix(t, l+colon) {
				continue
			}
			n := len(l + colon)
			st := c.f.style(styleKey{role: c.spec.Note.LabelFont, size: c.spec.Note.Size.Abs, bold: src[0].Bold})
			c.f.check(t[:n], src[0].Pos, st)
			out := []linebreak.Run{{Text: t[:n], Style: st}}
			if n < len(t) {
				out = append(out, linebreak.Run{Text: t[n:], Style: runs[0].Style})
			}
			return append(out, runs[1:]...)
		}
	}
	return runs
}

// fit says how many of the rest lines of a block go on a page with free
// rows: never the first line alone at the bottom (orphan), never the last
// line alone at the top of the next page (widow).
func fit(free, rest int, first bool) int {
	take := min(free, rest)
	if take < rest {
		if rest-take == 1 && take >= 2 && rest >= 3 {
			take-- // widow
		}
		if first && take == 1 && rest >= 2 {
			take = 0 // orphan
		}
	}
	return take
}

// place paginates a block on the grid: no first line alone at the bottom
// of a page, no last line alone at the top, headings kept with what follows.
func (c *composer) place(b block, keepNext int) {
	k := len(b.lines)
	idx := 0
	for idx < k {
		free := c.rows - c.row
		rest := k - idx
		take := fit(free, rest, idx == 0)
		if b.keepNext && take == rest && take+keepNext > free {
			take = 0 // a heading is never the last line on a page
		}
		if b.tail > 0 && take == rest && take+b.tail > free {
			// what follows must share the page with the last two lines
			take = max(0, rest-2)
			if idx == 0 && take == 1 {
				take = 0
			}
		}
		if take == 0 {
			if c.row == 0 {
				take = min(free, rest) // a whole page cannot help; set what fits
			} else {
				c.newPage()
				continue
			}
		}
		for i := 0; i < take; i++ {
			ln := b.lines[idx+i]
			y := baseline(c.rowTop(c.row), c.pitch, b.size)
			x := b.x
			if b.xs != nil {
				x = b.xs[idx+i]
			}
			c.emit(ln, b.role, fmt.Sprintf("%s.%d", b.id, idx+i+1), x, y, b.size, b.color)
			c.row++
		}
		idx += take
		if idx < k {
			c.newPage()
		}
	}
	if c.row > 0 {
		c.row = min(c.row+b.after, c.rows)
	}
}
