package cli

import (
	"bytes"
	"jianbao/internal/display"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const fixtures = "../../testdata/manuscripts"

func copyFixture(t *testing.T, dir, name string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "articles/"+name, string(data))
}

// A .docx or .txt in articles: builds; every interpretation and repair is
// a 提示 line on stderr, and the build succeeds.
func TestBuildWordAndTextNotes(t *testing.T) {
	dir := badIssue(t)
	copyFixture(t, dir, "lo-anquan.docx")
	copyFixture(t, dir, "pasted-wechat.txt")
	edit(t, dir, "bulletin.yaml", "  - articles/01.md\n", "  - articles/lo-anquan.docx\n  - articles/pasted-wechat.txt\n")
	var out, errb bytes.Buffer
	if code := Build([]string{filepath.Join(dir, "bulletin.yaml")}, BuildOptions{}, &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	for _, want := range []string{
		"articles/lo-anquan.docx:1:1: 提示：识别为文章标题：“浦东新区教育局扎实开展春季校园安全专项行动”",
		"articles/lo-anquan.docx:5:1: 提示：识别为段首二级小标题（楷体）：“（一）加强组织领导。”",
		"articles/lo-anquan.docx:13:1: 提示：识别为落款，右对齐：“浦东新区教育局”",
		"articles/lo-anquan.docx:3:17: 提示：已改正：中文中使用了半角逗号“,”（“,”改为“，”）",
		"articles/pasted-wechat.txt:2:73: 提示：已改正：省略号写成了“...”（“...”改为“……”）",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	for _, l := range lines {
		if !strings.Contains(l, ": 提示：") {
			t.Errorf("not a note line: %q", l)
		}
	}
}

// Bad manuscripts: one line naming the file and what to do; no PDF.
func TestBadManuscriptBuild(t *testing.T) {
	for name, want := range map[string]string{
		"legacy.doc":     "articles/legacy.doc: 是旧版 Word/WPS 文件（.doc/.wps），jianbao 读不了；请在 Word/WPS 中另存为 .docx 后列入清单",
		"truncated.docx": "articles/truncated.docx: ",
	} {
		dir := badIssue(t)
		copyFixture(t, dir, name)
		edit(t, dir, "bulletin.yaml", "articles/01.md", "articles/"+name)
		var out, errb bytes.Buffer
		m := filepath.Join(dir, "bulletin.yaml")
		if code := Build([]string{m}, BuildOptions{}, &out, &errb); code != ExitInput {
			t.Errorf("%s: exit %d", name, code)
		}
		first := strings.SplitN(errb.String(), "\n", 2)[0]
		if !strings.Contains(first, want) || !strings.Contains(first, "；") {
			t.Errorf("%s: %q, want %q", name, first, want)
		}
		if _, err := os.Stat(filepath.Join(dir, "bulletin.pdf")); err == nil {
			t.Errorf("%s: a PDF was written", name)
		}
	}
}

// check lists copy-editing warnings with positions and exits 0; --fix
// repairs the safe ones in place and lists them; a second check finds
// none of those left.
func TestCheckFix(t *testing.T) {
	dir := badIssue(t)
	src := "# 标题\n\n正文第一段,在 2026 年召开会议.\n要求:\"五随六帮\"不走样。\n\n![图片说明](../photos/p.jpg)\n\n会上,**重点**讲了(一)项工作。网址 http://a.cn/x,y 不改，3.5 和 1,000 也不改。\n"
	write(t, dir, "articles/01.md", src)
	edit(t, dir, "bulletin.yaml", "date: 2026-04-20", "date: 2025-04-20")
	m := filepath.Join(dir, "bulletin.yaml")
	var out, errb bytes.Buffer
	if code := Check(m, false, &out, &errb); code != ExitOK {
		t.Fatalf("check exit %d: %s", code, errb.String())
	}
	for _, want := range []string{
		"articles/01.md:3:6: 提示：中文中使用了半角逗号“,”；应为全角“，”",
		"bulletin.yaml:7:7: 提示：日期是 2025 年，期号却是 2026 年；请核对 date 和 issue.year",
	} {
		if !strings.Contains(errb.String(), want) {
			t.Errorf("check stderr lacks %q:\n%s", want, errb.String())
		}
	}
	if !strings.Contains(out.String(), "没有问题") || !strings.Contains(out.String(), "--fix") {
		t.Errorf("check stdout %q", out.String())
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "articles/01.md")); string(data) != src {
		t.Fatal("check without --fix changed the article")
	}
	out.Reset()
	errb.Reset()
	if code := Check(m, true, &out, &errb); code != ExitOK {
		t.Fatalf("check --fix exit %d: %s", code, errb.String())
	}
	data, _ := os.ReadFile(filepath.Join(dir, "articles/01.md"))
	want := "# 标题\n\n正文第一段，在2026年召开会议。\n要求：“五随六帮”不走样。\n\n![图片说明](../photos/p.jpg)\n\n会上，**重点**讲了（一）项工作。网址http://a.cn/x,y不改，3.5和1,000也不改。\n"
	// (typed spaces next to Han go: jianbao sets its own quarter-em gap;
	// the comma in the URL and in 1,000 and the point in 3.5 stay)
	if string(data) != want {
		t.Errorf("fixed article:\n%s\nwant:\n%s", data, want)
	}
	if !strings.Contains(out.String(), "articles/01.md:3:6: 已改正：“,”改为“，”") {
		t.Errorf("--fix did not list its repairs: %s", out.String())
	}
	if strings.Contains(errb.String(), "01.md") {
		t.Errorf("warnings left after --fix:\n%s", errb.String())
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "articles"))
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// import writes the Markdown and the photo, lists its interpretations,
// and never overwrites.
func TestImportCommand(t *testing.T) {
	dir := t.TempDir()
	data, _ := os.ReadFile(filepath.Join(fixtures, "lo-anquan.docx"))
	src := filepath.Join(dir, "稿件.docx")
	os.WriteFile(src, data, 0o644)
	var out, errb bytes.Buffer
	if code := Import(src, "", &out, &errb); code != ExitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	md, err := os.ReadFile(filepath.Join(dir, "稿件.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# 浦东新区教育局扎实开展春季校园安全专项行动\n", "\n## 一、周密部署，压实安全责任\n", "\n**（一）加强组织领导。**区教育局", "![图为浦东新区某小学开展消防疏散演练](稿件-1.png)", "::: 落款\n浦东新区教育局\n2026年3月20日\n:::\n"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("imported Markdown lacks %q:\n%s", want, md)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "稿件-1.png")); err != nil {
		t.Error("photo not written beside the article")
	}
	if !strings.Contains(errb.String(), "稿件.docx:5:1: 提示：识别为段首二级小标题（楷体）") {
		t.Errorf("interpretations not listed: %s", errb.String())
	}
	errb.Reset()
	if code := Import(src, "", &out, &errb); code != ExitInput || !strings.Contains(errb.String(), "文件已存在，import 不会覆盖") {
		t.Errorf("second import: exit %d %s", code, errb.String())
	}
}

// jianbao fonts lists the installed Chinese fonts it can see, the roles
// they suit, whether they can be embedded, and their coverage.
func TestFontsListsInstalled(t *testing.T) {
	const zenhei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
	if _, err := os.Stat(zenhei); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("fonts-wqy-zenhei is required under CI")
		}
		t.Skip("fonts-wqy-zenhei not installed")
	}
	var out bytes.Buffer
	Fonts(&out)
	found := false
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.Contains(l, "文泉驿正黑") && strings.Contains(l, zenhei+"（index: 0）") {
			found = strings.Contains(l, "heiti") && strings.Contains(l, "可以") && strings.Contains(l, "6763/6763")
		}
		if strings.Contains(l, "Noto Serif CJK SC") && strings.Contains(l, ".ttc") && !strings.Contains(l, "不能：CFF 轮廓") {
			t.Errorf("a CFF font listed as embeddable: %q", l)
		}
	}
	if !found {
		t.Errorf("WenQuanYi Zen Hei not listed as an embeddable 黑体 with full GB 2312:\n%s", out.String())
	}
}

// The build summary names the pages, other than the last, under two
// thirds full.
func TestSparseSummary(t *testing.T) {
	d := &display.Document{Pages: []display.Page{{Fill: 22, Rows: 22}, {Fill: 14, Rows: 22}, {Fill: 15, Rows: 22}, {Fill: 3, Rows: 22}}}
	if got := sparse(d); got != "；第 2 页不足三分之二" {
		t.Errorf("sparse: %q", got)
	}
	if got := sparse(&display.Document{Pages: []display.Page{{Fill: 3, Rows: 22}}}); got != "" {
		t.Errorf("a one-page issue: %q", got)
	}
}
