package docx

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/manuscript"
)

// Limits on one table; a larger table is refused with an error at its
// first paragraph.
const (
	MaxTableColumns = 20   // grid columns of the widest row (cells × their spans)
	MaxTableRows    = 2000 // rows
)

// tableState is what the walker knows of the table being read.
type tableState struct {
	no        int      // the table's number in the document, from 1
	pictures  int      // pictures met in its cells
	pictureAt diag.Pos // where the first is
	// The alignment of the text paragraphs of the cell being read.
	align byte
	votes int
	mixed bool
}

// vote records the alignment of a text paragraph of the current cell.
func (s *tableState) vote(jc *manuscript.Align) {
	a := byte(0) // not set anywhere: Word's left, but nobody chose it
	if jc != nil {
		a = "lcr"[*jc]
	}
	if s.votes > 0 && a != s.align {
		s.mixed = true
	}
	s.align = a
	s.votes++
}

// tableRow and tableCell are the w:tr and w:tc of a table as found before
// reading it.
type tableRow struct {
	before int  // grid columns skipped before the first cell (w:gridBefore)
	header bool // w:tblHeader: repeated on each page
	cells  []tableCell
}

type tableCell struct {
	tc    *node
	start int // paragraph number before the cell
	span  int // w:gridSpan, at most MaxTableColumns+1
	vCont bool
	hCont bool // continuation of a legacy horizontal merge (w:hMerge)
}

func gridValue(n *node) int {
	v, ok := atoi(n.val())
	if !ok || v < 1 {
		return 1
	}
	return min(v, MaxTableColumns+1)
}

// layout finds the rows and cells of t in document order, also inside
// content controls and custom XML, with the paragraph number before each
// cell (no is the number before t). Rows deleted as tracked changes and
// rows without cells are left out.
func (w *walker) layout(t *node, no int) []tableRow {
	var rows []tableRow
	var walk func(n *node, inRow bool)
	walk = func(n *node, inRow bool) {
		for _, k := range n.kids {
			switch {
			case isAltContent(k):
				if c := choose(k); c != nil {
					walk(c, inRow)
				}
			case k.w("sdt"), k.w("sdtContent"), k.w("customXml"), k.w("smartTag"):
				walk(k, inRow)
			case !inRow && k.w("tr"):
				trPr := k.child("trPr")
				row := tableRow{header: trPr.child("tblHeader") != nil && *onOff(trPr.child("tblHeader"))}
				if g := trPr.child("gridBefore"); g != nil {
					row.before = gridValue(g)
				}
				deleted := trPr.child("del") != nil
				if deleted || trPr.child("ins") != nil {
					w.rowChange(no + 1)
				}
				rows = append(rows, row)
				walk(k, true)
				if deleted || len(rows[len(rows)-1].cells) == 0 {
					rows = rows[:len(rows)-1]
				}
			case inRow && k.w("tc"):
				tcPr := k.child("tcPr")
				c := tableCell{tc: k, start: no, span: gridValue(tcPr.child("gridSpan"))}
				if v := tcPr.child("vMerge"); v != nil && v.val() != "restart" {
					c.vCont = true
				}
				if h := tcPr.child("hMerge"); h != nil && h.val() != "restart" {
					c.hCont = true
				}
				r := &rows[len(rows)-1]
				r.cells = append(r.cells, c)
				no += countParas(k)
			default:
				no += countParas(k)
			}
		}
	}
	walk(t, false)
	return rows
}

// rowChange counts a row inserted or deleted as a tracked change.
func (w *walker) rowChange(line int) {
	if w.changed == 0 {
		w.firstChange = w.pos(line, 1)
	}
	w.changed++
	w.changes++
}

// columns is the grid width of the widest row.
func columns(rows []tableRow) int {
	n := 0
	for _, r := range rows {
		c := r.before
		for _, cell := range r.cells {
			c += cell.span
		}
		n = max(n, c)
	}
	return n
}

// table reads a w:tbl into a paragraph holding the table.
func (w *walker) table(t *node) {
	first := w.paraNo + 1
	end := w.paraNo + countParas(t)
	defer func() { w.paraNo = end }()
	if w.tbl != nil {
		w.errs.Add(w.pos(first, 1), fmt.Sprintf("第 %d 个表格中套表格暂不支持", w.tbl.no), "请把内层表格改写为文字")
		return
	}
	w.tables++
	rows := w.layout(t, w.paraNo)
	if n, cols := len(rows), columns(rows); n > MaxTableRows || cols > MaxTableColumns {
		what := "没有文字"
		if s := firstText(rows); s != "" {
			what = fmt.Sprintf("以“%s”开头", s)
		}
		w.errs.Add(w.pos(first, 1), fmt.Sprintf("第 %d 个表格（%d 行 × %d 列，%s）太大，jianbao 只能排印 %d 列、%d 行以内的表格", w.tables, n, cols, what, MaxTableColumns, MaxTableRows),
			"请把表格拆分为几个较小的表格，或改写为段落")
		return
	}
	st := &tableState{no: w.tables}
	w.tbl = st
	td, text := w.readTable(rows)
	w.tbl = nil
	if st.pictures > 0 {
		w.errs.Add(st.pictureAt, fmt.Sprintf("第 %d 个表格中有 %d 张图片，jianbao 不能排印表格中的图片", st.no, st.pictures), "请把图片移到表格外，放在表格前后单独的段落中")
	}
	if !text {
		if len(rows) > 0 {
			w.notes.Add(w.pos(first, 1), fmt.Sprintf("第 %d 个表格没有文字，未排印", st.no), "如需排印，请在表格中填写文字")
		}
		return
	}
	w.paras = append(w.paras, manuscript.Para{Pos: w.pos(first, 1), Table: td})
}

// firstText quotes the first text in the table's cells.
func firstText(rows []tableRow) string {
	for _, r := range rows {
		for _, c := range r.cells {
			if s := quote(textOf(c.tc)); s != "" {
				return s
			}
		}
	}
	return ""
}

// cellAlign is a cell's alignment and whether it may decide its column's.
type cellAlign struct {
	align byte
	votes bool
}

// readTable reads the cells; text says whether any has text.
func (w *walker) readTable(rows []tableRow) (td *doc.TableData, text bool) {
	td = &doc.TableData{}
	aligns := make([][]cellAlign, 0, len(rows))
	marked := 0
	var above map[int]int // first column → span of the cells in the row above
	for i, row := range rows {
		if row.header && marked == i {
			marked++
		}
		var cells []doc.Cell
		var al []cellAlign
		starts := map[int]int{}
		col := 0
		if row.before > 0 {
			cells = append(cells, doc.Cell{Span: row.before, Pos: w.pos(row.cells[0].start+1, 1)})
			al = append(al, cellAlign{})
			col = row.before
		}
		for _, c := range row.cells {
			cell, a, ok := w.readCell(c)
			if n := len(cells); c.hCont && n > 0 {
				// a legacy horizontal merge: widen the cell on the left
				w.dropped(cell)
				cells[n-1].Span += c.span
				starts[col-cells[n-1].Span+c.span] = cells[n-1].Span
				al[n-1].votes = false
				col += c.span
				continue
			}
			if c.vCont && above != nil && above[col] == c.span {
				w.dropped(cell)
				cell.Runs, cell.Merged, ok = nil, true, false
			}
			if len(cell.Runs) > 0 {
				text = true
			}
			starts[col] = c.span
			cells = append(cells, cell)
			al = append(al, cellAlign{a, ok && c.span == 1 && len(cell.Runs) > 0})
			col += c.span
		}
		td.Rows = append(td.Rows, cells)
		aligns = append(aligns, al)
		above = starts
	}
	td.Header = header(td.Rows, marked)
	td.Align = columnAlign(td, aligns)
	return td, text
}

// dropped notes the text of a cell that is covered by a merge.
func (w *walker) dropped(c doc.Cell) {
	var b strings.Builder
	for _, r := range c.Runs {
		b.WriteString(r.Text)
	}
	if s := quote(b.String()); s != "" {
		w.notes.Add(c.Pos, fmt.Sprintf("第 %d 个表格合并单元格中被合并掉的文字“%s”未排印", w.tbl.no, s), "Word 只显示合并后第一个单元格的文字；如需保留，请把文字移到该单元格中")
	}
}

// readCell reads the paragraphs of one cell into runs, with the cell's
// alignment and whether its text paragraphs agree on it.
func (w *walker) readCell(c tableCell) (doc.Cell, byte, bool) {
	w.paraNo = c.start
	saved := w.paras
	w.paras = nil
	s := w.tbl
	s.align, s.votes, s.mixed = 0, 0, false
	w.walkBlocks(c.tc)
	w.flushPending()
	cell := doc.Cell{Runs: cellRuns(w.paras), Span: c.span, Pos: w.pos(c.start+1, 1)}
	w.paras = saved
	return cell, s.align, s.votes > 0 && !s.mixed
}

// cellRuns joins the paragraphs of a cell: each trimmed of typed
// indentation and surrounding spaces, nothing between them but a space
// between Latin words. Adjacent runs of one source paragraph with the
// same weight are merged; runs of different paragraphs are not, so each
// keeps its position.
func cellRuns(paras []manuscript.Para) []doc.Run {
	var out []doc.Run
	for _, p := range paras {
		runs := trimRuns(p.Runs)
		if len(runs) == 0 {
			continue
		}
		if n := len(out); n > 0 {
			a, _ := utf8.DecodeLastRuneInString(out[n-1].Text)
			b, _ := utf8.DecodeRuneInString(runs[0].Text)
			if manuscript.JoinWithSpace(a, b) {
				out[n-1].Text += " "
			}
		}
		for _, r := range runs {
			if n := len(out); n > 0 && out[n-1].Bold == r.Bold && out[n-1].Pos.Line == r.Pos.Line {
				out[n-1].Text += r.Text
				continue
			}
			out = append(out, doc.Run{Text: r.Text, Bold: r.Bold, Pos: r.Pos})
		}
	}
	return out
}

func isTrim(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u200c' || r == '\u200d'
}

// trimRuns trims blanks at both ends of a paragraph's runs, moving the
// first run's column past what was cut.
func trimRuns(runs []manuscript.Run) []manuscript.Run {
	runs = append([]manuscript.Run(nil), runs...)
	for len(runs) > 0 {
		t := strings.TrimLeftFunc(runs[0].Text, isTrim)
		runs[0].Pos.Col += utf8.RuneCountInString(runs[0].Text) - utf8.RuneCountInString(t)
		runs[0].Text = t
		if t != "" {
			break
		}
		runs = runs[1:]
	}
	for len(runs) > 0 {
		n := len(runs) - 1
		runs[n].Text = strings.TrimRightFunc(runs[n].Text, isTrim)
		if runs[n].Text != "" {
			break
		}
		runs = runs[:n]
	}
	return runs
}

// header counts the header rows: the rows marked w:tblHeader at the top
// of the table; when none is, the bold rows at the top (only the first
// when every row of a table of several rows is bold), and at least the
// first row of a table of several rows (office tables nearly always have
// one). Rows holding cells merged down from the header join it, unless
// that takes in the whole table.
func header(rows [][]doc.Cell, marked int) int {
	n := len(rows)
	h := marked
	if h == 0 {
		for h < n && boldRow(rows[h]) {
			h++
		}
		if n > 1 && (h == 0 || h == n) {
			h = 1
		}
	}
	base := h
	for h > 0 && h < n && hasMerged(rows[h]) {
		h++
	}
	if h == n && base < n {
		h = base
	}
	return h
}

// boldRow reports whether a row has text and all of it is bold.
func boldRow(row []doc.Cell) bool {
	text := false
	for _, c := range row {
		for _, r := range c.Runs {
			if strings.TrimFunc(r.Text, isTrim) == "" {
				continue
			}
			if !r.Bold {
				return false
			}
			text = true
		}
	}
	return text
}

func hasMerged(row []doc.Cell) bool {
	for _, c := range row {
		if c.Merged {
			return true
		}
	}
	return false
}

// columnAlign gives each column the alignment its body cells agree on:
// those of one column (no span), with text, whose paragraphs agree. A
// table of header rows only is its own body.
func columnAlign(td *doc.TableData, aligns [][]cellAlign) []byte {
	out := make([]byte, td.Columns())
	body := td.Header
	if body >= len(td.Rows) {
		body = 0
	}
	for j := range out {
		var a byte
		seen, agree := false, true
		for i := body; i < len(td.Rows); i++ {
			col := 0
			for k, c := range td.Rows[i] {
				if col == j && aligns[i][k].votes {
					if seen && aligns[i][k].align != a {
						agree = false
					}
					a, seen = aligns[i][k].align, true
				}
				col += c.Span
			}
		}
		if seen && agree {
			out[j] = a
		}
	}
	return out
}
