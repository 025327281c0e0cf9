package cli

import (
	"bytes"
	"jianbao/internal/pdfout"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// copyExample copies the example issue (manifest and articles) to a new
// folder.
func copyExample(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join("..", "..", "examples", "2026-09")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "golden") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		write(t, dir, rel, string(data))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// Two builds of the example that differ by one edited sentence: diff
// exits 1 and names the page and line where the sentence was and the old
// and new text, for the PDFs and for the layout records alike; a build
// compared with itself is the same (exit 0).
func TestDiffOneEditedSentence(t *testing.T) {
	oldDir, newDir := copyExample(t), copyExample(t)
	edit(t, newDir, "articles/06-qingpu.md", "市检察院、市总工会、", "市检察院、市总工会、区人社局、")
	build := func(dir string) (pdf, rec string) {
		pdf, rec = filepath.Join(dir, "out.pdf"), filepath.Join(dir, "out.layout.txt")
		var errb bytes.Buffer
		if code := Build([]string{filepath.Join(dir, "bulletin.yaml")}, BuildOptions{Out: pdf, Dump: rec}, &bytes.Buffer{}, &errb); code != ExitOK {
			t.Fatalf("build: %s", errb.String())
		}
		return pdf, rec
	}
	oldPDF, oldRec := build(oldDir)
	newPDF, newRec := build(newDir)

	var out, errb bytes.Buffer
	if code := Diff(oldPDF, oldPDF, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "排版相同") {
		t.Fatalf("a PDF against itself: %d %s %s", code, out.String(), errb.String())
	}
	for _, pair := range [][2]string{{oldPDF, newPDF}, {oldRec, newRec}, {oldRec, newPDF}} {
		out.Reset()
		errb.Reset()
		if code := Diff(pair[0], pair[1], &out, &errb); code != ExitInput {
			t.Fatalf("diff %v: exit %d, want 1\n%s%s", pair, code, out.String(), errb.String())
		}
		re := regexp.MustCompile(`第 (\d+) 页第 (\d+) 行改动：“([^”]*)” → “([^”]*)”`)
		m := re.FindStringSubmatch(out.String())
		if m == nil {
			t.Fatalf("diff names no changed line:\n%s", out.String())
		}
		page, line := atoi(t, m[1]), atoi(t, m[2])
		if !strings.Contains(m[3]+m[4], "市总工会") || !strings.Contains(m[4], "区人") {
			t.Errorf("first change %q → %q is not the edited sentence", m[3], m[4])
		}
		// the old text is on that page of the old PDF, the new text on that page of the new one
		if txt := pdftotextPage(t, oldPDF, page); txt != "" && !strings.Contains(txt, m[3]) {
			t.Errorf("page %d of the old PDF does not hold %q", page, m[3])
		}
		if txt := pdftotextPage(t, newPDF, page); txt != "" && !strings.Contains(txt, m[4]) {
			t.Errorf("page %d of the new PDF does not hold %q", page, m[4])
		}
		// and it is the line-th line from the top of that page in the record
		if got := nthLine(t, oldRec, page, line); got != m[3] {
			t.Errorf("line %d of page %d in the old record is %q, diff says %q", line, page, got, m[3])
		}
		if !strings.HasPrefix(out.String(), pair[0]+" → "+pair[1]+": 排版不同，第 "+m[1]+" 页") {
			t.Errorf("summary line: %s", out.String())
		}
	}
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func pdftotextPage(t *testing.T, pdf string, page int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-f", p, "-l", p, pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// nthLine reads a layout record: the text of the n-th baseline from the
// top of a page (page numbers left out).
func nthLine(t *testing.T, rec string, page, n int) string {
	data, err := os.ReadFile(rec)
	if err != nil {
		t.Fatal(err)
	}
	p := 0
	byY := map[float64]string{}
	for _, ln := range strings.Split(string(data), "\n") {
		f := strings.Split(ln, "\t")
		if f[0] == "page" {
			p++
		}
		if p != page || f[0] != "text" || f[1] == "pageno" {
			continue
		}
		for _, v := range f {
			if strings.HasPrefix(v, "y=") {
				y, _ := strconv.ParseFloat(v[2:], 64)
				byY[y] += strings.TrimSuffix(strings.TrimPrefix(f[len(f)-1], "("), ")")
			}
		}
	}
	ys := make([]float64, 0, len(byY))
	for y := range byY {
		ys = append(ys, y)
	}
	sort.Float64s(ys)
	if n < 1 || n > len(ys) {
		return ""
	}
	return byY[ys[n-1]]
}

// A PDF another program made, a file that is neither PDF nor record and
// a missing file are one-line errors with exit 2.
func TestDiffRefuses(t *testing.T) {
	dir := t.TempDir()
	_, m := issue(t)
	good := filepath.Join(dir, "good.pdf")
	if code := Build([]string{m}, BuildOptions{Out: good}, &bytes.Buffer{}, &bytes.Buffer{}); code != ExitOK {
		t.Fatal("build")
	}
	write(t, dir, "other.pdf", "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
	write(t, dir, "notes.txt", "会议纪要\n")
	for _, c := range []struct{ file, want string }{
		{"other.pdf", "这个 PDF 里没有排版记录，不是 jianbao 生成的"},
		{"notes.txt", "既不是 PDF，也不是排版记录"},
		{"missing.pdf", "无法读取"},
	} {
		var out, errb bytes.Buffer
		code := Diff(good, filepath.Join(dir, c.file), &out, &errb)
		lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
		if code != ExitUsage || len(lines) != 1 || !strings.Contains(lines[0], c.want) || !strings.HasPrefix(lines[0], filepath.Join(dir, c.file)+": ") {
			t.Errorf("%s: exit %d, stderr %q", c.file, code, errb.String())
		}
	}
}

// Two PDFs with the same layout record but other bytes (here, bytes
// appended after the end) are reported as different, exit 1.
func TestDiffSameLayoutOtherBytes(t *testing.T) {
	dir, m := issue(t)
	a := filepath.Join(dir, "a.pdf")
	if code := Build([]string{m}, BuildOptions{Out: a}, &bytes.Buffer{}, &bytes.Buffer{}); code != ExitOK {
		t.Fatal("build")
	}
	data, _ := os.ReadFile(a)
	write(t, dir, "b.pdf", string(data)+"% touched\n")
	var out, errb bytes.Buffer
	if code := Diff(a, filepath.Join(dir, "b.pdf"), &out, &errb); code != ExitInput || !strings.Contains(out.String(), "排版相同，但 PDF 字节不同") {
		t.Errorf("exit %d: %s%s", code, out.String(), errb.String())
	}
}

// A missing file and a damaged jianbao PDF each get their own Chinese
// message, exit 2.
func TestDiffUnreadable(t *testing.T) {
	dir := t.TempDir()
	pdf, err := os.ReadFile(filepath.Join("..", "..", "examples", "2026-09", "golden", "bulletin.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(pdf, []byte(pdfout.RecordOpen))
	if i < 0 {
		t.Fatal("the golden PDF has no layout record")
	}
	cut := filepath.Join(dir, "cut.pdf")
	os.WriteFile(cut, pdf[:i+len(pdfout.RecordOpen)+200], 0o644)
	good := filepath.Join(dir, "good.pdf")
	os.WriteFile(good, pdf, 0o644)
	for _, c := range []struct{ a, want string }{
		{filepath.Join(dir, "none.pdf"), "无法读取（文件不存在）"},
		{cut, "这是 jianbao 生成的 PDF，但已损坏"},
		{dir, "无法读取（这是文件夹）"},
	} {
		var out, errb bytes.Buffer
		if code := Diff(c.a, good, &out, &errb); code != ExitUsage || !strings.Contains(errb.String(), c.want) {
			t.Errorf("%s: exit %d, %q", c.a, code, errb.String())
		}
	}
}
