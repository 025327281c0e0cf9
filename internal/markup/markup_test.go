package markup

import (
	"strings"
	"testing"

	"jianbao/internal/doc"
	_ "jianbao/internal/golden"
)

func TestParse(t *testing.T) {
	src := "\ufeff# 标题 一\r\n\r\n3月27日，会议\r\n召开。**重点**内容\nand more\nwords here\n\n## 一、总体\n\n### （一）分项\n\n> 编者按：这是\n> 按语。\n\n（浦东局供稿）\n"
	a, errs := Parse("a.md", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if a.Title.PlainText() != "标题 一" || a.Title.Pos.Line != 1 || a.Title.Pos.Col != 3 {
		t.Errorf("title %q at %v", a.Title.PlainText(), a.Title.Pos)
	}
	want := []struct {
		kind doc.Kind
		text string
	}{
		{doc.Para, "3月27日，会议召开。重点内容and more words here"},
		{doc.Heading1, "一、总体"},
		{doc.Heading2, "（一）分项"},
		{doc.Note, "编者按：这是按语。"},
		{doc.Para, "（浦东局供稿）"},
	}
	if len(a.Blocks) != len(want) {
		t.Fatalf("%d blocks", len(a.Blocks))
	}
	for i, w := range want {
		if a.Blocks[i].Kind != w.kind || a.Blocks[i].PlainText() != w.text {
			t.Errorf("block %d: %v %q, want %v %q", i, a.Blocks[i].Kind, a.Blocks[i].PlainText(), w.kind, w.text)
		}
	}
	// bold run and exact positions of runs on later lines
	p := a.Blocks[0]
	var bold *doc.Run
	for i := range p.Runs {
		if p.Runs[i].Bold {
			bold = &p.Runs[i]
		}
	}
	if bold == nil || bold.Text != "重点" || bold.Pos.Line != 4 || bold.Pos.Col != 6 {
		t.Errorf("bold run %+v", bold)
	}
}

// Text pasted from Word or WeChat: one line per paragraph, opened with
// typed indentation, no blank lines, unmarked headings and a 落款.
func TestPastedShape(t *testing.T) {
	src := "# 标题\n（浦东新区教育局供稿）\n　　第一段，\n接续。\n　　第二段。\n一、总体要求\n（一）分项\n  第三段。\n**（二）加强领导。**成立专班。\n**1.分工。**各处室。\n#### 1.建立台账\n　　最后一段。\n浦东新区教育局\n2026-02-20\n"
	a, errs := Parse("a.md", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, b := range a.Blocks {
		got = append(got, b.Kind.String()+":"+b.PlainText())
	}
	want := []string{"subtitle:（浦东新区教育局供稿）", "para:第一段，接续。", "para:第二段。", "h1:一、总体要求", "h2:（一）分项", "para:第三段。",
		"para:（二）加强领导。成立专班。", "para:1.分工。各处室。", "h3:1.建立台账", "para:最后一段。", "closing:浦东新区教育局", "closing:2026年2月20日"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r := a.Blocks[6].Runs[0]; r.RunIn != 2 || r.Bold || r.Text != "（二）加强领导。" {
		t.Errorf("run-in heading %+v", r)
	}
	if r := a.Blocks[7].Runs[0]; r.RunIn != 0 || !r.Bold {
		t.Errorf("bold 1. heading %+v", r)
	}
	// an explicit 落款 block is taken as written, and nothing else is
	a, errs = Parse("b.md", []byte("# 标题\n\n正文。\n\n2026年2月20日\n\n::: 落款\n市局办公室\n:::\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if k := a.Blocks[1].Kind; k != doc.Para || a.Blocks[2].Kind != doc.Closing || a.Blocks[2].PlainText() != "市局办公室" {
		t.Errorf("explicit 落款: %v %v", k, a.Blocks[2])
	}
	// a unit name that runs on from the sentence above stays text
	a, _ = Parse("c.md", []byte("# 标题\n\n正文说到浦东新区教育局\n2026年2月20日\n"))
	if len(a.Blocks) != 2 || a.Blocks[0].PlainText() != "正文说到浦东新区教育局" || a.Blocks[1].Kind != doc.Closing {
		t.Errorf("run-on unit: %+v", a.Blocks)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"no title", "正文。\n", "a.md:1:1: 文章缺少标题；请在第一行写“# 标题”"},
		{"two titles", "# 一\n\n正文\n\n# 二\n", "a.md:5:1: 一篇文章只能有一个标题（“# ”）；第 1 行已有标题；其他小标题请用“## ”或“### ”"},
		{"empty", " \n\n", "a.md: 文章是空的；请写入标题和正文，或从清单中删去这篇文章"},
		{"only title", "# 标题\n", "a.md:1:3: 文章只有标题，没有正文；请写正文，或从清单中删去这篇文章"},
		{"table", "# t\n\n| a | b |\n", "a.md:3:1: 表格只有一行；表格至少要有表头行和对齐行，如“| 项目 | 数量 |”下一行写“|---|--:|”"},
		{"table align row", "# t\n\n| a | b |\n| x | y |\n", "a.md:4:1: 表格第二行应是对齐行，格数与表头相同；如“|---|:--:|--:|”：--- 左对齐，:--: 居中，--: 右对齐（数字）"},
		{"table wide row", "# t\n\n| a | b |\n|---|---|\n| 1 | 2 | 3 |\n", "a.md:5:10: 这一行有 3 格，表头只有 2 格；请删去多余的“|”，或在表头补上一列"},
		{"list", "# t\n\n- 一项\n", "a.md:3:1: 不支持列表；请写成段落；需要序号时直接写“1.”“（1）”，后面不加空格"},
		{"ordered list", "# t\n\n1. 一项\n", "a.md:3:1: 不支持编号列表（“1. ”）；需要序号时请直接写“1.”“（1）”，后面不加空格"},
		{"link", "# t\n\n见[网站](http://x)。\n", "a.md:3:2: 不支持链接“[文字](网址)”；请直接写出文字或网址"},
		{"html", "# t\n\n正文<br>\n", "a.md:3:3: 不支持 HTML 标记；请删除“<…>”标记，只写文字"},
		{"code fence", "# t\n\n```\nx\n```\n", "a.md:3:1: 不支持代码块（```）；简报正文请写成普通段落"},
		{"inline code", "# t\n\n用`x`\n", "a.md:3:2: 不支持代码标记（`）；请删除反引号"},
		{"h5", "# t\n\n##### 五级\n", "a.md:3:1: 不支持 5 级标题；只能用“# 文章标题”“## 一级标题”“### 二级标题”“#### 三级标题”"},
		{"unknown block", "# t\n\n::: 表格\n", "a.md:3:1: 不认识的块“::: 表格”；可用“::: 落款”（右对齐的署名和日期）、“::: 副题”（标题下居中的副题、署名）或单独一行“::: 分页”"},
		{"open block", "# t\n\n正文。\n\n::: 落款\n单位\n", "a.md:5:1: “::: 落款”块没有结束；请在块的最后一行之后写一行“:::”"},
		{"no space after #", "# t\n\n##一、\n", "a.md:3:1: 标题标记“#”后缺少空格；请写成“# 标题”“## 一、小标题”的形式"},
		{"unclosed bold", "# t\n\n这是**重点\n", "a.md:3:3: 粗体标记“**”没有闭合；请在粗体文字后再写一个“**”"},
		{"invalid utf-8", "# t\n\n\xe4\xb8\n", "a.md:3: 不是有效的 UTF-8 编码（第 5 字节）；请将文件另存为 UTF-8 编码"},
		{"nul", "# t\n\n正\x00文\n", "a.md:3:2: 文件中有空字符（NUL）；请删除该字符或重新保存为纯文本"},
		{"control", "# t\n\n正\x1b文\n", "a.md:3:2: 有不可见的控制字符 U+001B；请删除该字符（常见于从其他软件粘贴的文字）"},
		{"bad image", "# t\n\n![图](\n", "a.md:3:1: 图片写法不正确；请单独一行写成“![图片说明](photos/图片.jpg)”，可加宽度“{width=50%}”"},
		{"rule", "# t\n\n---\n", "a.md:3:1: 不支持分隔线或“===”“---”标题写法；标题请用“# ”开头"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := Parse("a.md", []byte(c.src))
			if errs.Error() != c.want {
				t.Errorf("\n got: %s\nwant: %s", errs.Error(), c.want)
			}
		})
	}
}

func FuzzMarkup(f *testing.F) {
	f.Add("# 标题\n\n正文**粗**。\n\n## 一、\n\n> 按\n\n![图](x.jpg)\n")
	f.Add("# t\n- a\n| b\n<p>\n```\n")
	f.Add("# 标题\n# 第二行\n——副题\n\n表1 数据\n| 项目 | 数 |\n|---|--:|\n| **甲**\\|乙 | 1,234 |\n\n![左](a.jpg){width=48%}\n![右](b.jpg)\n\n::: 分页\n\n::: 落款\n单位\n2026-02-20\n:::\n")
	f.Fuzz(func(t *testing.T, src string) {
		a, errs := Parse("a.md", []byte(src))
		if (a == nil) == (len(errs) == 0) {
			t.Fatalf("article %v with errors %v", a != nil, errs)
		}
		if a != nil {
			for _, r := range a.Title.Runs {
				if r.Text != "\n" && strings.Contains(r.Text, "\n") {
					t.Fatalf("a title run spans lines: %q", r.Text)
				}
			}
		}
	})
}

// "::: 分页" on a line of its own is a page break; Write gives it back.
func TestPageBreak(t *testing.T) {
	a, errs := Parse("a.md", []byte("# 标题\n\n前。\n\n::: 分页\n\n后。\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(a.Blocks) != 3 || a.Blocks[1].Kind != doc.PageBreak {
		t.Fatalf("%+v", a.Blocks)
	}
	out, werrs := Write(a, nil)
	if len(werrs) > 0 || !strings.Contains(string(out), "\n::: 分页\n") {
		t.Errorf("Write: %s %v", out, werrs)
	}
}

// "# " lines one after another are one title broken there; Write gives
// them back.
func TestTitleLines(t *testing.T) {
	a, errs := Parse("a.md", []byte("# 上海市邮政快递行业启动\n# 关爱服务月活动\n\n正文。\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if a.Title.PlainText() != "上海市邮政快递行业启动\n关爱服务月活动" {
		t.Fatalf("title %q", a.Title.PlainText())
	}
	out, _ := Write(a, nil)
	if !strings.HasPrefix(string(out), "# 上海市邮政快递行业启动\n# 关爱服务月活动\n") {
		t.Errorf("Write: %s", out)
	}
	if _, errs := Parse("b.md", []byte("# 一\n\n正文\n\n# 二\n")); len(errs) == 0 {
		t.Error("a second title after text must stay an error")
	}
}

// {width=…} after a photo, and photos on consecutive lines side by side.
func TestPhotoSyntax(t *testing.T) {
	src := "# 标题\n\n正文。\n\n![左](a.jpg){width=48%}\n![右](b.jpg)\n\n![单独](c.jpg){width=60mm}\n"
	a, errs := Parse("a.md", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	f := a.Blocks[1:]
	if f[0].Width != "48%" || f[0].Beside || !f[1].Beside || f[2].Beside || f[2].Width != "60mm" {
		t.Fatalf("%+v", f)
	}
	out, _ := Write(a, func(i int, b *doc.Block) (string, error) { return b.Image, nil })
	if !strings.Contains(string(out), "![左](a.jpg){width=48%}\n![右](b.jpg)\n\n![单独](c.jpg){width=60mm}\n") {
		t.Errorf("Write:\n%s", out)
	}
	if _, errs := Parse("b.md", []byte("# 标题\n\n![图](a.jpg){width=half}\n")); len(errs) != 1 || !strings.Contains(errs[0].Error(), "图片宽度 \"half\" 写法不对") {
		t.Errorf("bad width: %v", errs)
	}
}

// A pipe table with its title line above, alignment, bold and an escaped
// bar; Write gives it back.
func TestTable(t *testing.T) {
	src := "# 标题\n\n正文。\n\n表1 一季度业务量\n| 项目 | 业务量（万件） | 同比 |\n|---|--:|:-:|\n| **快递** | 1,234.5 | 5.6% |\n| 国际\\|港澳台 | 12 | -1% |\n\n其后。\n"
	a, errs := Parse("a.md", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(a.Blocks) != 3 || a.Blocks[1].Kind != doc.Table {
		t.Fatalf("%+v", a.Blocks)
	}
	tb := a.Blocks[1]
	if tb.PlainText() != "表1 一季度业务量" || tb.Table.Header != 1 || string(tb.Table.Align) != "\x00rc" || len(tb.Table.Rows) != 3 {
		t.Fatalf("table %q %+v", tb.PlainText(), tb.Table)
	}
	if c := tb.Table.Rows[1][0]; !c.Runs[0].Bold || c.Runs[0].Text != "快递" || c.Pos.Line != 8 || c.Runs[0].Pos.Col != 5 {
		t.Errorf("bold cell %+v", c)
	}
	if c := tb.Table.Rows[2][0]; c.Runs[0].Text != "国际|港澳台" {
		t.Errorf("escaped bar: %+v", c)
	}
	out, _ := Write(a, nil)
	b, errs := Parse("b.md", out)
	if len(errs) > 0 || b.Blocks[1].Table == nil || b.Blocks[1].PlainText() != tb.PlainText() || len(b.Blocks[1].Table.Rows) != 3 || string(b.Blocks[1].Table.Align) != "\x00rc" {
		t.Errorf("round trip:\n%s\n%v", out, errs)
	}
}

// A subtitle or byline right under the title is recognised by the same
// words as in Word and text files; a centred line means nothing here.
func TestSubtitleLines(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"——记上海邮政快递行业党建工作", true},
		{"来源：市邮政管理局", true},
		{"（市邮政管理局供稿）", true},
		{"(市邮政管理局供稿)", true},
		{"记上海邮政快递行业党建工作", false},
		{"——" + strings.Repeat("长", 45), false},
	} {
		art, errs := Parse("a.md", []byte("# 标题\n\n"+c.line+"\n\n正文第一段。\n"))
		if len(errs) > 0 {
			t.Fatalf("%q: %v", c.line, errs)
		}
		got := len(art.Blocks) > 0 && art.Blocks[0].Kind == doc.Subtitle
		if got != c.want {
			t.Errorf("%q: subtitle = %v, want %v", c.line, got, c.want)
		}
	}
}

// A date in a ::: 落款 block prints in its Chinese form, as in a 落款
// found without the block.
func TestClosingBlockDate(t *testing.T) {
	art, errs := Parse("a.md", []byte("# 标题\n\n正文。\n\n::: 落款\n上海市邮政管理局\n2026-02-20\n:::\n"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var got []string
	for _, b := range art.Blocks {
		if b.Kind == doc.Closing {
			got = append(got, b.PlainText())
		}
	}
	if strings.Join(got, "|") != "上海市邮政管理局|2026年2月20日" {
		t.Errorf("落款 lines %q", got)
	}
}
