package docx

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jianbao/internal/manuscript"
)

// fixtureExpect says what the real fixtures in testdata/manuscripts should
// give: "" for a clean read, else a fragment of the single error expected.
var fixtureExpect = map[string]string{
	"nodoc.docx":       "不是有效的 Word 文档",
	"truncated.docx":   "不是有效的 Word 文档",
	"odt-renamed.docx": ".odt (OpenDocument) 文件",
	"legacy.doc":       "是旧版 Word/WPS 文件（.doc/.wps），不是 .docx",
	"legacy.wps":       "是旧版 Word/WPS 文件（.doc/.wps），不是 .docx",
}

// fixtureFiles lists the Word files in testdata/manuscripts.
func fixtureFiles(t testing.TB) []string {
	var files []string
	for _, pattern := range []string{"*.docx", "*/*.docx", "*.doc", "*.wps"} {
		more, _ := filepath.Glob("../../testdata/manuscripts/" + pattern)
		files = append(files, more...)
	}
	return files
}

// TestFixtures reads the real LibreOffice and pandoc files and logs what
// they give (go test -v -run Fixtures to look at it).
func TestFixtures(t *testing.T) {
	files := fixtureFiles(t)
	if len(files) == 0 {
		t.Skip("no testdata/manuscripts/*.docx")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			paras, notes, errs := Read(filepath.Base(f), data)
			want, listed := fixtureExpect[filepath.Base(f)]
			switch {
			case want == "" && len(errs) > 0:
				t.Errorf("errors: %v", errs)
			case want != "" && (len(errs) == 0 || !strings.Contains(errs[0].Error(), want)):
				t.Errorf("errors %v, want one containing %q", errs, want)
			}
			if !listed && len(paras) == 0 {
				t.Errorf("no paragraphs")
			}
			for _, n := range notes {
				t.Logf("note: %v", n)
			}
			for _, e := range errs {
				t.Logf("error: %v", e)
			}
			for _, p := range paras {
				t.Log(describe(p))
			}
			if s := Sniff(data); listed != (s != "docx") {
				t.Errorf("Sniff = %q", s)
			}
		})
	}
}

// describe shows a paragraph with its hints on one line.
func describe(p manuscript.Para) string {
	var b strings.Builder
	b.WriteString(p.Pos.String())
	if p.Image != nil {
		b.WriteString(" [image " + p.Image.Name + "]")
		return b.String()
	}
	if p.Table != nil {
		b.WriteString(" [table header " + itoa(p.Table.Header) + " align " + strconv.Quote(string(p.Table.Align)) + " " + strings.Join(grid(p.Table), " / ") + "]")
		return b.String()
	}
	if p.Align != manuscript.AlignLeft {
		b.WriteString([]string{"", " center", " right"}[p.Align])
	}
	if p.Outline > 0 {
		b.WriteString(" h" + string(rune('0'+p.Outline)))
	}
	if p.Title {
		b.WriteString(" title")
	}
	for _, r := range p.Runs {
		b.WriteString(" «" + r.Text + "»")
		var h []string
		if r.Bold {
			h = append(h, "b")
		}
		if r.Font != manuscript.FontOther {
			h = append(h, []string{"", "song", "fang", "hei", "kai", "biaosong"}[r.Font])
		}
		if r.Size > 0 {
			h = append(h, "sz"+itoa(r.Size))
		}
		h = append(h, "@"+itoa(r.Pos.Col))
		b.WriteString("{" + strings.Join(h, ",") + "}")
	}
	return b.String()
}

func itoa(i int) string { return strconv.Itoa(i) }

// readFixture reads one fixture, skipping the test when it is absent.
func readFixture(t *testing.T, name string) []manuscript.Para {
	t.Helper()
	data, err := os.ReadFile("../../testdata/manuscripts/" + name)
	if err != nil {
		t.Skip(err)
	}
	paras, _, errs := Read(name, data)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return paras
}

// byLine finds the text paragraph of a source paragraph number.
func byLine(t *testing.T, paras []manuscript.Para, line int) manuscript.Para {
	t.Helper()
	for _, p := range paras {
		if p.Pos.Line == line && p.Image == nil && p.Table == nil {
			return p
		}
	}
	t.Fatalf("no paragraph %d", line)
	return manuscript.Para{}
}

// TestFixtureLibreOffice checks what testdata/manuscripts/README.md says
// lo-anquan.docx holds.
func TestFixtureLibreOffice(t *testing.T) {
	paras := readFixture(t, "lo-anquan.docx")
	title := byLine(t, paras, 1)
	if title.Align != manuscript.AlignCenter || title.Runs[0].Font != manuscript.FontBiaoSong || title.Runs[0].Size != 44 {
		t.Errorf("title %s", describe(title))
	}
	if h := byLine(t, paras, 4); text(h) != "一、周密部署，压实安全责任" || h.Runs[0].Font != manuscript.FontHei || h.Outline != 0 {
		t.Errorf("heading %s", describe(h))
	}
	// The Han runs carry no eastAsia font: it comes from the defaults.
	if b := byLine(t, paras, 3); len(b.Runs) != 1 || b.Runs[0].Font != manuscript.FontFang || !strings.HasPrefix(text(b), "　　为切实") {
		t.Errorf("body %s", describe(b))
	}
	if p := byLine(t, paras, 5); p.Runs[1].Text != "（一）加强组织领导。" || p.Runs[1].Font != manuscript.FontKai || p.Runs[1].Pos.Col != 3 {
		t.Errorf("run-in heading %s", describe(p))
	}
	if p := byLine(t, paras, 6); p.Runs[1].Text != "1.明确责任分工。" || !p.Runs[1].Bold {
		t.Errorf("bold run-in heading %s", describe(p))
	}
	if p := byLine(t, paras, 8); !strings.Contains(text(p), "联合检查组") {
		t.Errorf("soft break %s", describe(p))
	}
	if p := byLine(t, paras, 9); !strings.HasSuffix(text(p), "各校结合“开学第一课”，组织开展消防疏散演练和防溺水、交通安全等专题教育活动，累计覆盖师生23.6万人次。") {
		t.Errorf("tracked changes %s", describe(p))
	}
	var img *manuscript.Para
	for i := range paras {
		if paras[i].Image != nil {
			img = &paras[i]
		}
	}
	if img == nil || img.Pos.Line != 10 || img.Align != manuscript.AlignCenter || imageFormat(img.Image.Data) != "PNG" {
		t.Errorf("picture %+v", img)
	}
	for _, line := range []int{13, 14} {
		if p := byLine(t, paras, line); p.Align != manuscript.AlignRight {
			t.Errorf("落款 %s", describe(p))
		}
	}
}

// TestFixturePandoc checks pandoc-jiedao.docx.
func TestFixturePandoc(t *testing.T) {
	paras := readFixture(t, "pandoc-jiedao.docx")
	if !paras[0].Title || text(paras[0]) != "新华路街道“三个一”工作法推动社区治理提质增效" {
		t.Errorf("title %s", describe(paras[0]))
	}
	outlines := map[string]int{"一、织密一张网格，夯实治理基础": 1, "（一）科学划分网格": 2, "（二）推动数据共享": 2}
	found := 0
	for _, p := range paras {
		if lvl, ok := outlines[text(p)]; ok {
			found++
			if p.Outline != lvl {
				t.Errorf("%s: outline %d, want %d", text(p), p.Outline, lvl)
			}
		}
		if strings.Contains(text(p), "58个基础网格") {
			var bold []string
			for _, r := range p.Runs {
				if r.Bold {
					bold = append(bold, r.Text)
				}
			}
			if !equal(bold, []string{"58个基础网格"}) {
				t.Errorf("bold runs %q", bold)
			}
		}
		if p.Image != nil && imageFormat(p.Image.Data) != "JPEG" {
			t.Errorf("picture %s", p.Image.Name)
		}
	}
	if found != len(outlines) {
		t.Errorf("found %d of the headings", found)
	}
	if !strings.Contains(strings.Join(texts(paras), "\n"), "“社区云”小程序") {
		t.Errorf("hyperlink text lost")
	}
}

// TestFixturePandocTable checks pandoc-table.docx: a pandoc pipe table
// with a w:tblHeader row and left/right cell alignment.
func TestFixturePandocTable(t *testing.T) {
	paras := readFixture(t, "pandoc-table.docx")
	wantTexts(t, paras, "一季度全区快递业务运行情况", "今年一季度，全区快递业务保持平稳增长，主要指标如下：",
		"[table 项目|2025年一季度|2026年一季度 / 快递业务量（万件）|3820|4156 / 快递业务收入（万元）|31250|33870]",
		"下一步，区邮政管理局将加强行业运行监测，推动快递业高质量发展。")
	tp := paras[2]
	td := tp.Table
	if tp.Pos.Line != 3 || tp.Pos.Col != 1 || len(tp.Runs) != 0 || tp.Image != nil {
		t.Errorf("table para %s", describe(tp))
	}
	if td.Header != 1 || string(td.Align) != "lrr" || td.Columns() != 3 {
		t.Errorf("header %d, align %q, %d columns", td.Header, td.Align, td.Columns())
	}
	// three paragraphs a row, one a cell
	for i, row := range td.Rows {
		for j, c := range row {
			line := 3 + 3*i + j
			if c.Pos.Line != line || c.Pos.Col != 1 || c.Span != 1 || c.Merged || len(c.Runs) != 1 || c.Runs[0].Pos != c.Pos {
				t.Errorf("cell %d,%d: %+v, want line %d", i, j, c, line)
			}
		}
	}
	if p := paras[3]; p.Pos.Line != 12 {
		t.Errorf("after the table: %s", describe(p))
	}
}
