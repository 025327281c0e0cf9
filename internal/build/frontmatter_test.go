package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jianbao/internal/display"
	"jianbao/internal/manifest"
)

const example10 = "../../examples/2026-10/bulletin.yaml"

// pdfPages extracts the text of each page of a PDF with pdftotext, spaces
// removed.
func pdfPages(t *testing.T, pdf []byte, pages int) []string {
	t.Helper()
	tool := needTool(t, "pdftotext")
	f := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(f, pdf, 0o644)
	out := make([]string, pages)
	for p := 1; p <= pages; p++ {
		b, err := exec.Command(tool, "-raw", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), f, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		out[p-1] = string(nonSpace(string(b)))
	}
	return out
}

// contentsIssue is the first example with a 本期要目, its articles grouped
// into 栏目, written to a folder of its own.
func contentsIssue(t *testing.T, extra string) string {
	t.Helper()
	dir := t.TempDir()
	src := "../../examples/2026-09"
	arts, _ := filepath.Glob(filepath.Join(src, "articles", "*.md"))
	var list []string
	for i, a := range arts {
		data, _ := os.ReadFile(a)
		name := filepath.Join("articles", filepath.Base(a))
		writeFile(t, dir, name, string(data))
		sec := []string{"工作动态", "工作动态", "基层信息", "基层信息", "基层信息", "基层信息", "经验交流", "经验交流"}[i%8]
		list = append(list, "  - {file: "+name+", section: "+sec+"}")
	}
	man, _ := os.ReadFile(filepath.Join(src, "bulletin.yaml"))
	s := string(man)
	i := strings.Index(s, "articles:\n")
	j := strings.Index(s, "distribution:")
	s = s[:i] + "contents: true\n" + extra + "articles:\n" + strings.Join(list, "\n") + "\n" + s[j:]
	writeFile(t, dir, "bulletin.yaml", s)
	return filepath.Join(dir, "bulletin.yaml")
}

var leaderRe = regexp.MustCompile(`^…+(\d+)`)

// TestContentsPageNumbers reads the 本期要目 off page 1 of the PDF and
// checks each listed page number against the page the title is really
// on: the title is found there (on page 1 a second time, besides the
// contents) and on no page before it.
func TestContentsPageNumbers(t *testing.T) {
	for _, m := range []string{example10, contentsIssue(t, ""), contentsIssue(t, "classification: 秘密\nsecrecy_period: 1年\ncopy_number: 7\n")} {
		res := buildExample(t, m)
		pages := pdfPages(t, res.PDF, len(res.Doc.Pages))
		if len(pages) < 3 {
			t.Fatalf("%s: %d pages; the test wants an issue of several", m, len(pages))
		}
		mf, errs := manifest.Load(m)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		if !strings.Contains(pages[0], "本期要目") {
			t.Fatalf("%s: no 本期要目 on page 1", m)
		}
		rest := pages[0][strings.Index(pages[0], "本期要目"):]
		for _, ref := range mf.Articles {
			data, _ := os.ReadFile(ref.Abs)
			first, _, _ := strings.Cut(string(data), "\n")
			title := string(nonSpace(strings.ReplaceAll(strings.TrimPrefix(first, "# "), "\u3000", "")))
			k := strings.Index(rest, title)
			if k < 0 {
				t.Fatalf("%s: title %q not in the contents on page 1: %s", m, title, pages[0])
			}
			rest = rest[k+len(title):]
			lm := leaderRe.FindStringSubmatch(rest)
			if lm == nil {
				t.Fatalf("%s: no leader and page number after %q in the contents: %.80q", m, title, rest)
			}
			listed, _ := strconv.Atoi(lm[1])
			real := 0
			for p, text := range pages {
				n := strings.Count(text, title)
				if p == 0 {
					n-- // the contents entry
				}
				if n > 0 {
					real = p + 1
					break
				}
			}
			if real != listed {
				t.Errorf("%s: %q listed on page %d, printed on page %d", m, title, listed, real)
			}
			if sec := ref.Section.S; sec != "" && !strings.Contains(pages[0], "【"+sec+"】") {
				t.Errorf("%s: section %s missing from the contents", m, sec)
			}
		}
		// each 栏目 heading is printed once in the body, before its first article
		for _, sec := range []string{"工作动态", "基层信息", "经验交流"} {
			n := 0
			for _, p := range pages {
				n += strings.Count(p, "【"+sec+"】")
			}
			if n != 2 { // the contents and the body
				t.Errorf("%s: 【%s】 printed %d times, want 2", m, sec, n)
			}
		}
	}
}

// A one-page issue lists its titles without page numbers.
func TestContentsOnePage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.md", "# 第一篇短文\n\n正文一段。\n")
	writeFile(t, dir, "b.md", "# 第二篇短文\n\n正文一段。\n")
	writeFile(t, dir, "bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-04-01\ncontents: 要目\narticles:\n  - section: 工作动态\n    articles: [a.md]\n  - b.md\n")
	res := buildExample(t, filepath.Join(dir, "bulletin.yaml"))
	if len(res.Doc.Pages) != 1 {
		t.Fatalf("%d pages", len(res.Doc.Pages))
	}
	pages := pdfPages(t, res.PDF, 1)
	if !strings.Contains(pages[0], "要目※第一篇短文※第二篇短文") && !strings.Contains(pages[0], "要目【工作动态】※第一篇短文※第二篇短文") {
		t.Errorf("contents without numbers not found: %s", pages[0])
	}
	if strings.Contains(pages[0], "…") {
		t.Errorf("a one-page issue has leaders: %s", pages[0])
	}
}

// The 份号 and 秘密★1年 stand top-left of page 1, the 份号 above, the
// classification in the 黑体 face; read from the PDF with pdftotext -bbox.
func TestMarksTopLeft(t *testing.T) {
	tool := needTool(t, "pdftotext")
	res := buildExample(t, example10)
	f := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(f, res.PDF, 0o644)
	out, err := exec.Command(tool, "-bbox", "-f", "1", "-l", "1", f, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>`)
	type box struct{ x, y, bottom float64 }
	boxes := map[string]box{}
	var firstY float64 = 1e9
	for _, m := range word.FindAllStringSubmatch(string(out), -1) {
		x, _ := strconv.ParseFloat(m[1], 64)
		y, _ := strconv.ParseFloat(m[2], 64)
		b, _ := strconv.ParseFloat(m[3], 64)
		if _, ok := boxes[m[4]]; !ok {
			boxes[m[4]] = box{x, y, b}
		}
		firstY = min(firstY, y)
	}
	left := 28 * 72 / 25.4
	top := 37 * 72 / 25.4
	cn, ok1 := boxes["000001"]
	cl, ok2 := boxes["秘密★1年"] // set solid: one word
	if !ok1 || !ok2 {
		t.Fatalf("份号 or 密级 not found on page 1: %v", boxes)
	}
	for name, b := range map[string]box{"份号": cn, "密级": cl} {
		if b.x < left-1 || b.x > left+2 {
			t.Errorf("%s starts at x=%.1f, want the text block's left edge %.1f", name, b.x, left)
		}
	}
	if !(cn.y >= top-1 && cn.bottom < cl.y+1 && cl.y < top+2*29) {
		t.Errorf("份号 (y %.1f) should be on the first line and 密级 (y %.1f) on the second", cn.y, cl.y)
	}
	if cn.y != firstY {
		t.Errorf("something is printed above the 份号 (y %.1f < %.1f)", firstY, cn.y)
	}
	// the face: 黑体 in the layout
	for _, it := range res.Doc.Pages[0].Items {
		if it.Role == "classification" {
			if it.Text != "秘密★1年" {
				t.Errorf("classification %q", it.Text)
			}
			for _, g := range it.Glyphs {
				if g.R != '1' && g.Face != "NotoSansSC-Medium" {
					t.Errorf("%c of the classification in %s, want the 黑体 face", g.R, g.Face)
				}
			}
		}
	}
}

// The 本期增发 group is its own group of the 报/送 block, between rules,
// labelled as the layout (or the manifest) says; the staff line is the
// block's last row, with 共印 N 份, or above the block.
func TestExtraGroupAndStaffLine(t *testing.T) {
	res := buildExample(t, example10)
	n := len(res.Doc.Pages)
	pages := pdfPages(t, res.PDF, n)
	last := pages[n-1]
	for _, s := range []string{"本期增发：市委社会工作部，各区社会工作部", "责任编辑：王晓燕审核：李建国签发：张明华", "共印120份"} {
		if !strings.Contains(last, s) {
			t.Errorf("%q not on the last page: %s", s, last)
		}
	}
	if strings.Index(last, "送：") > strings.Index(last, "本期增发") || strings.Index(last, "本期增发") > strings.Index(last, "责任编辑") {
		t.Errorf("order: 送, 本期增发, staff line wanted: %s", last)
	}
	// rules on both sides of the 增发 row
	var seq []string
	for _, it := range res.Doc.Pages[n-1].Items {
		switch {
		case it.Kind == display.Rule && strings.HasPrefix(it.Role, "dist."):
			seq = append(seq, "rule")
		case it.Role == "dist" && strings.HasPrefix(it.Text, "本期增发"):
			seq = append(seq, "extra")
		}
	}
	if !strings.Contains(strings.Join(seq, " "), "rule extra rule") {
		t.Errorf("the 增发 group is not ruled off: %v", seq)
	}

	// a label from the manifest, and the staff line above the block
	dir := t.TempDir()
	writeFile(t, dir, "a.md", "# 标题\n\n正文一段。\n")
	writeFile(t, dir, "office.yaml", "base: jianbao\nstaff_line: {position: above}\ndistribution: {extra_label: 增发}\n")
	writeFile(t, dir, "bulletin.yaml", "layout: office.yaml\nmasthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-04-01\narticles: [a.md]\ndistribution:\n  - {label: 送, to: [甲单位]}\nextra: [乙单位, 丙单位]\nstaff: {签发: 张三}\n")
	res = buildExample(t, filepath.Join(dir, "bulletin.yaml"))
	pages = pdfPages(t, res.PDF, len(res.Doc.Pages))
	last = pages[len(pages)-1]
	if !strings.Contains(last, "签发：张三送：甲单位增发：乙单位，丙单位") {
		t.Errorf("staff line above the block, then 送 and 增发 (the layout's label) wanted: %s", last)
	}
	writeFile(t, dir, "bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-04-01\narticles: [a.md]\nextra: {label: 本期加发, to: [乙单位]}\n")
	res = buildExample(t, filepath.Join(dir, "bulletin.yaml"))
	if p := pdfPages(t, res.PDF, 1)[0]; !strings.Contains(p, "本期加发：乙单位") {
		t.Errorf("manifest label: %s", p)
	}
}

// A 栏目 heading never stands apart from the title under it: whatever the
// length of the article before, the heading and the title's first line
// share a page, the heading directly above.
func TestSectionHeadingKeptWithTitle(t *testing.T) {
	para := "上海市邮政管理局党组召开会议，集中学习有关重要讲话精神，研究部署下一阶段重点工作。"
	for n := 1; n <= 22; n++ {
		dir := t.TempDir()
		writeFile(t, dir, "a.md", "# 第一篇\n\n"+strings.Repeat(para, n)+"\n")
		writeFile(t, dir, "b.md", "# 第二篇文章的标题\n\n"+strings.Repeat(para, 3)+"\n")
		writeFile(t, dir, "bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-04-01\narticles:\n  - {file: a.md, section: 工作动态}\n  - {file: b.md, section: 经验交流}\n")
		res := buildExample(t, filepath.Join(dir, "bulletin.yaml"))
		found := 0
		for _, p := range res.Doc.Pages {
			for i, it := range p.Items {
				if it.Role != "section" {
					continue
				}
				found++
				if i+1 >= len(p.Items) || p.Items[i+1].Role != "title" || p.Items[i+1].Y <= it.Y {
					t.Errorf("n=%d: %s is not followed by its title on its page", n, it.Text)
				}
			}
		}
		if found != 2 {
			t.Errorf("n=%d: %d section headings, want 2", n, found)
		}
	}
}

// A contents longer than page 1 is an error at the manifest's contents:
// line, not a contents running over the masthead's page.
func TestContentsTooLong(t *testing.T) {
	dir := t.TempDir()
	list := ""
	for i := range 30 {
		name := "a" + strconv.Itoa(i) + ".md"
		writeFile(t, dir, name, "# 第"+strconv.Itoa(i+1)+"篇文章的标题\n\n正文一段。\n")
		list += "  - " + name + "\n"
	}
	writeFile(t, dir, "bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-04-01\ncontents: true\narticles:\n"+list)
	_, errs := Build(filepath.Join(dir, "bulletin.yaml"))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "bulletin.yaml:4:11: 本期要目有") || !strings.Contains(errs[0].Error(), "第 1 页放不下") {
		t.Errorf("%v", errs)
	}
}

// A classified issue keeps the 份号's line whether or not it is numbered:
// the unnumbered proof and the numbered copies have the same pages, the
// 份号 aside.
func TestClassifiedProofKeepsCopyLine(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Dir(example10)
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	arts, _ := filepath.Glob(filepath.Join(src, "articles", "*"))
	for _, a := range arts {
		data, err := os.ReadFile(a)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dir, "articles", filepath.Base(a)), data, 0o644)
	}
	m, err := os.ReadFile(example10)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(m), "copy_number: 1\n") {
		t.Fatal("the example no longer has copy_number: 1")
	}
	plain := filepath.Join(dir, "bulletin.yaml")
	os.WriteFile(plain, []byte(strings.Replace(string(m), "copy_number: 1\n", "", 1)), 0o644)
	numbered := buildExample(t, example10)
	proof := buildExample(t, plain)
	record := func(r *Result) []string {
		var b strings.Builder
		display.Dump(&b, r.Doc)
		var out []string
		for _, l := range strings.Split(b.String(), "\n") {
			if !strings.Contains(l, "\tcopyno") {
				out = append(out, l)
			}
		}
		return out
	}
	a, b := record(numbered), record(proof)
	if len(a) != len(b) {
		t.Fatalf("numbered record has %d lines, proof %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("line %d differs:\nnumbered %s\nproof    %s", i+1, a[i], b[i])
		}
	}
}
