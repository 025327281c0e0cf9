package manuscript

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jianbao/internal/doc"
)

// kinds lists an article's blocks as "kind:text" lines.
func kinds(a *doc.Article) string {
	var b strings.Builder
	b.WriteString("title:" + a.Title.PlainText() + "\n")
	for _, bl := range a.Blocks {
		b.WriteString(bl.Kind.String() + ":" + bl.PlainText() + "\n")
	}
	return b.String()
}

const pasted = "浦东新区开展校园安全专项行动\n" +
	"　　近日，浦东新区教育局在全区中小学开展校园安全专项行动。\n" +
	"　　一是压实责任。各校签订责任书。\n" +
	"一、聚焦重点领域，守牢安全底线\n" +
	"（一）排查隐患\n" +
	"　　共排查学校 120 所，整改隐患\n" +
	"35处。\n" +
	"1.建立台账\n" +
	"　　下一步，将持续推进。\n" +
	"浦东新区教育局\n" +
	"2026年2月20日\n"

func TestPastedText(t *testing.T) {
	paras := ReadText("a.txt", pasted)
	art, notes, errs := Structure("a.txt", paras)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := "title:浦东新区开展校园安全专项行动\n" +
		"para:近日，浦东新区教育局在全区中小学开展校园安全专项行动。\n" +
		"para:一是压实责任。各校签订责任书。\n" +
		"h1:一、聚焦重点领域，守牢安全底线\n" +
		"h2:（一）排查隐患\n" +
		"para:共排查学校 120 所，整改隐患35处。\n" +
		"h3:1.建立台账\n" +
		"para:下一步，将持续推进。\n" +
		"closing:浦东新区教育局\n" +
		"closing:2026年2月20日\n"
	if got := kinds(art); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(notes) < 5 {
		t.Errorf("expected a note per interpretation, got %v", notes)
	}
	// positions point at the source
	for _, b := range art.Blocks {
		for _, r := range b.Runs {
			line := strings.Split(pasted, "\n")[r.Pos.Line-1]
			col := []rune(line)
			if r.Pos.Col < 1 || r.Pos.Col-1+len([]rune(r.Text)) > len(col) || string(col[r.Pos.Col-1:r.Pos.Col-1+len([]rune(r.Text))]) != r.Text {
				t.Errorf("run %q at %v does not match line %q", r.Text, r.Pos, line)
			}
		}
	}
}

func TestDecode(t *testing.T) {
	src := "标题\r\n　　堃喆镕珺昇，正文。\r\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(src)
	if err != nil {
		t.Fatal(err)
	}
	s, notes, errs := Decode("g.txt", []byte(gb))
	if len(errs) > 0 || s != strings.ReplaceAll(src, "\r\n", "\n") || len(notes) != 1 {
		t.Errorf("GB18030: %q %v %v", s, notes, errs)
	}
	u16 := []byte{0xFF, 0xFE, 'A', 0, 0x0E, 0x66} // "A明"
	if s, _, errs := Decode("u.txt", u16); len(errs) > 0 || s != "A明" {
		t.Errorf("UTF-16: %q %v", s, errs)
	}
	if _, _, errs := Decode("b.txt", []byte{0x81, 0x20, 0xff}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "b.txt: 文件既不是 UTF-8 也不是 GB18030/GBK 编码") {
		t.Errorf("binary: %v", errs)
	}
}

func TestRules(t *testing.T) {
	for s, want := range map[string]int{"一、总体要求": 1, "（二）工作措施": 2, "(三)落实": 2, "1.建立台账": 3, "2．分工": 3, "（1）目标": 4,
		"一、我们要求各单位加强管理。": 0, "1.5万人参加": 0, "2026年工作": 0, "一、": 0, "十二、总结": 1} {
		if got := HeadingLine(s); got != want {
			t.Errorf("HeadingLine(%q) = %d, want %d", s, got, want)
		}
	}
	for s, want := range map[string]string{"2026年2月20日": "2026年2月20日", "2026-02-20": "2026年2月20日", "2026.3.5": "2026年3月5日",
		"2026/12/01": "2026年12月1日", "二〇二六年二月二十日": "二〇二六年二月二十日", "2026-13-01": "", "2026年2月20日上午": ""} {
		got, ok := DateLine(s)
		if got != want || ok != (want != "") {
			t.Errorf("DateLine(%q) = %q %v, want %q", s, got, ok, want)
		}
	}
	// a unit line in the middle of a sentence is text
	if c := ClosingLines([]string{"标题", "正文说到浦东新区教育局", "2026年2月20日"}); c != 2 {
		t.Errorf("ClosingLines took a unit from running text: %d", c)
	}
	if c := ClosingLines([]string{"标题", "正文。", "浦东新区教育局", "2026年2月20日", ""}); c != 2 {
		t.Errorf("ClosingLines = %d, want 2", c)
	}
}

func TestRunInAndFonts(t *testing.T) {
	paras := []Para{
		{Runs: []Run{{Text: "标题", Size: 44}}, Align: AlignCenter},
		{Runs: []Run{{Text: "第二行标题", Size: 44}}, Align: AlignCenter},
		{Runs: []Run{{Text: "（浦东新区教育局供稿）", Font: FontKai}}, Align: AlignCenter},
		{Runs: []Run{{Text: "　　正文。"}}},
		{Runs: []Run{{Text: "落实责任", Font: FontHei}}},
		{Runs: []Run{{Text: "　　（一）加强组织领导。", Font: FontKai}, {Text: "成立专班。", Font: FontFang}}},
		{Runs: []Run{{Text: "1.明确分工。", Bold: true}, {Text: "各处室。"}}},
		{Image: &Image{Name: "image1.png", Data: []byte("x")}},
		{Runs: []Run{{Text: "图为现场"}}, Align: AlignCenter},
		{Runs: []Run{{Text: "总结", Size: 32}}, Outline: 2},
		{Runs: []Run{{Text: "正文。"}}},
		{Runs: []Run{{Text: "上海市邮政管理局"}}, Align: AlignRight},
		{Runs: []Run{{Text: "2026-03-20"}}, Align: AlignRight},
	}
	art, _, errs := Structure("a.docx", paras)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := "title:标题\n第二行标题\nsubtitle:（浦东新区教育局供稿）\npara:正文。\nh1:落实责任\npara:（一）加强组织领导。成立专班。\n" +
		"para:1.明确分工。各处室。\nfigure:图为现场\nh1:总结\npara:正文。\nclosing:上海市邮政管理局\nclosing:2026年3月20日\n"
	if got := kinds(art); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	ri := art.Blocks[3].Runs
	if ri[0].RunIn != 2 || ri[0].Text != "（一）加强组织领导。" || ri[1].RunIn != 0 {
		t.Errorf("run-in heading: %+v", ri)
	}
	if b := art.Blocks[4].Runs; b[0].RunIn != 0 || !b[0].Bold || b[1].Bold {
		t.Errorf("bold 1. heading: %+v", b)
	}
}
