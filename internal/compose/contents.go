package compose

import (
	"fmt"
	"strconv"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// sectionText is a 栏目 as printed: 【工作动态】.
func (c *composer) sectionText(name string) string {
	return strings.ReplaceAll(c.spec.Section.Format, "{name}", name)
}

// sectionRows is how many grid rows the 栏目 heading before article a
// takes: one for the first article of a section, none otherwise. It
// widens the blank rows before the heading to section.lines_before.
func (c *composer) sectionRows(a *doc.Article, before *int) int {
	if a.Section == "" || a.Section == c.section {
		return 0
	}
	*before = max(*before, c.spec.Section.LinesBefore)
	return 1
}

// sectionHead sets the 栏目 heading on the current row when rows is 1.
func (c *composer) sectionHead(a *doc.Article, rows int) {
	c.section = a.Section
	if rows == 0 {
		return
	}
	sp := c.spec
	ss := sp.Section
	ln := c.single(c.sectionText(a.Section), a.SectionPos, c.st(ss.Style))
	x := sp.Left() + Len(ss.Indent)*sp.CharPitch()
	if ss.Align == "center" {
		x = sp.Left() + (sp.BlockW()-ln.Width)/2
	}
	c.emit(ln, "section", "", x, baseline(c.rowTop(c.row), c.pitch, ss.Size.Abs), ss.Size.Abs, c.color(ss.Color))
	c.row += rows
}

// contentsTitle is an article's title on one line: the editor's line
// breaks and spaces dropped, as the title itself prints them inside a
// line.
func contentsTitle(a *doc.Article) []doc.Run {
	var out []doc.Run
	for _, r := range a.Title.Runs {
		if r.Text == "\n" {
			continue
		}
		r.Text = dropTitleSpaces(r.Text)
		if r.Text != "" {
			out = append(out, r)
		}
	}
	return out
}

// contents sets the 本期要目 under the red rule on page 1: its heading
// centred, then per 栏目 its label and the titles of its articles, each
// after a bullet, with a dotted leader to the page its title is on when
// the issue has more than one page. The pages are those of the previous
// composition (c.listed); ComposeNotes composes until they hold.
func (c *composer) contents(is *doc.Issue) {
	if !is.Contents || len(is.Articles) == 0 {
		return
	}
	sp := c.spec
	cs := sp.Contents
	left, w := sp.Left(), sp.BlockW()
	heading := cs.Title
	if is.ContentsHeading != "" {
		heading = is.ContentsHeading
	}
	c.hasContents = true
	start := c.row
	hl := c.single(heading, is.ContentsPos, c.st(cs.Heading))
	c.emit(hl, "contents.heading", "", left+(w-hl.Width)/2, baseline(c.rowTop(c.row), c.pitch, cs.Heading.Size.Abs), cs.Heading.Size.Abs, c.color(cs.Heading.Color))
	c.row++
	numbered := len(c.listed) == len(is.Articles)+1 && c.listed[len(is.Articles)] > 1
	ist := c.st(cs.Item)
	size := cs.Item.Size.Abs
	col := c.color(cs.Item.Color)
	indent := Len(cs.Item.Indent) * sp.CharPitch()
	if cs.Bullet != "" {
		c.f.check(cs.Bullet, diag.Pos{File: sp.File}, ist)
	}
	bl := c.measureLine(cs.Bullet, ist)
	// the bullet stands in a full cell (a face may draw ※ narrow), a
	// quarter em before the title
	bulletCell := Len(0)
	if cs.Bullet != "" {
		bulletCell = max(bl.Width, size) + size/4
	}
	// room kept at the right for the leader and a page number of up to
	// three digits, numbered or not: the rows do not depend on the numbers
	var digit Len
	for r := '0'; r <= '9'; r++ {
		digit = max(digit, c.f.Advance(r, ist))
	}
	c.f.check("0123456789"+cs.Leader, diag.Pos{File: sp.File}, ist)
	reserve := 2*size + 3*digit
	lead := c.pitch
	if cs.Leading.Abs > 0 {
		lead = cs.Leading.Abs
	}
	top := c.rowTop(c.row) // of the entries' lines, lead apart
	lines := 0
	rowY := func(size Len) Len {
		lines++
		return baseline(top+Len(lines-1)*lead, lead, size)
	}
	section := ""
	for ai, a := range is.Articles {
		if a.Section != "" && a.Section != section {
			ss := cs.Section
			ln := c.single(c.sectionText(a.Section), a.SectionPos, c.st(ss))
			c.emit(ln, "contents.section", "", left, rowY(ss.Size.Abs), ss.Size.Abs, c.color(ss.Color))
		}
		section = a.Section
		x := left + indent + bulletCell
		width := w - indent - bulletCell - reserve
		ls := linebreak.Break(c.runs(contentsTitle(a), cs.Item), c.f, linebreak.Params{Width: width, Ragged: true, CJKLatinGap: c.gap(), Protected: c.protected})
		for li, ln := range ls {
			y := rowY(size)
			id := fmt.Sprintf("c%d.%d", ai+1, li+1)
			if li == 0 && cs.Bullet != "" {
				c.emit(bl, "contents.bullet", id, left+indent+(bulletCell-size/4-bl.Width)/2, y, size, col)
			}
			c.emit(ln, "contents", id, x, y, size, col)
			if li == len(ls)-1 && numbered {
				c.leader(x+ln.Width, c.listed[ai], ist, y, id)
			}
		}
	}
	bottom := top + Len(lines)*lead
	c.row += int((bottom - c.rowTop(c.row) + c.pitch - 1) / c.pitch)
	if cs.Rule.Abs > 0 {
		c.rule("contents.rule", max(bottom+c.pitch/4, c.rowTop(c.row)-c.pitch/2), cs.Rule.Abs, c.color(cs.Item.Color))
	}
	c.row += cs.LinesAfter
	if c.row >= c.rows {
		c.errs.Add(is.ContentsPos, fmt.Sprintf("本期要目有 %d 行，第 1 页放不下", c.row-start), "请缩短标题，或不印本期要目（contents: false）")
		c.row = c.rows
	}
}

// leader sets the dotted leader from the end of a contents entry (from)
// to its page number, flush right.
func (c *composer) leader(from Len, page int, st int, y Len, id string) {
	sp := c.spec
	cs := sp.Contents
	size := cs.Item.Size.Abs
	col := c.color(cs.Item.Color)
	num := c.measureLine(strconv.Itoa(page), st)
	nx := sp.Left() + sp.BlockW() - num.Width
	defer c.emit(num, "contents.page", id, nx, y, size, col) // after the leader, in reading order
	lr := []rune(cs.Leader)[0]
	lw := c.f.Advance(lr, st)
	gap := size / 4
	k := int((nx - gap - (from + gap)) / max(lw, 1))
	if k <= 0 {
		return
	}
	ln := linebreak.Line{Text: strings.Repeat(string(lr), k), Width: Len(k) * lw}
	for i := range k {
		ln.Glyphs = append(ln.Glyphs, linebreak.Glyph{R: lr, Style: st, X: Len(i) * lw, Adv: lw})
	}
	c.emit(ln, "contents.leader", id, nx-gap-ln.Width, y, size, col)
}

// dropTitleSpaces drops full-width spaces, and spaces beside a Chinese
// character (the editor's break hint "“随手报” 处置"); a space between
// Latin words stays.
func dropTitleSpaces(t string) string {
	rs := []rune(strings.ReplaceAll(t, "\u3000", ""))
	out := rs[:0:0]
	for i, r := range rs {
		if r == ' ' && (i == 0 || i == len(rs)-1 || rs[i-1] > 0x7f || rs[i+1] > 0x7f || rs[i+1] == ' ') {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}
