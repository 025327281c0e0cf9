package compose

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// mastheadOrgMilli caps the organisation lines of a masthead (every line
// but the last) at this fraction, in thousandths, of the main name's size,
// so that the bulletin name stays the largest line however much it shrinks.
const mastheadOrgMilli = 800

// editorMinMilli is how far, in thousandths of editor_line.size, the editor
// and date line may shrink (in editorStep steps) to stay on one line; past
// it the editor wraps at its own size.
const (
	editorMinMilli = 900
	editorStep     = 500 // 0.5 pt
)

// maxEditorLines is the most lines an editor may wrap onto: past it the
// name is an error rather than a page of masthead.
const maxEditorLines = 4

func (c *composer) issueLine(is *doc.Issue) string {
	il := c.spec.IssueLine
	f := il.Format
	switch {
	case is.Special != "":
		f = il.SpecialFormat
	case is.Total == 0:
		f = il.FormatNoTotal
	}
	r := strings.NewReplacer("{year}", strconv.Itoa(is.Year), "{number}", strconv.Itoa(is.Number),
		"{total}", strconv.Itoa(is.Total), "{special}", is.Special)
	return r.Replace(f)
}

// tenth rounds a size down to a tenth of a point.
func tenth(s Len) Len { return s - s%100 }

// mastheadSizes chooses the size of each masthead line: the main name (the
// last line) as large as fits up to masthead.size; the organisation lines
// above it one common size, the smallest any of them needs to fit, at most
// masthead.first_size and at most mastheadOrgMilli of the main name's size.
// A line that does not fit at its smallest allowed size is an error and
// gets size 0.
func (c *composer) mastheadSizes(ms []doc.Text) []Len {
	sp := c.spec
	w := sp.BlockW()
	n := len(ms)
	sizes := make([]Len, n)
	if n == 0 {
		return sizes
	}
	mainMax, orgMax := sp.Masthead.Size.Abs, sp.Masthead.Size.Abs
	if sp.Masthead.FirstSize.Set {
		orgMax = sp.Masthead.FirstSize.Abs
	}
	minSize := sp.Masthead.MinSize.Abs
	fits := make([]Len, n)
	for i, m := range ms {
		maxSize := mainMax
		if i < n-1 {
			maxSize = orgMax
		}
		st := c.f.style(styleKey{role: sp.Masthead.Font, size: maxSize})
		c.f.check(m.S, m.Pos, st)
		ln := c.nameLine(m.S, st)
		fits[i] = maxSize
		if ln.Width > w {
			fits[i] = tenth(maxSize * w / ln.Width)
		}
	}
	tooLong := func(m doc.Text, floor Len, advice string) {
		c.errs.Add(m.Pos, fmt.Sprintf("报头“%s”太长，缩到最小字号 %s pt 仍超出版心宽度", m.S, floor), advice)
	}
	main := fits[n-1]
	if main < minSize {
		advice := "请把报头分成两行（masthead 下写两项）"
		if n > 1 {
			advice = "请缩短简报名称，或把机关名称移到上一行"
		}
		tooLong(ms[n-1], minSize, advice)
	} else {
		sizes[n-1] = main
	}
	if n == 1 {
		return sizes
	}
	// The organisation lines stay below the main name: at most
	// mastheadOrgMilli of it. A line that fits at that cap needs no more,
	// even when the cap is below masthead.min_size.
	orgCap := tenth(max(main, minSize) * mastheadOrgMilli / 1000)
	floor := min(minSize, orgCap)
	org := min(orgMax, orgCap)
	ok := true
	for i, m := range ms[:n-1] {
		if fits[i] < floor {
			tooLong(m, floor, "请把这一行分成两行（masthead 下多写一项），或缩短这一行")
			ok = false
			continue
		}
		org = min(org, fits[i])
	}
	if ok {
		for i := range n - 1 {
			sizes[i] = org
		}
	}
	return sizes
}

func (c *composer) masthead(is *doc.Issue) {
	sp := c.spec
	left, w := sp.Left(), sp.BlockW()
	red := c.color(sp.Masthead.Color)
	top := sp.Top() + sp.Masthead.Top.Abs
	if marks := c.marks(is); marks > 0 {
		top = max(top, c.rowTop(marks)+c.pitch/8) // below the 份号 and 密级
	}
	var lastBase Len
	sizes := c.mastheadSizes(is.Masthead)
	for i, m := range is.Masthead {
		size := sizes[i]
		if size == 0 {
			continue // too long: reported
		}
		st := c.f.style(styleKey{role: sp.Masthead.Font, size: size})
		ln := c.nameLine(m.S, st)
		if i > 0 {
			top += sp.Masthead.LineGap.Of(size)
		}
		base := top + size*ascentMilli/1000
		c.emit(ln, "masthead", fmt.Sprintf("m%d", i+1), left+(w-ln.Width)/2, base, size, red)
		top += size
		lastBase = base
	}
	// Issue line, centred.
	il := sp.IssueLine
	base := lastBase + il.Gap.Abs
	ln := c.single(c.issueLine(is), diag.Pos{}, c.st(il.Style))
	c.emit(ln, "issue", "", left+(w-ln.Width)/2, base, il.Size.Abs, c.color(il.Color))
	// Editor left, date right on the editor's last line.
	base = c.editorLines(is, base+c.pitch)
	// The red rule.
	el := sp.EditorLine
	rr := sp.RedRule
	y := base + el.Size.Abs*(1000-ascentMilli)/1000 + rr.Gap.Abs
	c.rule("redrule", y, rr.Thickness.Abs, c.color(rr.Color))
	if rr.Double.Abs > 0 {
		c.rule("redrule2", y+rr.Thickness.Abs+display.MM(0.1)*10/10+rr.Double.Abs/2, rr.Double.Abs, c.color(rr.Color))
		y += rr.Thickness.Abs + rr.Double.Abs
	}
	bottom := y + rr.Thickness.Abs
	r := int((bottom - sp.Top() + c.pitch - 1) / c.pitch)
	c.row = r
}

// editorLines sets the editor (flush left at the inset) and the date (flush
// right at the inset) with the first baseline at base, and returns the
// baseline of the last line. The pair stays on one line if it fits at
// editor_line.size or a little smaller (editorMinMilli); otherwise the
// editor wraps at its own size onto as many grid lines as it needs and the
// date goes at the right of the last one.
func (c *composer) editorLines(is *doc.Issue, base Len) Len {
	sp := c.spec
	el := sp.EditorLine
	left, w := sp.Left(), sp.BlockW()
	inset := el.Inset.Of(el.Size.Abs)
	avail := w - 2*inset
	col := c.color(el.Color)
	nominal := el.Size.Abs
	est := c.st(el.Style)
	date := strings.NewReplacer("{year}", strconv.Itoa(is.Date.Year()), "{month}", strconv.Itoa(int(is.Date.Month())), "{day}", strconv.Itoa(is.Date.Day())).Replace(el.Date)
	ed := is.Editor.S
	if ed != "" {
		c.f.check(ed, is.Editor.Pos, est)
	}
	c.f.check(date, is.DatePos, est)
	emitDate := func(st int, size, y Len) {
		dl := c.measureLine(date, st)
		c.emit(dl, "date", "", left+w-inset-dl.Width, y, size, col)
	}
	if ed == "" {
		emitDate(est, nominal, base)
		return base
	}
	// One line, shrunk at most to editorMinMilli of the size.
	for size := nominal; size >= nominal*editorMinMilli/1000; size -= editorStep {
		st := c.f.style(styleKey{role: el.Font, size: size, bold: el.Bold})
		ln := c.measureLine(ed, st)
		if ln.Width+size+c.measureLine(date, st).Width <= avail {
			c.emit(ln, "editor", "", left+inset, base, size, col)
			emitDate(st, size, base)
			return base
		}
	}
	// Wrapped at the editor size; the last line leaves an em and the date.
	tail := nominal + c.measureLine(date, est).Width
	if c.measureLine(ed, est).Width > maxEditorLines*avail || utf8.RuneCountInString(ed) > maxEditorLines*4*sp.Grid.Chars {
		c.errs.Add(is.Editor.Pos, fmt.Sprintf("编印单位名称太长，超过 %d 行", maxEditorLines), "请缩短编印单位名称，或只写主要的编印单位")
		emitDate(est, nominal, base)
		return base
	}
	lines := c.wrapEditor(ed, est, avail, tail)
	switch {
	case lines == nil:
		c.errs.Add(is.Editor.Pos, "编印单位名称无法分行排下：有一段不能断开的字母或数字太长，或最后一段加上日期超出版心宽度", "请在单位名称之间加空格或顿号，或缩短编印单位名称")
		emitDate(est, nominal, base)
		return base
	case len(lines) > maxEditorLines:
		c.errs.Add(is.Editor.Pos, fmt.Sprintf("编印单位名称太长，超过 %d 行", maxEditorLines), "请缩短编印单位名称，或只写主要的编印单位")
	}
	for i, ln := range lines {
		if i > 0 {
			base += c.pitch
		}
		c.emit(ln, "editor", fmt.Sprintf("e%d", i+1), left+inset, base, nominal, col)
	}
	emitDate(est, nominal, base)
	return base
}

// isBreakSpace reports whether r is a space an editor line may break at
// (and drops there).
func isBreakSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// editorBreakOK says whether the editor may break before rune k: never
// inside a run of Latin letters or digits, before a mark that may not
// start a line, after one that may not end it, or inside —— and …….
func editorBreakOK(rs []rune, k int) bool {
	a, b := rs[k-1], rs[k]
	if isBreakSpace(a) || isBreakSpace(b) {
		return true
	}
	if a == '\u00a0' || b == '\u00a0' {
		return false
	}
	if linebreak.IsLatin(a) && linebreak.IsLatin(b) {
		return false
	}
	if linebreak.NoStart(b) || linebreak.NoEnd(a) {
		return false
	}
	if isDash(b) && (a == b || k+1 >= len(rs) || rs[k+1] != b) {
		return false // inside a —— or a lone connecting dash
	}
	return true
}

func isDash(r rune) bool { return r == '—' || r == '…' || r == '⸺' || r == '⋯' || r == '―' }

// unitEnds are the endings of official unit names: a break after one
// falls between two units, unless a unitHead follows.
var unitEnds = []string{"办公室", "委员会", "领导小组", "中心", "小组", "局", "厅", "办", "处", "部", "院", "会", "室", "所", "站", "队", "科", "署"}

// unitHeads start the name of a unit's own office or committee: a unit's
// name followed by one of them is one unit (教育局办公室, 区委党组).
var unitHeads = []string{"办公室", "办", "委员会", "党委", "党组", "党支部", "机关", "领导小组", "处", "科"}

// Costs of the editor's breaks: every line costs editorLineCost, so the
// fewest lines win; a break after “、”“，”“；” or at a space costs nothing,
// one after a unit's name editorUnitCost, one elsewhere inside a name
// editorMidCost; a last line of one or two characters editorLoneCost. The
// rest (at most 28² × 10) prefers full lines before the last.
const (
	editorLineCost = 1_000_000_000
	editorUnitCost = 100_000
	editorMidCost  = 300_000
	editorLoneCost = 500_000
)

// editorBreakCost is the cost of breaking before rune k.
func editorBreakCost(rs []rune, k int) int64 {
	a, b := rs[k-1], rs[k]
	if isBreakSpace(a) || isBreakSpace(b) || strings.ContainsRune("、，；", a) {
		return 0
	}
	before, after := string(rs[:k]), string(rs[k:])
	for _, u := range unitEnds {
		for p := range len(u) {
			if p > 0 && utf8.RuneStart(u[p]) && strings.HasSuffix(before, u[:p]) && strings.HasPrefix(after, u[p:]) {
				return editorMidCost // inside 办公室, 委员会 …
			}
		}
	}
	for _, h := range unitHeads {
		if strings.HasPrefix(after, h) {
			return editorMidCost // 教育局 | 办公室: one unit
		}
	}
	for _, u := range unitEnds {
		if strings.HasSuffix(before, u) {
			return editorUnitCost
		}
	}
	return editorMidCost
}

func trimBreakSpace(s string) string { return strings.TrimFunc(s, isBreakSpace) }

// wrapEditor breaks the editor text into lines of at most avail, the last
// of them leaving tail for the date; nil when it cannot.
func (c *composer) wrapEditor(text string, st int, avail, tail Len) []linebreak.Line {
	rs := []rune(text)
	n := len(rs)
	pos := []int{0}
	for k := 1; k < n; k++ {
		if editorBreakOK(rs, k) {
			pos = append(pos, k)
		}
	}
	pos = append(pos, n)
	best := make([]int64, len(pos))
	from := make([]int, len(pos))
	for k := 1; k < len(best); k++ {
		best[k] = math.MaxInt64
	}
	em := max(c.f.Size(st), 1)
	maxRunes := 4 * c.spec.Grid.Chars // no line holds more characters than this
	for jx := 1; jx < len(pos); jx++ {
		j := pos[jx]
		for ix := jx - 1; ix >= 0 && j-pos[ix] <= maxRunes; ix-- {
			i := pos[ix]
			s := trimBreakSpace(string(rs[i:j]))
			if s == "" {
				continue
			}
			wd := c.measureLine(s, st).Width
			if wd > avail {
				break // and longer lines are wider still
			}
			if best[ix] == math.MaxInt64 {
				continue
			}
			cost := int64(editorLineCost)
			if j == n {
				if wd+tail > avail {
					continue
				}
				if i > 0 && utf8.RuneCountInString(s) <= 2 {
					cost += editorLoneCost
				}
			} else {
				slack := int64((avail - wd) * 100 / em) // hundredths of an em
				cost += slack*slack/1000 + editorBreakCost(rs, j)
			}
			if t := best[ix] + cost; t < best[jx] {
				best[jx], from[jx] = t, ix
			}
		}
	}
	last := len(pos) - 1
	if best[last] == math.MaxInt64 {
		return nil
	}
	var out []linebreak.Line
	for jx := last; jx > 0; jx = from[jx] {
		out = append(out, c.measureLine(trimBreakSpace(string(rs[pos[from[jx]]:pos[jx]])), st))
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}
