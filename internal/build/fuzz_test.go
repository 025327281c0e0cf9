package build

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"jianbao/internal/display"
	"jianbao/internal/markup"
)

const fuzzManifest = `masthead:
  - 工作简报
issue: {year: 2026, number: 1}
editor: 办公室编
date: 2026-04-20
articles:
  - a.md
distribution:
  - label: 报
    to: [上级单位]
`

// FuzzBuild builds a whole issue in memory from fuzzed article text. It
// must never panic, and either fail with positioned one-line messages or
// produce a PDF that prints every character of the article, in order
// (checked in the display list, and with pdftotext on the seed corpus).
func FuzzBuild(f *testing.F) {
	f.Add("# 标题\n\n正文。\n")
	f.Add("# 关于“2026年第9期”的通知\n\n> 编者按：现将有关情况编发。\n\n## 一、总体要求\n\n### （一）目标\n\n**下一步，**要做好GB/T 9704-2012的落实工作，完成率达81.5%……\n")
	f.Add("# 标题\n\n（供稿：浦东局）\n")
	f.Add("# 标题\n# 转行\n\n**（一）加强领导。**正文。\n\n表1 数据\n| 项目 | 数 |\n|---|--:|\n| 甲 | 1,234 |\n| 乙 | 5.6% |\n\n::: 分页\n\n（某局供稿）\n")
	f.Add("# A\n\nhttp://example.com/a/very/long/path/that/goes/on/and/on/and/on/for/more/than/one/line/of/text\n")
	f.Add("# 标题\n\n" + strings.Repeat("一二三四五六七八九十", 300) + "\n")
	dir := f.TempDir()
	man := filepath.Join(dir, "bulletin.yaml")
	if err := os.WriteFile(man, []byte(fuzzManifest), 0o644); err != nil {
		f.Fatal(err)
	}
	fuzzing := flag.Lookup("test.fuzz") != nil && flag.Lookup("test.fuzz").Value.String() != ""
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 64<<10 {
			return // keep each run short; the size limits have their own tests
		}
		art := filepath.Join(dir, "a.md")
		if err := os.WriteFile(art, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		res, errs := Build(man)
		if len(errs) > 0 {
			for _, e := range errs {
				msg := e.Error()
				if strings.Contains(msg, "\n") || !strings.Contains(msg, "；") || !strings.HasPrefix(msg, dir) {
					t.Fatalf("not a one-line positioned message: %q", msg)
				}
			}
			return
		}
		if !bytes.HasPrefix(res.PDF, []byte("%PDF-")) || !bytes.Contains(res.PDF[max(0, len(res.PDF)-32):], []byte("%%EOF")) {
			t.Fatal("not a complete PDF")
		}
		a, perrs := markup.Parse(art, []byte(text))
		if len(perrs) > 0 {
			t.Fatalf("built, but the article does not parse: %v", perrs)
		}
		var want []rune
		want = append(want, nonSpace(a.Title.PlainText())...)
		for _, b := range a.Blocks {
			want = append(want, nonSpace(b.PlainText())...)
		}
		var printed []rune
		for _, p := range res.Doc.Pages {
			for _, it := range p.Items {
				if it.Kind == display.Text {
					for _, g := range it.Glyphs {
						printed = append(printed, g.R)
					}
				}
			}
		}
		if k := inOrder(want, printed); k < len(want) {
			t.Fatalf("character %d %q of the article is not printed", k, want[k])
		}
		if fuzzing {
			return
		}
		if tool, err := exec.LookPath("pdftotext"); err == nil {
			pdf := filepath.Join(t.TempDir(), "f.pdf")
			os.WriteFile(pdf, res.PDF, 0o644)
			out, err := exec.Command(tool, "-raw", pdf, "-").Output()
			if err != nil || !utf8.Valid(out) {
				t.Fatalf("pdftotext: %v", err)
			}
			if k := inOrder(want, nonSpace(string(out))); k < len(want) {
				t.Fatalf("character %d %q of the article is not in the PDF's text", k, want[k])
			}
		}
	})
}

// inOrder returns how many of want are found in got, in order.
func inOrder(want, got []rune) int {
	k := 0
	for _, r := range got {
		if k < len(want) && r == want[k] {
			k++
		}
	}
	return k
}
