package linebreak

import (
	"strings"
	"testing"
)

// wordsAt rates breaks from a template: "|" between phrases, "/" between
// words, "·" weak, nothing inside a word; the template's other runes are
// the text.
func wordsAt(tmpl string) (string, func([]rune) []uint8) {
	var text []rune
	var q []uint8
	next := uint8(3)
	for _, r := range tmpl {
		switch r {
		case '|':
			next = 3
		case '/':
			next = 2
		case '·':
			next = 1
		default:
			text = append(text, r)
			q = append(q, next)
			next = 0
		}
	}
	q = append(q, 3)
	return string(text), func(rs []rune) []uint8 {
		if len(rs) != len(text) {
			return nil
		}
		return q
	}
}

// A title breaks between words, not inside one, into a 正梯形 (the first
// line no longer than the second), within the preferred length, never
// beyond the measure; measured on the lines' widths.
func TestShapedTitle(t *testing.T) {
	for _, c := range []struct {
		tmpl string
		want string
	}{
		// 11/10 would split 快递员 from its verb; 9/12 is the 正梯形
		{"青浦·邮政·管理局|参加/维护·快递员/合法/权益/座谈会", "青浦邮政管理局参加|维护快递员合法权益座谈会"},
		// three lines, the middle one the longest (菱形), no name split,
		// the editor's space a break
		{"中国·邮政·集团/有限公司/上海·邮政·国际·业务·分公司/跨国/攻坚 |特殊/国际/邮件|获赠/锦旗", "中国邮政集团有限公司|上海邮政国际业务分公司跨国攻坚 |特殊国际邮件获赠锦旗"},
	} {
		text, words := wordsAt(c.tmpl)
		p := Params{Width: 20 * em, Ragged: true, Centered: true, Words: words, Prefer: 18 * em}
		ls := breakStr(text, p)
		checkLines(t, text, ls, p)
		if got := joinLines(ls); got != c.want {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
		q := words([]rune(text))
		for k, l := range ls {
			if l.Width > p.Prefer {
				t.Errorf("line %d is %v wide, preferred %v", k+1, l.Width, p.Prefer)
			}
			if !l.Last && q[l.End] == 0 {
				t.Errorf("line %d ends inside a word: %s", k+1, joinLines(ls))
			}
		}
		if ls[0].Width > ls[1].Width {
			t.Errorf("first line %v longer than the second %v", ls[0].Width, ls[1].Width)
		}
	}
}

// max_chars is a preference, not a wall: a 21-character title is set in
// two lines rather than one of the full measure, and a title longer than
// the preference but with no good break elsewhere may still take one line
// longer than it, never longer than the measure.
func TestPreferIsAPreference(t *testing.T) {
	text, words := wordsAt("市委/社会·工作部/调研/浦东/“聚蜂驿”/圆通/康桥站")
	p := Params{Width: 20*em + em/10, Ragged: true, Centered: true, Words: words, Prefer: 18 * em}
	ls := breakStr(text, p)
	checkLines(t, text, ls, p)
	if len(ls) != 2 || joinLines(ls) != "市委社会工作部调研|浦东“聚蜂驿”圆通康桥站" {
		t.Errorf("got %s", joinLines(ls))
	}
	// one line of 19 characters when every break is inside a word
	text = strings.Repeat("中", 19)
	_, words = wordsAt(text)
	p.Words = func(rs []rune) []uint8 { q := make([]uint8, len(rs)+1); q[0], q[len(rs)] = 3, 3; return q }
	ls = breakStr(text, p)
	checkLines(t, text, ls, p)
	if len(ls) != 1 || ls[0].Width != 19*em {
		t.Errorf("got %s", joinLines(ls))
	}
}

// A display line (Tight) sets the marks inside it at half width: 党建、文明
// is 4.5 em, the 、 keeps its ink half; ”、“ take half an em each.
func TestTightMarks(t *testing.T) {
	p := Params{Width: 40 * em, Ragged: true, Centered: true, Tight: true}
	ls := breakStr("党建、文明创建工作简报", p)
	checkLines(t, "党建、文明创建工作简报", ls, p)
	if w := ls[0].Width; w != 10*em+em/2 {
		t.Errorf("width %v, want 10.5 em", w)
	}
	g := ls[0].Glyphs
	if d := g[3].X - g[2].X; d != em/2 {
		t.Errorf("、 advances %v, want half an em", d)
	}
	ls = breakStr("“党建”、“文明”", p)
	g = ls[0].Glyphs
	// ”、“: three marks at half width, one em and a half in all
	if d := g[6].X - (g[2].X + g[2].Adv); d != em+em/2 {
		t.Errorf("”、“ between 建 and 文 takes %v, want 1.5 em", d)
	}
}
