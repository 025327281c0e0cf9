package compose

import (
	"strings"
	"testing"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// The outline has each article's title (whole, however it was broken) and
// each heading, at the page and height where its first line is printed.
func TestOutline(t *testing.T) {
	is := issueWith(strings.Repeat("正文段落的文字。", 60))
	pos := diag.Pos{File: "a.md", Line: 1, Col: 1}
	run := func(s string) []doc.Run { return []doc.Run{{Text: s, Pos: pos}} }
	is.Articles[0].Title = doc.Block{Kind: doc.Title, Runs: []doc.Run{{Text: "上海市邮政快递行业启动", Pos: pos}, {Text: "\n", Pos: pos}, {Text: "“暖蜂驿站”关爱服务月活动", Pos: pos}}}
	a := is.Articles[0]
	a.Blocks = append(a.Blocks,
		doc.Block{Kind: doc.Heading1, Pos: pos, Runs: run("一、聚焦急难愁盼")},
		doc.Block{Kind: doc.Heading2, Pos: pos, Runs: run("（一）织密服务网络")},
		para(strings.Repeat("服务网络的文字。", 80)),
		doc.Block{Kind: doc.Heading1, Pos: pos, Runs: run("二、凝聚行业力量")},
		para("结尾。"))
	is.Articles = append(is.Articles, &doc.Article{Title: doc.Block{Kind: doc.Title, Runs: run("第二篇 GDP 报告")}, Blocks: []doc.Block{para("短文。")}})
	d := compose(t, is)
	want := []struct {
		level      int
		text, role string
	}{
		{0, "上海市邮政快递行业启动“暖蜂驿站”关爱服务月活动", "title"},
		{1, "一、聚焦急难愁盼", "h1"},
		{2, "（一）织密服务网络", "h2"},
		{1, "二、凝聚行业力量", "h1"},
		{0, "第二篇GDP报告", "title"},
	}
	if len(d.Outline) != len(want) {
		t.Fatalf("outline %+v, want %d entries", d.Outline, len(want))
	}
	var heads []int
	for i, e := range d.Outline {
		w := want[i]
		if e.Level != w.level || e.Text != w.text {
			t.Errorf("entry %d = %d %q, want %d %q", i, e.Level, e.Text, w.level, w.text)
		}
		// the first line of that title or heading is on e.Page, just below e.Y
		found := false
		for _, it := range d.Pages[e.Page-1].Items {
			if it.Role == w.role && strings.HasSuffix(it.Line, ".1") && it.Y-it.Size == e.Y {
				found = true
			}
		}
		if !found {
			t.Errorf("entry %d (%q): no %s line on page %d at %v", i, e.Text, w.role, e.Page, e.Y)
		}
		heads = append(heads, e.Page)
	}
	if heads[len(heads)-1] < 2 {
		t.Errorf("the test wants the second article past page 1: pages %v", heads)
	}
}
