package linebreak

// build places the glyphs of each line, justifying every line but the last.
func (b *breaker) build(breaks []int, emergency bool) []Line {
	lines := make([]Line, 0, len(breaks))
	i := 0
	start := 0
	for _, j := range breaks {
		end := len(b.text)
		if j < len(b.atoms) {
			end = b.atoms[j].src
		}
		ln := b.place(i, j)
		ln.Start, ln.End = start, end
		ln.Text = string(b.text[start:end])
		ln.Last = j == len(b.atoms)
		ln.Emergency = emergency
		lines = append(lines, ln)
		i, start = j, end
	}
	return lines
}

// share distributes amount over members in proportion to their capacities
// (integers; the remainder goes to the first members with room), writing
// each member's part into out (len(out) == len(caps)).
func share(amount Len, caps, out []Len) []Len {
	clear(out)
	var total Len
	for _, c := range caps {
		total += c
	}
	if total <= 0 || amount <= 0 {
		return out
	}
	if amount > total {
		amount = total
	}
	var given Len
	for k, c := range caps {
		out[k] = c * amount / total
		given += out[k]
	}
	for k := 0; given < amount && k < len(caps); k++ {
		if out[k] < caps[k] {
			out[k]++
			given++
		}
	}
	return out
}

// shrinkLevels are the clreq reduction priorities, in order: Latin spaces,
// punctuation pairs, single marks, Han–Latin gaps.
var shrinkLevels = []func(g gap) Len{
	func(g gap) Len {
		if g.space {
			return g.latinShrink
		}
		return 0
	},
	func(g gap) Len { return g.pairShrink },
	func(g gap) Len { return g.punctShrink },
	func(g gap) Len {
		if g.cjkLatin {
			return g.latinShrink
		}
		return 0
	},
}

func (b *breaker) place(i, j int) Line {
	p := b.p
	last := j == len(b.atoms)
	w, _ := b.measure(i, j)
	b.sc.adj = grow(b.sc.adj, j-i+1)
	adj := b.sc.adj // adjustment of gap i+k (k in 1..j-i-1)
	b.sc.caps = grow(b.sc.caps, 2*(j-i+1))
	caps, got := b.sc.caps[:j-i+1], b.sc.caps[j-i+1:]
	var startTrim, endTrim Len
	loose := false
	need := w - p.Width // >0: shrink needed; <0: stretch possible
	if p.Ragged && p.Centered {
		startTrim, endTrim = b.atoms[i].blankL, b.atoms[j-1].blankR
		need -= startTrim + endTrim
	}
	if need > 0 {
		// clreq line adjustment, reduction priority.
		et := min(need, b.atoms[j-1].blankR-endTrim)
		endTrim += et
		need -= et
		for _, lv := range shrinkLevels {
			if need <= 0 {
				break
			}
			clear(caps)
			for k := i + 1; k < j; k++ {
				caps[k-i] = lv(b.gaps[k])
			}
			share(need, caps, got)
			for k, v := range got {
				adj[k] -= v
				need -= v
			}
		}
		if need > 0 {
			st := min(need, b.atoms[i].blankL-startTrim)
			startTrim += st
			need -= st
		}
	} else if need < 0 && !last && !p.Ragged {
		extra := -need
		// Expansion priority: spaces between Latin words first, then every
		// inter-character gap alike; a Han–Latin gap grows only to its cap
		// (3/8 em), the others take what it cannot.
		clear(caps)
		for k := i + 1; k < j; k++ {
			if g := &b.gaps[k]; g.stretchCap > 0 && g.space {
				caps[k-i] = g.stretchCap
			}
		}
		share(extra, caps, got)
		for k, v := range got {
			adj[k] += v
			extra -= v
		}
		if extra > 0 {
			idx := b.sc.idx[:0]
			for k := i + 1; k < j; k++ {
				if b.gaps[k].inter {
					idx = append(idx, k-i)
				}
			}
			if len(idx) == 0 {
				loose = true
			}
			for len(idx) > 0 && extra > 0 {
				each := extra / Len(len(idx))
				rem := extra - each*Len(len(idx))
				capped := false
				open := idx[:0]
				for n, k := range idx {
					v := each
					if Len(n) < rem {
						v++
					}
					if g := b.gaps[i+k]; g.cjkLatin {
						if room := g.stretchCap - adj[k]; v >= room {
							v, capped = max(room, 0), true
							adj[k] += v
							extra -= v
							continue // full: takes no more
						}
					}
					adj[k] += v
					extra -= v
					open = append(open, k)
				}
				idx = open
				if !capped {
					break
				}
			}
			if extra > 0 {
				// nothing but capped gaps left: they take the rest after all
				idx = idx[:0]
				for k := i + 1; k < j; k++ {
					if b.gaps[k].inter {
						idx = append(idx, k-i)
					}
				}
				for n, k := range idx {
					v := extra / Len(len(idx))
					if Len(n) < extra-v*Len(len(idx)) {
						v++
					}
					adj[k] += v
				}
			}
			b.sc.idx = idx
		}
	}
	ln := Line{Glyphs: make([]Glyph, 0, j-i)}
	x := Len(0)
	if i == 0 {
		x = p.Indent
	}
	x -= startTrim
	for k := i; k < j; k++ {
		a := b.atoms[k]
		if k > i {
			g := b.gaps[k]
			gw := g.natural + adj[k-i]
			if g.pairShrink > 0 || g.punctShrink > 0 || gw < 0 {
				// compression between punctuation: trim the blank halves
				var s Len
				if gw < 0 {
					s = -gw
				} else if adj[k-i] < 0 {
					s = -adj[k-i]
				}
				prev := &ln.Glyphs[len(ln.Glyphs)-1]
				t := min(s, b.atoms[k-1].blankR-prev.TrimR)
				prev.TrimR += t
				rest := s - t
				x += gw
				gl := Glyph{R: a.r, Style: a.style, X: x, Adv: a.w, TrimL: rest, Src: a.src}
				ln.Glyphs = append(ln.Glyphs, gl)
				x += a.w
				continue
			}
			x += gw
		}
		gl := Glyph{R: a.r, Style: a.style, X: x, Adv: a.w, Src: a.src}
		if k == i {
			gl.TrimL = startTrim
		}
		ln.Glyphs = append(ln.Glyphs, gl)
		x += a.w
	}
	lg := &ln.Glyphs[len(ln.Glyphs)-1]
	lg.TrimR += endTrim
	ln.Width = lg.X + lg.Adv - lg.TrimR
	ln.Loose = loose
	return ln
}
