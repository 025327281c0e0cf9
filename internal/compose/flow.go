package compose

import (
	"fmt"
	"strings"

	"jianbao/internal/doc"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
	"jianbao/internal/segment"
)

// lines breaks runs at the body measure.
func (c *composer) lines(rs []linebreak.Run, indent Len, width Len) []linebreak.Line {
	return linebreak.Break(rs, c.f, linebreak.Params{
		Width: width, Indent: indent, Pitch: c.spec.CharPitch(),
		CJKLatinGap: c.gap(), CompressAlways: c.spec.Text.PunctCompress == "always", Protected: c.protected,
	})
}

// display gives the breaking of centred display text (titles, captions):
// ragged, balanced lines broken between words and phrases (the segmenter
// rates the break positions), pairs of marks compressed as in the body.
func (c *composer) display(width Len) linebreak.Params {
	return linebreak.Params{
		Width: width, Ragged: true, Centered: true, CJKLatinGap: c.gap(),
		CompressAlways: c.spec.Text.PunctCompress == "always", Protected: c.protected,
		Words: segment.Rate,
	}
}

// nameLine sets a masthead name line at its natural width, its marks at
// half width (a full-width 、 leaves a hole at 40 pt) and its ends trimmed
// so that the ink is centred.
func (c *composer) nameLine(text string, st int) linebreak.Line {
	ls := linebreak.Break([]linebreak.Run{{Text: text, Style: st}}, c.f, linebreak.Params{Width: 1 << 40, Ragged: true, Centered: true, Tight: true, CJKLatinGap: c.gap()})
	if len(ls) == 0 {
		return linebreak.Line{}
	}
	return ls[0]
}

// article sets one article: its title kept with what follows, then its
// blocks. tail is how many rows the 报/送 block needs after the last
// article's text on its last page (0 for the others).
func (c *composer) article(n int, a *doc.Article, tail int) {
	sp := c.spec
	// Title: centred, balanced lines, fixed leading.
	ts := sp.Title
	tl := c.titleLines(a.Title)
	lead := ts.Leading.Abs
	titleRows := int((Len(len(tl))*lead + c.pitch - 1) / c.pitch)
	body := c.blocks(n, a, titleRows+ts.LinesAfter)
	subtitled := len(body) > 0 && body[0].kind == doc.Subtitle
	for i := 0; i < len(body) && body[i].kind == doc.Subtitle; i++ {
		if i+1 == len(body) || body[i+1].kind != doc.Subtitle {
			body[i].after = ts.LinesAfter
		}
	}
	for i := range body {
		if body[i].kind == doc.Note && i+1 < len(body) && body[i+1].kind != doc.Note {
			body[i].after = sp.Note.LinesAfter
		}
	}
	keepTails(body, tail)
	if k := len(body) - 1; k >= 0 && isCredit(body[k]) && sp.Closing.Credit != "left" {
		c.credit(&body[k])
	}
	before := ts.LinesBefore
	if n == 1 && !c.hasContents {
		// after a 本期要目, which ends in its own rule, the first title is
		// spaced like any other
		before = ts.FirstBefore
	}
	secRows := c.sectionRows(a, &before) // a 栏目 heading before its first article
	after := ts.LinesAfter
	if subtitled {
		after = 0
	}
	// what must follow the title on its page: headings right after it come
	// along, with two lines of what they keep (or all of a shorter block)
	fits := func(free int) bool {
		if len(body) == 0 {
			return free >= 0
		}
		k, head := 0, 0
		for k < len(body)-1 && body[k].keepNext && body[k].fig == nil {
			head += len(body[k].lines) + body[k].after
			k++
		}
		return free-head-secRows >= 0 && startsOn(body[k], free-head-secRows)
	}
	if a.NewPage && c.pageHasText() {
		c.flushFloat()
		if c.row > 0 {
			c.newPage()
		}
	}
	if c.row > 0 {
		free := c.rows - c.row - before - titleRows - after
		if !fits(free) {
			// Before leaving more than a third of the page empty, try a
			// tighter title.
			short := c.rows-c.row > c.rows/3 // breaking here would waste a third of the page
			// First set the title's lines one per grid row, keeping the
			// blank line before it; then drop that blank line; then both.
			tightRows := len(tl)
			// A one-line title loses nothing by taking one grid row: that
			// is tried before leaving four rows empty.
			oneLine := len(tl) == 1 && c.rows-c.row >= 4
			switch {
			case (short || oneLine) && lead > c.pitch && fits(c.rows-c.row-before-tightRows-after):
				lead, titleRows = c.pitch, tightRows
			case short && fits(c.rows-c.row-titleRows-after):
				before = 0
			case short && lead > c.pitch && fits(c.rows-c.row-tightRows-after):
				before, lead, titleRows = 0, c.pitch, tightRows
			default:
				c.newPage()
			}
		}
		if c.row > 0 {
			c.row += before
		}
	}
	c.sectionHead(a, secRows)
	c.titlePage[n-1] = len(c.out.Pages)
	titleH := Len(len(tl)) * lead
	// The title's lines are centred vertically in the grid rows they take,
	// so the body after it returns to the grid.
	top := c.rowTop(c.row) + (Len(titleRows)*c.pitch-titleH)/2
	for i, ln := range tl {
		y := baseline(top+Len(i)*lead, lead, ts.Size.Abs)
		c.emit(ln, "title", fmt.Sprintf("a%d.t.%d", n, i+1), sp.Left()+(sp.BlockW()-ln.Width)/2, y, ts.Size.Abs, c.color(ts.Color))
	}
	c.row += titleRows + after
	for i, b := range body {
		if b.kind == doc.PageBreak {
			c.flushFloat()
			if c.row > 0 {
				c.newPage()
			}
			continue
		}
		if b.fig != nil {
			c.figureFlow(b)
			continue
		}
		if b.tab != nil {
			c.placeTable(b)
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
			need = c.keepNeed(body, i)
		}
		c.place(b, need)
	}
	c.flushFloat()
}

// titleLines breaks a title: centred, balanced lines. A line break the
// editor wrote (a "\n" run: "# " lines one after another, or a title in
// several Word paragraphs) is kept; a full-width space is a preferred
// break, never printed: the title is set without it when that fits one
// line, else broken there. A title of more than three lines is noted.
func (c *composer) titleLines(t doc.Block) []linebreak.Line {
	ts := c.spec.Title
	p := c.display(c.spec.BlockW())
	if ts.MaxChars > 0 {
		p.Prefer = Len(ts.MaxChars) * ts.Size.Abs
	}
	brk := func(rs []doc.Run) []linebreak.Line { return linebreak.Break(c.runs(rs, ts.Style), c.f, p) }
	var segs [][]doc.Run
	cur := []doc.Run{}
	for _, r := range t.Runs {
		if r.Text == "\n" {
			segs, cur = append(segs, cur), []doc.Run{}
			continue
		}
		cur = append(cur, r)
	}
	segs = append(segs, cur)
	var out []linebreak.Line
	for _, seg := range segs {
		if len(seg) == 0 {
			continue
		}
		plain := make([]doc.Run, 0, len(seg))
		spaced := false
		for _, r := range seg {
			if strings.Contains(r.Text, "\u3000") {
				spaced = true
				r.Text = strings.ReplaceAll(r.Text, "\u3000", "")
			}
			if r.Text != "" {
				plain = append(plain, r)
			}
		}
		ls := brk(plain)
		if spaced && len(ls) > 1 {
			// break at the spaces, then balance each part
			ls = nil
			var part []doc.Run
			flush := func() {
				if len(part) > 0 {
					ls = append(ls, brk(part)...)
					part = nil
				}
			}
			for _, r := range seg {
				for i, piece := range strings.Split(r.Text, "\u3000") {
					if i > 0 {
						flush()
					}
					if piece != "" {
						pr := r
						pr.Text = piece
						part = append(part, pr)
					}
				}
			}
			flush()
		}
		out = append(out, ls...)
	}
	if len(out) > 3 {
		c.notes.Add(t.Pos, fmt.Sprintf("标题排成了 %d 行", len(out)), "标题一般不超过 3 行；请缩短标题，或把后半句写成副题（——……）")
	}
	return out
}

// blocks breaks an article's blocks; the lines of a 落款 form one block.
// head is the rows the title takes with its blank line: a photo right
// after the title, or after headings, is sized to fit a page with them.
func (c *composer) blocks(n int, a *doc.Article, head int) []block {
	var body []block
	defer func() { c.figMax = 0 }()
	for bi := 0; bi < len(a.Blocks); bi++ {
		c.figMax = head
		if len(body) > 0 {
			c.figMax = 0
			for k := len(body) - 1; k >= 0 && body[k].keepNext && body[k].fig == nil; k-- {
				c.figMax += len(body[k].lines) + body[k].after
				if k == 0 {
					c.figMax += head
				}
			}
		}
		if c.figMax > 0 {
			c.figMax = c.rows - c.figMax
		}
		if a.Blocks[bi].Kind == doc.Closing {
			end := bi
			for end < len(a.Blocks) && a.Blocks[end].Kind == doc.Closing {
				end++
			}
			body = append(body, c.closing(n, bi+1, a.Blocks[bi:end]))
			bi = end - 1
			continue
		}
		if a.Blocks[bi].Kind == doc.Figure && bi+1 < len(a.Blocks) && a.Blocks[bi+1].Beside {
			end := bi + 1
			for end < len(a.Blocks) && a.Blocks[end].Beside && end-bi < 3 {
				end++
			}
			if blk, ok := c.figureRow(n, bi+1, a.Blocks[bi:end]); ok {
				body = append(body, blk)
			}
			bi = end - 1
			continue
		}
		if a.Blocks[bi].Kind == doc.Table {
			if blk, ok := c.table(n, bi+1, a.Blocks[bi]); ok {
				body = append(body, blk)
			}
			continue
		}
		if a.Blocks[bi].Kind == doc.PageBreak {
			body = append(body, block{kind: doc.PageBreak})
			continue
		}
		if blk, ok := c.blockLines(n, bi+1, a.Blocks[bi]); ok {
			body = append(body, blk)
		}
	}
	return body
}

// creditWords end a credit line: （浦东新区教育局供稿）.
var creditWords = []string{"供稿", "整理", "撰稿", "报送", "提供", "供图"}

// isCredit says whether a block is a one-line credit in brackets.
func isCredit(b block) bool {
	if b.kind != doc.Para || len(b.lines) != 1 {
		return false
	}
	t := strings.TrimSpace(b.lines[0].Text)
	if !(strings.HasPrefix(t, "（") && strings.HasSuffix(t, "）")) {
		return false
	}
	for _, w := range creditWords {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// credit sets a closing credit line （…供稿） flush right, or centred, at
// its natural width, without the paragraph indent.
func (c *composer) credit(b *block) {
	sp := c.spec
	ln := b.lines[0]
	if len(ln.Glyphs) == 0 {
		return
	}
	ln = c.measureLine(strings.TrimSpace(ln.Text), ln.Glyphs[0].Style)
	x := sp.Left() + sp.BlockW() - ln.Width
	if sp.Closing.Credit == "center" {
		x = sp.Left() + (sp.BlockW()-ln.Width)/2
	}
	b.lines, b.xs, b.role = []linebreak.Line{ln}, []Len{x}, "credit"
}

// keepTails sets how many rows must follow each block on the page where
// it ends: the 报/送 block after the article's last block; a 落款 or a
// closing credit line, with what follows it, after the block before it.
func keepTails(body []block, tail int) {
	if len(body) == 0 {
		return
	}
	body[len(body)-1].tail = tail
	for i := len(body) - 1; i > 0; i-- {
		b := body[i]
		if b.fig != nil || !(b.kind == doc.Closing || i == len(body)-1 && isCredit(b)) {
			continue
		}
		body[i-1].tail = b.before + len(b.lines) + b.tail
	}
}

// keepNeed is how many rows must follow a heading on its page: the
// headings that follow it directly, and two lines of the first block
// that is not a heading (all of it if shorter, or a whole page's worth
// when it would not start there).
func (c *composer) keepNeed(body []block, i int) int {
	need := 0
	j := i + 1
	for j < len(body) && body[j].keepNext && body[j].fig == nil {
		need += len(body[j].lines) + body[j].after
		j++
	}
	if j == len(body) {
		return need + 1 // nothing follows: still never the last line of a page
	}
	next := body[j]
	sr := startRows(next) // a photo: all of it, so it need not float away from its heading
	if free := c.rows - c.row - len(body[i].lines) - need; free >= sr && !startsOn(next, free) {
		sr = free + 1 // the block would not start on this page
	}
	return need + sr
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

// noteLabel sets the opening "编者按：" of a note in the label font.
func (c *composer) noteLabel(src []doc.Run, runs []linebreak.Run) []linebreak.Run {
	if len(runs) == 0 {
		return runs
	}
	t := runs[0].Text
	if n := doc.NoteLabel(t); n > 0 {
		st := c.f.style(styleKey{role: c.spec.Note.LabelFont, size: c.spec.Note.Size.Abs, bold: src[0].Bold})
		c.f.check(t[:n], src[0].Pos, st)
		out := []linebreak.Run{{Text: t[:n], Style: st}}
		if n < len(t) {
			out = append(out, linebreak.Run{Text: t[n:], Style: runs[0].Style})
		}
		return append(out, runs[1:]...)
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
