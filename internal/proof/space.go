package proof

import "strings"

// spaces judges the runs of typed spaces.
func (c *checker) spaces() {
	n := len(c.rs)
	type run struct{ a, b int }
	var runs []run
	hanHan := 0
	for i := 0; i < n; {
		if !isTypedSpace(c.rs[i]) {
			i++
			continue
		}
		j := i
		for j < n && isTypedSpace(c.rs[j]) {
			j++
		}
		runs = append(runs, run{i, j})
		if i > 0 && j < n && isHan(c.rs[i-1]) && isHan(c.rs[j]) && !c.usualSpace(i, j) {
			hanHan++
		}
		i = j
	}
	for _, r := range runs {
		c.spaceRun(r.a, r.b, hanHan)
	}
}

// spaceSide classifies the character at i next to a space run, d being
// the direction away from the run.
func (c *checker) spaceSide(i, d int) class {
	r := c.virt[i]
	switch {
	case isQuote(c.rs[i]):
		if c.qchin[i] {
			return cFull
		}
		return cPunct
	case c.full[i]:
		return cFull
	case isNumSuffix(r):
		return cWord // 增长5% 全年
	case d > 0 && (r == '+' || r == '-') && i+1 < len(c.rs) && isDigit(c.rs[i+1]):
		return cWord // 气温 -5℃
	}
	return c.cls(i)
}

// family groups the characters whose runs the rules read as one mark.
func family(r rune) int {
	switch {
	case isDashChar(r):
		return 1
	case r == '.' || r == '。' || isEllipsisChar(r) || isMidDot(r):
		return 2
	}
	return 0
}

func spaceName(s string) string {
	switch {
	case strings.ContainsRune(s, '\u3000'):
		return "全角空格"
	case strings.ContainsRune(s, '\u00a0'):
		return "不换行空格"
	case strings.ContainsRune(s, '\t'):
		return "制表符"
	case strings.Trim(s, " ") == "":
		return "空格"
	}
	return "空白"
}

func (c *checker) spaceRun(a, b, hanHan int) {
	if a == 0 || b == len(c.rs) || c.owned[a] {
		return // indentation, trailing space, or part of a repetition
	}
	l, r := c.spaceSide(a-1, -1), c.spaceSide(b, 1)
	if l == cNL || r == cNL {
		return
	}
	if isQuote(c.rs[a-1]) && r == cWord || l == cWord && isQuote(c.rs[b]) {
		return // Latin side of a quote; an apostrophe (it's) depends on it
	}
	if f := family(c.virt[a-1]); f != 0 && f == family(c.virt[b]) {
		return // removing it would make one run of two: "—— —", "… …"
	}
	if o := closerOf(c.virt[a-1]); o != 0 && c.virt[b] == o {
		return // a blank to fill in: （　）
	}
	if c.enumAt(b) {
		return // 主要任务 1.加强组织 2.落实责任: the space separates items
	}
	name := spaceName(c.str(a, b))
	ctx := quoted(c.str(a-1, b+1))
	switch {
	case l == cFull || r == cFull:
		c.add(a, b, ruleSpace, "全角标点旁有多余的"+name+ctx, "删除"+name, "", true, 0)
	case l == cHan && r == cHan:
		c.hanSpace(a, b, hanHan, name, ctx)
	case l == cHan && r == cWord, l == cWord && r == cHan:
		c.add(a, b, ruleSpace, "汉字与字母数字之间有手工输入的"+name+ctx,
			"删除"+name+"（排版时会自动加间距）", "", true, 0)
	}
}

// chapterUnits end "第一章" "第3条" and the like, after which a space is
// the usual separator: 第一条　为了规范……
const chapterUnits = "章节条款编部篇"

const numerals = "一二三四五六七八九十百千零〇两0123456789"

// usualSpace reports the spaces between Han characters that belong:
// after "第一条" and the like, and between a date and its weekday.
func (c *checker) usualSpace(a, b int) bool {
	rs := c.rs
	if strings.ContainsRune(chapterUnits, rs[a-1]) {
		j := a - 2
		for j >= 0 && strings.ContainsRune(numerals, rs[j]) {
			j--
		}
		if j >= 0 && j < a-2 && rs[j] == '第' {
			return true // 第一条 为了规范
		}
	}
	return rs[a-1] == '日' && (rs[b] == '周' || rs[b] == '星' && b+1 < len(rs) && rs[b+1] == '期')
}

func (c *checker) hanSpace(a, b, hanHan int, name, ctx string) {
	rs := c.rs
	if c.usualSpace(a, b) {
		return
	}
	msg := "汉字之间有多余的" + name + ctx
	// Several spaces between Han characters, or one between two single
	// characters, look like a list of names (张三 李四 王五, 张　三).
	single := (a < 2 || !isHan(rs[a-2])) && (b+1 >= len(rs) || !isHan(rs[b+1]))
	if hanHan >= 2 || single {
		c.add(a, b, ruleSpace, msg, "如非有意分隔，应删除"+name, "", false, 0)
		return
	}
	c.add(a, b, ruleSpace, msg, "删除"+name, "", true, 0)
}

// enumAt reports a digit enumerator starting at i: "1." or "12、" before
// Han text. Spaces around "、" are removed anyway, so they do not count.
func (c *checker) enumAt(i int) bool {
	n := len(c.rs)
	j := i
	for j < n && j-i < 3 && isDigit(c.rs[j]) {
		j++
	}
	if j == i || j < n && isDigit(c.rs[j]) {
		return false
	}
	skip := func(k int) int {
		for k < n && isTypedSpace(c.rs[k]) {
			k++
		}
		return k
	}
	if j < n && c.rs[j] == '.' {
		j++
	} else if j = skip(j); j < n && (c.rs[j] == '、' || c.rs[j] == '．') {
		j = skip(j + 1)
	} else {
		return false
	}
	return j < n && (isHan(c.rs[j]) || isQuote(c.rs[j]))
}
