package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/display"
)

// The grid's tolerances.
//
// A character set on the character grid advances by exactly one cell, so a
// character wider than its cell runs into its neighbour. GB/T 9704's own
// grid is 28 三号 (16 pt) characters in a 156 mm text block: cells of
// 15.79 pt, 1.3 % narrower than the character, which the side bearings of
// Han glyphs absorb. A size up to 2 % larger than the cell passes
// (charSlack); more is an error.
//
// Lines overlap when the size is larger than the line pitch (or the role's
// own leading): an error. A pitch less than 1.2 × the size (tight) is
// allowed but noted: the lines all but touch.
//
// A grid the layout does not give is derived from the body size: as many
// characters per line as pass the character check (16 pt → 28, 14 pt → 32,
// 12 pt → 37 in the GB/T 9704 block), and as many lines as keep the line
// pitch at least 1.8 × the body size (lineFactor) (16 pt → 22, 14 pt → 25,
// 12 pt → 29): GB/T 9704's 22 lines are a pitch of 1.81 × 三号.
const (
	charSlackNum, charSlackDen   = 51, 50 // size ≤ 1.02 × character pitch
	lineFactorNum, lineFactorDen = 18, 10 // derived line pitch ≥ 1.8 × body size
	tightNum, tightDen           = 12, 10 // a pitch below 1.2 × size is noted
)

// charFits says whether a character of the size fits a cell of the pitch.
func charFits(size, pitch display.Len) bool {
	return size*charSlackDen <= pitch*charSlackNum
}

// charsFor is the most characters of the size a line of width w holds on
// the grid (1 to 100).
func charsFor(w, size display.Len) int {
	n := int(w * charSlackNum / (size * charSlackDen))
	for n > 1 && !charFits(size, w/display.Len(n)) {
		n--
	}
	return min(max(n, 1), 100)
}

// linesFor is the most lines a block of height h holds at a pitch of at
// least num/den × size (1 to 100).
func linesFor(h, size display.Len, num, den display.Len) int {
	n := int(h * den / (size * num))
	for n > 1 && (h/display.Len(n))*den < size*num {
		n--
	}
	return min(max(n, 1), 100)
}

// validSize is the size check of validate: a role whose size fails it has
// its error already.
func validSize(l Length) bool {
	return l.Set && !l.IsEm && l.Abs >= display.PtF(4) && l.Abs <= display.PtF(200)
}

// deriveGrid fills grid.lines and grid.chars the layout does not give (nor
// its base, or its base gave them for another body size: see followBody)
// from the body size, and notes that it did.
func (s *Spec) deriveGrid() {
	if s.gridLines != nil && s.gridChars != nil {
		return
	}
	size := s.Body.Size
	if !validSize(size) {
		// body.size has its error; keep the pitches defined
		if s.gridLines == nil {
			s.Grid.Lines = 22
		}
		if s.gridChars == nil {
			s.Grid.Chars = 28
		}
		return
	}
	var got []string
	if s.gridLines == nil {
		s.Grid.Lines = linesFor(s.BlockH(), size.Abs, lineFactorNum, lineFactorDen)
		got = append(got, fmt.Sprintf("grid.lines %d（每页 %d 行，行距不小于字号的 1.8 倍）", s.Grid.Lines, s.Grid.Lines))
	}
	if s.gridChars == nil {
		s.Grid.Chars = charsFor(s.BlockW(), size.Abs)
		got = append(got, fmt.Sprintf("grid.chars %d（每行 %d 字）", s.Grid.Chars, s.Grid.Chars))
	}
	s.Notes = append(s.Notes, &diag.Error{
		Pos: s.pos(size),
		Msg: fmt.Sprintf("按 body.size %s 推得 %s", ptStr(size.Abs), strings.Join(got, "、")),
		Hint: fmt.Sprintf("版式没有写出的网格随正文字号（改了 base 的 body.size 时，base 的网格不再沿用）；要固定网格，请写 grid: {lines: %d, chars: %d}",
			s.Grid.Lines, s.Grid.Chars),
	})
}

// fitRole is a role checked against the grid or its own leading.
type fitRole struct {
	name  string
	st    *Style
	chars bool    // set on the character grid: checked against the character pitch
	lead  *Length // its own leading; nil: the grid's line pitch
	what  string  // what its lines are, for messages about its own leading
}

// checkFit reports text that overlaps: a size larger than the line pitch
// or the role's own leading (lines overlap), or, for roles set on the
// character grid, larger than the character pitch (characters overlap).
// Each error is at the size, or at the grid value (or the page size or
// margin) when that is written nearer the layout loaded than the size (a
// layout that changes its base's grid hears about the base's sizes at its
// grid), so that it points at the change that made the overlap.
func (s *Spec) checkFit(errs *diag.List) {
	roles := []fitRole{
		{name: "body", st: &s.Body, chars: true},
		{name: "heading1", st: &s.Heading1, chars: true},
		{name: "heading2", st: &s.Heading2, chars: true},
		{name: "heading3", st: &s.Heading3, chars: true},
		{name: "note", st: &s.Note.Style, chars: true},
		{name: "subtitle", st: &s.Subtitle},
		{name: "closing", st: &s.Closing.Style},
		{name: "distribution", st: &s.Distribution.Style},
	}
	if s.Distribution.Leading.Abs > 0 {
		roles[len(roles)-1].lead, roles[len(roles)-1].what = &s.Distribution.Leading, "报送栏"
	}
	if validSize(s.Title.Size) && (!s.Title.Leading.Set || s.Title.Leading.IsEm || s.Title.Leading.Abs <= 0) {
		errs.Add(s.pos(s.Title.Size), "title.leading 应是不小于 title.size 的长度（pt 或 mm），标题各行按它排", "如 35pt")
	} else {
		roles = append(roles, fitRole{name: "title", st: &s.Title.Style, lead: &s.Title.Leading, what: "标题"})
	}
	if s.Caption.Leading.Abs > 0 { // 0: 1.5 × size
		roles = append(roles, fitRole{name: "caption", st: &s.Caption.Style, lead: &s.Caption.Leading, what: "图片说明"})
	}

	// Roles of the same size that fail the same way at the same place
	// make one message.
	type group struct {
		kind  string
		note  bool
		size  display.Len
		pos   diag.Pos
		roles []string
		msg   func(subject string) (string, string)
	}
	var groups []*group
	add := func(kind string, note bool, name string, size display.Len, pos diag.Pos, msg func(string) (string, string)) {
		for _, g := range groups {
			if g.kind == kind && g.note == note && g.size == size && g.pos == pos {
				g.roles = append(g.roles, name)
				return
			}
		}
		groups = append(groups, &group{kind: kind, note: note, size: size, pos: pos, roles: []string{name}, msg: msg})
	}
	bw, bh := s.BlockW(), s.BlockH()
	lp, cp := s.LinePitch(), s.CharPitch()
	// at is where to report a size that does not fit: at the size or at
	// the first of the values that made the room too small (the grid
	// value, then page and margins), whichever is written nearer the
	// layout loaded: the change that made the overlap. When they are
	// equally near, the grid is to blame if it is too fine for the body
	// size itself (gridBlamed), the size otherwise.
	at := func(size Length, gridBlamed bool, others ...*yaml.Node) diag.Pos {
		best, d := (*yaml.Node)(nil), s.depth(size.node)
		for _, o := range others {
			if o != nil && (s.depth(o) < d || gridBlamed && s.depth(o) == d) {
				best, d, gridBlamed = o, s.depth(o), false
			}
		}
		if best != nil {
			return s.nodePos(best)
		}
		return s.pos(size)
	}
	bodyLinesFail := validSize(s.Body.Size) && s.Body.Size.Abs*tightNum > lp*tightDen // overlapping or tight
	bodyCharsFail := validSize(s.Body.Size) && !charFits(s.Body.Size.Abs, cp)
	for _, r := range roles {
		size := r.st.Size
		if !validSize(size) || r.name != "body" && size.node != nil && size.node == s.Body.Size.node {
			continue // its error is reported, or it is the body size, checked as body
		}
		z := size.Abs
		if r.lead != nil {
			lead := r.lead.Abs
			pos := at(size, false, r.lead.node)
			field := r.name + ".leading"
			if z > lead {
				add("lead:"+r.name, false, r.name, z, pos, func(string) (string, string) {
					return fmt.Sprintf("%s.size %s 大于 %s %s，%s的上下行会重叠", r.name, ptStr(z), field, ptStr(lead), r.what),
						fmt.Sprintf("请加大 %s 或减小 %s.size", field, r.name)
				})
			} else if z*tightNum > lead*tightDen {
				add("lead:"+r.name, true, r.name, z, pos, func(string) (string, string) {
					return fmt.Sprintf("%s.size %s 的行距 %s 只有 %s，不到字号的 1.2 倍，%s的上下行几乎相接", r.name, ptStr(z), field, ptStr(lead), r.what),
						fmt.Sprintf("宜加大 %s 或减小 %s.size", field, r.name)
				})
			}
			continue
		}
		if s.gridBad {
			continue
		}
		linesNode, linesFrom := s.gridLines, ""
		if linesNode == nil {
			linesNode, linesFrom = s.Body.Size.node, fmt.Sprintf("，grid.lines 由 body.size %s 推得", ptStr(s.Body.Size.Abs))
		}
		lineHint := func(verb string) string {
			h := fmt.Sprintf("%s减小字号或减少 grid.lines（%s 的字每页最多排 %d 行）", verb, ptStr(z), linesFor(bh, z, 1, 1))
			if linesFrom != "" {
				h = fmt.Sprintf("%s减小字号，或写出 grid.lines（%s 的字每页最多排 %d 行）", verb, ptStr(z), linesFor(bh, z, 1, 1))
			}
			if r.name == "distribution" {
				h += "，或给 distribution 设 leading"
			}
			return h
		}
		pos := at(size, bodyLinesFail, linesNode, s.Page.Height.node, s.Margin.Top.node, s.Margin.Bottom.node)
		if z > lp {
			add("line", false, r.name, z, pos, func(subject string) (string, string) {
				return fmt.Sprintf("%s 大于每行行距 %s（版心高 %s ÷ grid.lines %d%s），上下行会重叠", subject, ptStr(lp), mmStr(bh), s.Grid.Lines, linesFrom),
					lineHint("请")
			})
		} else if z*tightNum > lp*tightDen {
			add("line", true, r.name, z, pos, func(subject string) (string, string) {
				return fmt.Sprintf("%s 的行距只有 %s（版心高 %s ÷ grid.lines %d%s），不到字号的 1.2 倍，上下行几乎相接", subject, ptStr(lp), mmStr(bh), s.Grid.Lines, linesFrom),
					lineHint("宜")
			})
		}
		if !r.chars {
			continue
		}
		charsNode, charsFrom := s.gridChars, ""
		if charsNode == nil {
			charsNode, charsFrom = s.Body.Size.node, fmt.Sprintf("，grid.chars 由 body.size %s 推得", ptStr(s.Body.Size.Abs))
		}
		if !charFits(z, cp) {
			add("char", false, r.name, z, at(size, bodyCharsFail, charsNode, s.Page.Width.node, s.Margin.Left.node, s.Margin.Right.node), func(subject string) (string, string) {
				hint := fmt.Sprintf("请减小字号或减少 grid.chars（%s 的字每行最多排 %d 个）", ptStr(z), charsFor(bw, z))
				if charsFrom != "" {
					hint = fmt.Sprintf("请减小字号，或写出 grid.chars（%s 的字每行最多排 %d 个）", ptStr(z), charsFor(bw, z))
				}
				return fmt.Sprintf("%s 大于每字宽度 %s（版心宽 %s ÷ grid.chars %d%s），相邻的字会重叠", subject, ptStr(cp), mmStr(bw), s.Grid.Chars, charsFrom), hint
			})
		}
	}
	for _, g := range groups {
		names := g.roles
		subject := names[0] + ".size " + ptStr(g.size)
		if len(names) > 1 {
			subject = strings.Join(names, "、") + " 的字号 " + ptStr(g.size)
		}
		msg, hint := g.msg(subject)
		if g.note {
			s.Notes = append(s.Notes, &diag.Error{Pos: g.pos, Msg: msg, Hint: hint})
		} else {
			errs.Add(g.pos, msg, hint)
		}
	}
}

// ptStr writes a length in points, to a tenth: 16pt, 15.2pt.
func ptStr(l display.Len) string {
	return strconv.FormatFloat(math.Round(float64(l)/100)/10, 'f', -1, 64) + "pt"
}

// mmStr writes a length in millimetres, to a tenth: 156mm.
func mmStr(l display.Len) string {
	return strconv.FormatFloat(math.Round(float64(l)*25.4/7200)/10, 'f', -1, 64) + "mm"
}
