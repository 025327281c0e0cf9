package proof

import "strings"

const (
	ellipsis = "……"
	dash     = "——"
)

// markDotRuns takes the runs of three or more dots ("...", "。。。") away
// from the pause and stop marks: they are ellipses.
func (c *checker) markDotRuns() {
	n := len(c.rs)
	isDot := func(i int) bool { return (c.rs[i] == '.' || c.rs[i] == '。') && !c.prot[i] }
	for i := 0; i < n; {
		if !isDot(i) {
			i++
			continue
		}
		j := i
		for j < n && isDot(j) {
			j++
		}
		if j-i >= 3 {
			for k := i; k < j; k++ {
				c.taken[k] = true
			}
		}
		i = j
	}
}

func isMidDot(r rune) bool {
	switch r {
	case '·', '・', '•', '‧', '⋅':
		return true
	}
	return false
}

func isEllipsisChar(r rune) bool { return r == '…' || r == '⋯' }

// ellipses judges the runs of dots, of "…" and of middle dots. Runs that
// touch each other ("...…", "。。。···") share the context around them.
func (c *checker) ellipses() {
	n := len(c.rs)
	inRegion := func(k int) bool {
		return c.taken[k] || isEllipsisChar(c.rs[k]) || isMidDot(c.rs[k])
	}
	for i := 0; i < n; {
		if !inRegion(i) {
			i++
			continue
		}
		e := i
		for e < n && inRegion(e) {
			e++
		}
		_, lt := c.look(i, -1, true)
		_, rt := c.look(e-1, 1, true)
		zh := chinese(lt) || chinese(rt) || strings.ContainsRune(c.str(i, e), '。')
		for j := i; j < e; {
			var in func(int) bool
			switch r := c.rs[j]; {
			case c.taken[j]:
				in = func(k int) bool { return c.taken[k] }
			case isEllipsisChar(r):
				in = func(k int) bool { return isEllipsisChar(c.rs[k]) }
			default:
				in = func(k int) bool { return isMidDot(c.rs[k]) }
			}
			k := j
			for k < e && in(k) {
				k++
			}
			c.ellipsisRun(j, k, zh)
			j = k
		}
		i = e
	}
}

func (c *checker) ellipsisRun(a, b int, zh bool) {
	s := c.str(a, b)
	n := b - a
	if !zh && !strings.ContainsRune(s, '。') {
		return // wait...  1...3  Smith · Jones
	}
	msg := "省略号写成了" + quoted(s)
	hint := "应为" + quoted(ellipsis)
	switch r := c.rs[a]; {
	case r == '.' || r == '。':
		if n == 3 || n == 6 {
			c.add(a, b, ruleEllipsis, msg, hint, ellipsis, true, '…')
			return
		}
		c.add(a, b, ruleEllipsis, msg, hint+"；如是句末，只保留一个"+quoted("。"), ellipsis, false, 0)
	case isEllipsisChar(r):
		std := strings.Count(s, "…") == n
		switch {
		case n%2 == 0 && std:
		case n == 1:
			c.add(a, b, ruleEllipsis, msg, hint, ellipsis, true, '…')
		case n%2 == 0:
			c.add(a, b, ruleEllipsis, msg, hint, strings.Repeat("…", n), true, '…')
		default:
			c.add(a, b, ruleEllipsis, msg, hint, ellipsis, false, 0)
		}
	default:
		if n == 3 || n == 6 {
			c.add(a, b, ruleEllipsis, msg, hint, ellipsis, true, '…')
		}
	}
}

func isDashChar(r rune) bool {
	switch r {
	case '-', '—', '―', '─', '－':
		return true
	}
	return false
}

// dashes judges the runs of hyphens and dashes.
func (c *checker) dashes() {
	n := len(c.rs)
	for i := 0; i < n; {
		if !isDashChar(c.rs[i]) || c.prot[i] {
			i++
			continue
		}
		j := i
		for j < n && isDashChar(c.rs[j]) && !c.prot[j] {
			j++
		}
		c.dashRun(i, j)
		i = j
	}
}

func (c *checker) dashRun(a, b int) {
	s := c.str(a, b)
	n := b - a
	_, lim := c.look(a, -1, false)
	lj, lt := c.look(a, -1, true)
	ri, rim := c.look(b-1, 1, false)
	rj, rt := c.look(b-1, 1, true)
	if !chinese(lt) && !chinese(rt) {
		return // 2026-03-27, 1-3, COVID-19, e-mail
	}
	ends := (chinese(lt) || edge(lt)) && (chinese(rt) || edge(rt))
	msg := "破折号写成了" + quoted(s)
	hint := "应为" + quoted(dash)
	hyphens := strings.Count(s, "-")
	ems := strings.Count(s, "—")
	v := vWarn
	switch {
	case hyphens == n:
		switch {
		case n == 1:
			return // 北京-上海, 5G-A: a hyphen is not a dash
		case n == 2 && rim == cWord && isASCIILetter(c.rs[ri]):
			return // --help
		case n == 2 && ends:
			v = vSafe
		}
	case hyphens > 0:
	case ems == n && n%2 == 0:
		return // —— and ————
	case n == 1 && c.rs[a] == '－':
		return // a full-width minus or hyphen
	case n == 1:
		// One "—" is also the one-em connector of GB/T 15834 (北京—上海,
		// 2026年—2030年): only where it cannot be is it repaired.
		switch {
		case lim == cWord || rim == cWord || lt == cWord || rt == cWord,
			lt == cPunct || rt == cPunct:
			return
		case a > 0 && b < len(c.rs) && isHan(c.rs[a-1]) && isHan(c.rs[b]) &&
			c.hanChunk(lj, -1) <= 4 && c.hanChunk(rj, 1) <= 4:
			hint = "如是破折号，应为" + quoted(dash) + "；如是连接号，可保留"
		case ends:
			v = vSafe
		default:
			return
		}
	case n == 2 && ends:
		v = vSafe // －－  ――  ──  —―
	}
	c.add(a, b, ruleDash, msg, hint, dash, v == vSafe, '—')
}
