// Package linebreak breaks a paragraph of Chinese text (with Latin words and
// numbers) into justified lines: 禁则 (no line starts with closing
// punctuation, none ends with an opening one), inseparable —— and ……,
// unbroken Latin words and numbers, punctuation compression, the quarter-em
// gap between Han and Latin, justification to the measure, and no lone last
// character. Breaks are chosen over the whole paragraph by a small dynamic
// programme in the spirit of Knuth–Plass.
//
// It is pure: it measures through the Measurer interface and knows no
// fonts, pages or PDF.
package linebreak

import (
	"sync"
	"unicode"

	"github.com/go-text/typesetting/segmenter"

	"jianbao/internal/display"
)

// Len is the layout length unit (milli-points).
type Len = display.Len

// Measurer gives advances. Style is an opaque number chosen by the caller.
type Measurer interface {
	// Advance is the advance width of r in style at its size.
	Advance(r rune, style int) Len
	// Size is the font size (one em) of style.
	Size(style int) Len
}

// Run is a stretch of paragraph text in one style.
type Run struct {
	Text  string
	Style int
}

// Params controls a paragraph.
type Params struct {
	Width  Len // the measure
	Indent Len // first-line indent
	// Pitch, when positive, is the grid cell width: full-width characters
	// advance by exactly Pitch, so pure-Han lines sit on the grid.
	Pitch Len
	// CJKLatinGap is the gap between Han and Latin, in thousandths of an em
	// (250 = a quarter em); 0 for none.
	CJKLatinGap int64
	// CompressAlways compresses adjacent punctuation pairs even when the line
	// does not need it (otherwise compression is adjustment space only).
	CompressAlways bool
	// Ragged sets lines at their natural width (for centred titles) and
	// balances their lengths instead of justifying them.
	Ragged bool
	// Centered (with Ragged) drops the blank half of an opening mark that
	// starts a line and of a closing mark or stop that ends one, so that a
	// centred line's ink, not its em boxes, is centred.
	Centered bool
	// Protected lists words never broken across lines (leaders' names,
	// the unit's own names); the line is justified around them.
	Protected []string
	// Words (with Ragged) rates the break positions of a title, caption or
	// heading: Words(text)[i] is the quality of a break before text[i]
	// (text is the paragraph's runes; the result has len(text)+1 entries):
	// 0 inside a word or name, 1 a weak break (a name and its suffix, a verb
	// and its object), 2 between words, 3 between phrases. nil: every
	// position is a word boundary (body text stays on the grid and never
	// uses it).
	Words func(text []rune) []uint8
	// Tight sets every punctuation mark inside a line at half width (its
	// blank half given up, pairs to one em): display lines such as the
	// masthead name, where a full-width 、 leaves a hole at 40 pt.
	Tight bool
	// Prefer (with Ragged), when positive, is the preferred longest line: a
	// longer line is set when nothing better serves (max_chars), never one
	// longer than Width.
	Prefer Len
}

// Glyph is one placed character. X is relative to the line's left edge
// (the text-block edge, so the first line's X includes the indent). TrimL
// and TrimR are the blank parts of the advance compressed away: the
// character's box is [X+TrimL, X+Adv-TrimR].
type Glyph struct {
	R            rune
	Style        int
	X            Len
	Adv          Len
	TrimL, TrimR Len
	Src          int // rune index in the paragraph
}

// Line is one broken line.
type Line struct {
	Glyphs     []Glyph
	Start, End int    // rune range in the paragraph, trailing break spaces included
	Text       string // the paragraph's runes [Start, End)
	Width      Len    // right edge of the last glyph's box
	Last       bool   // ends the paragraph
	Emergency  bool   // no break satisfied every rule; a rule was relaxed
	Loose      bool   // nothing on the line can stretch (a piece of a long URL): set flush left
}

type atom struct {
	r              rune
	src            int
	style          int
	cls            class
	w              Len // natural advance (pitch for full-width on the grid)
	em             Len
	blankL, blankR Len
	noStart        bool // may not begin a line
	noEnd          bool // may not end a line
}

type gap struct {
	natural     Len // natural width (space, Han–Latin gap, pre-compression)
	shrink      Len // compressible amount inside the line (pairs, gap minimums)
	pairShrink  Len
	punctShrink Len  // a single mark's blank half, inside the line
	latinShrink Len  // Han–Latin gap and space shrink
	stretchCap  Len  // bounded stretch (spaces to 1/2 em, Han–Latin gap to 3/8 em)
	inter       bool // takes part in the final equal distribution
	space       bool
	spaceEnd    int // rune index after the spaces (for line text)
	breakOK     bool
	preferred   bool // a source space between Chinese text: a good title break
	quoted      bool // inside a pair of quotes or brackets: a poor title break
	cjkLatin    bool
	word        uint8 // break quality (Params.Words); 2 without a segmenter
}

// Break breaks a paragraph into lines.
func Break(runs []Run, m Measurer, p Params) []Line {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	text, styles := sc.text[:0], sc.styles[:0]
	for _, r := range runs {
		for _, c := range r.Text {
			text = append(text, c)
			styles = append(styles, r.Style)
		}
	}
	sc.text, sc.styles = text, styles
	if len(text) == 0 {
		return nil
	}
	atoms, gaps, lead := prepare(sc, text, styles, m, p)
	if len(atoms) == 0 {
		return []Line{{Start: 0, End: len(text), Text: string(text), Last: true}}
	}
	b := &breaker{atoms: atoms, gaps: gaps, p: p, text: text, sc: sc}
	b.sums()
	var breaks []int
	emergency := false
	if p.Ragged && p.Words != nil && len(atoms) <= maxShaped {
		breaks = b.runShaped()
	}
	if breaks == nil {
		breaks, emergency = b.run(false)
	}
	if breaks == nil {
		breaks, emergency = b.run(true)
	}
	lines := b.build(breaks, emergency)
	lines[0].Start = 0
	_ = lead
	lines[0].Text = string(text[:lines[0].End])
	return lines
}

// scratch holds the working buffers of one Break call; they are reused
// across calls (through scratchPool) so breaking a long issue does not churn
// the garbage collector. Nothing returned to the caller points into them.
type scratch struct {
	text   []rune
	styles []int
	atoms  []atom
	gaps   []gap
	segOK  []bool
	prot   []bool // prot[i]: no break between text[i] and text[i+1]
	lens   []Len  // prefix sums, 4 × (n+1)
	ints   []int  // prefix counts, 2 × (n+1)
	best   []float64
	from   []int
	adj    []Len
	caps   []Len
	idx    []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// grow returns s resized to n zeroed elements, reusing its storage.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// prepare turns runes into atoms and the gaps between them.
func prepare(sc *scratch, text []rune, styles []int, m Measurer, p Params) ([]atom, []gap, int) {
	atoms := sc.atoms[:0]
	gaps := sc.gaps[:0]
	defer func() { sc.atoms, sc.gaps = atoms[:0], gaps[:0] }()
	gaps = append(gaps, gap{}) // gap 0: paragraph start
	pendingSpace, ideo := false, false
	spaceW := Len(0)
	lead := 0
	for i, r := range text {
		// A full-width space inside a paragraph is a gap of one character:
		// kept inside a line, dropped at a break like a space, so it never
		// prints at a line start as a false indent. At the paragraph start
		// it is the author's indent and stays.
		if r == '\u3000' && len(atoms) > 0 {
			if !ideo {
				spaceW = m.Advance(r, styles[i])
				if em := m.Size(styles[i]); p.Pitch > 0 && spaceW >= em-em/20 && spaceW <= em+em/20 {
					spaceW = p.Pitch
				}
			}
			pendingSpace, ideo = true, true
			gaps[len(gaps)-1].spaceEnd = i + 1
			continue
		}
		if r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' {
			if len(atoms) == 0 {
				lead = i + 1
				continue
			}
			if !pendingSpace {
				spaceW = m.Advance(' ', styles[i])
			}
			pendingSpace = true
			gaps[len(gaps)-1].spaceEnd = i + 1
			continue
		}
		st := styles[i]
		em := m.Size(st)
		a := atom{r: r, src: i, style: st, cls: classify(r), em: em, noStart: NoStart(r), noEnd: NoEnd(r)}
		a.w = m.Advance(r, st)
		if r == '—' || r == '―' {
			// the 破折号 takes two full cells whatever the face's dash
			// advance (Noto's is 0.89 em); the composer stretches its ink
			a.w = em
		}
		if a.cls.isCJK() && p.Pitch > 0 && a.w >= em-em/20 && a.w <= em+em/20 {
			a.w = p.Pitch
		}
		half := a.w / 2
		switch a.cls {
		case clsOpen:
			a.blankL = half
		case clsClose, clsStop:
			a.blankR = half
		case clsMiddle:
			a.blankL, a.blankR = a.w/4, a.w/4
		}
		if len(atoms) > 0 {
			g := &gaps[len(gaps)-1]
			g.space = pendingSpace
			if pendingSpace && ideo {
				g.natural = spaceW
				g.inter = true
			} else if pendingSpace {
				g.natural = spaceW
				prev := atoms[len(atoms)-1]
				if prev.cls == clsLatin || a.cls == clsLatin {
					g.stretchCap = max(em/2-spaceW, 0)
					g.latinShrink = max(spaceW-em/4, 0)
				} else {
					// a deliberate space between Chinese phrases: half an em,
					// and a preferred break; in a title (Words set) it marks
					// the break only and is not printed inside a line
					g.natural = em / 2
					if p.Words != nil {
						g.natural = 0
					}
					g.preferred = true
				}
				g.inter = true
			}
		}
		pendingSpace, ideo = false, false
		atoms = append(atoms, a)
		g := gap{spaceEnd: i + 1}
		gaps = append(gaps, g)
	}
	// gaps has len(atoms)+1 entries: gap k sits before atom k; gap n ends.
	n := len(atoms)
	if n == 0 {
		return nil, nil, lead
	}
	// Break opportunities from UAX #14, tailored below.
	segOK := grow(sc.segOK, len(text)+1)
	sc.segOK = segOK
	var seg segmenter.Segmenter
	seg.Init(text)
	it := seg.LineIterator()
	for it.Next() {
		l := it.Line()
		segOK[l.Offset+len(l.Text)] = true
	}
	prot := protect(sc, text, p.Protected)
	var words []uint8
	if p.Ragged && p.Words != nil {
		if q := p.Words(text); len(q) == len(text)+1 {
			words = q
		}
	}
	depth := 0 // open quotes and brackets before the gap
	for k := 1; k < n; k++ {
		a, b := &atoms[k-1], &atoms[k]
		g := &gaps[k]
		switch a.cls {
		case clsOpen:
			depth++
		case clsClose:
			depth = max(depth-1, 0)
		}
		g.quoted = depth > 0
		g.word = 2
		if words != nil {
			g.word = words[b.src]
		}
		// Han–Latin gap (clreq: up to 1/4 em, never next to punctuation).
		if !g.space && p.CJKLatinGap > 0 && ((a.cls == clsHan && b.cls == clsLatin && spacedLatin(b.r)) || (a.cls == clsLatin && b.cls == clsHan && spacedLatin(a.r))) {
			em := max(a.em, b.em)
			g.cjkLatin = true
			g.natural = em * Len(p.CJKLatinGap) / 1000
			g.latinShrink = g.natural / 2
			g.stretchCap = max(em*3/8-g.natural, 0) // clreq: at most 3/8 em in all
			g.inter = true
		}
		// Adjacent punctuation: two marks of 2 em compress to 1.5 em.
		// A middle dot's blank quarters are given up where it stands
		// (below), so they are not compressible again.
		aR, bL := a.blankR, b.blankL
		if a.cls == clsMiddle {
			aR = 0
		}
		if b.cls == clsMiddle {
			bL = 0
		}
		if aR > 0 || bL > 0 {
			if isPunct(a.cls) && isPunct(b.cls) && !g.space {
				g.pairShrink = max(aR, bL)
			} else if !g.space {
				// a single mark inside the line may give up its blank half
				// when the line needs it (clreq reduction priorities 4, 5, 7)
				g.punctShrink = aR + bL
			}
		}
		// A middle dot (间隔号) takes half a character (GB/T 15834
		// §5.1.7): its blank quarters are given up where it stands.
		if !g.space && a.cls == clsMiddle {
			g.natural -= a.blankR
		}
		if !g.space && b.cls == clsMiddle {
			g.natural -= b.blankL
		}
		// Inter-character stretch: between full-width characters, not
		// inside —— or ……, never inside a Latin word or number.
		if a.cls.isCJK() && b.cls.isCJK() && !(a.cls == clsDash && b.cls == clsDash && a.r == b.r) {
			g.inter = true
		}
		g.breakOK = breakAllowed(text, atoms, k, segOK, g) && !(prot != nil && prot[a.src])
	}
	// Latin runs longer than a line may break at UAX #14 opportunities.
	allowLongLatin(atoms, gaps, text, segOK, p)
	if p.CompressAlways || p.Tight {
		for k := range gaps {
			if gaps[k].pairShrink > 0 {
				gaps[k].natural -= gaps[k].pairShrink
				gaps[k].pairShrink = 0
			}
		}
	}
	if p.Tight {
		for k := 1; k < n; k++ {
			g := &gaps[k]
			if g.space {
				continue
			}
			// what is left of a pair: the other mark's blank half
			a, b := atoms[k-1], atoms[k]
			if isPunct(a.cls) && isPunct(b.cls) && a.cls != clsMiddle && b.cls != clsMiddle {
				g.natural -= min(a.blankR, b.blankL)
			}
			g.natural -= g.punctShrink
			g.punctShrink = 0
		}
	}
	for k := range gaps {
		gaps[k].shrink = gaps[k].pairShrink + gaps[k].latinShrink + gaps[k].punctShrink
	}
	return atoms, gaps, lead
}

// protect marks where the protected words occur in text: prot[i] is set
// when text[i] and text[i+1] belong to one occurrence. nil when there are
// none.
func protect(sc *scratch, text []rune, words []string) []bool {
	var prot []bool
	for _, w := range words {
		wr := []rune(w)
		if len(wr) < 2 || len(wr) > len(text) {
			continue
		}
		for s := 0; s+len(wr) <= len(text); s++ {
			if text[s] != wr[0] {
				continue
			}
			match := true
			for k := 1; k < len(wr); k++ {
				if text[s+k] != wr[k] {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			if prot == nil {
				prot = grow(sc.prot, len(text))
				sc.prot = prot
			}
			for k := s; k < s+len(wr)-1; k++ {
				prot[k] = true
			}
		}
	}
	return prot
}

// spacedLatin reports whether a Latin character next to a Han character
// takes the Han–Latin gap: letters, digits and the percent sign of a number
// do; a slash, hyphen or bracket between Han characters does not.
func spacedLatin(r rune) bool {
	return r == '%' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isPunct(c class) bool { return c == clsOpen || c == clsClose || c == clsStop || c == clsMiddle }

// breakAllowed applies the tailored rules to the gap before atom k.
func breakAllowed(text []rune, atoms []atom, k int, segOK []bool, g *gap) bool {
	a, b := atoms[k-1], atoms[k]
	// 禁则: never before a no-start mark or after a no-end mark.
	if b.noStart || a.noEnd {
		return false
	}
	// —— and …… never split; a single dash (connector) may not start a line.
	if a.cls == clsDash && b.cls == clsDash {
		return false
	}
	if b.cls == clsDash && (k+1 >= len(atoms) || atoms[k+1].r != b.r) {
		return false
	}
	if a.cls == clsLatin && b.cls == clsLatin {
		if !g.space {
			return false // inside a word, number, date, URL
		}
		// keep standard numbers together: "GB/T 9704", "ISO 9001"
		if isUpper(a.r) && b.r >= '0' && b.r <= '9' {
			return false
		}
	}
	if g.space {
		return true
	}
	// Between two full-width characters clreq allows a break unless a rule
	// above forbids it (UAX #14 keeps ”“ together; Chinese does not).
	if a.cls.isCJK() && b.cls.isCJK() {
		return true
	}
	return segOK[b.src]
}

func isUpper(r rune) bool { return r >= 'A' && r <= 'Z' }

// allowLongLatin lets a Latin run that cannot fit on one line break where
// UAX #14 allows, and anywhere as a last resort.
func allowLongLatin(atoms []atom, gaps []gap, text []rune, segOK []bool, p Params) {
	n := len(atoms)
	for s := 0; s < n; {
		if atoms[s].cls != clsLatin {
			s++
			continue
		}
		e := s + 1
		w := atoms[s].w
		for e < n && atoms[e].cls == clsLatin && !gaps[e].space {
			w += atoms[e].w
			e++
		}
		if w > p.Width-p.Indent {
			any := false
			for k := s + 1; k < e; k++ {
				if segOK[atoms[k].src] && !atoms[k].noStart && !atoms[k-1].noEnd {
					gaps[k].breakOK = true
					any = true
				}
			}
			// check every piece fits; otherwise allow every position
			fits := any
			pw := Len(0) // width of the current piece, in one pass
			for k := s; k < e && fits; k++ {
				if k > s && gaps[k].breakOK {
					pw = 0
				}
				pw += atoms[k].w
				if pw > p.Width-p.Indent {
					fits = false
				}
			}
			if !fits {
				for k := s + 1; k < e; k++ {
					gaps[k].breakOK = !atoms[k].noStart && !atoms[k-1].noEnd
				}
			}
		}
		s = e
	}
}
