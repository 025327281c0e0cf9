package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func parseIn(t *testing.T, src string) (*Manifest, string) {
	t.Helper()
	d := dir(t)
	for _, n := range []string{"b.md", "c.md", "d.md"} {
		if err := os.WriteFile(filepath.Join(d, n), []byte("# 标题\n\n正文。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m, errs := Parse(filepath.Join(d, "b.yaml"), []byte(src))
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), filepath.Join(d, "b.yaml")+":"))
	}
	return m, strings.Join(msgs, "\n")
}

const head = "masthead: [工作简报]\nissue: {year: 2026, number: 9}\ndate: 2026-03-27\n"

// Articles grouped into 栏目, by group or per article; old manifests
// (paths only) have no sections.
func TestSections(t *testing.T) {
	m, errs := parseIn(t, head+"contents: true\narticles:\n  - section: 【工作动态】\n    articles:\n      - a.md\n      - {file: b.md, new_page: true}\n  - {file: c.md, section: 基层信息}\n  - d.md\n")
	if errs != "" {
		t.Fatal(errs)
	}
	var got []string
	for _, a := range m.Articles {
		got = append(got, a.Path+"="+a.Section.S)
	}
	if strings.Join(got, " ") != "a.md=工作动态 b.md=工作动态 c.md=基层信息 d.md=" || !m.Articles[1].NewPage {
		t.Errorf("%v", got)
	}
	if !m.Issue.Contents || m.Issue.ContentsHeading != "" {
		t.Errorf("contents: true: %v %q", m.Issue.Contents, m.Issue.ContentsHeading)
	}
	m, _ = parseIn(t, head+"contents: 要目\narticles: [a.md]\n")
	if !m.Issue.Contents || m.Issue.ContentsHeading != "要目" || m.Articles[0].Section.S != "" {
		t.Errorf("contents: 要目: %+v", m.Issue)
	}
	for v, want := range map[string]bool{"false": false, "no": false, "否": false, "yes": true, "是": true} {
		m, _ = parseIn(t, head+"contents: "+v+"\narticles: [a.md]\n")
		if m.Issue.Contents != want || m.Issue.ContentsHeading != "" {
			t.Errorf("contents: %s: %v %q", v, m.Issue.Contents, m.Issue.ContentsHeading)
		}
	}
}

func TestFrontBackFields(t *testing.T) {
	m, errs := parseIn(t, head+"classification: 秘密\nsecrecy_period: 1年\ncopy_number: 000012\narticles: [a.md]\nextra: [甲, 乙]\nstaff: {责任编辑: 张三, 签发: 李四}\n")
	if errs != "" {
		t.Fatal(errs)
	}
	is := m.Issue
	if is.SecrecyPeriod.S != "1年" || is.CopyNumber != 12 || is.Extra == nil || len(is.Extra.To) != 2 || is.Extra.Label != "" {
		t.Errorf("%+v", is)
	}
	if len(is.Staff) != 2 || is.Staff[0].Role != "责任编辑" || is.Staff[1].Name != "李四" {
		t.Errorf("staff in order: %+v", is.Staff)
	}
	m, _ = parseIn(t, head+"articles: [a.md]\nextra: {label: 增发, style: list, to: [甲]}\n")
	if m.Issue.Extra.Label != "增发" || !m.Issue.Extra.List {
		t.Errorf("extra mapping: %+v", m.Issue.Extra)
	}
}

// Each mistake is one positioned message.
func TestFrontBackErrors(t *testing.T) {
	cases := []struct{ src, want string }{
		{"classification: 内部资料\nsecrecy_period: 1年\narticles: [a.md]\n", `5:17: 保密期限要与密级一起用，而 classification 是“内部资料”`},
		{"secrecy_period: 1年\narticles: [a.md]\n", `4:17: 保密期限要与密级一起用`},
		{"copy_number: 1000000\narticles: [a.md]\n", `4:14: 份号 1000000 不在 1 到 999999 之间`},
		{"copy_number: 0\narticles: [a.md]\n", `4:14: 份号 0 不在 1 到 999999 之间`},
		{"articles:\n  - {file: a.md, section: 甲}\n  - {file: b.md, section: 乙}\n  - {file: c.md, section: 甲}\n", `7:27: 栏目“甲”的文章没有排在一起`},
		{"articles:\n  - section: 甲\n    articles: [{file: a.md, section: 乙}]\n", `6:29: 这篇文章已列在栏目“甲”下，不能再写 section`},
		{"articles:\n  - section: 甲\n    articles: []\n", `6:15: 栏目“甲”下没有文章`},
		{"articles:\n  - section: \"\"\n    articles: [a.md]\n", `5:14: 栏目名称（section）为空`},
		{"articles: [a.md]\ncontents: [1]\n", `5:11: 字段 "contents" 应是 true、false 或要目的标题`},
		{"articles: [a.md]\nextra: 甲\n", `5:8: 字段 "extra" 应是单位列表`},
		{"articles:\n  - section: 甲\n", `5:5: 栏目“甲”下没有列出文章`},
		{"articles:\n  - section: 甲\n    article: [a.md]\n", `5:5: 栏目“甲”下没有列出文章`},
		{"articles: [a.md]\nstaff:\n  责任编辑：张三\n", `6:3: staff 中“责任编辑：张三”：这里用了中文冒号`},
		{"articles: [a.md]\nstaff: {责任编辑：张三, 签发: 李四}\n", `5:9: staff 中“责任编辑：张三”：这里用了中文冒号`},
		{"articles:\n  - a.md\n  - ./a.md\n", `6:5: 文章“./a.md”在第 5 行已经列过；请删除重复的一项`},
		{"articles: [a.md]\nstaff: [张三]\n", `5:8: 字段 "staff" 应是“职责: 姓名”的字段表`},
		{"articles: [a.md]\nstaff: {签发: \"\"}\n", `5:13: staff 中“签发”没有姓名`},
	}
	for _, c := range cases {
		_, errs := parseIn(t, head+c.src)
		if !strings.HasPrefix(errs, c.want) || strings.Count(errs, "\n") > 0 {
			t.Errorf("%q:\n got %s\nwant %s…", c.src, errs, c.want)
		}
	}
}
