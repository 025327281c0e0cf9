package docx

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/manuscript"
)

// maxFieldDepth bounds nested complex fields.
const maxFieldDepth = 64

// item is a piece of a paragraph being read: text with hints, or a picture.
type item struct {
	text string
	h    hints
	col  int
	img  *manuscript.Image
}

// builder collects the content of one source paragraph.
type builder struct {
	w            *walker
	no           int // paragraph number
	ps           *paraStyle
	items        []item
	runes        int  // characters so far
	pendingBreak bool // a soft break waits for the next text
	first        *rProps
	changes      int // tracked changes met
	mathNoted    bool
}

func (b *builder) col() int { return b.runes + 1 }

func (b *builder) pos(col int) diag.Pos { return diag.Pos{File: b.w.file, Line: b.no, Col: col} }

// lastRune is the last character of the text since the last picture.
func (b *builder) lastRune() (rune, bool) {
	for i := len(b.items) - 1; i >= 0; i-- {
		if b.items[i].img != nil {
			return 0, false
		}
		if t := b.items[i].text; t != "" {
			r, _ := utf8.DecodeLastRuneInString(t)
			return r, true
		}
	}
	return 0, false
}

// text adds text; a '\n' in it is a soft break.
func (b *builder) text(s string, h hints) {
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.softBreak()
		}
		b.add(line, h)
	}
}

func (b *builder) add(s string, h hints) {
	if s == "" {
		return
	}
	if b.pendingBreak {
		b.pendingBreak = false
		first, _ := utf8.DecodeRuneInString(s)
		if prev, ok := b.lastRune(); ok && manuscript.JoinWithSpace(prev, first) {
			b.items[len(b.items)-1].text += " "
			b.runes++
		}
	}
	b.items = append(b.items, item{text: s, h: h, col: b.col()})
	b.runes += utf8.RuneCountInString(s)
}

// softBreak records a w:br or w:cr: the lines are joined when the next
// text comes.
func (b *builder) softBreak() { b.pendingBreak = true }

func (b *builder) image(img *manuscript.Image) {
	b.pendingBreak = false
	b.items = append(b.items, item{img: img, col: b.col()})
}

// parts splits the paragraph at its pictures: a text part (maybe empty)
// before each picture, the picture, and a text part after the last.
// Adjacent text with the same hints is merged into one run.
func (b *builder) parts(tmpl manuscript.Para) []manuscript.Para {
	cur := tmpl
	var out []manuscript.Para
	for _, it := range b.items {
		if it.img != nil {
			out = append(out, cur)
			img := manuscript.Para{Pos: tmpl.Pos, Align: tmpl.Align, Image: it.img}
			out = append(out, img)
			cur = tmpl
			cur.Runs = nil
			continue
		}
		if n := len(cur.Runs); n > 0 && sameHints(cur.Runs[n-1], it.h) {
			cur.Runs[n-1].Text += it.text
			continue
		}
		cur.Runs = append(cur.Runs, manuscript.Run{Text: it.text, Bold: it.h.bold, Font: it.h.font, Size: it.h.size, Pos: b.pos(it.col)})
	}
	return append(out, cur)
}

func sameHints(r manuscript.Run, h hints) bool {
	return r.Bold == h.bold && r.Font == h.font && r.Size == h.size
}

// blank reports whether runs hold no visible character.
func blank(runs []manuscript.Run) bool {
	for _, r := range runs {
		for _, c := range r.Text {
			if !unicode.IsSpace(c) && c != '\u200b' && c != '\ufeff' && c != '\u200c' && c != '\u200d' {
				return false
			}
		}
	}
	return true
}

// inline reads the content of a paragraph or of a container in one.
func (w *walker) inline(n *node, b *builder) {
	for _, k := range n.kids {
		switch {
		case k.w("r"):
			w.run(k, b)
		case k.w("hyperlink"), k.w("smartTag"), k.w("customXml"), k.w("dir"), k.w("bdo"), k.w("fldSimple"):
			w.inline(k, b)
		case k.w("sdt"):
			if c := k.child("sdtContent"); c != nil {
				w.inline(c, b)
			}
		case k.w("ins"), k.w("moveTo"):
			b.changes++
			w.inline(k, b)
		case k.w("del"), k.w("moveFrom"):
			b.changes++
			w.paraNo += countParas(k)
		case isAltContent(k):
			if c := choose(k); c != nil {
				w.inline(c, b)
			}
		case isM(k.name.Space) && (k.name.Local == "oMath" || k.name.Local == "oMathPara"):
			if !b.mathNoted {
				b.mathNoted = true
				w.errs.Add(b.pos(b.col()), fmt.Sprintf("第 %d 段有公式，jianbao 不能排印公式", b.no), "请把公式改写为文字，或截图后作为 JPEG/PNG 图片插入")
			}
		default:
			w.paraNo += countParas(k)
		}
	}
}

// fieldVisible reports whether text now is shown: not in the instruction
// part of any open complex field.
func (w *walker) fieldVisible() bool { return w.instrDepth == 0 }

func (w *walker) fieldChar(k *node) {
	switch k.wattr("fldCharType") {
	case "begin":
		if len(w.fields) < maxFieldDepth {
			w.fields = append(w.fields, false)
			w.instrDepth++
		}
	case "separate":
		if n := len(w.fields); n > 0 && !w.fields[n-1] {
			w.fields[n-1] = true
			w.instrDepth--
		}
	case "end":
		if n := len(w.fields); n > 0 {
			if !w.fields[n-1] {
				w.instrDepth--
			}
			w.fields = w.fields[:n-1]
		}
	}
}

// run reads a w:r.
func (w *walker) run(r *node, b *builder) {
	rPr := r.child("rPr")
	props := w.styles.run(b.ps, rPr.child("rStyle").val(), parseRPr(rPr))
	w.runContent(r, b, props)
}

func (w *walker) runContent(r *node, b *builder, props rProps) {
	h := props.hints()
	hidden := props.hidden()
	for _, k := range r.kids {
		if k.w("fldChar") {
			w.fieldChar(k)
			continue
		}
		if isAltContent(k) {
			if c := choose(k); c != nil {
				w.runContent(c, b, props)
			}
			continue
		}
		if !w.fieldVisible() || hidden {
			if hidden && w.hiddenAt == nil && (k.w("t") && k.text != "" || k.w("drawing") || k.w("pict")) {
				p := b.pos(b.col())
				w.hiddenAt = &p
			}
			w.paraNo += countParas(k)
			continue
		}
		switch {
		case k.w("t"):
			if k.text != "" && b.first == nil {
				p := props
				b.first = &p
			}
			b.text(k.text, h)
		case k.w("tab"), k.w("ptab"):
			b.text("\t", h)
		case k.w("br"):
			if t := k.wattr("type"); t != "page" && t != "column" {
				b.softBreak()
			}
		case k.w("cr"):
			b.softBreak()
		case k.w("noBreakHyphen"):
			b.text("-", h)
		case k.w("sym"):
			w.sym(k, b, h)
		case k.w("drawing"), k.w("pict"), k.w("object"):
			w.drawing(k, b)
		case k.w("footnoteReference"):
			w.noteRef(b, "脚注", w.footnotes[k.wattr("id")])
		case k.w("endnoteReference"):
			w.noteRef(b, "尾注", w.endnotes[k.wattr("id")])
		case k.w("commentReference"):
			q := w.comments[k.wattr("id")]
			msg := "批注未排印"
			if q != "" {
				msg = fmt.Sprintf("批注“%s”未排印", q)
			}
			w.notes.Add(b.pos(b.col()), msg, "批注不会出现在简报中；如需保留，请把内容写进正文")
		case k.w("ruby"):
			if base := k.child("rubyBase"); base != nil {
				w.inline(base, b)
			}
		default:
			w.paraNo += countParas(k)
		}
	}
}

func (w *walker) noteRef(b *builder, kind, quote string) {
	msg := kind + "未排印"
	if quote != "" {
		msg = fmt.Sprintf("%s“%s”未排印", kind, quote)
	}
	w.notes.Add(b.pos(b.col()), msg, fmt.Sprintf("jianbao 不排印%s；如需保留，请把内容写进正文", kind))
}

// sym reads a w:sym: a plain Unicode character is kept; a symbol-font
// code (private use area) is dropped with a note.
func (w *walker) sym(k *node, b *builder, h hints) {
	code := strings.TrimSpace(k.wattr("char"))
	v, err := strconv.ParseUint(code, 16, 32)
	r := rune(v)
	if err == nil && r > 0 && utf8.ValidRune(r) && !unicode.Is(unicode.Co, r) && !unicode.IsControl(r) {
		b.text(string(r), h)
		return
	}
	font := k.wattr("font")
	what := "符号"
	if font != "" {
		what = fmt.Sprintf("%s 字体的符号", font)
	}
	w.notes.Add(b.pos(b.col()), fmt.Sprintf("%s（代码 %s）未排印", what, code), "请改用普通文字或标点（如 √、○、★）")
}

// textOf collects the text of an element for quoting: paragraphs and line
// breaks joined as soft breaks are, deleted text left out.
func textOf(n *node) string {
	var parts []string
	cur := ""
	flush := func() {
		parts = append(parts, cur)
		cur = ""
	}
	find(n, func(k *node) bool {
		switch {
		case k.w("p"), k.w("br"), k.w("cr"):
			flush()
		case k.w("t"):
			cur += k.text
		case k.w("tab"):
			cur += " "
		case k.w("del"), k.w("moveFrom"), k.w("instrText"):
			return false
		}
		return true
	})
	flush()
	out := ""
	for _, p := range parts {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if out != "" {
			a, _ := utf8.DecodeLastRuneInString(out)
			c, _ := utf8.DecodeRuneInString(p)
			if manuscript.JoinWithSpace(a, c) {
				out += " "
			}
		}
		out += p
	}
	return out
}

// quote shortens text to at most 20 characters for a message.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
