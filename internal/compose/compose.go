// Package compose turns a document and a layout into pages: the masthead
// on page 1, articles on the character grid with keep-with-next and
// widow/orphan control, page numbers, and the 报/送 block at the bottom of
// the last page. Its output is a display list; it never touches PDF.
package compose

import (
	"fmt"
	"strconv"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
)

type Len = display.Len

// Baseline of a character's em box, as a fraction of the size from the
// top of the box (ideographic em box: 0.88 above the baseline, 0.12 below).
const ascentMilli = 880

// block is a paragraph-level element broken into lines, ready to paginate.
type block struct {
	kind     doc.Kind
	role     string
	id       string
	lines    []linebreak.Line
	size     Len
	color    display.Color
	x        Len   // left edge of the lines
	xs       []Len // per-line left edges, when lines are not flush left (落款, subtitles)
	before   int   // blank grid rows before the block (not at a page top)
	keepNext bool
	// tail is how many rows the block after this one needs on the page
	// where this one ends (a 落款 never stands apart from the text).
	tail  int
	after int     // blank grid rows after the block
	fig   *figure // a photo with its caption; lines is empty
}

// figure is a photo placed at its printed size with its caption below.
type figure struct {
	w, h     Len
	data     []byte
	format   string
	caption  []linebreak.Line
	capSize  Len
	capLead  Len
	capGap   Len
	capColor display.Color
	rows     int // grid rows taken, air included
}

// startRows is how many rows of b must fit on a page for b to start there:
// a whole figure, or two lines of text (all of a shorter block).
func startRows(b block) int {
	if b.fig != nil {
		return b.fig.rows
	}
	return min(2, len(b.lines))
}

// startsOn reports whether b can start on a page with free rows.
func startsOn(b block, free int) bool {
	want := startRows(b)
	if b.fig != nil {
		return free >= want
	}
	return free >= want && fit(free, len(b.lines), true) >= want
}

type composer struct {
	spec  *layout.Spec
	f     *fonts
	errs  diag.List
	out   *display.Document
	page  *display.Page
	row   int // next free grid row on the page
	rows  int // rows per page
	pitch Len // line pitch
}

// Compose lays out an issue.
func Compose(is *doc.Issue, spec *layout.Spec) (*display.Document, diag.List) {
	d, _, errs := ComposeNotes(is, spec)
	return d, errs
}

// ComposeNotes lays out an issue and also returns notes: the characters
// each font role had to set in its fallback face.
func ComposeNotes(is *doc.Issue, spec *layout.Spec) (*display.Document, diag.List, diag.List) {
	c := &composer{spec: spec, rows: spec.Grid.Lines, pitch: spec.LinePitch()}
	c.f = newFonts(spec, &c.errs)
	c.out = &display.Document{
		Subject: "工作简报",
		Date:    [3]int{is.Date.Year(), int(is.Date.Month()), is.Date.Day()},
	}
	var names []string
	for _, m := range is.Masthead {
		names = append(names, m.S)
	}
	c.out.Title = strings.Join(names, "") + " " + c.issueLine(is)
	c.out.Author = is.Editor.S
	c.newPage()
	c.masthead(is)
	for ai, a := range is.Articles {
		c.article(ai+1, a)
	}
	c.distribution(is)
	c.pageNumbers()
	if len(c.errs) > 0 {
		c.errs.Sort()
		return nil, nil, c.errs
	}
	return c.out, c.f.notes(), nil
}

func (c *composer) newPage() {
	c.out.Pages = append(c.out.Pages, display.Page{Width: c.spec.PageW(), Height: c.spec.PageH()})
	c.page = &c.out.Pages[len(c.out.Pages)-1]
	c.row = 0
}

func (c *composer) rowTop(r int) Len { return c.spec.Top() + Len(r)*c.pitch }

// baseline of a line of text of the given size centred in a row of height lead.
func baseline(top, lead, size Len) Len {
	return top + (lead-size)/2 + size*ascentMilli/1000
}

func (c *composer) st(s layout.Style) int {
	return c.f.style(styleKey{role: s.Font, size: s.Size.Abs, bold: s.Bold})
}

func (c *composer) gap() int64 {
	if !c.spec.Text.CJKLatinGap.IsEm {
		return 0
	}
	return c.spec.Text.CJKLatinGap.MilliEm
}

// runs converts doc runs to line-breaker runs in a style, checking glyphs.
func (c *composer) runs(rs []doc.Run, s layout.Style) []linebreak.Run {
	out := make([]linebreak.Run, 0, len(rs))
	for _, r := range rs {
		role, bold := s.Font, r.Bold || s.Bold
		switch r.RunIn {
		case 1:
			role, bold = c.spec.Heading1.Font, r.Bold || c.spec.Heading1.Bold
		case 2:
			role, bold = c.spec.Heading2.Font, r.Bold || c.spec.Heading2.Bold
		}
		st := c.f.style(styleKey{role: role, size: s.Size.Abs, bold: bold})
		c.f.check(r.Text, r.Pos, st)
		out = append(out, linebreak.Run{Text: r.Text, Style: st})
	}
	return out
}

// single sets one line of text at its natural width (with Han–Latin gaps).
func (c *composer) single(text string, pos diag.Pos, st int) linebreak.Line {
	c.f.check(text, pos, st)
	return c.measureLine(text, st)
}

// measureLine sets one line without checking glyph coverage.
func (c *composer) measureLine(text string, st int) linebreak.Line {
	ls := linebreak.Break([]linebreak.Run{{Text: text, Style: st}}, c.f, linebreak.Params{Width: 1 << 40, Ragged: true, CJKLatinGap: c.gap()})
	if len(ls) == 0 {
		return linebreak.Line{}
	}
	return ls[0]
}

// emit places a broken line at x (left edge) and baseline y.
func (c *composer) emit(ln linebreak.Line, role, id string, x, y, size Len, color display.Color) {
	it := display.Item{Kind: display.Text, Role: role, Line: id, X: x, Y: y, W: ln.Width, Size: size, Color: color, Text: ln.Text}
	it.Glyphs = make([]display.Glyph, 0, len(ln.Glyphs))
	for _, g := range ln.Glyphs {
		fc, faux, ok := c.f.pick(g.R, g.Style)
		name := ""
		if ok {
			name = fc.Name
		}
		it.Glyphs = append(it.Glyphs, display.Glyph{R: g.R, X: x + g.X, Face: name, Bold: faux})
	}
	c.page.Items = append(c.page.Items, it)
}

func (c *composer) color(name string) display.Color {
	if name == "" {
		return display.Black
	}
	return c.spec.Color(name)
}

func (c *composer) issueLine(is *doc.Issue) string {
	il := c.spec.IssueLine
	f := il.Format
	switch {
	case is.Special != "":
		f = il.SpecialFormat
	case is.Total == 0:
		f = il.FormatNoTotal
	}
	r := strings.NewReplacer("{year}", strconv.Itoa(is.Year), "{number}", strconv.Itoa(is.Number),
		"{total}", strconv.Itoa(is.Total), "{special}", is.Special)
	return r.Replace(f)
}

func (c *composer) masthead(is *doc.Issue) {
	sp := c.spec
	left, w := sp.Left(), sp.BlockW()
	red := c.color(sp.Masthead.Color)
	if is.Classification.S != "" {
		cs := sp.Classification
		ln := c.single(is.Classification.S, is.Classification.Pos, c.st(cs))
		c.emit(ln, "classification", "", left, baseline(c.rowTop(0), c.pitch, cs.Size.Abs), cs.Size.Abs, c.color(cs.Color))
	}
	top := sp.Top() + sp.Masthead.Top.Abs
	var lastBase Len
	for i, m := range is.Masthead {
		maxSize := sp.Masthead.Size.Abs
		if len(is.Masthead) > 1 && i < len(is.Masthead)-1 && sp.Masthead.FirstSize.Set {
			maxSize = sp.Masthead.FirstSize.Abs
		}
		probe := c.f.style(styleKey{role: sp.Masthead.Font, size: maxSize})
		ln := c.single(m.S, m.Pos, probe)
		size := maxSize
		if ln.Width > w {
			size = maxSize * w / ln.Width
			size -= size % 100 // a tenth of a point, rounded down
		}
		if size < sp.Masthead.MinSize.Abs {
			c.errs.Add(m.Pos, fmt.Sprintf("报头“%s”太长，缩到最小字号 %s pt 仍超出版心宽度", m.S, sp.Masthead.MinSize.Abs), "请把报头分成两行（masthead 下写两项）")
			continue
		}
		st := c.f.style(styleKey{role: sp.Masthead.Font, size: size})
		ln = c.measureLine(m.S, st)
		if i > 0 {
			top += sp.Masthead.LineGap.Of(size)
		}
		base := top + size*ascentMilli/1000
		c.emit(ln, "masthead", fmt.Sprintf("m%d", i+1), left+(w-ln.Width)/2, base, size, red)
		top += size
		lastBase = base
	}
	// Issue line, centred.
	il := sp.IssueLine
	base := lastBase + il.Gap.Abs
	ln := c.single(c.issueLine(is), diag.Pos{}, c.st(il.Style))
	c.emit(ln, "issue", "", left+(w-ln.Width)/2, base, il.Size.Abs, c.color(il.Color))
	// Editor left, date right.
	el := sp.EditorLine
	base += c.pitch
	inset := el.Inset.Of(el.Size.Abs)
	est := c.st(el.Style)
	edW := Len(0)
	if is.Editor.S != "" {
		ln := c.single(is.Editor.S, is.Editor.Pos, est)
		c.emit(ln, "editor", "", left+inset, base, el.Size.Abs, c.color(el.Color))
		edW = ln.Width
	}
	date := strings.NewReplacer("{year}", strconv.Itoa(is.Date.Year()), "{month}", strconv.Itoa(int(is.Date.Month())), "{day}", strconv.Itoa(is.Date.Day())).Replace(el.Date)
	dl := c.single(date, is.DatePos, est)
	if edW+dl.Width+2*inset+el.Size.Abs > w {
		c.errs.Add(is.Editor.Pos, "编印单位和日期在一行中放不下", "请缩短编印单位名称")
	}
	c.emit(dl, "date", "", left+w-inset-dl.Width, base, el.Size.Abs, c.color(el.Color))
	// The red rule.
	rr := sp.RedRule
	y := base + el.Size.Abs*(1000-ascentMilli)/1000 + rr.Gap.Abs
	c.rule("redrule", y, rr.Thickness.Abs, c.color(rr.Color))
	if rr.Double.Abs > 0 {
		c.rule("redrule2", y+rr.Thickness.Abs+display.MM(0.1)*10/10+rr.Double.Abs/2, rr.Double.Abs, c.color(rr.Color))
		y += rr.Thickness.Abs + rr.Double.Abs
	}
	bottom := y + rr.Thickness.Abs
	r := int((bottom - sp.Top() + c.pitch - 1) / c.pitch)
	c.row = r
}

func (c *composer) rule(role string, y, t Len, col display.Color) {
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Rule, Role: role, X: c.spec.Left(), Y: y, W: c.spec.BlockW(), H: t, Color: col})
}

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

// figure sizes a photo and breaks its caption. The photo is as wide as the
// text block, or its natural size if smaller, and never taller than a page
// can hold with its caption; it is scaled to the layout's print resolution.
func (c *composer) figure(art, n int, b doc.Block) (block, bool) {
	sp := c.spec
	pic := b.Picture
	if pic == nil {
		return block{}, false // the loader has reported why
	}
	cs := sp.Caption
	f := &figure{capSize: cs.Size.Abs, capColor: c.color(cs.Color)}
	f.capLead = cs.Leading.Abs
	if !cs.Leading.Set || f.capLead <= 0 {
		f.capLead = f.capSize * 3 / 2
	}
	if len(b.Runs) > 0 {
		f.capGap = cs.Gap.Abs
		f.caption = linebreak.Break(c.runs(b.Runs, cs.Style), c.f, linebreak.Params{Width: sp.BlockW() - 4*f.capSize, Ragged: true, Centered: true, CJKLatinGap: c.gap()})
	}
	capH := f.capGap + Len(len(f.caption))*f.capLead
	dpi := pic.DPI
	if dpi < 10 || dpi > 10000 {
		dpi = float64(sp.Image.DefaultDPI)
	}
	f.w = min(sp.BlockW(), display.Round(float64(pic.W)*72000/dpi))
	f.h = display.Round(float64(f.w) * float64(pic.H) / float64(pic.W))
	maxH := Len(c.rows-1)*c.pitch - capH
	if maxH < c.pitch {
		c.errs.Add(b.Pos, "图片说明太长，与图片一起放不进一页", "请缩短图片说明")
		return block{}, false
	}
	if f.h > maxH {
		f.w = f.w * maxH / f.h
		f.h = maxH
	}
	if f.w < Len(1000) || f.h < Len(1000) {
		c.errs.Add(b.Pos, fmt.Sprintf("图片 %q 太窄或太扁，印出来不足 1 pt", b.Image), "请换一张比例正常的图片")
		return block{}, false
	}
	content := f.h + capH
	f.rows = int((content+c.pitch-1)/c.pitch) + 1 // at least half a line of air above and below
	px := func(l Len) int { return int((int64(l)*int64(sp.Image.DPI) + 71999) / 72000) }
	data, format, err := pic.Render(px(f.w), px(f.h))
	if err != nil {
		c.errs.Add(b.Pos, fmt.Sprintf("图片 %q 已损坏，无法解码", b.Image), "请重新导出或另存这张图片")
		return block{}, false
	}
	f.data, f.format = data, format
	return block{kind: b.Kind, role: "figure", id: fmt.Sprintf("a%d.p%d", art, n), fig: f, x: sp.Left()}, true
}

// placeFigure puts a photo and its caption on whole grid rows, centred
// between them, on a new page when the rest of this one is too short; the
// text after it goes back on the grid.
func (c *composer) placeFigure(b block) {
	f := b.fig
	if c.rows-c.row < f.rows && c.row > 0 {
		c.newPage()
	}
	sp := c.spec
	capH := f.capGap + Len(len(f.caption))*f.capLead
	top := c.rowTop(c.row) + (Len(f.rows)*c.pitch-f.h-capH)/2
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Image, Role: "figure", Line: b.id,
		X: sp.Left() + (sp.BlockW()-f.w)/2, Y: top, W: f.w, H: f.h, Image: f.data, ImgFmt: f.format})
	y := top + f.h + f.capGap
	for i, ln := range f.caption {
		c.emit(ln, "caption", fmt.Sprintf("%s.c%d", b.id, i+1), sp.Left()+(sp.BlockW()-ln.Width)/2, baseline(y, f.capLead, f.capSize), f.capSize, f.capColor)
		y += f.capLead
	}
	c.row = min(c.row+f.rows, c.rows)
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
