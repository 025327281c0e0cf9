package compose

import (
	"fmt"
	"strconv"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// distRow is one row of the 报/送/发 block.
type distRow struct {
	ln    linebreak.Line
	x     Len
	group int
}

// distBlock is the 报/送/发 block and 共印 line, broken into rows, ready to
// stand at the foot of the last page.
type distBlock struct {
	rows     []distRow
	lead     Len
	size     Len
	needRows int // grid rows it takes at the foot of a page
	pos      diag.Pos
	above    *linebreak.Line // the staff line set right above the block (staff_line.position: above)
}

// prepareDistribution breaks the 报/送/发 block into rows, so the flow
// knows how many rows of the last page it takes; nil when there is none.
func (c *composer) prepareDistribution(is *doc.Issue) *distBlock {
	sp := c.spec
	d := sp.Distribution
	staffAbove := len(is.Staff) > 0 && sp.StaffLine.Position == "above"
	if len(is.Distribution) == 0 && is.Copies == 0 && is.Extra == nil && len(is.Staff) == 0 {
		return nil
	}
	size := d.Size.Abs
	st := c.st(d.Style)
	inset := d.Inset.Of(size)
	lead := c.pitch
	if d.Leading.Set && d.Leading.Abs > 0 {
		lead = d.Leading.Abs
	}
	type row = distRow
	var rows []row
	groups := 0
	for gi, g := range c.distGroups(is) {
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
			var ls []linebreak.Line
			if g.List {
				ls = linebreak.Break(c.runs(rs, d.Style), c.f, linebreak.Params{Width: width, CJKLatinGap: c.gap(), Protected: c.protected})
			} else {
				ls = c.unitLines(rs, width, c.st(d.Style))
			}
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
	var staff *linebreak.Line
	if len(is.Staff) > 0 {
		staff = c.staffLine(is)
	}
	if staff != nil && !staffAbove {
		rows = append(rows, row{*staff, sp.Left() + inset, groups})
	}
	if is.Copies > 0 {
		t := strings.ReplaceAll(d.Copies, "{n}", strconv.Itoa(is.Copies))
		ln := c.single(t, is.CopiesPos, st)
		x := sp.Left() + sp.BlockW() - inset - ln.Width
		if k := len(rows) - 1; staff != nil && !staffAbove && rows[k].ln.Width+size*2+ln.Width <= sp.BlockW()-2*inset {
			// the staff line and 共印 N 份 share the last row
			rows[k].ln.Glyphs = append(append([]linebreak.Glyph{}, rows[k].ln.Glyphs...), shift(ln.Glyphs, x-rows[k].x)...)
			rows[k].ln.Text += "　" + ln.Text
			rows[k].ln.Width = x - rows[k].x + ln.Width
		} else {
			rows = append(rows, row{ln, x, groups})
		}
	}
	height := Len(len(rows)) * lead
	db := &distBlock{rows: rows, lead: lead, size: size, needRows: int((height + c.pitch - 1) / c.pitch)}
	if staff != nil && staffAbove {
		db.above = staff
		db.needRows++
	}
	return db
}

// distGroups are the 报/送/发 groups and, last, the 本期增发 group
// labelled as the manifest or the layout says.
func (c *composer) distGroups(is *doc.Issue) []doc.Group {
	gs := is.Distribution
	if is.Extra != nil {
		g := *is.Extra
		if g.Label == "" {
			g.Label = c.spec.Distribution.ExtraLabel
		}
		gs = append(gs[:len(gs):len(gs)], g)
	}
	return gs
}

// staffLine sets the 责任编辑/审核/签发 line at its natural width; nil when
// it is wider than the block (reported).
func (c *composer) staffLine(is *doc.Issue) *linebreak.Line {
	sl := c.spec.StaffLine
	st := c.st(sl.Style)
	var parts []string
	for _, s := range is.Staff {
		t := strings.NewReplacer("{role}", s.Role, "{name}", s.Name).Replace(sl.Format)
		c.f.check(t, s.Pos, st)
		parts = append(parts, t)
	}
	ln := c.measureLine(strings.Join(parts, sl.Separator), st)
	inset := c.spec.Distribution.Inset.Of(c.spec.Distribution.Size.Abs)
	if ln.Width > c.spec.BlockW()-2*inset {
		c.errs.Add(is.Staff[0].Pos, "责任编辑、审核、签发一行太长，排不下", "请减少人数或缩短姓名")
		return nil
	}
	return &ln
}

// distribution places the 报/送/发 block at the foot of the last page: on
// a new page only when the text leaves no room (the flow has kept the last
// lines of text for it), or on an even page when the layout asks for it.
// A block on a page without text is reported.
func (c *composer) distribution(db *distBlock) {
	if db == nil {
		return
	}
	sp := c.spec
	d := sp.Distribution
	rows, lead, size := db.rows, db.lead, db.size
	height := Len(len(rows)) * lead
	if c.row+db.needRows > c.rows {
		c.newPage()
	}
	if d.EvenPage && len(c.out.Pages)%2 == 1 {
		c.newPage()
		c.page.Fill = 0
		c.notes.Add(db.pos, fmt.Sprintf("按版式 distribution.even_page，报/送栏放在第 %d 页（偶数页）页脚，前面加了一页", len(c.out.Pages)), "")
	} else if !c.pageHasText() {
		c.notes.Add(db.pos, fmt.Sprintf("第 %d 页只有报/送栏，没有正文", len(c.out.Pages)), "正文最后一页已排满；如需同页，请删减正文或报/送单位")
	}
	bottom := sp.Top() + sp.BlockH()
	top := bottom - height
	col := c.color(d.Color)
	c.rule("dist.first", top-d.Thick.Abs/2, d.Thick.Abs, col)
	if a := db.above; a != nil {
		sl := sp.StaffLine
		inset := d.Inset.Of(size)
		c.emit(*a, "staff", "", sp.Left()+sp.BlockW()-inset-a.Width, baseline(top-d.Thick.Abs-c.pitch, c.pitch, sl.Size.Abs), sl.Size.Abs, c.color(sl.Color))
	}
	for i, r := range rows {
		rt := top + Len(i)*lead
		if i > 0 && rows[i-1].group != r.group {
			c.rule("dist.sep", rt-d.Thin.Abs/2, d.Thin.Abs, col)
		}
		c.emit(r.ln, "dist", fmt.Sprintf("d%d", i+1), r.x, baseline(rt, lead, size), size, col)
	}
	c.rule("dist.last", bottom-d.Thick.Abs, d.Thick.Abs, col)
}

// unitLines sets an inline group's units (each with its "，") flush left,
// breaking between units: a unit moves whole to the next line unless it
// is longer than a line itself, and only then is broken inside.
func (c *composer) unitLines(units []doc.Run, width Len, st int) []linebreak.Line {
	for _, u := range units {
		c.f.check(u.Text, u.Pos, st)
	}
	var out []linebreak.Line
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, c.measureLine(cur, st))
			cur = ""
		}
	}
	for _, u := range units {
		if c.measureLine(cur+u.Text, st).Width <= width {
			cur += u.Text
			continue
		}
		flush()
		if c.measureLine(u.Text, st).Width <= width {
			cur = u.Text
			continue
		}
		// longer than a line: broken inside, the rest continues the line
		ls := linebreak.Break([]linebreak.Run{{Text: u.Text, Style: st}}, c.f, linebreak.Params{Width: width, Ragged: true, CJKLatinGap: c.gap(), Protected: c.protected})
		for i, ln := range ls {
			if i < len(ls)-1 {
				out = append(out, ln)
			} else {
				cur = ln.Text
			}
		}
	}
	flush()
	return out
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
