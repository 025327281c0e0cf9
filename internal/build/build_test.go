package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"jianbao/internal/display"
	"jianbao/internal/golden"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
	"jianbao/internal/markup"
)

func examples(t *testing.T) []string {
	ms, err := filepath.Glob("../../examples/*/bulletin.yaml")
	if err != nil || len(ms) == 0 {
		t.Fatalf("no examples found: %v", err)
	}
	return ms
}

func buildExample(t *testing.T, m string) *Result {
	t.Helper()
	res, errs := Build(m)
	if len(errs) > 0 {
		t.Fatalf("%s: %v", m, errs)
	}
	return res
}

// TestGolden builds every example in-process and compares its layout dump
// and its PDF with the committed golden files.
func TestGolden(t *testing.T) {
	for _, m := range examples(t) {
		name := filepath.Base(filepath.Dir(m))
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := buildExample(t, m)
			var dump bytes.Buffer
			display.Dump(&dump, res.Doc)
			dir := filepath.Dir(m)
			golden.CompareText(t, filepath.Join(dir, "golden", "bulletin.layout.txt"), dump.Bytes())
			golden.CompareBytes(t, filepath.Join(dir, "golden", "bulletin.pdf"), res.PDF)
		})
	}
}

// needTool finds an external tool; under CI it must be there.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI (apt-get install -y poppler-utils qpdf)", name)
		}
		t.Skipf("%s not installed", name)
	}
	return p
}

func nonSpace(s string) []rune {
	var out []rune
	for _, r := range s {
		if !unicode.IsSpace(r) {
			out = append(out, r)
		}
	}
	return out
}

// TestEveryCharacterReachesThePDF extracts the PDF's text with pdftotext
// and finds every character of the masthead, the articles and the
// distribution block in it, in order.
func TestEveryCharacterReachesThePDF(t *testing.T) {
	tool := needTool(t, "pdftotext")
	for _, m := range examples(t) {
		res := buildExample(t, m)
		pdf := filepath.Join(t.TempDir(), "b.pdf")
		os.WriteFile(pdf, res.PDF, 0o644)
		out, err := exec.Command(tool, "-raw", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		got := nonSpace(string(out))
		// expected: every article file's text, in order
		var want []rune
		arts, _ := filepath.Glob(filepath.Join(filepath.Dir(m), "articles", "*.md"))
		for _, a := range arts {
			data, _ := os.ReadFile(a)
			art, errs := markup.Parse(a, data)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			want = append(want, nonSpace(art.Title.PlainText())...)
			for _, b := range art.Blocks {
				want = append(want, nonSpace(b.PlainText())...)
			}
		}
		k := 0
		for _, r := range got {
			if k < len(want) && r == want[k] {
				k++
			}
		}
		if k < len(want) {
			ctx := string(want[max(0, k-10):min(len(want), k+10)])
			t.Fatalf("%s: character %d of %d (%q, near %q) not found in order in the extracted text", m, k, len(want), want[k], ctx)
		}
		// and nothing extra: the article text is most of the extracted text
		for _, s := range []string{"上海市邮政快递行业", "党建、文明创建工作简报", "2026年第9期", "上海市邮政管理局党建办、文明办编", "2026年3月27日", "报：国家邮政局精神文明建设指导委员会", "送：上海市文明办"} {
			if name := filepath.Base(filepath.Dir(m)); name == "2026-09" && !strings.Contains(string(got), string(nonSpace(s))) {
				t.Errorf("%q missing from the extracted text", s)
			}
		}
	}
}

// TestDeterministicAcrossProcesses builds the example in two separate
// processes and compares the bytes.
func TestDeterministicAcrossProcesses(t *testing.T) {
	if os.Getenv("JIANBAO_CHILD_BUILD") != "" {
		return
	}
	m, _ := filepath.Abs(examples(t)[0])
	var outs [][]byte
	for i := 0; i < 2; i++ {
		out := filepath.Join(t.TempDir(), "b.pdf")
		cmd := exec.Command(os.Args[0], "-test.run=^TestChildBuild$")
		cmd.Env = append(os.Environ(), "JIANBAO_CHILD_BUILD="+m, "JIANBAO_CHILD_OUT="+out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("child build: %v\n%s", err, b)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, data)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Fatalf("two processes gave different PDFs (%d and %d bytes)", len(outs[0]), len(outs[1]))
	}
}

func TestChildBuild(t *testing.T) {
	m := os.Getenv("JIANBAO_CHILD_BUILD")
	if m == "" {
		t.Skip("helper for TestDeterministicAcrossProcesses")
	}
	res, errs := Build(m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if err := WriteAtomic(os.Getenv("JIANBAO_CHILD_OUT"), res.PDF); err != nil {
		t.Fatal(err)
	}
}

func defaultSpec(t *testing.T) *layout.Spec {
	spec, errs := layout.Load("jianbao", ".", layoutPos())
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return spec
}

// TestGeometry checks the example's display list against the format:
// text inside the text block, at most 22 grid lines per page and 22 on a
// full page, 28 characters on a full line of Han text, page numbers and
// the 报/送 block where GB/T 9704 puts them.
func TestGeometry(t *testing.T) {
	spec := defaultSpec(t)
	left, top := spec.Left(), spec.Top()
	right, bottom := left+spec.BlockW(), top+spec.BlockH()
	pitch := spec.CharPitch()
	const eps = 20 // 0.02 pt
	synthetic := syntheticIssue(t, 3)
	for _, m := range append(examples(t), synthetic) {
		res := buildExample(t, m)
		fullPages, fullLines := 0, 0
		for pi, p := range res.Doc.Pages {
			rows := map[display.Len]bool{}
			for _, it := range p.Items {
				if it.Kind != display.Text {
					continue
				}
				for _, g := range it.Glyphs {
					if it.Role == "pageno" {
						continue
					}
					if g.X < left-eps || g.X > right+eps || it.Y < top || it.Y > bottom {
						t.Errorf("page %d: %s %q at x=%v y=%v outside the text block", pi+1, it.Role, g.R, g.X, it.Y)
					}
				}
				if it.Role == "body" || it.Role == "h1" || it.Role == "h2" || it.Role == "note" {
					rows[it.Y] = true
					if it.X+it.W > right+eps {
						t.Errorf("page %d: line %s ends at %v, beyond the text block (%v)", pi+1, it.Line, it.X+it.W, right)
					}
					// a full line of pure Han text: 28 characters on the grid
					pure := len(it.Glyphs) == spec.Grid.Chars
					for k, g := range it.Glyphs {
						if !linebreak.IsHan(g.R) || g.X != left+display.Len(k)*pitch {
							pure = false
						}
					}
					if pure {
						fullLines++
					}
				}
			}
			if len(rows) > spec.Grid.Lines {
				t.Errorf("page %d has %d body lines, more than %d", pi+1, len(rows), spec.Grid.Lines)
			}
			if len(rows) == spec.Grid.Lines {
				fullPages++
			}
			// page number: 7 mm below the block, odd right, even left
			for _, it := range p.Items {
				if it.Role != "pageno" {
					continue
				}
				inset := display.PtF(14)
				if (pi+1)%2 == 1 && it.X+it.W != right-inset {
					t.Errorf("page %d: number ends at %v, want %v", pi+1, it.X+it.W, right-inset)
				}
				if (pi+1)%2 == 0 && it.X != left+inset {
					t.Errorf("page %d: number starts at %v, want %v", pi+1, it.X, left+inset)
				}
				if it.Y < bottom+display.MM(7) || it.Y > bottom+display.MM(10) {
					t.Errorf("page %d: number baseline %v not about 7 mm below the block (%v)", pi+1, it.Y, bottom)
				}
			}
		}
		if m == synthetic {
			if fullPages == 0 {
				t.Errorf("no page with %d body lines", spec.Grid.Lines)
			}
			if fullLines == 0 {
				t.Errorf("no line of %d Han characters on the grid", spec.Grid.Chars)
			}
		}
		last := res.Doc.Pages[len(res.Doc.Pages)-1]
		var lastRule *display.Item
		for i := range last.Items {
			if last.Items[i].Role == "dist.last" {
				lastRule = &last.Items[i]
			}
		}
		if lastRule == nil {
			t.Fatalf("%s: no 报/送 block on the last page", m)
		}
		if lastRule.Y+lastRule.H != bottom || lastRule.H != display.MM(0.35) || lastRule.W != spec.BlockW() {
			t.Errorf("last rule at %v+%v (w %v), want its bottom on the block edge %v, 0.35 mm thick, full width", lastRule.Y, lastRule.H, lastRule.W, bottom)
		}
	}
}

// TestLineBreakingOnExample: no forbidden line start or end, no split
// number or word, no lone last character, on the real bulletin.
func TestLineBreakingOnExample(t *testing.T) {
	for _, m := range examples(t) {
		res := buildExample(t, m)
		type ln struct {
			id   string
			text string
		}
		var lines []ln
		for _, p := range res.Doc.Pages {
			for _, it := range p.Items {
				if it.Kind == display.Text && it.Line != "" && (it.Role == "body" || it.Role == "h1" || it.Role == "h2" || it.Role == "note" || it.Role == "title") {
					lines = append(lines, ln{it.Line, it.Text})
				}
			}
		}
		para := func(id string) string { return id[:strings.LastIndex(id, ".")] }
		for i, l := range lines {
			rs := []rune(strings.TrimSpace(l.text))
			if len(rs) == 0 {
				continue
			}
			next := i+1 < len(lines) && para(lines[i+1].id) == para(l.id)
			prev := i > 0 && para(lines[i-1].id) == para(l.id)
			if prev && linebreak.NoStart(rs[0]) {
				t.Errorf("%s starts with %q: %s", l.id, rs[0], l.text)
			}
			if next && linebreak.NoEnd(rs[len(rs)-1]) {
				t.Errorf("%s ends with %q: %s", l.id, rs[len(rs)-1], l.text)
			}
			if next && !strings.HasSuffix(l.text, " ") {
				nr := []rune(lines[i+1].text)
				if linebreak.IsLatin(rs[len(rs)-1]) && linebreak.IsLatin(nr[0]) {
					t.Errorf("%s splits a word or number: %q|%q", l.id, l.text, lines[i+1].text)
				}
			}
			if !next && prev && l.id[strings.Index(l.id, ".")+1] == 'p' {
				han := 0
				for _, r := range rs {
					if linebreak.IsHan(r) {
						han++
					}
				}
				if han < 2 {
					t.Errorf("%s: lone last character %q", l.id, l.text)
				}
			}
		}
	}
}

// syntheticIssue writes an issue whose one article has n pages' worth of
// paragraphs of pure Han text, so that full pages and full lines occur.
func syntheticIssue(t testing.TB, pages int) string {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	han := []rune("国家邮政局精神文明建设指导委员会上海市快递行业精神文明创建指导小组推进落实专项行动")
	var b strings.Builder
	b.WriteString("# 测试文章标题\n")
	k := 0
	for p := 0; p < pages*4; p++ {
		b.WriteString("\n")
		for i := 0; i < 26+28*4+9; i++ {
			b.WriteRune(han[k%len(han)])
			k += 7
		}
		b.WriteString("。\n")
	}
	os.WriteFile(filepath.Join(dir, "articles", "01.md"), []byte(b.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "bulletin.yaml"), []byte(`masthead: [测试简报]
issue: {year: 2026, number: 1}
editor: 办公室编
date: 2026-01-05
articles: [articles/01.md]
distribution:
  - {label: 送, to: [各处室]}
`), 0o644)
	return filepath.Join(dir, "bulletin.yaml")
}

// TestKeepsAndWidows: a title is followed on its page by two lines of its
// article; no paragraph leaves its first line alone at the bottom of a page
// or its last line alone at the top of the next.
func TestKeepsAndWidows(t *testing.T) {
	for _, m := range append(examples(t), syntheticIssue(t, 3)) {
		res := buildExample(t, m)
		count := map[string]int{} // lines per paragraph
		for _, p := range res.Doc.Pages {
			for _, it := range p.Items {
				if it.Line != "" && strings.Contains(it.Line, ".p") {
					count[it.Line[:strings.LastIndex(it.Line, ".")]]++
				}
			}
		}
		for pi, p := range res.Doc.Pages {
			var ids []string
			for _, it := range p.Items {
				if it.Line != "" && (it.Role == "title" || it.Role == "body" || it.Role == "h1" || it.Role == "h2" || it.Role == "note") {
					ids = append(ids, it.Line)
				}
			}
			if len(ids) == 0 {
				continue
			}
			for k, id := range ids {
				if strings.Contains(id, ".t.") && k+2 >= len(ids) && pi < len(res.Doc.Pages)-1 {
					t.Errorf("page %d: title line %s without two body lines after it", pi+1, id)
				}
				if strings.Contains(id, ".t.") && k == len(ids)-1 {
					t.Errorf("page %d: title %s is the last line", pi+1, id)
				}
			}
			last := ids[len(ids)-1]
			if para, n := last[:strings.LastIndex(last, ".")], last[strings.LastIndex(last, ".")+1:]; n == "1" && count[para] > 1 && pi < len(res.Doc.Pages)-1 {
				t.Errorf("page %d ends with the first line of %s alone", pi+1, para)
			}
			first := ids[0]
			if para, n := first[:strings.LastIndex(first, ".")], first[strings.LastIndex(first, ".")+1:]; strings.Contains(first, ".p") && n == strconv.Itoa(count[para]) && count[para] > 2 && pi > 0 {
				t.Errorf("page %d starts with the last line of %s alone", pi+1, para)
			}
		}
	}
}
