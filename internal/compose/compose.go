// Package compose turns a document and a layout into pages: the masthead
// on page 1, articles on the character grid with keep-with-next and
// widow/orphan control, page numbers, and the 报/送 block at the bottom of
// the last page. Its output is a display list; it never touches PDF.
package compose

import (
	"fmt"
	"slices"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/fontset"
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
	// row holds photos side by side (fig then gives the row's rows), in
	// columns colW wide, gap apart.
	row       []*figure
	colW, gap Len
	tab       *tableBlock // a table; lines is empty
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
// a whole figure, or two lines of text (all of a shorter block). A block of
// three lines or fewer with something kept after it (a 落款, the 报/送
// block) moves whole with it, so it needs that too.
func startRows(b block) int {
	if b.fig != nil {
		return b.fig.rows
	}
	if b.tab != nil {
		return b.tab.start
	}
	if b.tail > 0 && len(b.lines) <= 3 {
		return len(b.lines) + b.tail
	}
	return min(2, len(b.lines))
}

// startsOn reports whether b can start on a page with free rows.
func startsOn(b block, free int) bool {
	want := startRows(b)
	if b.fig != nil || b.tab != nil {
		return free >= want
	}
	return free >= want && fit(free, len(b.lines), true) >= min(want, len(b.lines))
}

type composer struct {
	spec *layout.Spec
	f    *fonts
	errs diag.List
	out  *display.Document
	page *display.Page
	row  int // next free grid row on the page
	// hasContents: a 本期要目 stands between the red rule and the first title
	hasContents bool
	rows        int // rows per page
	pitch       Len // line pitch
	notes       diag.List
	// float is a photo waiting for the top of the next page: it did not
	// fit where it was written, and the text after it went on filling the
	// page.
	float *block
	// figMax, when set, is the most rows a photo may take: one right
	// after a title or heading must fit on a page with it.
	figMax int
	// protected are the words never broken across lines.
	protected []string
	// listed are the pages the 本期要目 lists for the articles (from the
	// previous composition; nil in the first); titlePage the pages the
	// articles' titles fall on in this one.
	listed, titlePage []int
	// section is the 栏目 of the article set last.
	section string
}

// DefaultProtected are the names no line may break: the members of the
// Standing Committee of the Political Bureau of the 20th CPC Central
// Committee and the Vice President. Layouts (text.protect) and manifests
// (protect) add their own.
var DefaultProtected = []string{"习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "韩正"}

// Compose lays out an issue.
func Compose(is *doc.Issue, spec *layout.Spec) (*display.Document, diag.List) {
	d, _, errs := ComposeNotes(is, spec)
	return d, errs
}

// ComposeNotes lays out an issue and also returns notes: the characters
// each font role had to set in its fallback face. An issue with a 本期要目
// is composed again with the pages its titles fell on until the pages
// the contents lists are the pages the titles are on.
func ComposeNotes(is *doc.Issue, spec *layout.Spec) (*display.Document, diag.List, diag.List) {
	d, notes, errs := composeIssue(is, spec)
	if len(errs) > 0 || spec.Distribution.EvenPage || !blockCostsAPage(d) {
		return d, notes, errs
	}
	// The 报/送 block took a page of its own, or made the text break off
	// with rows left empty above it: with its rows closer (1.5 × its
	// size, as XeLaTeX sets it single-spaced) it may stand under the text.
	d0 := spec.Distribution
	lead := spec.LinePitch() // as prepareDistribution sets the rows
	if d0.Leading.Set && d0.Leading.Abs > 0 {
		lead = d0.Leading.Abs
	}
	tight := display.Len(int64(d0.Size.Abs) * 3 / 2)
	if tight >= lead {
		return d, notes, errs
	}
	sp := *spec
	sp.Distribution.Leading = layout.Length{Abs: tight, Set: true}
	d2, notes2, errs2 := composeIssue(is, &sp)
	if len(errs2) > 0 || len(d2.Pages) >= len(d.Pages) {
		return d, notes, errs
	}
	pos := is.CopiesPos
	if len(is.Distribution) > 0 {
		pos = is.Distribution[0].Pos
	}
	notes2.Add(pos, fmt.Sprintf("报/送栏行距由 %s pt 收紧为 %s pt，与正文排在同一页，全期 %d 页（否则 %d 页）", lead, tight, len(d2.Pages), len(d.Pages)), "")
	return d2, notes2, nil
}

// blockCostsAPage says whether the 报/送 block on the last page stands
// there alone, or with text carried over from a previous page that was
// left three or more rows short.
func blockCostsAPage(d *display.Document) bool {
	n := len(d.Pages)
	if n < 2 {
		return false
	}
	last := d.Pages[n-1]
	block, text := false, false
	for _, it := range last.Items {
		switch {
		case strings.HasPrefix(it.Role, "dist"):
			block = true
		case it.Kind == display.Text && it.Role != "pageno" && it.Role != "dist" && it.Role != "staff":
			text = true
		}
	}
	prev := d.Pages[n-2]
	return block && (!text || prev.Rows > 0 && prev.Fill <= prev.Rows-3)
}

// composeIssue lays out an issue; one with a 本期要目 is composed again
// until its listed pages hold.
func composeIssue(is *doc.Issue, spec *layout.Spec) (*display.Document, diag.List, diag.List) {
	if !is.Contents {
		return composeOnce(is, spec, nil)
	}
	var listed []int
	for range maxContentsPasses {
		c := newComposer(is, spec, listed)
		c.run(is)
		if len(c.errs) > 0 {
			c.errs.Sort()
			return nil, nil, c.errs
		}
		if slices.Equal(c.titlePage, listed) {
			return c.out, append(c.f.notes(), c.notes...), nil
		}
		listed = c.titlePage
	}
	var errs diag.List
	errs.Add(is.ContentsPos, "本期要目的页码排不稳定：列出页码后文章又换了页", "请删减第 1 页的内容，或不印本期要目（contents: false）")
	return nil, nil, errs
}

// maxContentsPasses bounds the compositions of an issue with contents.
const maxContentsPasses = 4

func composeOnce(is *doc.Issue, spec *layout.Spec, listed []int) (*display.Document, diag.List, diag.List) {
	c := newComposer(is, spec, listed)
	c.run(is)
	if len(c.errs) > 0 {
		c.errs.Sort()
		return nil, nil, c.errs
	}
	notes := append(c.f.notes(), c.notes...)
	return c.out, notes, nil
}

func newComposer(is *doc.Issue, spec *layout.Spec, listed []int) *composer {
	c := &composer{spec: spec, rows: spec.Grid.Lines, pitch: spec.LinePitch(), listed: listed, titlePage: make([]int, len(is.Articles)+1)}
	c.protected = append(append(append([]string{}, DefaultProtected...), spec.Text.Protect...), is.Protected...)
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
	return c
}

// run composes the issue once.
func (c *composer) run(is *doc.Issue) {
	c.newPage()
	c.masthead(is)
	c.contents(is)
	db := c.prepareDistribution(is)
	if db != nil {
		db.pos = is.CopiesPos
		if len(is.Distribution) > 0 {
			db.pos = is.Distribution[0].Pos
		}
	}
	for ai, a := range is.Articles {
		tail := 0
		if ai == len(is.Articles)-1 && db != nil {
			tail = db.needRows
		}
		c.article(ai+1, a, tail)
	}
	c.distribution(db)
	c.fill(db)
	c.pageNumbers()
	c.titlePage[len(is.Articles)] = len(c.out.Pages)
	c.outline(is)
}

// newPage starts a page; a photo waiting to float goes at its top.
func (c *composer) newPage() {
	if c.page != nil {
		c.page.Fill = max(c.page.Fill, c.row)
	}
	c.out.Pages = append(c.out.Pages, display.Page{Width: c.spec.PageW(), Height: c.spec.PageH(), Rows: c.rows})
	c.page = &c.out.Pages[len(c.out.Pages)-1]
	c.row = 0
	if f := c.float; f != nil {
		c.float = nil
		c.placeFigure(*f)
	}
}

// fill records the rows used on the last page (the 报/送 block, at the
// foot, fills it to the bottom).
func (c *composer) fill(db *distBlock) {
	c.page.Fill = max(c.page.Fill, c.row)
	if db != nil {
		c.page.Fill = c.rows
	}
}

// pageHasText reports whether the current page holds text of an article.
func (c *composer) pageHasText() bool {
	for _, it := range c.page.Items {
		if it.Kind == display.Image || it.Kind == display.Text && it.Role != "pageno" && it.Role != "dist" {
			return true
		}
	}
	return false
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
	for i, g := range ln.Glyphs {
		fc, faux, ok := c.f.pick(g.R, g.Style)
		name := ""
		if ok {
			name = fc.Name
		}
		dg := display.Glyph{R: g.R, X: x + g.X, Face: name, Bold: faux}
		if ok && (g.R == '—' || g.R == '―') && inDashPair(ln.Glyphs, i) {
			dashJoin(&dg, fc, c.f.Size(g.Style), dashCell(ln.Glyphs, i, c.f.Size(g.Style)))
		}
		it.Glyphs = append(it.Glyphs, dg)
	}
	c.page.Items = append(c.page.Items, it)
}

func (c *composer) color(name string) display.Color {
	if name == "" {
		return display.Black
	}
	return c.spec.Color(name)
}

func (c *composer) rule(role string, y, t Len, col display.Color) {
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Rule, Role: role, X: c.spec.Left(), Y: y, W: c.spec.BlockW(), H: t, Color: col})
}

// inDashPair says whether glyph i is one of the dashes of a 破折号 (two
// or more in a row); a lone dash (the 一字线 beside a page number) keeps
// its own ink.
func inDashPair(gs []linebreak.Glyph, i int) bool {
	return i > 0 && gs[i-1].R == gs[i].R || i+1 < len(gs) && gs[i+1].R == gs[i].R
}

// dashCell is the width the dash glyph i is set in: up to the next glyph
// when it is another dash of the 破折号, else one em.
func dashCell(gs []linebreak.Glyph, i int, em Len) Len {
	if i+1 < len(gs) && gs[i+1].R == gs[i].R && gs[i+1].X > gs[i].X {
		return gs[i+1].X - gs[i].X
	}
	return em
}

// dashJoin stretches a dash of a 破折号 whose ink does not fill its cell (most faces
// leave a margin at each side, so "——" prints as two dashes with a gap):
// the ink is scaled and moved to run from the cell's left edge to its
// right, so the two halves of a 破折号 join.
func dashJoin(g *display.Glyph, fc *fontset.Face, size, cell Len) {
	l, r, ok := fc.InkX(g.R)
	if !ok || r <= l {
		return
	}
	ink := Len(int64(r-l) * int64(size) / int64(fc.UPEM))
	if ink <= 0 || ink >= cell-cell/100 && l <= fc.UPEM/100 {
		return // already fills its cell
	}
	scale := int(int64(cell) * 1000 / int64(ink))
	g.ScaleX = scale
	g.X -= Len(int64(l) * int64(size) / int64(fc.UPEM) * int64(scale) / 1000)
}
