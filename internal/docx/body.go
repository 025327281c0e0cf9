package docx

import (
	"fmt"
	"path"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/manuscript"
)

// walker reads the body of one document.
type walker struct {
	file                string
	p                   *pkg
	rels                map[string]rel
	styles              *styleSheet
	num                 *numbering
	body                *node
	comments            map[string]string // id → quoted text
	footnotes, endnotes map[string]string

	paraNo      int
	paras       []manuscript.Para
	notes, errs diag.List

	tables      int         // tables read
	tbl         *tableState // the table whose cells are being read
	changed     int         // paragraphs with tracked changes
	changes     int         // tracked changes
	firstChange diag.Pos    // where the first is
	bulletAt    *diag.Pos   // first dropped bullet
	hiddenAt    *diag.Pos   // first hidden text
	fields      []bool      // open complex fields: separator seen
	instrDepth  int         // open fields still in their instruction part
	pictures    int
	images      map[string]media
	pending     *manuscript.Para // text of a paragraph whose mark was deleted
}

// load reads the parts the walk needs.
func load(file string, p *pkg) (*walker, error) {
	main, err := p.mainPart()
	if err != nil {
		return nil, err
	}
	if main == "" {
		return nil, errDamaged
	}
	low := strings.ToLower(main)
	switch {
	case strings.HasPrefix(low, "xl/"):
		return nil, &pkgError{"是 Excel 文件，不是 Word 文档", "请把内容复制到 Word/WPS 文档中，另存为 .docx"}
	case strings.HasPrefix(low, "ppt/"):
		return nil, &pkgError{"是 PowerPoint 文件，不是 Word 文档", "请把内容复制到 Word/WPS 文档中，另存为 .docx"}
	}
	w := &walker{file: file, p: p, images: map[string]media{}}
	rels, list, err := p.relsOf(main)
	if err != nil {
		return nil, err
	}
	w.rels = rels
	root, err := w.part(main, "", nil, true)
	if err != nil {
		return nil, err
	}
	doc := root.kids[0]
	if !doc.w("document") {
		return nil, errDamaged
	}
	w.body = doc.child("body")
	if w.body == nil {
		return nil, errDamaged
	}
	dir := path.Dir(main)
	styles, err := w.part(path.Join(dir, "styles.xml"), "styles", list, true)
	if err != nil {
		return nil, err
	}
	w.styles = parseStyles(styles)
	numbering, err := w.part(path.Join(dir, "numbering.xml"), "numbering", list, true)
	if err != nil {
		return nil, err
	}
	w.num = parseNumbering(numbering, w.styles)
	w.comments = w.noteTexts(path.Join(dir, "comments.xml"), "comments", list, "comment")
	w.footnotes = w.noteTexts(path.Join(dir, "footnotes.xml"), "footnotes", list, "footnote")
	w.endnotes = w.noteTexts(path.Join(dir, "endnotes.xml"), "endnotes", list, "endnote")
	return w, nil
}

// part reads and parses a part found by relationship type, else by its
// usual name. It returns nil when the part is absent; damaged XML is an
// error when strict, else the part is ignored.
func (w *walker) part(name, relType string, list []rel, strict bool) (*node, error) {
	if relType != "" {
		if r, ok := relOfType(list, relType); ok && w.p.has(r.target) {
			name = r.target
		}
	}
	data, err := w.p.read(name)
	if err != nil {
		return nil, err
	}
	if data == nil {
		if relType == "" {
			return nil, errDamaged
		}
		return nil, nil
	}
	root, err := parseXML(data)
	if err != nil {
		if strict {
			return nil, errDamaged
		}
		return nil, nil
	}
	return root, nil
}

// noteTexts reads comments, footnotes or endnotes: id → quoted text.
func (w *walker) noteTexts(name, relType string, list []rel, elem string) map[string]string {
	root, err := w.part(name, relType, list, false)
	if err != nil || root == nil {
		return nil
	}
	m := map[string]string{}
	for _, top := range root.kids {
		for _, n := range top.kids {
			if n.w(elem) {
				m[n.wattr("id")] = quote(textOf(n))
			}
		}
	}
	return m
}

// walkBlocks reads block-level content: paragraphs, tables, content
// controls.
func (w *walker) walkBlocks(n *node) {
	for _, k := range n.kids {
		switch {
		case k.w("p"):
			w.paragraph(k)
		case k.w("tbl"):
			w.flushPending()
			w.table(k)
		case k.w("sdt"):
			if c := k.child("sdtContent"); c != nil {
				w.walkBlocks(c)
			}
		case k.w("customXml"), k.w("smartTag"), k.w("ins"), k.w("moveTo"):
			w.walkBlocks(k)
		case isAltContent(k):
			if c := choose(k); c != nil {
				w.walkBlocks(c)
			}
		case k.w("altChunk"):
			w.errs.Add(w.pos(w.paraNo+1, 1), "文档中嵌入了另一个文件的内容（altChunk），jianbao 无法读取", "请在 Word 中打开后另存为 .docx（Word 会把它转为普通段落）")
		default:
			w.paraNo += countParas(k)
		}
	}
}

func (w *walker) pos(line, col int) diag.Pos { return diag.Pos{File: w.file, Line: line, Col: col} }

// paragraph reads one w:p.
func (w *walker) paragraph(p *node) {
	w.paraNo++
	no := w.paraNo
	pPr := p.child("pPr")
	ps := w.styles.para(pPr.child("pStyle").val())
	pp := ps.p.over(parsePPr(pPr))
	mark := pPr.child("rPr")
	b := &builder{w: w, no: no, ps: ps}
	for _, c := range []string{"ins", "del", "moveFrom", "moveTo"} {
		if mark.child(c) != nil {
			b.changes++
		}
	}
	markDeleted := mark.child("del") != nil || mark.child("moveFrom") != nil

	var lvl *level
	if pp.numID != nil && *pp.numID != "0" && *pp.numID != "" {
		il := 0
		if pp.ilvl != nil {
			il = *pp.ilvl
		} else if l, ok := w.num.levelForStyle(*pp.numID, ps.id); ok {
			il = l
		}
		var label string
		var bullet bool
		label, lvl, bullet = w.num.next(*pp.numID, il)
		if bullet && w.bulletAt == nil {
			pos := w.pos(no, 1)
			w.bulletAt = &pos
		}
		if label != "" {
			b.add(label, hints{})
		}
	}
	labelled := len(b.items) > 0
	w.inline(p, b)
	if labelled {
		var r rProps
		switch {
		case mark.child("b") != nil || mark.child("rFonts") != nil || mark.child("sz") != nil:
			r = w.styles.run(ps, mark.child("rStyle").val(), parseRPr(mark))
		case b.first != nil:
			r = *b.first
		default:
			r = w.styles.run(ps, "", rProps{})
		}
		b.items[0].h = r.over(lvl.r).hints()
	}
	if b.changes > 0 {
		if w.changed == 0 {
			w.firstChange = w.pos(no, 1)
		}
		w.changed++
		w.changes += b.changes
	}

	tmpl := manuscript.Para{Pos: w.pos(no, 1), Title: ps.title}
	if pp.jc != nil {
		tmpl.Align = *pp.jc
	}
	if pp.outline != nil {
		tmpl.Outline = *pp.outline
	}
	parts := b.parts(tmpl)
	if w.tbl != nil {
		for _, part := range parts {
			if !blank(part.Runs) {
				w.tbl.vote(pp.jc)
				break
			}
		}
	}
	if w.pending != nil {
		if parts[0].Image == nil {
			parts[0].Runs = append(w.pending.Runs, parts[0].Runs...)
			parts[0].Pos = w.pending.Pos
		} else {
			w.emit(*w.pending)
		}
		w.pending = nil
	}
	if last := parts[len(parts)-1]; markDeleted && last.Image == nil {
		if !blank(last.Runs) {
			w.pending = &last
		}
		parts = parts[:len(parts)-1]
	}
	for _, part := range parts {
		w.emit(part)
	}
}

// emit adds a paragraph unless it is empty.
func (w *walker) emit(p manuscript.Para) {
	if p.Image == nil && p.Table == nil && blank(p.Runs) {
		return
	}
	w.paras = append(w.paras, p)
}

func (w *walker) flushPending() {
	if w.pending != nil {
		w.emit(*w.pending)
		w.pending = nil
	}
}

// finish flushes what is pending and adds the once-per-document notes.
func (w *walker) finish() {
	w.flushPending()
	if w.changed > 0 {
		w.notes.Add(w.firstChange, fmt.Sprintf("已按“接受所有修订”处理 %d 处修订（在 %d 段中，删除的文字不排印）", w.changes, w.changed), "如不同意，请在 Word/WPS 中审阅修订后重新保存")
	}
	if w.bulletAt != nil {
		w.notes.Add(*w.bulletAt, "列表的项目符号（•）未排印", "如需保留，请直接在文字中输入符号")
	}
	if w.hiddenAt != nil {
		w.notes.Add(*w.hiddenAt, "文档中的隐藏文字未排印", "如需排印，请在 Word/WPS 中取消“隐藏”格式")
	}
}
