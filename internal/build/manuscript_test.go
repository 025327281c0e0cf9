package build

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/golden"
	"jianbao/internal/manuscript"
)

const manuscripts = "../../testdata/manuscripts"

// hanOf lists the Han characters of s in order.
func hanOf(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			out = append(out, r)
		}
	}
	return out
}

var wt = regexp.MustCompile(`<w:t(?:\s[^>]*)?>([^<]*)</w:t>`)

// sourceHan is an oracle independent of the readers: the Han characters
// of a .docx's w:t elements (deleted text is w:delText; comments and
// footnotes live in other parts), or of a decoded text file.
func sourceHan(t *testing.T, path string) []rune {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".docx") {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, _ := f.Open()
			x, _ := io.ReadAll(rc)
			rc.Close()
			var b strings.Builder
			for _, m := range wt.FindAllStringSubmatch(string(x), -1) {
				b.WriteString(m[1])
			}
			return hanOf(b.String())
		}
		t.Fatalf("%s: no word/document.xml", path)
	}
	s, _, errs := manuscript.Decode(path, data)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return hanOf(s)
}

// items returns the text items of a role on all pages, in order.
func items(d *display.Document, role string) []display.Item {
	var out []display.Item
	for _, p := range d.Pages {
		for _, it := range p.Items {
			if it.Role == role {
				out = append(out, it)
			}
		}
	}
	return out
}

// TestManuscriptFixtures builds the issue of .docx files written by
// LibreOffice and pandoc and of pasted and GB18030 text: every Han
// character of each source reaches the PDF in order (pdftotext), and the
// structure is intact: titles, headings in the heading faces, run-in
// headings, the 落款 right-aligned, the photo with its caption.
func TestManuscriptFixtures(t *testing.T) {
	m := filepath.Join(manuscripts, "bulletin.yaml")
	res, errs := Build(m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(res.Notes) == 0 {
		t.Error("no notes: the readers must say what they interpreted and repaired")
	}
	for _, n := range res.Notes {
		if n.Pos.File == "" || strings.Contains(n.Error(), "\n") {
			t.Errorf("note not positioned or not one line: %q", n.Error())
		}
	}
	d := res.Doc
	titles := map[string]bool{}
	for _, it := range items(d, "title") {
		titles[it.Line[:strings.Index(it.Line, ".")]] = true
	}
	if len(titles) != 4 {
		t.Errorf("%d article titles, want 4", len(titles))
	}
	face := func(it display.Item) string { return it.Glyphs[len(it.Glyphs)-1].Face }
	h1, h2 := items(d, "h1"), items(d, "h2")
	if len(h1) < 4 || len(h2) < 3 {
		t.Errorf("headings: %d h1, %d h2", len(h1), len(h2))
	}
	for _, it := range h1 {
		if face(it) != "NotoSansSC-Medium" {
			t.Errorf("h1 %q in %s, want 黑体", it.Text, face(it))
		}
	}
	for _, it := range h2 {
		if face(it) != "gkai00mp" {
			t.Errorf("h2 %q in %s, want 楷体", it.Text, face(it))
		}
	}
	// the run-in heading of lo-anquan.docx: 楷体 glyphs, then 仿宋 on the same line
	found := false
	for _, it := range items(d, "body") {
		if strings.HasPrefix(it.Text, "（一）加强组织领导。") {
			found = true
			if it.Glyphs[1].Face != "gkai00mp" || it.Glyphs[len([]rune("（一）加强组织领导。"))+1].Face != "FandolFang-Regular" {
				t.Errorf("run-in heading faces: %s then %s", it.Glyphs[1].Face, it.Glyphs[12].Face)
			}
		}
	}
	if !found {
		t.Error("run-in heading （一）加强组织领导。 not found at a line start")
	}
	// 落款: 2 lines per article that has one, the unit ending two characters from the right edge
	spec := defaultSpec(t)
	right := spec.Left() + spec.BlockW()
	cl := items(d, "closing")
	if len(cl) != 8 {
		t.Errorf("%d 落款 lines, want 8 (unit and date of four articles)", len(cl))
	}
	for i, it := range cl {
		if it.X+it.W > right || it.X < spec.Left()+spec.BlockW()/2 {
			t.Errorf("落款 %q at x %v..%v, not in the right half of the block", it.Text, it.X, it.X+it.W)
		}
		if i%2 == 1 && !strings.HasSuffix(it.Text, "日") {
			t.Errorf("落款 line %q is not a date", it.Text)
		}
		if i%2 == 0 && it.X+it.W != right-2*spec.CharPitch() && cl[i+1].X+cl[i+1].W != right-2*spec.CharPitch() {
			t.Errorf("落款 %q/%q: neither ends two characters from the edge", it.Text, cl[i+1].Text)
		}
	}
	if n := len(items(d, "figure")); n != 2 {
		t.Errorf("%d photos, want 2", n)
	}
	if n := len(items(d, "caption")); n < 2 {
		t.Errorf("%d caption lines, want 2 or more", n)
	}
	if n := len(items(d, "subtitle")); n != 1 {
		t.Errorf("%d subtitle lines, want 1 (the byline of lo-anquan.docx)", n)
	}
	tool := needTool(t, "pdftotext")
	pdf := filepath.Join(t.TempDir(), "m.pdf")
	os.WriteFile(pdf, res.PDF, 0o644)
	out, err := exec.Command(tool, "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	got := hanOf(string(out))
	k := 0
	for _, name := range []string{"lo-anquan.docx", "pandoc-jiedao.docx", "gb18030-crlf.txt", "pasted-wechat.txt"} {
		want := sourceHan(t, filepath.Join(manuscripts, name))
		j := 0
		for k < len(got) && j < len(want) {
			if got[k] == want[j] {
				j++
			}
			k++
		}
		if j < len(want) {
			t.Errorf("%s: Han character %d of %d (%q, near %q) not found in order in the PDF", name, j, len(want), want[j], string(want[max(0, j-8):min(len(want), j+8)]))
		}
	}
}

// TestGoldenManuscripts compares the manuscript issue's layout record
// and PDF with the committed golden files (go test ./... -update).
func TestGoldenManuscripts(t *testing.T) {
	res, errs := Build(filepath.Join(manuscripts, "bulletin.yaml"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var dump bytes.Buffer
	display.Dump(&dump, res.Doc)
	golden.CompareText(t, filepath.Join(manuscripts, "golden", "bulletin.layout.txt"), dump.Bytes())
	golden.CompareBytes(t, filepath.Join(manuscripts, "golden", "bulletin.pdf"), res.PDF)
}

// TestBadManuscripts: legacy, damaged and unsupported files are one-line
// errors naming the file and saying what to do.
func TestBadManuscripts(t *testing.T) {
	cases := map[string]string{
		"legacy.doc":       "legacy.doc: 是旧版 Word/WPS 文件（.doc/.wps），jianbao 读不了；请在 Word/WPS 中另存为 .docx 后列入清单",
		"legacy.wps":       "legacy.wps: 是旧版 Word/WPS 文件（.doc/.wps），jianbao 读不了；请在 Word/WPS 中另存为 .docx 后列入清单",
		"truncated.docx":   "truncated.docx: ",
		"nodoc.docx":       "nodoc.docx: ",
		"odt-renamed.docx": "odt-renamed.docx: ",
	}
	for name, want := range cases {
		data, err := os.ReadFile(filepath.Join(manuscripts, name))
		if err != nil {
			t.Fatal(err)
		}
		art, _, errs := ReadArticle(name, data)
		if art != nil || len(errs) != 1 {
			t.Errorf("%s: article %v, errors %v; want one error", name, art != nil, errs)
			continue
		}
		msg := errs[0].Error()
		if !strings.HasPrefix(msg, want) || !strings.Contains(msg, "；") || strings.Contains(msg, "\n") {
			t.Errorf("%s: %q, want a one-line message starting %q with what to do", name, msg, want)
		}
		t.Logf("%s", msg)
	}
}

// TestImportBuildsTheSame: a manuscript converted by import builds to the
// same PDF bytes as the manuscript itself.
func TestImportBuildsTheSame(t *testing.T) {
	man, err := os.ReadFile(filepath.Join(manuscripts, "bulletin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"lo-anquan.docx", "pandoc-jiedao.docx", "gb18030-crlf.txt", "pasted-wechat.txt"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			data, _ := os.ReadFile(filepath.Join(manuscripts, name))
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
			imp, errs := Import(filepath.Join(dir, name), filepath.Join(dir, "a.md"))
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			md := imp.Markdown
			one := func(art string) []byte {
				s := string(man)
				i := strings.Index(s, "articles:\n")
				j := strings.Index(s, "distribution:")
				m := filepath.Join(dir, strings.TrimSuffix(art, filepath.Ext(art))+".yaml")
				os.WriteFile(m, []byte(s[:i]+"articles:\n  - "+art+"\n"+s[j:]), 0o644)
				res, errs := Build(m)
				if len(errs) > 0 {
					t.Fatal(errs)
				}
				return res.PDF
			}
			a, b := one(name), one(filepath.Base(md))
			if !bytes.Equal(a, b) {
				src, _ := os.ReadFile(md)
				t.Errorf("the imported Markdown builds differently (%d vs %d bytes):\n%s", len(a), len(b), src)
			}
		})
	}
}

func BenchmarkBuildWordIssue(b *testing.B) {
	benchIssue(b, filepath.Join(manuscripts, "bench", "bulletin-docx.yaml"))
}

func BenchmarkBuildMarkdownIssue(b *testing.B) {
	benchIssue(b, filepath.Join(manuscripts, "bench", "bulletin-md.yaml"))
}

func benchIssue(b *testing.B, m string) {
	for i := 0; i < b.N; i++ {
		if _, errs := Build(m); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// A Word table (pandoc's) is read as a table: every cell prints.
func TestWordTable(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(manuscripts, "pandoc-table.docx"))
	if err != nil {
		t.Fatal(err)
	}
	art, _, errs := ReadArticle("pandoc-table.docx", data)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var tb *doc.Block
	for i := range art.Blocks {
		if art.Blocks[i].Kind == doc.Table {
			tb = &art.Blocks[i]
		}
	}
	if tb == nil || len(tb.Table.Rows) != 3 || tb.Table.Columns() != 3 || tb.Table.Rows[0][0].Runs[0].Text != "项目" {
		t.Fatalf("table: %+v", tb)
	}
}
