package linebreak

// Titles are balanced into a 正梯形 (each line no longer than the one
// below it: the upper line shorter), the shape bulletin titles take
// most often; three lines may also form a 菱形 (the middle longest). GB/T
// 9704 §7.3.1 allows both and forbids the rectangle-with-a-stub and the
// hourglass. The shape depends on pairs of lines, so the search keeps the
// last line in its state: best[i][j] is the cost of the best set of lines
// whose last line runs from atom i to atom j.

// maxShaped is the longest text (in atoms) searched for its shape; longer
// ragged text (a long caption) is broken line by line.
const maxShaped = 120

// tooManyLines is the cost of each title line beyond the third.
const tooManyLines = 2000

// runShaped finds the best breaks of a short ragged text with the shape
// cost added; nil when no line set satisfies the rules.
func (b *breaker) runShaped() []int {
	n := len(b.atoms)
	b.shaped = true
	defer func() { b.shaped = false }()
	// candidate ends: 0, the allowed breaks, n
	ends := []int{0}
	for k := 1; k < n; k++ {
		if b.gaps[k].breakOK {
			ends = append(ends, k)
		}
	}
	ends = append(ends, n)
	m := len(ends)
	const none = -1
	best := make([]float64, m*m) // best[a*m+c]: last line ends[a]→ends[c]
	from := make([]int, m*m)
	count := make([]int, m*m) // lines on the best path
	for k := range best {
		best[k], from[k] = infeasible, none
	}
	lineCost := func(a, c int) float64 {
		i, j := ends[a], ends[c]
		w, z := b.measure(i, j)
		if w-z > b.p.Width && j > i+1 {
			return infeasible
		}
		return b.cost(i, j, w, z, false)
	}
	for c := 1; c < m; c++ {
		if lc := lineCost(0, c); lc != infeasible {
			best[c], count[c] = lc, 1
		}
	}
	for a := 1; a < m-1; a++ {
		for c := a + 1; c < m; c++ {
			if w, z := b.measure(ends[a], ends[c]); w-z > b.p.Width && ends[c] > ends[a]+1 {
				break // longer lines from a do not fit either
			}
			lc := infeasible
			for h := 0; h < a; h++ {
				prev := best[h*m+a]
				if prev == infeasible {
					continue
				}
				if lc == infeasible {
					if lc = lineCost(a, c); lc == infeasible {
						break
					}
				}
				t := prev + lc + b.shapeCost(ends[h], ends[a], ends[c])
				if count[h*m+a] >= 3 {
					t += tooManyLines // a title takes three lines at most
				}
				if t < best[a*m+c] {
					best[a*m+c], from[a*m+c], count[a*m+c] = t, h, count[h*m+a]+1
				}
			}
		}
	}
	bestA, bestT := none, infeasible
	for a := 0; a < m-1; a++ {
		if t := best[a*m+m-1]; t < bestT {
			bestA, bestT = a, t
		}
	}
	if bestA == none {
		return nil
	}
	var bs []int
	for a, c := bestA, m-1; ; {
		bs = append(bs, ends[c])
		if a == 0 {
			break
		}
		a, c = from[a*m+c], a
	}
	for l, r := 0, len(bs)-1; l < r; l, r = l+1, r-1 {
		bs[l], bs[r] = bs[r], bs[l]
	}
	return bs
}

// visible is the width of the line i→j as a reader sees it.
func (b *breaker) visible(i, j int) Len {
	w, _ := b.measure(i, j)
	if b.p.Centered {
		w -= b.atoms[i].blankL + b.atoms[j-1].blankR
	}
	return min(w, b.p.Width)
}

// shapeCost is the cost of the line h→i set above the line i→j: lines of
// unequal length cost their difference squared; the first line longer than
// the second breaks the 正梯形 (and the 菱形) and costs more; a lower
// line longer than the one above it below the first pair is the 菱形.
func (b *breaker) shapeCost(h, i, j int) float64 {
	up, down := b.visible(h, i), b.visible(i, j)
	em := float64(b.atoms[i].em)
	if em <= 0 {
		em = 1000
	}
	d := float64(up-down) / em
	c := 10 * d * d
	if h == 0 && up > down {
		c += 100 + 20*d*d // the first line longer: an inverted trapezoid
	}
	return c
}
