package manuscript

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// Limits of the structure rules.
const (
	maxSubtitleRunes = 40 // a centred line under the title taken as a subtitle
	maxCaptionRunes  = 60 // a short paragraph under a photo taken as its caption
	bigTitleSize     = 36 // half-points: a centred paragraph this large continues the title
)

// NoteLabel reports whether a paragraph opens with an editor's note label:
// 编者按：, 【编者按】, 编者的话：, 按语：, 编后：….
func NoteLabel(t string) bool { return doc.NoteLabel(t) > 0 }

// Structure recognises an article in paragraphs read from a manuscript:
// the title (the first paragraph with text; a following centred paragraph
// in the same large size continues it), subtitles and bylines, headings
// (heading styles and outline levels, whole paragraphs in 黑体 or 楷体,
// short lines opening with 一、（一）1.（1）), run-in headings, editor's
// notes, photos and their captions, and the 落款 (right-aligned lines, or
// a date with unit lines above it at the end). notes lists every
// interpretation, one line each.
func Structure(file string, paras []Para) (art *doc.Article, notes diag.List, errs diag.List) {
	ps := make([]Para, 0, len(paras))
	for _, p := range paras {
		if p.isText() {
			p = trimPara(p)
			if len(p.Runs) == 0 {
				continue
			}
		}
		ps = append(ps, p)
	}
	art = &doc.Article{File: file}
	ti := -1
	for i, p := range ps {
		if p.isText() {
			ti = i
			break
		}
	}
	if ti < 0 {
		errs.Add(diag.Pos{File: file}, "文章中没有文字", "请检查文件内容，或从清单中删去这篇文章")
		return nil, notes, errs
	}
	title := ps[ti]
	art.Title = doc.Block{Kind: doc.Title, Runs: plainRuns(title.Runs), Pos: title.Pos}
	notes.Add(title.Pos, "识别为文章标题：“"+clip(text(title.Runs), 24)+"”", "")
	rest := append(append([]Para{}, ps[:ti]...), ps[ti+1:]...)
	// a title broken over several centred paragraphs in the same large size
	for len(rest) > ti && rest[ti].isText() && continuesTitle(title, rest[ti]) {
		art.Title.Runs = append(append(art.Title.Runs, doc.Run{Text: "\n", Pos: rest[ti].Pos}), plainRuns(rest[ti].Runs)...)
		notes.Add(rest[ti].Pos, "与上一段合为文章标题，在此处转行（同为居中的大字）", "")
		rest = append(rest[:ti], rest[ti+1:]...)
	}
	// subtitles and bylines right under the title
	k := ti
	for k < len(rest) && k-ti < 2 && rest[k].isText() && isSubtitle(rest[k]) {
		p := rest[k]
		art.Blocks = append(art.Blocks, doc.Block{Kind: doc.Subtitle, Runs: plainRuns(p.Runs), Pos: p.Pos})
		notes.Add(p.Pos, "识别为副题或署名，居中排在标题下：“"+clip(text(p.Runs), 24)+"”", "")
		k++
	}
	body := rest[k:]
	closeAt := closingStart(body)
	levels := outlineRanks(body)
	for i := 0; i < len(body); i++ {
		p := body[i]
		if i >= closeAt {
			art.Blocks = append(art.Blocks, closingBlock(p, &notes))
			continue
		}
		if p.Table != nil {
			b := doc.Block{Kind: doc.Table, Pos: p.Pos, Table: p.Table}
			// a short paragraph right above opening with 表 is its title
			if n := len(art.Blocks); n > 0 && art.Blocks[n-1].Kind == doc.Para && TableTitle(art.Blocks[n-1].PlainText()) {
				b.Runs = art.Blocks[n-1].Runs
				art.Blocks = art.Blocks[:n-1]
				notes.Add(p.Pos, "识别为表格标题：“"+clip(text(plainFromDoc(b.Runs)), 24)+"”", "")
			}
			art.Blocks = append(art.Blocks, b)
			continue
		}
		if p.Image != nil {
			b := doc.Block{Kind: doc.Figure, Pos: p.Pos, Image: p.Image.Name, ImageData: p.Image.Data}
			if i+1 < closeAt && isCaption(body[i+1]) {
				c := body[i+1]
				b.Runs = plainRuns(c.Runs)
				notes.Add(c.Pos, "识别为图片说明：“"+clip(text(c.Runs), 24)+"”", "")
				i++
			}
			art.Blocks = append(art.Blocks, b)
			continue
		}
		art.Blocks = append(art.Blocks, bodyBlock(p, levels, &notes))
	}
	if len(art.Blocks) == 0 {
		errs.Add(title.Pos, "文章只有标题，没有正文", "请检查文件内容，或从清单中删去这篇文章")
		return nil, notes, errs
	}
	return art, notes, nil
}

// bodyBlock interprets one paragraph of the body.
func bodyBlock(p Para, levels map[int]int, notes *diag.List) doc.Block {
	t := text(p.Runs)
	short := utf8.RuneCountInString(t) <= MaxHeadingRunes && !sentenceEnd(t)
	level := 0
	why := ""
	switch {
	case p.Outline > 0 && short:
		level = Numbering(t)
		if level == 0 {
			level = levels[p.Outline]
		}
		why = "标题样式"
	case short && wholeFont(p.Runs, FontHei) && Numbering(t) != 3 && Numbering(t) != 4:
		level, why = max(1, Numbering(t)), "整段黑体"
	case short && wholeFont(p.Runs, FontKai) && Numbering(t) != 3 && Numbering(t) != 4:
		level, why = max(2, Numbering(t)), "整段楷体"
	case HeadingLine(t) > 0:
		level, why = HeadingLine(t), "编号开头的短行"
	}
	if level > 0 {
		kind := [...]doc.Kind{doc.Heading1, doc.Heading1, doc.Heading2, doc.Heading3, doc.Heading3}[min(level, 4)]
		name := map[doc.Kind]string{doc.Heading1: "一级标题（黑体）", doc.Heading2: "二级标题（楷体）", doc.Heading3: "三级标题"}[kind]
		notes.Add(p.Pos, fmt.Sprintf("识别为%s，依据%s：“%s”", name, why, clip(t, 24)), "")
		return doc.Block{Kind: kind, Runs: plainRuns(p.Runs), Pos: p.Pos}
	}
	if NoteLabel(t) {
		notes.Add(p.Pos, "识别为编者按", "")
		return doc.Block{Kind: doc.Note, Runs: boldRuns(p.Runs), Pos: p.Pos}
	}
	b := doc.Block{Kind: doc.Para, Runs: boldRuns(p.Runs), Pos: p.Pos}
	if n, lv := runIn(p.Runs); n > 0 {
		head := ""
		b.Runs = b.Runs[:0]
		for i, r := range p.Runs {
			dr := doc.Run{Text: r.Text, Bold: r.Bold, Pos: r.Pos}
			if i < n {
				dr.RunIn, dr.Bold = lv, lv == 0
				head += r.Text
			}
			b.Runs = appendRun(b.Runs, dr)
		}
		name := map[int]string{0: "段首粗体小标题", 1: "段首一级小标题（黑体）", 2: "段首二级小标题（楷体）"}[lv]
		notes.Add(p.Pos, fmt.Sprintf("识别为%s：“%s”", name, clip(head, 24)), "")
	}
	if p.Align == AlignCenter {
		notes.Add(p.Pos, "居中的段落按正文排印：“"+clip(t, 24)+"”", "如需居中，请用 jianbao import 转为 Markdown 后调整")
	}
	return b
}

// runIn finds a run-in heading: leading runs set apart (bold, 黑体 or
// 楷体) whose text opens with an official numbering pattern, followed by
// body text. It returns how many runs form the heading and its level (1
// or 2 for the heading faces, 0 for a 1./（1） heading set bold in the
// body face), or n = 0.
func runIn(rs []Run) (n, level int) {
	apart := func(r Run) bool { return r.Bold || r.Font == FontHei || r.Font == FontKai }
	head := ""
	for n < len(rs) && apart(rs[n]) {
		head += rs[n].Text
		n++
	}
	if n == 0 || n == len(rs) || strings.TrimSpace(text(rs[n:])) == "" {
		return 0, 0
	}
	if !PhraseEnd(head) {
		return 0, 0 // a run-in heading is a phrase of its own
	}
	switch Numbering(head) {
	case 1:
		return n, 1
	case 2:
		return n, 2
	case 3, 4:
		return n, 0 // set bold in the body face, as offices set 1. headings
	}
	return 0, 0
}

// closingStart returns the index of the first paragraph of the 落款 at
// the end, or len(ps): right-aligned short paragraphs at the end, or a
// date with unit lines above it.
func closingStart(ps []Para) int {
	n := len(ps)
	i := n
	for i > 0 && ps[i-1].isText() && ps[i-1].Align == AlignRight && utf8.RuneCountInString(text(ps[i-1].Runs)) <= MaxClosingRunes {
		i--
	}
	if i < n {
		return i
	}
	lines := make([]string, n)
	for j, p := range ps {
		if !p.isText() {
			lines[j] = "图"
			continue
		}
		lines[j] = text(p.Runs)
	}
	if c := ClosingParas(lines); c >= 0 {
		return c
	}
	return n
}

func closingBlock(p Para, notes *diag.List) doc.Block {
	t := text(p.Runs)
	b := doc.Block{Kind: doc.Closing, Runs: plainRuns(p.Runs), Pos: p.Pos}
	if d, ok := DateLine(t); ok && d != strings.TrimSpace(t) {
		b.Runs = []doc.Run{{Text: d, Pos: p.Pos}}
		notes.Add(p.Pos, fmt.Sprintf("落款日期“%s”改写为“%s”", strings.TrimSpace(t), d), "")
		return b
	}
	notes.Add(p.Pos, "识别为落款，右对齐：“"+clip(t, 24)+"”", "")
	return b
}

// outlineRanks maps the outline levels used in the body to heading
// levels: the shallowest becomes 1, the next 2, deeper ones 3.
func outlineRanks(ps []Para) map[int]int {
	seen := map[int]bool{}
	for _, p := range ps {
		if p.Outline > 0 {
			seen[p.Outline] = true
		}
	}
	out := map[int]int{}
	rank := 1
	for l := 1; l <= 9; l++ {
		if seen[l] {
			out[l] = min(rank, 3)
			rank++
		}
	}
	return out
}

func continuesTitle(title, p Para) bool {
	if p.Align != AlignCenter || title.Align != AlignCenter {
		return p.Title && title.Title
	}
	ts, ps := maxSize(title.Runs), maxSize(p.Runs)
	return (p.Title && title.Title) || (ts >= bigTitleSize && ps == ts)
}

func isSubtitle(p Para) bool {
	t := text(p.Runs)
	if utf8.RuneCountInString(t) > maxSubtitleRunes {
		return false
	}
	return SubtitleText(t) || p.Align == AlignCenter && !sentenceEnd(t) && Numbering(t) == 0
}

// SubtitleText reports whether a short line right under a title reads as
// a subtitle or byline by its words alone: "——…", "来源：…", "（…供稿）".
// Word and text files also take a centred line; Markdown has no
// alignment, so this is its whole rule.
func SubtitleText(t string) bool {
	if utf8.RuneCountInString(t) > maxSubtitleRunes {
		return false
	}
	if strings.HasPrefix(t, "——") || strings.HasPrefix(t, "--") || strings.HasPrefix(t, "来源：") {
		return true
	}
	return (strings.HasPrefix(t, "（") || strings.HasPrefix(t, "(")) && strings.Contains(t, "供稿")
}

func isCaption(p Para) bool {
	if !p.isText() {
		return false
	}
	t := text(p.Runs)
	if utf8.RuneCountInString(t) > maxCaptionRunes {
		return false
	}
	return p.Align == AlignCenter || strings.HasPrefix(t, "图为") || strings.HasPrefix(t, "图：") || strings.HasPrefix(t, "▲") || strings.HasPrefix(t, "△")
}

func wholeFont(rs []Run, f Font) bool {
	for _, r := range rs {
		if strings.TrimSpace(r.Text) != "" && r.Font != f {
			return false
		}
	}
	return true
}

func maxSize(rs []Run) int {
	m := 0
	for _, r := range rs {
		m = max(m, r.Size)
	}
	return m
}

// trimPara removes typed indentation at the start and spaces at the end,
// and turns tabs inside the text into spaces.
func trimPara(p Para) Para {
	var rs []Run
	start := true
	for _, r := range p.Runs {
		if start {
			t := strings.TrimLeft(r.Text, " \t\u3000\u00a0")
			r.Pos.Col += utf8.RuneCountInString(r.Text) - utf8.RuneCountInString(t)
			r.Text = t
			if t == "" {
				continue
			}
			start = false
		}
		r.Text = strings.ReplaceAll(r.Text, "\t", " ")
		rs = append(rs, r)
	}
	for len(rs) > 0 {
		last := &rs[len(rs)-1]
		last.Text = strings.TrimRight(last.Text, " \t\u3000\u00a0")
		if last.Text != "" {
			break
		}
		rs = rs[:len(rs)-1]
	}
	p.Runs = rs
	return p
}

func text(rs []Run) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// plainRuns drops the hints: titles, headings and captions take their
// own face.
func plainRuns(rs []Run) []doc.Run {
	out := make([]doc.Run, 0, len(rs))
	for _, r := range rs {
		out = appendRun(out, doc.Run{Text: r.Text, Pos: r.Pos})
	}
	return out
}

// boldRuns keeps bold.
func boldRuns(rs []Run) []doc.Run {
	out := make([]doc.Run, 0, len(rs))
	for _, r := range rs {
		out = appendRun(out, doc.Run{Text: r.Text, Bold: r.Bold, Pos: r.Pos})
	}
	return out
}

// appendRun appends r, merging it into the last run when their styles
// match and r continues it on the same source line.
func appendRun(out []doc.Run, r doc.Run) []doc.Run {
	if n := len(out); n > 0 {
		last := &out[n-1]
		if last.Bold == r.Bold && last.RunIn == r.RunIn && last.Pos.File == r.Pos.File && last.Pos.Line == r.Pos.Line &&
			last.Pos.Col+utf8.RuneCountInString(last.Text) == r.Pos.Col {
			last.Text += r.Text
			return out
		}
	}
	return append(out, r)
}

// clip shortens s to n characters for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// TableTitle says whether a line is a table's title: 表1 …, 表 2：…, 表一 ….
func TableTitle(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "表") || utf8.RuneCountInString(s) > MaxHeadingRunes || sentenceEnd(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[len("表"):])
	return r == ' ' || r == '\u3000' || (r >= '0' && r <= '9') || strings.ContainsRune("一二三四五六七八九十", r)
}

func plainFromDoc(rs []doc.Run) []Run {
	out := make([]Run, len(rs))
	for i, r := range rs {
		out[i] = Run{Text: r.Text, Pos: r.Pos}
	}
	return out
}
