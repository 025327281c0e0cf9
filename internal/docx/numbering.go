package docx

import (
	"strconv"
	"strings"
)

// level is one w:lvl of a list definition.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText, e.g. "%1、"
	restart *int   // w:lvlRestart; nil: restart after any shallower level
	isLgl   bool   // legal numbering: shallower levels shown as decimal
	pStyle  string // paragraph style tied to this level
	r       rProps // formatting of the label
}

type abstractNum struct {
	levels    [9]*level
	styleLink string // w:numStyleLink: the definition lives in a numbering style
}

type numDef struct {
	abstract  string
	overrides [9]struct {
		start *int
		lvl   *level
	}
}

// numbering holds the list definitions and the running counters.
type numbering struct {
	abstracts map[string]*abstractNum
	nums      map[string]*numDef
	styles    *styleSheet
	counters  map[string]*counter
}

type counter struct {
	val     [9]int
	started [9]bool
}

func atoi(s string) (int, bool) {
	v, err := strconv.Atoi(strings.TrimSpace(s))
	return v, err == nil
}

func parseLevel(n *node) (int, *level) {
	il, ok := atoi(n.wattr("ilvl"))
	if !ok || il < 0 || il >= 9 {
		return -1, nil
	}
	l := &level{format: "decimal"}
	if st := n.child("start"); st != nil {
		if v, ok := atoi(st.val()); ok && v >= 0 && v < 1<<20 {
			l.start = v
		}
	}
	if f := n.child("numFmt"); f != nil {
		l.format = f.val()
	}
	if t := n.child("lvlText"); t != nil {
		l.text = t.val()
	}
	if r := n.child("lvlRestart"); r != nil {
		if v, ok := atoi(r.val()); ok {
			l.restart = &v
		}
	}
	if lg := n.child("isLgl"); lg != nil {
		l.isLgl = *onOff(lg)
	}
	l.pStyle = n.child("pStyle").val()
	l.r = parseRPr(n.child("rPr"))
	return il, l
}

func parseNumbering(root *node, styles *styleSheet) *numbering {
	nb := &numbering{abstracts: map[string]*abstractNum{}, nums: map[string]*numDef{}, styles: styles, counters: map[string]*counter{}}
	if root == nil {
		return nb
	}
	for _, top := range root.kids {
		for _, n := range top.kids {
			switch {
			case n.w("abstractNum"):
				a := &abstractNum{styleLink: n.child("numStyleLink").val()}
				for _, k := range n.kids {
					if k.w("lvl") {
						if il, l := parseLevel(k); l != nil && a.levels[il] == nil {
							a.levels[il] = l
						}
					}
				}
				id := n.wattr("abstractNumId")
				if _, dup := nb.abstracts[id]; !dup {
					nb.abstracts[id] = a
				}
			case n.w("num"):
				d := &numDef{abstract: n.child("abstractNumId").val()}
				for _, o := range n.kids {
					if !o.w("lvlOverride") {
						continue
					}
					il, ok := atoi(o.wattr("ilvl"))
					if !ok || il < 0 || il >= 9 {
						continue
					}
					if so := o.child("startOverride"); so != nil {
						if v, ok := atoi(so.val()); ok && v >= 0 && v < 1<<20 {
							d.overrides[il].start = &v
						}
					}
					if lv := o.child("lvl"); lv != nil {
						if _, l := parseLevel(lv); l != nil {
							d.overrides[il].lvl = l
						}
					}
				}
				id := strings.TrimSpace(n.wattr("numId"))
				if _, dup := nb.nums[id]; !dup {
					nb.nums[id] = d
				}
			}
		}
	}
	return nb
}

// levels returns the effective levels of a list instance, following
// w:numStyleLink through numbering styles (a few steps at most).
func (nb *numbering) levels(numID string) (levels [9]*level, ok bool) {
	d := nb.nums[numID]
	if d == nil {
		return levels, false
	}
	a := nb.abstracts[d.abstract]
	for i := 0; a != nil && a.styleLink != "" && i < 5; i++ {
		st := nb.styles.byID[a.styleLink]
		if st == nil || st.p.numID == nil {
			break
		}
		linked := nb.nums[*st.p.numID]
		if linked == nil {
			break
		}
		a = nb.abstracts[linked.abstract]
	}
	if a == nil {
		return levels, false
	}
	levels = a.levels
	for i, o := range d.overrides {
		if o.lvl != nil {
			levels[i] = o.lvl
		}
		if o.start != nil && levels[i] != nil {
			l := *levels[i]
			l.start = *o.start
			levels[i] = &l
		}
	}
	return levels, true
}

// levelForStyle returns the level tied to a paragraph style by w:pStyle.
func (nb *numbering) levelForStyle(numID, styleID string) (int, bool) {
	levels, ok := nb.levels(numID)
	if !ok || styleID == "" {
		return 0, false
	}
	for i, l := range levels {
		if l != nil && l.pStyle == styleID {
			return i, true
		}
	}
	return 0, false
}

// next advances the counter of (numID, ilvl) and returns the label text
// and the level. bullet is set for bullet lists (the label is then "").
func (nb *numbering) next(numID string, ilvl int) (label string, lvl *level, bullet bool) {
	levels, ok := nb.levels(numID)
	if !ok || ilvl < 0 || ilvl >= 9 || levels[ilvl] == nil {
		return "", nil, false
	}
	lvl = levels[ilvl]
	c := nb.counters[numID]
	if c == nil {
		c = &counter{}
		nb.counters[numID] = c
	}
	if c.started[ilvl] {
		c.val[ilvl]++
	} else {
		c.val[ilvl], c.started[ilvl] = lvl.start, true
	}
	for d := ilvl + 1; d < 9; d++ {
		if l := levels[d]; l == nil || l.restart == nil || ilvl < *l.restart {
			c.started[d] = false
		}
	}
	if lvl.format == "bullet" {
		return "", lvl, true
	}
	var b strings.Builder
	t := lvl.text
	for i := 0; i < len(t); i++ {
		if t[i] != '%' || i+1 >= len(t) || t[i+1] < '1' || t[i+1] > '9' {
			b.WriteByte(t[i])
			continue
		}
		k := int(t[i+1] - '1')
		i++
		l := levels[k]
		if l == nil {
			continue
		}
		v := l.start
		if c.started[k] {
			v = c.val[k]
		}
		format := l.format
		if lvl.isLgl && k < ilvl {
			format = "decimal"
		}
		b.WriteString(formatNumber(v, format))
	}
	return b.String(), lvl, false
}

var (
	cnDigits    = []rune("〇一二三四五六七八九")
	legalDigits = []rune("零壹贰叁肆伍陆柒捌玖")
	heavenly    = []rune("甲乙丙丁戊己庚辛壬癸")
	earthly     = []rune("子丑寅卯辰巳午未申酉戌亥")
)

// formatNumber renders a counter value in a w:numFmt.
func formatNumber(v int, format string) string {
	switch format {
	case "none", "bullet":
		return ""
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	case "upperLetter", "lowerLetter":
		if v > 0 && v <= 780 {
			s := strings.Repeat(string(rune('A'+(v-1)%26)), (v-1)/26+1)
			if format == "lowerLetter" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "upperRoman", "lowerRoman":
		if v > 0 && v < 4000 {
			s := roman(v)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	case "chineseCounting", "japaneseCounting", "taiwaneseCounting":
		if v > 0 && v < 100 {
			return chineseNumber(v, cnDigits, []rune("十百千"), false)
		}
		if v >= 100 {
			return digitByDigit(v, cnDigits)
		}
	case "chineseCountingThousand", "taiwaneseCountingThousand", "japaneseDigitalTenThousand":
		if v > 0 && v < 10000 {
			return chineseNumber(v, cnDigits, []rune("十百千"), false)
		}
	case "chineseLegalSimplified", "japaneseLegal":
		if v > 0 && v < 10000 {
			return chineseNumber(v, legalDigits, []rune("拾佰仟"), true)
		}
	case "ideographDigital", "taiwaneseDigital":
		if v >= 0 {
			return digitByDigit(v, cnDigits)
		}
	case "ideographTraditional":
		if v > 0 {
			return string(heavenly[(v-1)%10])
		}
	case "ideographZodiac":
		if v > 0 {
			return string(earthly[(v-1)%12])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		switch {
		case v >= 1 && v <= 20:
			return string(rune(0x2460 + v - 1))
		case v >= 21 && v <= 35:
			return string(rune(0x3251 + v - 21))
		case v >= 36 && v <= 50:
			return string(rune(0x32B1 + v - 36))
		}
	case "decimalEnclosedParen":
		if v >= 1 && v <= 20 {
			return string(rune(0x2474 + v - 1))
		}
	case "decimalEnclosedFullstop":
		if v >= 1 && v <= 20 {
			return string(rune(0x2488 + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r - '0' + '０'
			}
			return r
		}, strconv.Itoa(v))
	}
	return strconv.Itoa(v)
}

func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}

func digitByDigit(v int, digits []rune) string {
	s := []rune(strconv.Itoa(v))
	for i, r := range s {
		if r >= '0' && r <= '9' {
			s[i] = digits[r-'0']
		}
	}
	return string(s)
}

// chineseNumber writes 1…9999 the way it is read: 十一, 二十, 一百零五,
// 一千零一十. legal keeps the 壹 before 拾 in 10…19.
func chineseNumber(v int, digits, units []rune, legal bool) string {
	ds := [4]int{v / 1000 % 10, v / 100 % 10, v / 10 % 10, v % 10}
	var out []rune
	zero := false
	for i, d := range ds {
		if d == 0 {
			if len(out) > 0 {
				zero = true
			}
			continue
		}
		if zero {
			out = append(out, '零')
			zero = false
		}
		unit := 3 - i // 3: thousands … 0: ones
		if !(unit == 1 && d == 1 && len(out) == 0 && !legal) {
			out = append(out, digits[d])
		}
		if unit > 0 {
			out = append(out, units[unit-1])
		}
	}
	return string(out)
}
