package docx

import (
	"strings"
	"testing"

	"jianbao/internal/doc"
	"jianbao/internal/manuscript"
)

// tbl, row, tc and cell write tables: tc takes the inside of w:tcPr and
// the cell's paragraphs, cell one plain paragraph.
func tbl(rows ...string) string { return "<w:tbl><w:tblPr/>" + strings.Join(rows, "") + "</w:tbl>" }
func row(trPr string, cells ...string) string {
	return "<w:tr><w:trPr>" + trPr + "</w:trPr>" + strings.Join(cells, "") + "</w:tr>"
}
func tc(tcPr string, paras ...string) string {
	return "<w:tc><w:tcPr>" + tcPr + "</w:tcPr>" + strings.Join(paras, "") + "</w:tc>"
}
func cell(s string) string { return tc("", p(r(s))) }

const (
	hdr      = `<w:tblHeader/>`
	jcCenter = `<w:jc w:val="center"/>`
	jcRight  = `<w:jc w:val="right"/>`
	bold     = `<w:b/>`
	restart  = `<w:vMerge w:val="restart"/>`
	cont     = `<w:vMerge/>`
)

func span(n string) string { return `<w:gridSpan w:val="` + n + `"/>` }

// readTable reads a document with one table among paragraphs and returns
// it.
func readTable(t *testing.T, body string, o pkgParts) (manuscript.Para, []manuscript.Para) {
	t.Helper()
	paras, _ := read(t, body, o)
	for _, p := range paras {
		if p.Table != nil {
			return p, paras
		}
	}
	t.Fatalf("no table in %q", texts(paras))
	return manuscript.Para{}, nil
}

func TestTable(t *testing.T) {
	// paragraph numbers: 前文 1, the cells 2–18, 后文 19
	header := row(hdr, tc("", p("")), cell("项目"), cell("2025年"), cell("2026年"))
	spans := row("", tc(span("2"), p(r("合并"))), tc("", pp(jcRight, r("1"))), tc("", pp(jcRight, r("2"))))
	twoParas := tc("", pp(jcCenter, r("　　")+rp(bold, "检查")+rp(`<w:i/>`, "组")+r(" ")), pp(jcCenter, r("工作 ")))
	latin := tc("", pp(jcCenter, r("Hello")+`<w:r><w:br/></w:r>`+r("big")), pp(jcCenter, `<w:hyperlink r:id="x">`+r("world")+`</w:hyperlink>`))
	body := p(r("前文")) +
		tbl(header, spans,
			row("", tc(restart, p(r("甲类"))), twoParas, tc("", pp(jcRight, r("3"))), tc("", pp(jcRight, r("4")))),
			row("", tc(cont, p("")), latin, tc("", pp(jcRight, r("5"))), tc("", pp(jcCenter, `<w:ins w:id="1">`+r("6")+`</w:ins>`))),
		) +
		p(r("后文"))
	tp, paras := readTable(t, body, pkgParts{})
	wantTexts(t, paras, "前文",
		"[table |项目|2025年|2026年 / 合并{2}|1|2 / 甲类|*检查*组工作|3|4 / ^|Hello big world|5|6]",
		"后文")
	td := tp.Table
	if tp.Pos.Line != 2 || tp.Pos.Col != 1 || paras[2].Pos.Line != 19 {
		t.Errorf("table at %v, next paragraph at %v", tp.Pos, paras[2].Pos)
	}
	if td.Header != 1 || td.Columns() != 4 {
		t.Errorf("header %d, %d columns", td.Header, td.Columns())
	}
	// column 0: unset; 1: centred wherever a cell starts there; 2: right;
	// 3: right and centre disagree
	if string(td.Align) != "\x00cr\x00" {
		t.Errorf("align %q", td.Align)
	}
	c := td.Rows[2][1]
	if c.Pos.Line != 10 || c.Pos.Col != 1 || len(c.Runs) != 3 {
		t.Fatalf("cell %+v", c)
	}
	// typed indentation cut, italics dropped (so 组 joins the plain run),
	// the second paragraph a run of its own at its own position
	want := []doc.Run{
		{Text: "检查", Bold: true, Pos: tp.Pos},
		{Text: "组", Pos: tp.Pos},
		{Text: "工作", Pos: tp.Pos},
	}
	for i, col := range []int{3, 5, 1} {
		want[i].Pos.Line, want[i].Pos.Col = 10, col
	}
	want[2].Pos.Line = 11
	for i := range want {
		if c.Runs[i] != want[i] {
			t.Errorf("run %d: %+v, want %+v", i, c.Runs[i], want[i])
		}
	}
	if m := td.Rows[3][0]; !m.Merged || len(m.Runs) != 0 || m.Pos.Line != 14 || m.Span != 1 {
		t.Errorf("merged cell %+v", m)
	}
	if c := td.Rows[1][0]; c.Span != 2 || c.Pos.Line != 6 {
		t.Errorf("spanning cell %+v", c)
	}
	if c := td.Rows[0][0]; len(c.Runs) != 0 || c.Pos.Line != 2 || c.Merged {
		t.Errorf("empty cell %+v", c)
	}
}

func TestTableHeader(t *testing.T) {
	plain := row("", cell("甲"), cell("乙"))
	boldRow := row("", tc("", p(rp(bold, "项目"))), tc("", p(rp(bold, "数量")+r(" "))))
	for _, c := range []struct {
		name string
		rows []string
		want int
	}{
		{"plain rows", []string{plain, plain, plain}, 1},
		{"one plain row", []string{plain}, 0},
		{"one bold row", []string{boldRow}, 1},
		{"two bold rows", []string{boldRow, boldRow, plain}, 2},
		{"every row bold", []string{boldRow, boldRow}, 1},
		{"marked rows", []string{row(hdr, cell("a"), cell("b")), row(`<w:tblHeader w:val="1"/>`, cell("c"), cell("d")), plain}, 2},
		{"marked row not at the top", []string{plain, row(hdr, cell("a"), cell("b")), boldRow, plain}, 1},
		{"marked false", []string{row(`<w:tblHeader w:val="false"/>`, cell("a"), cell("b")), boldRow}, 1},
		{"every row marked", []string{row(hdr, cell("a"), cell("b")), row(hdr, cell("c"), cell("d"))}, 2},
		{"two-level header", []string{
			row("", tc(restart, p(r("项目"))), tc(span("2"), p(r("2025年")))),
			row("", tc(cont, p("")), cell("上半年"), cell("下半年")),
			row("", cell("收入"), cell("1"), cell("2")),
		}, 2},
		{"merged down through the table", []string{
			row("", tc(restart, p(r("类别"))), cell("a")),
			row("", tc(cont, p("")), cell("b")),
			row("", tc(cont, p("")), cell("c")),
		}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			tp, _ := readTable(t, tbl(c.rows...), pkgParts{})
			if tp.Table.Header != c.want {
				t.Errorf("header %d, want %d: %q", tp.Table.Header, c.want, grid(tp.Table))
			}
		})
	}
}

func TestTableAlign(t *testing.T) {
	jc := func(v, s string) string { return tc("", pp(`<w:jc w:val="`+v+`"/>`, r(s))) }
	body := tbl(
		// the header row does not vote
		row(hdr, jc("center", "a"), jc("center", "b"), jc("center", "c"), jc("center", "d"), jc("center", "e")),
		row("", jc("end", "1"), jc("both", "2"), jc("start", "3"), cell("4"), tc("", pp(jcCenter, r("5")), pp(jcRight, r("6")))),
		// empty cells and spanning cells do not vote
		row("", jc("right", "7"), jc("left", "8"), tc("", pp(jcCenter, "")), tc(span("2"), pp(jcCenter, r("9")))),
	)
	tp, _ := readTable(t, body, pkgParts{})
	// right; left (both); left (start); unset; a cell whose paragraphs disagree
	if got := string(tp.Table.Align); got != "rll\x00\x00" {
		t.Errorf("align %q", got)
	}
	// a table of header rows only takes its alignment from them
	tp, _ = readTable(t, tbl(row(hdr, jc("center", "a"), jc("right", "b"))), pkgParts{})
	if got := string(tp.Table.Align); got != "cr" {
		t.Errorf("header-only table: align %q", got)
	}
}

func TestTableStructure(t *testing.T) {
	body := tbl(
		row("", cell("a"), cell("b"), cell("c")),
		row(`<w:del w:id="1"/>`, cell("删除的行"), cell("x"), cell("y")),
		`<w:sdt><w:sdtContent>`+row(`<w:gridBefore w:val="1"/>`, `<w:customXml>`+cell("控件")+`</w:customXml>`, cell("d"))+`</w:sdtContent></w:sdt>`,
		row("", cell("e"), tc(`<w:hMerge w:val="restart"/>`, p(r("横"))), tc(`<w:hMerge/>`, p(""))),
		row(""),
		row("", `<w:tc>`+p(r("f"))+`</w:tc>`, tc("", p(`<w:r><w:t>1</w:t></w:r>`)+`<w:sdt><w:sdtContent>`+p(r("2"))+`</w:sdtContent></w:sdt>`), cell("g")),
	) + p(r("后"))
	tp, paras := readTable(t, body, pkgParts{})
	wantTexts(t, paras, "[table a|b|c / |控件|d / e|横{2} / f|1 2|g]", "后")
	td := tp.Table
	// the gridBefore cell sits where its row's first cell is
	if c := td.Rows[1][0]; c.Pos.Line != 7 || len(c.Runs) != 0 {
		t.Errorf("gridBefore cell %+v", c)
	}
	if c := td.Rows[1][1]; c.Pos.Line != 7 || c.Runs[0].Pos.Line != 7 {
		t.Errorf("cell in a content control %+v", c)
	}
	if paras[1].Pos.Line != 16 {
		t.Errorf("after the table: line %d", paras[1].Pos.Line)
	}
	_, notes, _ := Read("t.docx", makeDocx(t, body, pkgParts{}))
	oneMessage(t, "notes", notes, "t.docx:4:1", "1 处修订")
}

func TestTableNotes(t *testing.T) {
	footnotes := `<w:footnote w:id="2"><w:p>` + r("数据来源") + `</w:p></w:footnote>`
	body := p(r("前")) + tbl(
		row("", tc(restart, p(r("类别"))), tc("", p(r("数")+`<w:r><w:footnoteReference w:id="2"/></w:r>`))),
		row("", tc(cont, p(r("被盖住"))), cell("b")),
	) + tbl(row("", tc("", p("")), cell("　")))
	paras, notes := read(t, body, pkgParts{footnotes: footnotes})
	wantTexts(t, paras, "前", "[table 类别|数 / ^|b]")
	want := []string{
		"t.docx:3:2: 脚注“数据来源”未排印",
		"t.docx:4:1: 第 1 个表格合并单元格中被合并掉的文字“被盖住”未排印",
		"t.docx:6:1: 第 2 个表格没有文字，未排印",
	}
	if len(notes) != len(want) {
		t.Fatalf("notes: %v", notes)
	}
	for i, w := range want {
		if !strings.HasPrefix(notes[i].Error(), w) {
			t.Errorf("note %d\n got %s\nwant %s…", i, notes[i].Error(), w)
		}
	}
}

func TestTableErrors(t *testing.T) {
	o := pkgParts{rels: imageRel("rIdImg", "media/a.png"), files: map[string][]byte{"word/media/a.png": tinyPNG}}
	body := p(r("前")) +
		tbl(row("", cell("外"), tc("", p(r("x")), tbl(row("", cell("嵌套"), cell("表格"))), p(""))), row("", cell("a"), cell("b"))) + // ¶2–8
		tbl(row("", cell("图"), tc("", p(r("图前")+inlinePic("rIdImg")), p(inlinePic("rIdImg"))))) + // ¶9–11
		p(r("后")) // ¶12
	paras, _, errs := Read("t.docx", makeDocx(t, body, o))
	// the outer table is read without the inner one
	wantTexts(t, paras, "前", "[table 外|x / a|b]", "[table 图|图前]", "后")
	if paras[3].Pos.Line != 12 {
		t.Errorf("after the tables: line %d", paras[3].Pos.Line)
	}
	want := []string{
		"t.docx:4:1: 第 1 个表格中套表格暂不支持；请把内层表格改写为文字",
		"t.docx:10:3: 第 2 个表格中有 2 张图片，jianbao 不能排印表格中的图片；请把图片移到表格外",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors: %v", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d\n got %s\nwant %s…", i, errs[i].Error(), w)
		}
	}
}

func TestTableLimits(t *testing.T) {
	wide := func(n int) string {
		return tbl(row("", strings.Repeat(cell("格"), n-2), tc(span("2"), p(r("宽")))))
	}
	long := func(n int) string { return tbl(strings.Repeat(row("", cell("行")), n)) }
	tp, _ := readTable(t, wide(MaxTableColumns), pkgParts{})
	if tp.Table.Columns() != MaxTableColumns {
		t.Errorf("%d columns", tp.Table.Columns())
	}
	tp, _ = readTable(t, long(MaxTableRows), pkgParts{})
	if len(tp.Table.Rows) != MaxTableRows {
		t.Errorf("%d rows", len(tp.Table.Rows))
	}
	for _, c := range []struct {
		body, want string
	}{
		{p(r("前")) + wide(MaxTableColumns+1), "t.docx:2:1: 第 1 个表格（1 行 × 21 列，以“格”开头）太大，jianbao 只能排印 20 列、2000 行以内的表格；请把表格拆分"},
		{long(MaxTableRows + 1), "t.docx:1:1: 第 1 个表格（2001 行 × 1 列，以“行”开头）太大"},
		{tbl(row("", tc(span("999999999999"), p("")), cell("尾"))), "t.docx:1:1: 第 1 个表格（1 行 × 22 列，以“尾”开头）太大"},
	} {
		paras, _, errs := Read("t.docx", makeDocx(t, c.body+p(r("后")), pkgParts{}))
		if e := oneMessage(t, "errors", errs); !strings.HasPrefix(e.Error(), c.want) {
			t.Errorf("got  %s\nwant %s…", e.Error(), c.want)
		}
		if last := paras[len(paras)-1]; text(last) != "后" || last.Pos.Line != countParas(mustParse(t, c.body))+1 {
			t.Errorf("after the table: %s", describe(last))
		}
	}
}

func mustParse(t *testing.T, body string) *node {
	t.Helper()
	n, err := parseXML([]byte(`<w:body ` + docNS + `>` + body + `</w:body>`))
	if err != nil {
		t.Fatal(err)
	}
	return n
}
