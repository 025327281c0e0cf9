package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "jianbao/internal/golden"
)

const good = `masthead:
  - 工作简报
issue:
  year: 2026
  number: 9
date: 2026-03-27
articles:
  - a.md
`

func dir(t *testing.T) string {
	d := t.TempDir()
	os.WriteFile(filepath.Join(d, "a.md"), []byte("# 标题\n\n正文。\n"), 0o644)
	os.Mkdir(filepath.Join(d, "sub"), 0o755)
	return d
}

func TestGood(t *testing.T) {
	d := dir(t)
	m, errs := Parse(filepath.Join(d, "b.yaml"), []byte(good))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if m.Issue.Year != 2026 || m.Issue.Number != 9 || len(m.Articles) != 1 || m.Issue.Date.Day() != 27 {
		t.Fatalf("%+v", m.Issue)
	}
}

// Each case: manifest text and the exact messages (after "b.yaml:").
func TestErrors(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unknown key", good + "distrbution: []\n", []string{`9:1: 未知字段 "distrbution"；可用字段：articles、classification、contents、copies、copy_number、date、distribution、editor、extra、issue、layout、masthead、protect、secrecy_period、staff`}},
		{"unknown nested key", strings.Replace(good, "  number: 9", "  number: 9\n  numbr: 3", 1), []string{`6:3: 未知字段 "issue.numbr"；可用字段：number、special、total、year`}},
		{"wrong type", strings.Replace(good, "number: 9", "number: 九", 1), []string{`5:11: 字段 "issue.number" 应是整数，而不是 "九"；请写阿拉伯数字，如 9`}},
		{"missing field", strings.Replace(good, "date: 2026-03-27\n", "", 1), []string{`1:1: 缺少必填字段 "date"；请补上该字段`}},
		{"empty value", strings.Replace(good, "date: 2026-03-27", "date:", 1), []string{`6:1: 必填字段 "date" 没有值；请填写该字段`}},
		{"impossible date", strings.Replace(good, "2026-03-27", "2026-13-45", 1), []string{`6:7: 日期 "2026-13-45" 不是有效日期；请写成 2026-03-27 的形式`}},
		{"empty masthead", strings.Replace(good, "masthead:\n  - 工作简报", "masthead: []", 1), []string{`1:11: 报头（masthead）不能为空；请至少写一行简报名称`}},
		{"missing article", strings.Replace(good, "a.md", "b.md", 1), []string{`8:5: 找不到文章文件“b.md”；请检查文件名和路径（相对于清单所在文件夹）`}},
		{"article is a folder", strings.Replace(good, "a.md", "sub", 1), []string{`8:5: 文章路径“sub”是文件夹；请写出文件名，如 articles/01.md`}},
		{"escape in double quotes", strings.Replace(good, "a.md", `"sub\new.md"`, 1), []string{`8:5: 文章路径 "sub\new.md" 里有控制字符：双引号中的 \ 被 YAML 当作转义符；请把路径放在单引号里（'articles\01.md'），或不加引号，或把 \ 改成 /`}},
		{"article outside", strings.Replace(good, "a.md", "../x.md", 1), []string{`8:5: 文章路径“../x.md”指向清单所在文件夹之外；请把文件放进清单所在的文件夹`}},
		{"special issue with a total", strings.Replace(good, "  number: 9", "  number: 1\n  special: 增刊\n  total: 544", 1), []string{`7:10: 增刊单独编号，不计入总期数，不印“总第 N 期”；请删除 issue.total，number 写本年第几期增刊`}},
		{"unknown special", strings.Replace(good, "  number: 9", "  number: 1\n  special: 号外", 1), []string{`6:12: 不认识的特殊期类型 "号外"；可写 增刊、特刊 或 专刊，正刊请留空`}},
		{"empty distribution label", good + "distribution:\n  - label: \"\"\n    to: [甲]\n", []string{`10:12: 分送组的标签（label）为空；请写 报、送 或 发`}},
		{"malformed yaml", "masthead: [a\nissue: {", []string{`2: YAML 格式错误：方括号 [ ] 没有配对，或列表项之间缺少逗号；请补上“]”，列表项之间用英文逗号分隔`}},
		{"alias", "x: &a [1]\ny: *a\n", []string{`1:4: 清单中使用了 YAML 锚点或别名（&name、*name）；请直接写出内容，清单不支持别名`}},
		{"several at once", strings.Replace(strings.Replace(good, "2026-03-27", "soon", 1), "number: 9", "number: x", 1), []string{
			`5:11: 字段 "issue.number" 应是整数，而不是 "x"；请写阿拉伯数字，如 9`,
			`6:7: 日期 "soon" 不是有效日期；请写成 2026-03-27 的形式`}},
		{"invalid utf-8", "masthead: [\xff]\n", []string{`1: 不是有效的 UTF-8 编码（第 11 字节）；请将文件另存为 UTF-8 编码`}},
		{"nul", "masthead: [a\x00]\n", []string{`1: 文件中有空字符（NUL）；请删除该字符或重新保存为纯文本`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := dir(t)
			file := filepath.Join(d, "b.yaml")
			_, errs := Parse(file, []byte(c.src))
			var got []string
			for _, e := range errs {
				got = append(got, strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(e.Error(), file), ":")))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestSymlinkEscape(t *testing.T) {
	d := dir(t)
	outside := t.TempDir()
	os.WriteFile(filepath.Join(outside, "x.md"), []byte("# t\n\nb\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "x.md"), filepath.Join(d, "link.md")); err != nil {
		t.Skip(err)
	}
	_, errs := Parse(filepath.Join(d, "b.yaml"), []byte(strings.Replace(good, "a.md", "link.md", 1)))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "指向清单所在文件夹之外") {
		t.Fatalf("symlink out of the folder: %v", errs)
	}
}

func FuzzManifest(f *testing.F) {
	f.Add(good)
	f.Add("masthead: [a, b]\nissue: {year: 2026, number: 1, special: 增刊}\ndate: 2026-01-01\narticles: [a.md]\ndistribution: [{label: 报, style: list, to: [x]}]\ncopies: 3\n")
	f.Add("masthead: [a]\nissue: {year: 2026, number: 1}\ndate: 2026-01-01\nclassification: 秘密\nsecrecy_period: 1年\ncopy_number: 000001\ncontents: true\narticles:\n  - section: 工作动态\n    articles: [a.md, {file: a.md, new_page: true}]\n  - {file: a.md, section: 基层信息}\nextra: {label: 增发, to: [x]}\nstaff: {签发: 张三}\n")
	f.Fuzz(func(t *testing.T, src string) {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, "a.md"), []byte("# t\n\nb\n"), 0o644)
		m, errs := Parse(filepath.Join(d, "b.yaml"), []byte(src))
		if (m == nil) == (len(errs) == 0) {
			t.Fatalf("manifest %v with errors %v", m != nil, errs)
		}
		for _, e := range errs {
			if strings.Contains(e.Error(), "\n") {
				t.Fatalf("multi-line message %q", e.Error())
			}
		}
	})
}

// An article entry is a path or a mapping {file, new_page}; anything
// else is an error that describes both shapes.
func TestArticleEntries(t *testing.T) {
	d := dir(t)
	os.WriteFile(filepath.Join(d, "c.md"), []byte("# 标题\n\n正文。\n"), 0o644)
	src := strings.Replace(good, "  - a.md\n", "  - a.md\n  - {file: c.md, new_page: true}\n", 1)
	m, errs := Parse(filepath.Join(d, "b.yaml"), []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(m.Articles) != 2 || m.Articles[0].NewPage || !m.Articles[1].NewPage {
		t.Fatalf("entries: %+v", m.Articles)
	}
	for name, c := range map[string]struct{ entry, want string }{
		"list":      {"  - [a.md]\n", "b.yaml:8:5: 文章列表的每一项应是文件路径，或 {file: 路径, new_page: true}"},
		"no file":   {"  - {new_page: true}\n", "缺少必填字段 \"articles.file\""},
		"bad value": {"  - {file: a.md, new_page: yes please}\n", "字段 \"articles.new_page\" 应是 true 或 false"},
		"unknown":   {"  - {file: a.md, newpage: true}\n", "未知字段 \"articles.newpage\""},
	} {
		_, errs := Parse(filepath.Join(d, "b.yaml"), []byte(strings.Replace(good, "  - a.md\n", c.entry, 1)))
		if len(errs) == 0 || !strings.Contains(errs.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, errs, c.want)
		}
	}
}
