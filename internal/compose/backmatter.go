package compose

import (
	"fmt"
	"strconv"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

func (c *composer) distribution(is *doc.Issue) {
	sp := c.spec
	d := sp.Distribution
	if len(is.Distribution) == 0 && is.Copies == 0 {
		return
	}
	size := d.Size.Abs
	st := c.st(d.Style)
	inset := d.Inset.Of(size)
	lead := c.pitch
	if d.Leading.Set && d.Leading.Abs > 0 {
		lead = d.Leading.Abs
	}
	type row struct {
		ln    linebreak.Line
		x     Len
		group int
	}
	var rows []row
	groups := 0
	for gi, g := range is.Distribution {
		label := c.single(g.Label+"：", g.Pos, st)
		x0 := sp.Left() + inset + label.Width
		width := sp.BlockW() - 2*inset - label.Width
		var texts [][]doc.Run
		if g.List {
			for _, u := range g.To {
				texts = append(texts, []doc.Run{{Text: u.S, Pos: u.Pos}})
			}
		} else {
			var rs []doc.Run
			for i, u := range g.To {
				t := u.S
				if i < len(g.To)-1 {
					t += "，"
				} else if d.InlineStop {
					t += "。"
				}
				rs = append(rs, doc.Run{Text: t, Pos: u.Pos})
			}
			texts = append(texts, rs)
		}
		first := true
		for _, rs := range texts {
			ls := linebreak.Break(c.runs(rs, d.Style), c.f, linebreak.Params{Width: width, CJKLatinGap: c.gap()})
			for _, ln := range ls {
				if first {
					rows = append(rows, row{label, sp.Left() + inset, gi})
					// the label shares the row with the first line
					rows[len(rows)-1].ln.Glyphs = append(append([]linebreak.Glyph{}, label.Glyphs...), shift(ln.Glyphs, label.Width)...)
					rows[len(rows)-1].ln.Text = label.Text + ln.Text
					rows[len(rows)-1].ln.Width = label.Width + ln.Width
					first = false
					continue
				}
				rows = append(rows, row{ln, x0, gi})
			}
		}
		groups++
	}
	if is.Copies > 0 {
		t := strings.ReplaceAll(d.Copies, "{n}", strconv.Itoa(is.Copies))
		ln := c.single(t, is.CopiesPos, st)
		rows = append(rows, row{ln, sp.Left() + sp.BlockW() - inset - ln.Width, groups})
	}
	height := Len(len(rows)) * lead
	needRows := int((height + c.pitch - 1) / c.pitch)
	if c.row+needRows > c.rows {
		c.newPage()
	}
	bottom := sp.Top() + sp.BlockH()
	top := bottom - height
	col := c.color(d.Color)
	c.rule("dist.first", top-d.Thick.Abs/2, d.Thick.Abs, col)
	for i, r := range rows {
		rt := top + Len(i)*lead
		if i > 0 && rows[i-1].group != r.group {
			c.rule("dist.sep", rt-d.Thin.Abs/2, d.Thin.Abs, col)
		}
		c.emit(r.ln, "dist", fmt.Sprintf("d%d", i+1), r.x, baseline(rt, lead, size), size, col)
	}
	c.rule("dist.last", bottom-d.Thick.Abs, d.Thick.Abs, col)
}

func shift(gs []linebreak.Glyph, dx Len) []linebreak.Glyph {
	out := make([]linebreak.Glyph, len(gs))
	for i, g := range gs {
		g.X += dx
		out[i] = g
	}
	return out
}

func (c *composer) pageNumbers() {
	sp := c.spec
	pn := sp.PageNumber
	size := pn.Size.Abs
	st := c.f.style(styleKey{role: pn.Font, size: size, noLatin: true})
	centre := sp.Top() + sp.BlockH() + pn.Below.Abs
	y := centre + size*330/1000 // the dash's middle sits about 0.33 em above the baseline
	inset := pn.Inset.Of(size)
	for i := range c.out.Pages {
		p := &c.out.Pages[i]
		n := i + 1
		if n == 1 && !pn.FirstPage {
			continue
		}
		p.Number = n
		ln := c.single(strings.ReplaceAll(pn.Format, "{n}", strconv.Itoa(n)), diag.Pos{}, st)
		var x Len
		switch {
		case pn.Position == "center":
			x = sp.Left() + (sp.BlockW()-ln.Width)/2
		case n%2 == 1:
			x = sp.Left() + sp.BlockW() - inset - ln.Width
		default:
			x = sp.Left() + inset
		}
		saved := c.page
		c.page = p
		c.emit(ln, "pageno", "", x, y, size, c.color(pn.Color))
		c.page = saved
	}
}
