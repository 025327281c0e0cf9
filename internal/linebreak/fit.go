package linebreak

import "math"

type breaker struct {
	atoms []atom
	gaps  []gap
	p     Params
	text  []rune
	sc    *scratch

	aw  []Len // atom widths, prefix: aw[k] = sum of atoms[0:k]
	gn  []Len // gap natural, prefix over gaps[1..k]
	gz  []Len // gap shrink
	gc  []Len // bounded stretch capacity
	gl  []Len // Latin word-space shrink (the first to give)
	gi  []int // inter gaps (equal distribution)
	han []int // Han atoms, prefix
	// shaped: a title's lines, balanced by shapeCost between neighbours
	shaped bool
	lat    []int // Latin atoms, prefix
	sq     []int // gaps where a mark can still give up its blank, prefix
}

func (b *breaker) sums() {
	n := len(b.atoms)
	b.sc.lens = grow(b.sc.lens, 5*(n+1))
	b.sc.ints = grow(b.sc.ints, 4*(n+1))
	l, c := b.sc.lens, b.sc.ints
	b.aw, b.gn, b.gz, b.gc, b.gl = l[:n+1], l[n+1:2*(n+1)], l[2*(n+1):3*(n+1)], l[3*(n+1):4*(n+1)], l[4*(n+1):]
	b.han, b.gi, b.lat, b.sq = c[:n+1], c[n+1:2*(n+1)], c[2*(n+1):3*(n+1)], c[3*(n+1):]
	for k, a := range b.atoms {
		b.aw[k+1] = b.aw[k] + a.w
		b.han[k+1], b.lat[k+1] = b.han[k], b.lat[k]
		switch {
		case a.cls == clsHan:
			b.han[k+1]++
		case a.cls == clsLatin:
			b.lat[k+1]++
		}
	}
	for k := 1; k <= n; k++ {
		g := b.gaps[k]
		if k == n {
			g = gap{}
		}
		b.gn[k] = b.gn[k-1] + g.natural
		b.gz[k] = b.gz[k-1] + g.shrink
		b.gc[k] = b.gc[k-1] + g.stretchCap
		b.gl[k] = b.gl[k-1]
		if g.space {
			b.gl[k] += g.latinShrink
		}
		b.sq[k] = b.sq[k-1]
		if g.pairShrink+g.punctShrink > 0 {
			b.sq[k]++
		}
		b.gi[k] = b.gi[k-1]
		if g.inter {
			b.gi[k]++
		}
	}
}

// measure returns the natural width of line i→j and its total shrink.
func (b *breaker) measure(i, j int) (w, shrink Len) {
	w = b.aw[j] - b.aw[i]
	if j-1 > i {
		w += b.gn[j-1] - b.gn[i]
		shrink = b.gz[j-1] - b.gz[i]
	}
	if i == 0 {
		w += b.p.Indent
	}
	shrink += b.atoms[i].blankL + b.atoms[j-1].blankR
	return w, shrink
}

const infeasible = math.MaxFloat64

// wordCost is the cost of a ragged line's break by its quality
// (Params.Words): inside a word, weak, between words, between phrases.
var wordCost = [4]float64{2500, 400, 0, -150}

// Line costs of the two faults the breaker avoids when it can: a line
// squeezed by more than the push-in allowance, and a pure-Han line
// stretched more than maxLoose over the grid pitch. Looseness is the worse.
const (
	overSqueeze = 1500
	tooLoose    = 3000
	maxLoose    = 0.06
)

// cost of the line i→j, of natural width w and shrink z; infeasible when
// it cannot be set.
func (b *breaker) cost(i, j int, w, z Len, emergency bool) float64 {
	n := len(b.atoms)
	last := j == n
	width := b.p.Width
	em := float64(b.atoms[i].em)
	if em <= 0 {
		em = 1000
	}
	c := 1.0
	if b.p.Ragged {
		if w-z > width && !(emergency && j == i+1) {
			return infeasible
		}
		slack := float64(width-w) / em
		if slack < 0 {
			slack = 0
		}
		if b.shaped {
			// balance is judged between neighbouring lines (shapeCost)
			c += 1000
			for k := i + 1; k < j; k++ {
				if b.gaps[k].preferred {
					c += 300 // the editor's break left inside a line
				}
			}
		} else {
			c += 1000 + slack*slack*10
		}
		if j < n && b.gaps[j].preferred {
			c -= 800 // break where the editor put a space
		}
		if j < n && b.gaps[j].quoted {
			c += 600 // keep a quoted name or a bracketed phrase on one line
		}
		if j < n {
			c += wordCost[min(b.gaps[j].word, 3)]
		}
		if b.p.Prefer > 0 {
			vis := w
			if b.p.Centered {
				vis -= b.atoms[i].blankL + b.atoms[j-1].blankR
			}
			if over := float64(vis-b.p.Prefer) / em; over > 0 {
				c += 300 + 400*over*over // longer than max_chars
			}
		}
		if w > width {
			c += 300 // squeezed to fit the measure
		}
		if last && i > 0 && b.han[n]-b.han[i] <= 2 {
			c += 5000
		}
		return c
	}
	switch {
	case w == width:
	case w > width:
		if w-z > width {
			if emergency && j == i+1 {
				return 1e9
			}
			return infeasible
		}
		// 先挤进，后推出 (format.md §4.3), with a clear cost: squeezing is
		// preferred to pushing a character out when it pulls in a mark
		// that may not start a line and takes at most half an em for every
		// two marks that can give (a quarter em each on average; a pair
		// already compressed has nothing more to give). The line-end mark's
		// blank half is trimmed anyway, and Latin word spaces give first.
		// More crowds the line (reads as Western punctuation): the line is
		// pushed out instead. No mark goes below half width: the shrink z
		// is made of blank halves only.
		need := w - width - b.atoms[j-1].blankR
		marks := 0
		if j-1 > i {
			need -= b.gl[j-1] - b.gl[i]
			marks = b.sq[j-1] - b.sq[i]
		}
		if need > 0 && need*4 > Len(marks)*b.atoms[i].em {
			c += overSqueeze + 60*float64(need)/em
		} else if b.atoms[j-1].noStart {
			// the squeeze pulls in a mark that may not start the next line
			c += 5 + 10*float64(max(need, 0))/em
		} else {
			// squeezing only to fit more text crowds the line
			c += 5 + 60*float64(w-width)/em
		}
	case last:
		// the last line is set flush left
	default:
		d := float64(width - w)
		nInter := b.gi[j-1] - b.gi[i]
		if j-1 <= i {
			nInter = 0
		}
		cap := float64(b.gc[j-1] - b.gc[i])
		if j-1 <= i {
			cap = 0
		}
		if nInter == 0 {
			// nothing to stretch (a piece of a long URL or word): set it
			// flush left, as a last resort
			c += 1e5
			break
		}
		rest := d - math.Min(d, cap)
		r := rest / (float64(nInter) * em / 4)
		c += 10 + 25*d/em + 100*r*r*r
		cell := em
		if b.p.Pitch > 0 {
			cell = float64(b.p.Pitch)
		}
		if rest > maxLoose*float64(nInter)*cell {
			// Han characters more than 6% over the grid pitch: never on a
			// pure-Han line, and not on a line with a number either when
			// anything else serves (the reader sees the Han pitch)
			c += tooLoose
			if b.lat[j]-b.lat[i] > 0 {
				c -= tooLoose / 2
			}
		}
	}
	if last && i > 0 && b.han[n]-b.han[i] <= 1 {
		// 孤字: a lone character on the last line, or only a number or a
		// word with its punctuation ("23.6%。")
		c += 2000
	}
	return c
}

// maxSlack is how far short of the measure a justified line may be before
// the search stops considering it (unless nothing better ends there): such a
// line would be stretched by more than 4 em, which no layout here prefers.
const maxSlackEm = 4

// run finds the best breaks; nil when no line set satisfies the rules.
func (b *breaker) run(emergency bool) ([]int, bool) {
	n := len(b.atoms)
	b.sc.best = grow(b.sc.best, n+1)
	b.sc.from = grow(b.sc.from, n+1)
	best, from := b.sc.best, b.sc.from
	for k := range best {
		best[k] = infeasible
	}
	best[0] = 0
	// hi is the last start i whose line to j is at least the measure less
	// maxSlack; it only moves forward as j grows, so the search for each j
	// looks at a window of a few candidates instead of a whole line.
	hi := 0
	for j := 1; j <= n; j++ {
		if j < n && !b.gaps[j].breakOK && !emergency {
			continue
		}
		prune := !emergency && !b.p.Ragged && j < n
		from0 := j - 1
		if prune {
			floor := b.p.Width - maxSlackEm*b.atoms[j-1].em
			for hi+1 < j {
				if w, _ := b.measure(hi+1, j); w < floor {
					break
				}
				hi++
			}
			if w, _ := b.measure(hi, j); w >= floor {
				from0 = hi
			} else {
				prune = false
			}
		}
		b.scan(j, from0, best, from, emergency)
		if prune && best[j] == infeasible {
			// nothing near the measure ends here: consider short lines too
			b.scan(j, j-1, best, from, emergency)
		}
	}
	if best[n] == infeasible {
		return nil, emergency
	}
	var bs []int
	for k := n; k > 0; k = from[k] {
		bs = append(bs, k)
	}
	for l, r := 0, len(bs)-1; l < r; l, r = l+1, r-1 {
		bs[l], bs[r] = bs[r], bs[l]
	}
	return bs, emergency
}

// scan considers the lines i→j for i from i0 down, until a line cannot fit.
func (b *breaker) scan(j, i0 int, best []float64, from []int, emergency bool) {
	for i := i0; i >= 0; i-- {
		// stop as soon as the line cannot fit, before skipping
		// non-breaks, so long unbreakable stretches stay linear
		w, z := b.measure(i, j)
		if w-z > b.p.Width && j > i+1 {
			break
		}
		if i > 0 && !b.gaps[i].breakOK && !emergency {
			continue
		}
		if best[i] == infeasible {
			continue
		}
		c := b.cost(i, j, w, z, emergency)
		if c == infeasible {
			continue
		}
		if t := best[i] + c; t < best[j] {
			best[j], from[j] = t, i
		}
	}
}
