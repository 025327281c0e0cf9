package proof

import "strings"

// toFull maps the half-width marks to their full-width forms.
var toFull = map[rune]rune{
	',': '，', '.': '。', ':': '：', ';': '；', '!': '！', '?': '？',
	'(': '（', ')': '）',
}

var markName = map[rune]string{
	',': "逗号", '.': "句号", ':': "冒号", ';': "分号", '!': "叹号",
	'?': "问号", '(': "括号", ')': "括号",
}

// isClusterMark reports the pause and stop marks, either width.
func isClusterMark(r rune) bool {
	switch r {
	case ',', '.', ':', ';', '!', '?', '，', '。', '：', '；', '！', '？', '、':
		return true
	}
	return false
}

func fullForm(r rune) rune {
	if f, ok := toFull[r]; ok {
		return f
	}
	return r
}

func (c *checker) clusterAt(i int) bool {
	return isClusterMark(c.rs[i]) && !c.prot[i] && !c.taken[i]
}

// clusters finds the runs of pause and stop marks (typed spaces may
// separate them) and judges each: a single half-width mark by its
// context, a run as a repetition.
func (c *checker) clusters() {
	n := len(c.rs)
	for i := 0; i < n; {
		if !c.clusterAt(i) {
			i++
			continue
		}
		marks := []int{i}
		k := i + 1
		for {
			m := k
			for m < n && isTypedSpace(c.rs[m]) {
				m++
			}
			if m >= n || !c.clusterAt(m) {
				break
			}
			marks = append(marks, m)
			k = m + 1
		}
		if len(marks) == 1 {
			c.single(i)
		} else {
			c.repeated(marks)
		}
		i = k
	}
}

// repeated judges a run of two or more marks.
func (c *checker) repeated(marks []int) {
	a, b := marks[0], marks[len(marks)-1]+1
	hasFull := false
	same := true
	bang := true
	first := fullForm(c.rs[a])
	for _, m := range marks {
		r := c.rs[m]
		if _, half := toFull[r]; !half {
			hasFull = true
		}
		f := fullForm(r)
		same = same && f == first
		bang = bang && (f == '！' || f == '？')
	}
	_, lt := c.look(a, -1, true)
	_, rt := c.look(b-1, 1, true)
	if !hasFull && !chinese(lt) && !chinese(rt) {
		return // "Wow!!", "a,,b": not Chinese
	}
	s := c.str(a, b)
	for k := a; k < b; k++ {
		c.owned[k] = true
	}
	switch {
	case same && strings.ContainsRune("，、；：", first),
		same && first == '。' && strings.ContainsRune(s, '。'):
		fix := string(first)
		c.add(a, b, ruleRepeated, "标点重复"+quoted(s), "只保留一个"+quoted(fix), fix, true, first)
	case same && first == '。':
		c.add(a, b, ruleRepeated, "标点重复"+quoted(s), "应为"+quoted("。")+"或"+quoted("……"), "", false, 0)
	case same:
		c.add(a, b, ruleRepeated, "标点连用"+quoted(s), "一般只用一个全角"+quoted(string(first)), string(first), false, 0)
	case bang:
		c.add(a, b, ruleRepeated, "标点连用"+quoted(s), "问号叹号连用请斟酌，应为全角", "", false, 0)
	default:
		c.add(a, b, ruleRepeated, "标点连用"+quoted(s), "请只保留一个合适的标点", "", false, 0)
	}
}

type verdict uint8

const (
	vNone verdict = iota
	vWarn
	vSafe
)

// single judges one pause or stop mark.
func (c *checker) single(i int) {
	r := c.rs[i]
	to, half := toFull[r]
	if !half {
		return
	}
	_, lim := c.look(i, -1, false)
	_, lt := c.look(i, -1, true)
	_, rim := c.look(i, 1, false)
	_, rt := c.look(i, 1, true)
	if lim == cWord && rim == cWord {
		return // 3.5, 1,000, 12:30, v1.2.3, No.1, report.pdf, a;b
	}
	v := vNone
	hint := "如属中文语句，应为全角" + quoted(string(to))
	switch r {
	case ',', ';', '?':
		if chinese(lt) || chinese(rt) {
			v = vSafe
		}
	case ':':
		switch {
		case chinese(lt), c.hanNext(i):
			v = vSafe // 要求:  附件1:工作方案
		case chinese(rt):
			v = vWarn
		}
	case '!':
		switch {
		case chinese(lt):
			v = vSafe
		case chinese(rt):
			v = vWarn // Yahoo!的
		}
	case '.':
		v = c.period(i)
		hint = "如是句末，应为" + quoted("。")
	}
	if v == vNone {
		return
	}
	msg := "中文中使用了半角" + markName[r] + quoted(string(r))
	if v == vSafe {
		hint = "应为全角" + quoted(string(to))
	}
	c.add(i, i+1, ruleHalfwidth, msg, hint, string(to), v == vSafe, to)
}

// hanNext reports Han or Chinese punctuation right after i, with no
// quotation mark between (it could still change) and no space that stays.
// Spaces before full-width punctuation are removed, so they do not count.
func (c *checker) hanNext(i int) bool {
	j := i + 1
	for j < len(c.rs) && isTypedSpace(c.rs[j]) {
		j++
	}
	if j >= len(c.rs) || isQuote(c.rs[j]) {
		return false
	}
	k := c.cls(j)
	return k == cFull || k == cHan && j == i+1
}

// period judges a "." that is not between two words.
func (c *checker) period(i int) verdict {
	lj, lt := c.look(i, -1, true)
	ri, rim := c.look(i, 1, false)
	_, rt := c.look(i, 1, true)
	if chinese(lt) {
		switch rim {
		case cWord:
			if fileExts[strings.ToLower(c.wordAt(ri))] {
				return vNone // 工作方案.docx
			}
			if c.enumAt(ri) {
				return vSafe // 加强领导.2.落实责任
			}
			return vWarn // 阿里巴巴.US
		case cPunct:
			return vWarn
		}
		return vSafe // 完成了.下一步  要求”.  结束.
	}
	numEnd := lt == cPunct && isNumSuffix(c.virt[lj])
	if lt != cWord && !numEnd || rim == cWord || !chinese(rt) && !edge(rt) {
		return vNone
	}
	s := lj
	for s > 0 && (isASCIIAlnum(c.rs[s-1]) || c.virt[s-1] == '.' || isNumSuffix(c.rs[s-1])) {
		s--
	}
	for s < lj && c.virt[s] == '.' {
		s++
	}
	word := c.str(s, lj+1)
	last := c.rs[lj]
	switch {
	case c.prot[lj] || isDotted(word):
		return vSafe // 请访问www.gov.cn.  详见report.pdf.
	case isDigit(last) || isNumSuffix(last):
		if allDigits(word) && len(word) <= 3 && c.enumStart(s) {
			return vNone // 1.加强组织领导
		}
		if rt == cHan && isDigit(last) {
			return vWarn // 增长3.下一步
		}
		return vSafe // 同比增长12.3%.  增长4.9%.经济
	case isAbbrev(word):
		return vNone // e.g.  Inc.  U.S.
	case rt == cHan:
		return vWarn
	case c.hasHan(0, len(c.rs)) && !c.latinBefore(lj):
		return vWarn
	}
	return vNone
}

func allDigits(s string) bool {
	for _, r := range s {
		if !isDigit(r) {
			return false
		}
	}
	return s != ""
}

// isAbbrev reports the words whose final dot is theirs: Inc. e.g. U.S. J.
func isAbbrev(w string) bool {
	if abbrevs[strings.ToLower(w)] {
		return true
	}
	if k := strings.LastIndexByte(w, '.'); k >= 0 {
		return len(w)-k-1 <= 1 // e.g  U.S  Ph.D
	}
	return len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z'
}

// isDotted reports a host or file name: www.gov.cn, report.pdf, Node.js.
func isDotted(w string) bool {
	k := strings.LastIndexByte(w, '.')
	if k <= 0 || len(w)-k-1 < 2 {
		return false
	}
	for _, r := range w[k+1:] {
		if !isASCIILetter(r) {
			return false
		}
	}
	return !strings.Contains(w, "..") && !abbrevs[strings.ToLower(w)]
}

// enumStart reports whether a number starting at s stands where an
// enumerator does: at the start of a line or after punctuation or space.
func (c *checker) enumStart(s int) bool {
	if s > 0 && isTypedSpace(c.rs[s-1]) && !c.enumAt(s) {
		// A space between Han and the number is removed, and then the
		// number follows Han: 用 0. is 用0.
		q := s - 1
		for q >= 0 && isTypedSpace(c.rs[q]) {
			q--
		}
		return c.cls(q) != cHan
	}
	switch c.cls(s - 1) {
	case cBound, cNL, cSpace, cFull:
		return true
	}
	return false
}

// latinBefore reports whether the stretch before i (back to Chinese
// text or the line start) is a Latin phrase: two words with a space.
func (c *checker) latinBefore(i int) bool {
	seenWord, seenSpace := false, false
	for j := i; j >= 0; j-- {
		switch classOf(c.virt[j]) {
		case cHan, cFull, cNL:
			return false
		case cWord:
			if seenSpace && seenWord {
				return true
			}
			seenWord = true
		case cSpace:
			if seenWord {
				seenSpace = true
			}
		}
	}
	return false
}
