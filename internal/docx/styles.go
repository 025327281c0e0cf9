package docx

import (
	"strconv"
	"strings"

	"jianbao/internal/manuscript"
)

// maxStyleDepth bounds w:basedOn chains (which may also be cyclic).
const maxStyleDepth = 20

// fontSlot is one w:rFonts attribute: a face name or a theme reference.
type fontSlot struct {
	name  string
	theme bool
}

// rProps are the run properties jianbao reads; nil means "not set here".
type rProps struct {
	b, vanish *bool
	ea, ascii *fontSlot
	sz        *int
}

// over returns r with the properties set in o replacing r's.
func (r rProps) over(o rProps) rProps {
	if o.b != nil {
		r.b = o.b
	}
	if o.vanish != nil {
		r.vanish = o.vanish
	}
	if o.ea != nil {
		r.ea = o.ea
	}
	if o.ascii != nil {
		r.ascii = o.ascii
	}
	if o.sz != nil {
		r.sz = o.sz
	}
	return r
}

// hints turns resolved properties into a run's hints.
func (r rProps) hints() hints {
	h := hints{font: fontOf(r), bold: r.b != nil && *r.b}
	if r.sz != nil {
		h.size = *r.sz
	}
	return h
}

func (r rProps) hidden() bool { return r.vanish != nil && *r.vanish }

// hints are the per-run hints of manuscript.Run.
type hints struct {
	bold bool
	font manuscript.Font
	size int
}

// onOff reads a toggle such as w:b: no w:val, or anything but
// "0"/"false"/"off"/"none", means on.
func onOff(n *node) *bool {
	v := true
	switch strings.ToLower(n.val()) {
	case "0", "false", "off", "none":
		v = false
	}
	return &v
}

func parseRPr(n *node) rProps {
	var r rProps
	if n == nil {
		return r
	}
	for _, k := range n.kids {
		switch {
		case k.w("b"):
			r.b = onOff(k)
		case k.w("vanish"):
			r.vanish = onOff(k)
		case k.w("sz"):
			if v, err := strconv.Atoi(strings.TrimSpace(k.val())); err == nil && v > 0 && v <= 3276 {
				r.sz = &v
			}
		case k.w("rFonts"):
			if t := k.wattr("eastAsiaTheme"); t != "" {
				r.ea = &fontSlot{name: t, theme: true}
			} else if f := k.wattr("eastAsia"); f != "" {
				r.ea = &fontSlot{name: f}
			}
			if t := k.wattr("asciiTheme"); t != "" {
				r.ascii = &fontSlot{name: t, theme: true}
			} else if f := k.wattr("ascii"); f != "" {
				r.ascii = &fontSlot{name: f}
			}
		}
	}
	return r
}

// fontOf maps the East Asian face (else the Latin one) to a font hint.
func fontOf(r rProps) manuscript.Font {
	slot := r.ea
	if slot == nil {
		slot = r.ascii
	}
	if slot == nil || slot.theme {
		return manuscript.FontOther
	}
	return fontHint(slot.name)
}

// fontHint classifies a face name. The order matters: 小标宋 and 仿宋
// contain 宋.
func fontHint(name string) manuscript.Font {
	n := strings.ToLower(strings.ReplaceAll(name, " ", ""))
	n = strings.ReplaceAll(n, "fangzheng", "") // 方正, the foundry
	has := func(subs ...string) bool {
		for _, s := range subs {
			if strings.Contains(n, s) {
				return true
			}
		}
		return false
	}
	switch {
	case has("小标宋", "标宋", "xiaobiaosong", "biaosong"):
		return manuscript.FontBiaoSong
	case has("仿宋", "fangsong", "fang"):
		return manuscript.FontFang
	case has("楷", "kaiti", "kai"):
		return manuscript.FontKai
	case has("黑", "simhei", "hei", "sanscjk", "hansans"):
		return manuscript.FontHei
	case has("宋", "simsun", "song", "serifcjk", "hanserif"):
		return manuscript.FontSong
	}
	return manuscript.FontOther
}

// pProps are the paragraph properties jianbao reads; nil means unset.
type pProps struct {
	jc      *manuscript.Align
	outline *int // 1-based level, 0 for explicitly none
	numID   *string
	ilvl    *int
}

func (p pProps) over(o pProps) pProps {
	if o.jc != nil {
		p.jc = o.jc
	}
	if o.outline != nil {
		p.outline = o.outline
	}
	if o.numID != nil {
		p.numID = o.numID
	}
	if o.ilvl != nil {
		p.ilvl = o.ilvl
	}
	return p
}

func parsePPr(n *node) pProps {
	var p pProps
	if n == nil {
		return p
	}
	if jc := n.child("jc"); jc != nil {
		a := manuscript.AlignLeft
		switch jc.val() {
		case "center":
			a = manuscript.AlignCenter
		case "right", "end":
			a = manuscript.AlignRight
		}
		p.jc = &a
	}
	if ol := n.child("outlineLvl"); ol != nil {
		if v, err := strconv.Atoi(strings.TrimSpace(ol.val())); err == nil {
			lvl := 0
			if v >= 0 && v < 9 {
				lvl = v + 1
			}
			p.outline = &lvl
		}
	}
	if np := n.child("numPr"); np != nil {
		if id := np.child("numId"); id != nil {
			v := strings.TrimSpace(id.val())
			p.numID = &v
		}
		if il := np.child("ilvl"); il != nil {
			if v, err := strconv.Atoi(strings.TrimSpace(il.val())); err == nil && v >= 0 && v < 9 {
				p.ilvl = &v
			}
		}
	}
	return p
}

// style is one w:style.
type style struct {
	id, typ, basedOn string
	norm             string // name lower-cased, spaces removed
	p                pProps
	r                rProps
}

// paraStyle is a paragraph style resolved through its basedOn chain, with
// the document defaults under it.
type paraStyle struct {
	id    string // the style's id ("" when none applies)
	p     pProps
	r     rProps
	title bool
}

type styleSheet struct {
	byID             map[string]*style
	defR             rProps
	defP             pProps
	defPara, defChar string
	pcache           map[string]*paraStyle
	rcache           map[string]rProps
}

func parseStyles(root *node) *styleSheet {
	s := &styleSheet{byID: map[string]*style{}, pcache: map[string]*paraStyle{}, rcache: map[string]rProps{}}
	if root == nil {
		return s
	}
	for _, top := range root.kids {
		for _, n := range top.kids {
			switch {
			case n.w("docDefaults"):
				s.defR = parseRPr(n.child("rPrDefault").child("rPr"))
				s.defP = parsePPr(n.child("pPrDefault").child("pPr"))
			case n.w("style"):
				st := &style{
					id:      n.wattr("styleId"),
					typ:     n.wattr("type"),
					basedOn: n.child("basedOn").val(),
					norm:    strings.ToLower(strings.ReplaceAll(n.child("name").val(), " ", "")),
					p:       parsePPr(n.child("pPr")),
					r:       parseRPr(n.child("rPr")),
				}
				if st.typ == "" {
					st.typ = "paragraph"
				}
				if _, dup := s.byID[st.id]; !dup {
					s.byID[st.id] = st
				}
				if d := n.wattr("default"); d == "1" || d == "true" || d == "on" {
					switch st.typ {
					case "paragraph":
						if s.defPara == "" {
							s.defPara = st.id
						}
					case "character":
						if s.defChar == "" {
							s.defChar = st.id
						}
					}
				}
			}
		}
	}
	return s
}

// chain returns the styles from the root of id's basedOn chain down to id,
// stopping at a cycle, a missing style, a style of another type or depth
// maxStyleDepth. A missing id falls back to the type's default style.
func (s *styleSheet) chain(id, typ, def string) []*style {
	st := s.byID[id]
	if st == nil || st.typ != typ {
		st = s.byID[def]
	}
	var rev []*style
	seen := map[*style]bool{}
	for st != nil && st.typ == typ && !seen[st] && len(rev) < maxStyleDepth {
		seen[st] = true
		rev = append(rev, st)
		st = s.byID[st.basedOn]
	}
	for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
		rev[i], rev[j] = rev[j], rev[i]
	}
	return rev
}

// headingLevel reads a heading level from a style name: heading 1…9,
// 标题 1…9.
func headingLevel(norm string) int {
	for _, prefix := range []string{"heading", "标题"} {
		if rest, ok := strings.CutPrefix(norm, prefix); ok && len(rest) == 1 && rest[0] >= '1' && rest[0] <= '9' {
			return int(rest[0] - '0')
		}
	}
	return 0
}

func isTitleStyle(st *style) bool {
	return st.norm == "title" || st.norm == "标题" || st.id == "Title"
}

func isSubtitleStyle(st *style) bool {
	return st.norm == "subtitle" || st.norm == "副标题" || st.id == "Subtitle"
}

// para resolves a paragraph style (the default one when id is "").
func (s *styleSheet) para(id string) *paraStyle {
	if ps, ok := s.pcache[id]; ok {
		return ps
	}
	ps := &paraStyle{p: s.defP, r: s.defR}
	for _, st := range s.chain(id, "paragraph", s.defPara) {
		ps.id = st.id
		p := st.p
		if p.outline == nil {
			if lvl := headingLevel(st.norm); lvl > 0 {
				p.outline = &lvl
			}
		}
		if p.jc == nil && isSubtitleStyle(st) {
			c := manuscript.AlignCenter
			p.jc = &c
		}
		ps.p = ps.p.over(p)
		ps.r = ps.r.over(st.r)
		if isTitleStyle(st) {
			ps.title = true
		}
	}
	s.pcache[id] = ps
	return ps
}

// char resolves a character style chain (the default one when id is "").
func (s *styleSheet) char(id string) rProps {
	if r, ok := s.rcache[id]; ok {
		return r
	}
	var r rProps
	for _, st := range s.chain(id, "character", s.defChar) {
		r = r.over(st.r)
	}
	s.rcache[id] = r
	return r
}

// run resolves a run's properties: document defaults, paragraph style
// chain, character style chain, direct formatting.
func (s *styleSheet) run(ps *paraStyle, rStyle string, direct rProps) rProps {
	return ps.r.over(s.char(rStyle)).over(direct)
}
