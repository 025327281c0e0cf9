package layout

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"jianbao/internal/display"
)

// Length is a YAML length: "37mm", "16pt", "0.25em", or a Chinese size
// name such as "三号" or "3号" (16 pt). Em lengths are relative to the size
// of the element they belong to.
type Length struct {
	Abs     display.Len
	MilliEm int64 // thousandths of an em; used when IsEm
	IsEm    bool
	Set     bool
	Line    int
	Col     int

	node *yaml.Node // where it is written: Spec.pos finds the file
}

// Of resolves the length for an element of the given font size.
func (l Length) Of(size display.Len) display.Len {
	if l.IsEm {
		return size * display.Len(l.MilliEm) / 1000
	}
	return l.Abs
}

// Chinese size names (字号) in points.
var sizeNames = map[string]float64{
	"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18,
	"三号": 16, "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9,
	"六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5,
}

// sizeName looks up a 字号 written any of the ways people write it: 四号,
// 4号, 4 号, ４号, 小四, 小4, 小四号, 小4号, 小 4 号, 小初号.
func sizeName(s string) (float64, bool) {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
		case r >= '1' && r <= '8':
			b.WriteRune([]rune("一二三四五六七八")[r-'1'])
		case r >= '１' && r <= '８':
			b.WriteRune([]rune("一二三四五六七八")[r-'１'])
		default:
			b.WriteRune(r)
		}
	}
	n := b.String()
	if strings.HasPrefix(n, "小") {
		n = strings.TrimSuffix(n, "号")
	}
	pt, ok := sizeNames[n]
	return pt, ok
}

// UnmarshalYAML parses a length.
func (l *Length) UnmarshalYAML(n *yaml.Node) error {
	l.Line, l.Col, l.node = n.Line, n.Column, n
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: 长度应写成 37mm、16pt、0.25em 或 三号", n.Line)
	}
	s := strings.TrimSpace(n.Value)
	if pt, ok := sizeName(s); ok {
		l.Abs, l.Set = display.PtF(pt), true
		return nil
	}
	for _, u := range []string{"mm", "pt", "em"} {
		if strings.HasSuffix(s, u) {
			v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, u)), 64)
			if err != nil || v < 0 || v > 10000 {
				break
			}
			l.Set = true
			switch u {
			case "mm":
				l.Abs = display.MM(v)
			case "pt":
				l.Abs = display.PtF(v)
			case "em":
				l.IsEm, l.MilliEm = true, int64(v*1000+0.5)
			}
			return nil
		}
	}
	return fmt.Errorf("line %d: 长度 %q 无法识别，应写成 37mm、16pt、0.25em 或 三号", n.Line, s)
}
