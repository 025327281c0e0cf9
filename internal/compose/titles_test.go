package compose

import (
	"strings"
	"testing"

	"jianbao/internal/doc"
)

// Titles break between words and phrases, never inside a unit's or a
// place's name, into a 正梯形 (no line longer than the one below it, a
// 菱形 allowed on three lines; a first line a little longer where the
// 正梯形 would split a name), within title.max_chars here, never beyond
// the measure. The lines are measured on the page.
func TestTitleWordBreaks(t *testing.T) {
	sp := spec(t)
	size := sp.Title.Size.Abs
	prefer := Len(sp.Title.MaxChars) * size
	for _, c := range []struct {
		title string
		bad   []string // line ends that split a word: "交通" before "委"
	}{
		{"上海市邮政管理局赴嘉定交通委开展交邮融合工作推进会", []string{"交通", "嘉定"}},
		{"青浦邮政管理局参加维护快递员合法权益座谈会", []string{"维护", "快递"}},
		{"中国邮政集团有限公司上海邮政国际业务分公司跨国攻坚 特殊国际邮件获赠锦旗", []string{"业务", "国际", "上海", "邮政"}},
		{"市委社会工作部调研浦东“聚蜂驿”圆通康桥站", []string{"康", "康桥"}},
	} {
		is := issueWith("正文。")
		is.Articles[0].Title = doc.Block{Kind: doc.Title, Runs: []doc.Run{{Text: c.title}}}
		d := compose(t, is)
		lines, _ := items(d, "title")
		var texts []string
		for _, ln := range lines {
			texts = append(texts, ln.Text)
		}
		all := strings.Join(texts, " / ")
		if len(lines) < 2 || len(lines) > 3 {
			t.Errorf("%s: %d lines", all, len(lines))
		}
		for k, ln := range lines {
			if ln.W > sp.BlockW() {
				t.Errorf("%s: line %d is %v wide, measure %v", all, k+1, ln.W, sp.BlockW())
			}
			if ln.W > prefer {
				t.Errorf("%s: line %d is %v wide, longer than max_chars (%v)", all, k+1, ln.W, prefer)
			}
			// 正梯形; the first line may be longer by a few characters
			// only where the shorter one would split a name (交通委)
			if k == 1 && lines[0].W > ln.W+3*size {
				t.Errorf("%s: first line %v much longer than the second %v (not 正梯形)", all, lines[0].W, ln.W)
			}
			if k < len(lines)-1 {
				for _, b := range c.bad {
					if strings.HasSuffix(strings.TrimSpace(ln.Text), b) {
						t.Errorf("%s: line %d ends inside a name (%s)", all, k+1, b)
					}
				}
			}
		}
		t.Log(all)
	}
}

// A caption breaks between words too: not inside 大宁路.
func TestCaptionBreaks(t *testing.T) {
	is := issueWith("正文。")
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, figBlock(t, 800, 500, "4月15日，“暖蜂驿站”关爱服务月启动仪式在静安区大宁路街道举行，志愿者为快递小哥提供休憩、饮水和维修等服务"))
	d := compose(t, is)
	lines, _ := items(d, "caption")
	if len(lines) < 2 {
		t.Fatalf("%d caption lines", len(lines))
	}
	for _, ln := range lines[:len(lines)-1] {
		if strings.HasSuffix(ln.Text, "大宁") || strings.HasSuffix(ln.Text, "大") {
			t.Errorf("caption line ends %q: splits 大宁路", ln.Text)
		}
	}
	// the pair ，“ is compressed to 1.5 em in a caption too
	g := lines[0].Glyphs
	for k := 1; k < len(g); k++ {
		if g[k-1].R == '，' && g[k].R == '“' {
			if d := g[k].X - g[k-1].X; d >= lines[0].Size*9/10 {
				t.Errorf("，“ takes %v at size %v: not compressed", d, lines[0].Size)
			}
		}
	}
}

// A 、 inside a masthead name line takes half a character: no hole at
// display size. Measured between the glyphs around it.
func TestMastheadMarkCompressed(t *testing.T) {
	sp := spec(t)
	m := mastheadItems(t, sp, "上海市邮政快递行业", "党建、文明创建工作简报")
	name := m[1]
	g := name.Glyphs
	if g[2].R != '、' {
		t.Fatalf("glyphs %q", name.Text)
	}
	if d := g[3].X - g[1].X; d > name.Size*3/2+10 || d < name.Size*3/2-10 {
		t.Errorf("建、文 spans %v at size %v, want 1.5 characters", d, name.Size)
	}
}

// A subtitle under a title breaks between words as the title does.
func TestSubtitleWordBreaks(t *testing.T) {
	is := issueWith("正文。")
	is.Articles[0].Blocks = append([]doc.Block{docBlock(doc.Subtitle, "——记中国邮政集团有限公司上海邮政国际业务分公司跨国攻坚的一百天")}, is.Articles[0].Blocks...)
	d := compose(t, is)
	lines, _ := items(d, "subtitle")
	if len(lines) != 2 {
		t.Fatalf("%d subtitle lines", len(lines))
	}
	for _, bad := range []string{"国际", "业务", "上海", "邮政", "集团", "有限"} {
		if strings.HasSuffix(lines[0].Text, bad) {
			t.Errorf("subtitle breaks inside a unit's name: %q / %q", lines[0].Text, lines[1].Text)
		}
	}
	t.Logf("%s / %s", lines[0].Text, lines[1].Text)
}
