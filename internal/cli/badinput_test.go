package cli

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const badBase = `masthead:
  - 工作简报
issue:
  year: 2026
  number: 1
editor: 办公室编
date: 2026-04-20
articles:
  - articles/01.md
`

const badArticle = "# 标题\n\n正文第一段。\n\n![图片说明](../photos/p.jpg)\n"

func smallJPEG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 48)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// badIssue writes a good issue with a photo.
func badIssue(t *testing.T) string {
	dir := t.TempDir()
	write(t, dir, "bulletin.yaml", badBase)
	write(t, dir, "articles/01.md", badArticle)
	write(t, dir, "photos/p.jpg", string(smallJPEG(t)))
	return dir
}

func write(t *testing.T, dir, rel, data string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func edit(t *testing.T, dir, rel, old, new string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", rel, old)
	}
	write(t, dir, rel, strings.Replace(string(data), old, new, 1))
}

// TestBadInputs is the table of everything an editor may get wrong. For
// each case: the exact messages (paths shown as DIR/…), exit status 1, and
// the PDF of the last good build left byte-identical, with no temporary
// file beside it.
func TestBadInputs(t *testing.T) {
	cases := []struct {
		name  string
		setup func(t *testing.T, dir string)
		out   string // output path relative to dir; default out.pdf
		want  []string
	}{
		{"malformed YAML", func(t *testing.T, d string) { edit(t, d, "bulletin.yaml", "number: 1", "number: [1") }, "",
			[]string{"DIR/bulletin.yaml:5: YAML 格式错误：方括号 [ ] 没有配对，或列表项之间缺少逗号；请补上“]”，列表项之间用英文逗号分隔"}},
		{"unknown key", func(t *testing.T, d string) { edit(t, d, "bulletin.yaml", "editor:", "edtor:") }, "",
			[]string{`DIR/bulletin.yaml:6:1: 未知字段 "edtor"；可用字段：articles、classification、contents、copies、copy_number、date、distribution、editor、extra、issue、layout、masthead、protect、secrecy_period、staff`}},
		{"wrong type", func(t *testing.T, d string) { edit(t, d, "bulletin.yaml", "number: 1", "number: 一") }, "",
			[]string{`DIR/bulletin.yaml:5:11: 字段 "issue.number" 应是整数，而不是 "一"；请写阿拉伯数字，如 9`}},
		{"missing required field", func(t *testing.T, d string) { edit(t, d, "bulletin.yaml", "date: 2026-04-20\n", "") }, "",
			[]string{`DIR/bulletin.yaml:1:1: 缺少必填字段 "date"；请补上该字段`}},
		{"impossible date", func(t *testing.T, d string) { edit(t, d, "bulletin.yaml", "2026-04-20", "2026-13-45") }, "",
			[]string{`DIR/bulletin.yaml:7:7: 日期 "2026-13-45" 不是有效日期；请写成 2026-03-27 的形式`}},
		{"empty masthead", func(t *testing.T, d string) {
			edit(t, d, "bulletin.yaml", "masthead:\n  - 工作简报", "masthead: []")
		}, "",
			[]string{`DIR/bulletin.yaml:1:11: 报头（masthead）不能为空；请至少写一行简报名称`}},
		{"article missing", func(t *testing.T, d string) { os.Remove(filepath.Join(d, "articles/01.md")) }, "",
			[]string{`DIR/bulletin.yaml:9:5: 找不到文章文件“articles/01.md”；请检查文件名和路径（相对于清单所在文件夹）`}},
		{"article is a folder", func(t *testing.T, d string) {
			os.Remove(filepath.Join(d, "articles/01.md"))
			os.Mkdir(filepath.Join(d, "articles/01.md"), 0o755)
		}, "", []string{`DIR/bulletin.yaml:9:5: 文章路径“articles/01.md”是文件夹；请写出文件名，如 articles/01.md`}},
		{"article unreadable", func(t *testing.T, d string) {
			// a socket cannot be opened for reading, even by root
			p := filepath.Join(d, "articles/01.md")
			os.Remove(p)
			l, err := net.Listen("unix", p)
			if err != nil {
				t.Skip("no unix sockets here")
			}
			t.Cleanup(func() { l.Close() })
		}, "", []string{`DIR/bulletin.yaml:9:5: 无法读取文章文件“articles/01.md”；请检查文件权限`}},
		{"article outside the folder", func(t *testing.T, d string) {
			write(t, filepath.Dir(d), "outside.md", badArticle)
			edit(t, d, "bulletin.yaml", "articles/01.md", "../outside.md")
		}, "", []string{`DIR/bulletin.yaml:9:5: 文章路径“../outside.md”指向清单所在文件夹之外；请把文件放进清单所在的文件夹`}},
		{"article outside through a symlink", func(t *testing.T, d string) {
			write(t, filepath.Dir(d), "outside.md", badArticle)
			os.Remove(filepath.Join(d, "articles/01.md"))
			os.Symlink(filepath.Join(filepath.Dir(d), "outside.md"), filepath.Join(d, "articles/01.md"))
		}, "", []string{`DIR/bulletin.yaml:9:5: 文章路径“articles/01.md”指向清单所在文件夹之外；请把文件放进清单所在的文件夹`}},
		{"empty article", func(t *testing.T, d string) { write(t, d, "articles/01.md", "\n  \n") }, "",
			[]string{`DIR/articles/01.md: 文章是空的；请写入标题和正文，或从清单中删去这篇文章`}},
		{"article without a title", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "# 标题\n", "") }, "",
			[]string{`DIR/articles/01.md:2:1: 文章缺少标题；请在第一行写“# 标题”`}},
		{"article with two titles", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文第一段。", "# 第二个标题") }, "",
			[]string{`DIR/articles/01.md:3:1: 一篇文章只能有一个标题（“# ”）；第 1 行已有标题；其他小标题请用“## ”或“### ”`}},
		{"invalid UTF-8", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文", "正\xff文") }, "",
			[]string{`DIR/articles/01.md:3: 不是有效的 UTF-8 编码（第 13 字节）；请将文件另存为 UTF-8 编码`}},
		{"NUL byte", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文", "正\x00文") }, "",
			[]string{`DIR/articles/01.md:3:2: 文件中有空字符（NUL）；请删除该字符或重新保存为纯文本`}},
		{"table", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文第一段。", "| 甲 | 乙 |") }, "",
			[]string{`DIR/articles/01.md:3:1: 表格只有一行；表格至少要有表头行和对齐行，如“| 项目 | 数量 |”下一行写“|---|--:|”`}},
		{"list", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文第一段。", "- 一项") }, "",
			[]string{`DIR/articles/01.md:3:1: 不支持列表；请写成段落；需要序号时直接写“1.”“（1）”，后面不加空格`}},
		{"link", func(t *testing.T, d string) {
			edit(t, d, "articles/01.md", "正文第一段。", "见[网站](https://example.cn)。")
		}, "",
			[]string{`DIR/articles/01.md:3:2: 不支持链接“[文字](网址)”；请直接写出文字或网址`}},
		{"HTML", func(t *testing.T, d string) {
			edit(t, d, "articles/01.md", "正文第一段。", "正文<br>第一段。")
		}, "",
			[]string{`DIR/articles/01.md:3:3: 不支持 HTML 标记；请删除“<…>”标记，只写文字`}},
		{"code", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文第一段。", "```\ncode\n```") }, "",
			[]string{"DIR/articles/01.md:3:1: 不支持代码块（```）；简报正文请写成普通段落"}},
		{"image missing", func(t *testing.T, d string) { os.Remove(filepath.Join(d, "photos/p.jpg")) }, "",
			[]string{`DIR/articles/01.md:5:1: 找不到图片 "../photos/p.jpg"；图片路径相对于文章所在文件夹或清单所在文件夹，如 photos/图片.jpg`}},
		{"image not an image", func(t *testing.T, d string) { write(t, d, "photos/p.jpg", "这是一段文字，不是图片。") }, "",
			[]string{`DIR/articles/01.md:5:1: "../photos/p.jpg" 不是 JPEG 或 PNG 图片；请把图片另存为 JPEG（照片）或 PNG（图表）`}},
		{"image corrupt", func(t *testing.T, d string) {
			j := smallJPEG(t)
			write(t, d, "photos/p.jpg", string(j[:len(j)*2/3]))
		}, "", []string{`DIR/articles/01.md:5:1: 图片 "../photos/p.jpg" 已损坏，无法解码；请重新导出或另存这张图片`}},
		{"image outside the folder", func(t *testing.T, d string) {
			write(t, filepath.Dir(d), "p.jpg", string(smallJPEG(t)))
			edit(t, d, "articles/01.md", "../photos/p.jpg", "../../p.jpg")
		}, "", []string{`DIR/articles/01.md:5:1: 图片 "../../p.jpg" 在清单所在文件夹之外；请把图片放进本期文件夹（如 photos/）再引用`}},
		{"character no font covers", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文", "正\uE000文") }, "",
			[]string{`DIR/articles/01.md:3:2: 字符「` + "\uE000" + `」(U+E000) 不在字体「仿宋」及其后备字体中；请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字`}},
		{"character outside every face (CJK Ext H)", func(t *testing.T, d string) { edit(t, d, "articles/01.md", "正文", "正𱍐文") }, "",
			[]string{`DIR/articles/01.md:3:2: 字符「𱍐」(U+31350) 不在字体「仿宋」及其后备字体中；请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字`}},
		{"masthead too long", func(t *testing.T, d string) {
			edit(t, d, "bulletin.yaml", "- 工作简报", "- "+strings.Repeat("很长的简报名称", 4))
		}, "", []string{`DIR/bulletin.yaml:2:5: 报头“很长的简报名称很长的简报名称很长的简报名称很长的简报名称”太长，缩到最小字号 22.00 pt 仍超出版心宽度；请把报头分成两行（masthead 下写两项）`}},
		{"layout file with an error", func(t *testing.T, d string) {
			write(t, d, "my.yaml", "name: my\npage: {width: 210mm, height: 297mm}\nmargn: {}\n")
			edit(t, d, "bulletin.yaml", "masthead:", "layout: my.yaml\nmasthead:")
		}, "", []string{`DIR/my.yaml:3: 未知字段 "margn"；请对照 layouts/README.md 检查字段名`}},
		{"layout file missing", func(t *testing.T, d string) {
			edit(t, d, "bulletin.yaml", "masthead:", "layout: nothere.yaml\nmasthead:")
		}, "",
			[]string{`DIR/bulletin.yaml:1:9: 找不到版式文件 "nothere.yaml"；请检查路径，或写内置版式名：gbt9704、jianbao`}},
		{"special issue with a total", func(t *testing.T, d string) {
			edit(t, d, "bulletin.yaml", "number: 1", "number: 1\n  special: 增刊\n  total: 9")
		}, "",
			[]string{`DIR/bulletin.yaml:7:10: 增刊单独编号，不计入总期数，不印“总第 N 期”；请删除 issue.total，number 写本年第几期增刊`}},
		{"output folder missing", nil, "nothere/out.pdf",
			[]string{`DIR/nothere/out.pdf: 输出文件夹不存在；请先创建该文件夹，或用 -o 指定其他位置`}},
		{"output folder read-only", func(t *testing.T, d string) {
			if os.Geteuid() == 0 {
				t.Skip("root writes into read-only folders")
			}
			os.Mkdir(filepath.Join(d, "ro"), 0o555)
		}, "ro/out.pdf", []string{`DIR/ro/out.pdf: 无法写入 PDF（没有写入权限）；请检查文件夹是否存在、是否可写`}},
		{"output folder read-only (a system folder, for root)", func(t *testing.T, d string) {
			if f, err := os.CreateTemp("/sys", "probe"); err == nil {
				f.Close()
				os.Remove(f.Name())
				t.Skip("/sys is writable here")
			}
		}, "/sys/out.pdf", []string{`/sys/out.pdf: 无法写入 PDF（没有写入权限）；请检查文件夹是否存在、是否可写`}},
		// limits against resource exhaustion
		{"manifest too large", func(t *testing.T, d string) {
			write(t, d, "bulletin.yaml", badBase+"# "+strings.Repeat("x", 1<<20)+"\n")
		}, "",
			[]string{`DIR/bulletin.yaml: 清单文件过大（1048705 字节，上限 1048576）；清单只应包含期号、日期和文章路径等信息`}},
		{"article too large", func(t *testing.T, d string) {
			write(t, d, "articles/01.md", badArticle+strings.Repeat("正文。\n\n", 10<<20/11+10))
		}, "", []string{`DIR/articles/01.md: 文章过大（10485923 字节，上限 10485760）；请拆分为多篇文章`}},
		{"too many articles", func(t *testing.T, d string) {
			var list strings.Builder
			for i := range 201 {
				name := fmt.Sprintf("articles/%03d.md", i)
				write(t, d, name, "# 标题\n\n正文。\n")
				list.WriteString("  - " + name + "\n")
			}
			edit(t, d, "bulletin.yaml", "  - articles/01.md\n", list.String())
		}, "", []string{`DIR/bulletin.yaml:9:3: 字段 "articles" 的项数过多（201，上限 200）；请拆分为多期`}},
		{"paragraph too long", func(t *testing.T, d string) {
			edit(t, d, "articles/01.md", "正文第一段。", strings.Repeat("正", 20001))
		}, "",
			[]string{`DIR/articles/01.md:3:1: 段落过长（20001 字，上限 20000）；请分段`}},
		{"YAML aliases (billion laughs)", func(t *testing.T, d string) {
			write(t, d, "bulletin.yaml", "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"+badBase)
		}, "", []string{`DIR/bulletin.yaml:1:4: 清单中使用了 YAML 锚点或别名（&name、*name）；请直接写出内容，清单不支持别名`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := badIssue(t)
			good := filepath.Join(dir, "out.pdf")
			m := filepath.Join(dir, "bulletin.yaml")
			var errb bytes.Buffer
			if code := Build([]string{m}, BuildOptions{Out: good}, &bytes.Buffer{}, &errb); code != ExitOK {
				t.Fatalf("the good issue does not build: %s", errb.String())
			}
			before, _ := os.ReadFile(good)
			out := good
			if c.out != "" {
				out = filepath.Join(dir, c.out)
				if filepath.IsAbs(c.out) {
					out = c.out
				}
			}
			if c.setup != nil {
				c.setup(t, dir)
			}
			errb.Reset()
			var stdout bytes.Buffer
			code := Build([]string{m}, BuildOptions{Out: out}, &stdout, &errb)
			if code != ExitInput {
				t.Errorf("exit status %d, want %d", code, ExitInput)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout: %q", stdout.String())
			}
			got := strings.Split(strings.TrimSpace(strings.ReplaceAll(errb.String(), dir, "DIR")), "\n")
			if n := len(got); n > 0 && strings.Contains(got[n-1], "处问题，未生成 PDF") {
				got = got[:n-1]
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("messages:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			for _, line := range got {
				if strings.Contains(line, "panic") || strings.Contains(line, "goroutine") || !strings.Contains(line, "；") {
					t.Errorf("not a one-line message with a hint: %q", line)
				}
			}
			if after, _ := os.ReadFile(good); !bytes.Equal(before, after) {
				t.Error("the previous PDF changed")
			}
			for _, d := range []string{dir, filepath.Dir(out)} {
				ents, _ := os.ReadDir(d)
				for _, e := range ents {
					if strings.HasSuffix(e.Name(), ".tmp") {
						t.Errorf("temporary file left: %s", e.Name())
					}
				}
			}
		})
	}
}
