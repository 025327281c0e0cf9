package segment

import (
	"strings"
	"testing"
	"time"
)

// show writes text with the break qualities between characters: "|" a
// phrase break, "/" a word break, "·" a weak one, nothing inside a word.
func show(text string) string {
	rs := []rune(text)
	q := Rate(rs)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			switch q[i] {
			case Phrase:
				b.WriteString("|")
			case Word:
				b.WriteString("/")
			case Weak:
				b.WriteString("·")
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestRate(t *testing.T) {
	for _, s := range []string{
		"上海市邮政管理局赴嘉定交通委开展交邮融合工作推进会",
		"青浦邮政管理局参加维护快递员合法权益座谈会",
		"中国邮政集团有限公司上海邮政国际业务分公司跨国攻坚",
		"4月15日，“暖蜂驿站”关爱服务月启动仪式在静安区大宁路街道举行",
		"浦东邮政管理局参加浦东新区深化产业工人队伍建设改革工作推进会",
		"市委社会工作部调研浦东“聚蜂驿”圆通康桥站",
	} {
		t.Log(show(s))
	}
}

func TestLoadCost(t *testing.T) {
	t0 := time.Now()
	d := load(wordsTxt)
	t.Logf("load: %d words in %v", len(d.lines), time.Since(t0))
}

// The known bad title breaks are rated as such: inside a name, or weak.
func TestKnownBreaks(t *testing.T) {
	for _, c := range []struct {
		text, before string // the break before the first rune of `before`
		max          uint8
	}{
		{"上海市邮政管理局赴嘉定交通委开展", "委开展", Inside},
		{"青浦邮政管理局参加维护快递员合法权益座谈会", "快递员合法", Weak},
		{"上海邮政国际业务分公司跨国攻坚", "分公司", Weak},
		{"活动在静安区大宁路街道举行", "路街道", Inside},
		{"中国邮政集团有限公司上海邮政", "集团", Weak},
	} {
		rs := []rune(c.text)
		at := len([]rune(c.text[:strings.Index(c.text, c.before)]))
		if q := Rate(rs)[at]; q > c.max {
			t.Errorf("%s: break before %q rated %d, want at most %d (%s)", c.text, c.before, q, c.max, show(c.text))
		}
	}
	// and good breaks are not refused
	for _, c := range []struct{ text, before string }{
		{"青浦邮政管理局参加维护快递员合法权益座谈会", "参加"},
		{"上海市邮政管理局赴嘉定交通委开展", "开展"},
	} {
		at := len([]rune(c.text[:strings.Index(c.text, c.before)]))
		if q := Rate([]rune(c.text))[at]; q < Word {
			t.Errorf("%s: break before %q rated %d (%s)", c.text, c.before, q, show(c.text))
		}
	}
}

// Every position is rated, for any text, without a panic.
func TestRateAnyText(t *testing.T) {
	for _, s := range []string{"", "a", "中", "GB/T 9704-2012《党政机关公文格式》", "，，，“”", "\u3000中 文\n"} {
		if q := Rate([]rune(s)); len(q) != len([]rune(s))+1 {
			t.Errorf("%q: %d ratings", s, len(q))
		}
	}
}

// BenchmarkRate: the segmenter's cost per title (the list is loaded once,
// before the timer).
func BenchmarkRate(b *testing.B) {
	title := []rune("中国邮政集团有限公司上海邮政国际业务分公司跨国攻坚 特殊国际邮件获赠锦旗")
	Rate(title)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Rate(title)
	}
}

// BenchmarkLoad: indexing the embedded list, paid once per process.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		load(wordsTxt)
	}
}
