package proof

import "unicode"

// parens pairs the round brackets of either width and makes the
// half-width ones of a Chinese pair full-width.
func (c *checker) parens() {
	var stack []int
	for i, r := range c.rs {
		if c.prot[i] {
			continue
		}
		switch r {
		case '(', '（':
			stack = append(stack, i)
		case ')', '）':
			if len(stack) > 0 {
				c.parenPair(stack[len(stack)-1], i)
				stack = stack[:len(stack)-1]
			}
		}
	}
}

func (c *checker) parenPair(o, e int) {
	ho, he := c.rs[o] == '(', c.rs[e] == ')'
	if !ho && !he {
		return
	}
	ok := ho != he || c.hasHan(o+1, e) // （2026)  (一)  (见附件)
	if !ok {
		// Latin or digits inside: full-width only when the pair stands in
		// Chinese text on both sides, as "(1)加强" or "引进了(ABC)系统";
		// not "COVID-19 (Omicron)" nor "f(x)".
		_, lo := c.look(o, -1, true)
		_, ro := c.look(e, 1, true)
		ok = (chinese(lo) || edge(lo)) && (chinese(ro) || edge(ro)) && (chinese(lo) || chinese(ro))
	}
	if !ok {
		return
	}
	for _, i := range []int{o, e} {
		if r := c.rs[i]; r == '(' || r == ')' {
			to := toFull[r]
			c.add(i, i+1, ruleHalfwidth, "中文中使用了半角括号"+quoted(string(r)),
				"应为全角"+quoted(string(to)), string(to), true, to)
		}
	}
}

func isLetter(r rune) bool { return unicode.IsLetter(r) && !isHan(r) }

// notQuote reports a straight or right single quote that is an apostrophe
// (it's, Jones'), or a straight quote that is a foot or inch mark (5'10").
func (c *checker) notQuote(i int, open bool) bool {
	prev, next := rune(0), rune(0)
	if i > 0 {
		prev = c.rs[i-1]
	}
	if i+1 < len(c.rs) {
		next = c.rs[i+1]
	}
	if c.rs[i] != '"' && isLetter(prev) && (isLetter(next) || !open) {
		return true
	}
	return !open && isDigit(prev)
}

// quotes pairs the straight quotes with each other and with the curly
// ones, alternating open and close, and makes those of Chinese text
// curly. The repair is safe only when every quote of the kind in the
// paragraph pairs up.
func (c *checker) quotes() {
	c.quoteKind('"', '“', '”', "直引号", "应为中文左引号（“）", "应为中文右引号（”）")
	c.quoteKind('\'', '‘', '’', "直单引号", "应为中文左单引号（‘）", "应为中文右单引号（’）")
}

func (c *checker) quoteKind(straight, openR, closeR rune, name, openHint, closeHint string) {
	open := -1
	dirty := false
	var pairs [][2]int
	var straights []int
	paired := map[int]bool{}
	res := map[int]rune{}
	for i, r := range c.rs {
		if r != openR && r != closeR && r != straight || c.prot[i] {
			continue
		}
		switch r {
		case openR:
			if open >= 0 {
				dirty = true
			}
			open = i
		case closeR:
			if straight == '\'' && c.notQuote(i, open >= 0) {
				c.noq[i] = true
				continue
			}
			if open < 0 {
				dirty = true
				continue
			}
			pairs = append(pairs, [2]int{open, i})
			open = -1
		case straight:
			if c.notQuote(i, open >= 0) {
				c.noq[i] = true
				continue
			}
			straights = append(straights, i)
			if open >= 0 {
				res[i] = closeR
				pairs = append(pairs, [2]int{open, i})
				open = -1
			} else {
				res[i] = openR
				open = i
			}
		}
	}
	if open >= 0 {
		dirty = true
	}
	for _, p := range pairs {
		ch := c.chineseInside(p[0]+1, p[1]) || c.chineseAround(p[0]) || c.chineseAround(p[1])
		c.qchin[p[0]], c.qchin[p[1]] = ch, ch
		paired[p[0]], paired[p[1]] = true, true
	}
	for i, r := range c.rs {
		if (r == openR || r == closeR || r == straight) && !paired[i] && !c.noq[i] && !c.prot[i] {
			c.qchin[i] = c.chineseAround(i)
		}
	}
	for _, i := range straights {
		if !c.qchin[i] {
			continue // "Hello", 'world'
		}
		to := res[i]
		hint := openHint
		if to == closeR {
			hint = closeHint
		}
		if dirty {
			hint += "；本段引号不成对，请核对"
		} else {
			c.virt[i] = to
		}
		c.add(i, i+1, ruleQuote, "中文中使用了"+name+quoted(string(straight)), hint, string(to), !dirty, 0)
	}
}

// chineseInside reports Han or Chinese punctuation (not quotes) in [a,b).
func (c *checker) chineseInside(a, b int) bool {
	for i := a; i < b; i++ {
		if k := c.cls(i); k == cHan || k == cFull && !isQuote(c.rs[i]) {
			return true
		}
	}
	return false
}

// chineseAround reports Chinese text next to position i on either side.
func (c *checker) chineseAround(i int) bool {
	_, l := c.look(i, -1, true)
	_, r := c.look(i, 1, true)
	return chinese(l) || chinese(r)
}

// pairRunes lists the brackets and quotes that pair up, opener then closer.
var pairRunes = []rune("“”‘’《》〈〉（）()【】〔〕「」『』〖〗")

// closerOf returns the closer of an opener, or 0.
func closerOf(r rune) rune {
	if r < 0x28 || r > 0x3017 && r != 0xff08 {
		return 0
	}
	rs := pairRunes
	for k := 0; k < len(rs); k += 2 {
		if rs[k] == r {
			return rs[k+1]
		}
	}
	return 0
}

// openerOf returns the opener of a closer, or 0.
func openerOf(r rune) rune {
	if r < 0x29 || r > 0x3017 && r != 0xff09 {
		return 0
	}
	rs := pairRunes
	for k := 1; k < len(rs); k += 2 {
		if rs[k] == r {
			return rs[k-1]
		}
	}
	return 0
}

// kindOf folds the two widths of round brackets together.
func kindOf(r rune) rune {
	if r == '(' {
		return '（'
	}
	return r
}

// unbalanced reports the brackets and quotes that do not pair up, after
// the repairs (a straight quote counts once it is made curly).
func (c *checker) unbalanced() {
	type open struct {
		kind rune
		i    int
	}
	var stack []open
	count := map[rune]int{} // openers of each kind on the stack
	for i, r := range c.virt {
		if r < 0x28 || r > 0x3017 && r < 0xff08 || r > 0xff09 || c.prot[i] || c.noq[i] {
			continue
		}
		if closerOf(r) != 0 {
			stack = append(stack, open{kindOf(r), i})
			count[kindOf(r)]++
			continue
		}
		o := openerOf(r)
		if o == 0 {
			continue
		}
		if count[kindOf(o)] == 0 {
			c.unmatched(i, false)
			continue
		}
		k := len(stack) - 1
		for stack[k].kind != kindOf(o) {
			k--
		}
		for _, s := range stack[k+1:] {
			c.unmatched(s.i, true)
			count[s.kind]--
		}
		count[kindOf(o)]--
		stack = stack[:k]
	}
	for _, s := range stack {
		c.unmatched(s.i, true)
	}
}

func (c *checker) unmatched(i int, opener bool) {
	r := c.virt[i]
	if (r == '(' || r == ')') && !c.chineseAround(i) {
		return // a) b) in Latin text
	}
	hint := "请检查是否漏写、多写或套错"
	var msg string
	if opener {
		msg = quoted(string(r)) + "没有配对的" + quoted(string(closerOf(r)))
		if r == '“' || r == '‘' {
			hint += "；引文跨段时可不改"
		}
	} else {
		msg = quoted(string(r)) + "前面没有配对的" + quoted(string(openerOf(r)))
	}
	c.add(i, i+1, ruleUnbalanced, msg, hint, "", false, 0)
}
