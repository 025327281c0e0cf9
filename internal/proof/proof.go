package proof

import (
	"slices"
	"strings"
	"sync/atomic"
)

// Finding is one problem in a text.
type Finding struct {
	Start, End int    // byte offsets of the problem in the text checked
	Rule       string // stable id: "halfwidth-punct", "straight-quote", "unbalanced", "typed-space", "dash", "ellipsis", "repeated-punct"
	Msg        string // what is wrong, Chinese, quoting the characters, e.g. 中文中使用了半角逗号“,”
	Hint       string // what to do, e.g. 应为全角“，”
	Fix        string // replacement for text[Start:End] when Safe
	Safe       bool   // the repair is certain enough to apply without asking
}

// The rule ids.
const (
	ruleHalfwidth  = "halfwidth-punct"
	ruleQuote      = "straight-quote"
	ruleUnbalanced = "unbalanced"
	ruleSpace      = "typed-space"
	ruleDash       = "dash"
	ruleEllipsis   = "ellipsis"
	ruleRepeated   = "repeated-punct"
)

// netTrips counts the paragraphs whose safe repairs were withdrawn because
// applying them would not have been final (see Check); unsettled those
// whose repairs did not settle in the rounds of check. Tests watch them.
var netTrips, unsettled atomic.Int64

// Check finds the problems in one paragraph of text (already joined; it
// may contain "\n" where a source line ended — "\n" is treated like a
// space that is not a typed space). Findings are sorted by Start; safe
// findings never overlap each other.
func Check(text string) []Finding {
	fs := check(text)
	if !anySafe(fs) {
		return fs
	}
	// The safe repairs must be final: checking the repaired text must find
	// nothing more to repair. The rules are built for that; should they
	// ever fail, nothing is repaired unasked.
	if anySafe(check(Apply(text, fs))) {
		netTrips.Add(1)
		for i := range fs {
			fs[i].Safe = false
		}
	}
	return fs
}

// Apply returns text with every safe finding's Fix applied. Findings that
// are out of range or overlap an earlier safe finding are ignored.
func Apply(text string, fs []Finding) string {
	var safe []Finding
	for _, f := range fs {
		if f.Safe && 0 <= f.Start && f.Start <= f.End && f.End <= len(text) {
			safe = append(safe, f)
		}
	}
	if len(safe) == 0 {
		return text
	}
	slices.SortStableFunc(safe, cmpFinding)
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, f := range safe {
		if f.Start < pos {
			continue
		}
		b.WriteString(text[pos:f.Start])
		b.WriteString(f.Fix)
		pos = f.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

func anySafe(fs []Finding) bool {
	for _, f := range fs {
		if f.Safe {
			return true
		}
	}
	return false
}

func cmpFinding(a, b Finding) int {
	if a.Start != b.Start {
		return a.Start - b.Start
	}
	if a.End != b.End {
		return a.End - b.End
	}
	return strings.Compare(a.Rule, b.Rule)
}

// checker holds one paragraph while the rules look at it. Positions are
// rune indexes; off maps them to byte offsets.
type checker struct {
	rs    []rune
	off   []int  // byte offset of rs[i]; off[len(rs)] is the text length
	virt  []rune // the text as it will be after the safe repairs decided so far
	full  []bool // position becomes full-width punctuation by a safe repair
	next  []rune // virt being built by the current round
	nfull []bool
	prot  []bool     // inside a URL, e-mail address or HTML entity
	taken []bool     // part of a run of three or more dots (the ellipsis rule's)
	owned []bool     // typed spaces inside a repeated-punct finding
	qchin []bool     // a quotation mark of Chinese text
	noq   []bool     // a quote character that is an apostrophe or inch mark
	twin  []bool     // an ambiguous mark doubled: —— ……
	skip  [4][]int32 // see buildSkips
	hans  []int32    // hans[i] counts the Han characters before position i
	fs    []Finding
}

func check(text string) []Finding {
	if text == "" {
		return nil
	}
	c := &checker{}
	c.rs = make([]rune, 0, len(text))
	c.off = make([]int, 0, len(text)+1)
	for i, r := range text { // an invalid byte is one U+FFFD
		c.rs = append(c.rs, r)
		c.off = append(c.off, i)
	}
	c.off = append(c.off, len(text))
	n := len(c.rs)
	runes := make([]rune, 2*n)
	c.virt, c.next = runes[:n:n], runes[n:]
	copy(c.virt, c.rs)
	bools := make([]bool, 8*n)
	for _, p := range []*[]bool{&c.full, &c.nfull, &c.prot, &c.taken, &c.owned, &c.qchin, &c.noq, &c.twin} {
		*p, bools = bools[:n:n], bools[n:]
	}
	ints := make([]int32, 5*n+1)
	for k := range c.skip {
		c.skip[k], ints = ints[:n:n], ints[n:]
	}
	c.hans = ints
	c.protect()
	c.buildSkips()
	c.markDotRuns()

	// The punctuation rules depend on each other's repairs ("(一),"), so
	// they run in rounds until the repairs they decide stop changing.
	// Repairs only ever make neighbours more Chinese, so this ends quickly.
	settled := false
	for round := 0; round < 8 && !settled; round++ {
		c.fs = c.fs[:0]
		copy(c.next, c.rs)
		clear(c.nfull)
		clear(c.owned)
		c.ellipses()
		c.dashes()
		c.parens()
		c.clusters()
		settled = slices.Equal(c.next, c.virt) && slices.Equal(c.nfull, c.full)
		c.virt, c.next = c.next, c.virt
		c.full, c.nfull = c.nfull, c.full
	}
	if !settled {
		unsettled.Add(1)
	}
	c.quotes()
	c.spaces()
	c.unbalanced()

	fs := c.fs
	slices.SortFunc(fs, cmpFinding)
	end := 0
	for i := range fs {
		if !fs[i].Safe {
			continue
		}
		// A long chain of marks that each make the next one Chinese
		// ("工--...--...--...") has not settled: nothing is certain.
		if fs[i].Start < end || !settled {
			fs[i].Safe = false
			continue
		}
		end = fs[i].End
	}
	return fs
}

// add records a finding over positions [a,b). A safe finding also
// records, for the next round, that the positions become full-width
// punctuation r (0 keeps them as they are).
func (c *checker) add(a, b int, rule, msg, hint, fix string, safe bool, r rune) {
	c.fs = append(c.fs, Finding{
		Start: c.off[a], End: c.off[b], Rule: rule,
		Msg: msg, Hint: hint, Fix: fix, Safe: safe,
	})
	if safe && r != 0 {
		for k := a; k < b; k++ {
			c.next[k] = r
			c.nfull[k] = true
		}
	}
}

// quoted wraps s in Chinese quotation marks for a message.
func quoted(s string) string { return "“" + s + "”" }

func (c *checker) str(a, b int) string { return string(c.rs[a:b]) }
