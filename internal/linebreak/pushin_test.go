package linebreak

import (
	"math/rand"
	"strings"
	"testing"
)

var han = []rune(strings.Repeat("一二三四五六七八九十", 10))

func hanN(k int) string { return string(han[:k]) }

// Push-in: a line that pulls in a comma by squeezing its marks by at most
// half an em per two marks (format.md §4.3, 先挤进) keeps it; each mark
// keeps at least half its width.
func TestPushInWithinAllowance(t *testing.T) {
	p := Params{Width: 28 * em, Pitch: em, CompressAlways: true}
	// 26 Han and two mid-line commas fill 28 cells; the next comma may not
	// start a line: squeezing 1/2 em out of three marks pulls it in.
	line := hanN(8) + "，" + hanN(10) + "，" + hanN(8) + "，"
	s := line + hanN(28) + hanN(10) + "。"
	ls := breakStr(s, p)
	checkLines(t, s, ls, p)
	if ls[0].Text != line {
		t.Fatalf("line 1 = %q, want the comma pushed in: %q", ls[0].Text, line)
	}
	if n := len(ls[0].Glyphs); n != 29 {
		t.Fatalf("line 1 has %d glyphs, want 29", n)
	}
	// measured: the squeeze is shared by the marks, none below half width
	squeezed := Len(0)
	for _, g := range ls[0].Glyphs {
		if g.R == '，' {
			squeezed += g.TrimL + g.TrimR
		}
	}
	if squeezed != em { // half an em at the line end, half inside
		t.Errorf("marks squeezed by %v in all, want %v", squeezed, em)
	}
}

// Push-out: when pulling the marks in would squeeze more than half an em
// per two marks, the last character goes down with them instead.
func TestPushOutOverAllowance(t *testing.T) {
	p := Params{Width: 28 * em, Pitch: em, CompressAlways: true}
	s := hanN(28) + "。”" + hanN(28) + "。"
	ls := breakStr(s, p)
	checkLines(t, s, ls, p)
	if ls[0].Text != hanN(27) {
		t.Fatalf("line 1 = %q, want 27 characters with the 28th pushed out", ls[0].Text)
	}
	if got := ls[1].Text[:len(string(han[27:28]))+len("。”")]; got != string(han[27:28])+"。”" {
		t.Fatalf("line 2 starts %q", got)
	}
	// and a line needing three marks cut by 0.43 em each (zk1 p.3 before)
	// is not set either: no line holds more than one glyph over its cells
	s = hanN(6) + "，" + hanN(12) + "，“" + hanN(4) + "”。" + hanN(2) + "，" + hanN(20) + "。"
	ls = breakStr(s, p)
	checkLines(t, s, ls, p)
	for _, l := range ls {
		var need Len
		marks := 0
		for _, g := range l.Glyphs {
			need += g.TrimL + g.TrimR
			switch classify(g.R) {
			case clsOpen, clsClose, clsStop, clsMiddle:
				marks++
			}
		}
		last := l.Glyphs[len(l.Glyphs)-1]
		need -= last.TrimR // the line-end mark's half is trimmed anyway
		if need*4 > Len(marks)*em {
			t.Errorf("line %q squeezed by %v with %d marks", l.Text, need, marks)
		}
	}
}

// No pure-Han line is stretched more than 6% over the grid pitch when the
// paragraph can be broken otherwise (28-cell measure, random text).
func TestPureHanPitchCap(t *testing.T) {
	r := rand.New(rand.NewSource(15))
	marks := []string{"，", "。", "、", "“", "”", "；", "：", "《", "》"}
	pitch := Len(950)
	p := Params{Width: 28 * pitch, Indent: 2 * pitch, Pitch: pitch, CompressAlways: true}
	worst := 0.0
	for n := 0; n < 300; n++ {
		var b strings.Builder
		for k := 0; k < 60+r.Intn(200); k++ {
			if r.Intn(8) == 0 {
				b.WriteString(marks[r.Intn(len(marks))])
			} else {
				b.WriteRune(han[r.Intn(10)])
			}
		}
		s := b.String()
		ls := breakStr(s, p)
		checkLines(t, s, ls, p)
		for _, l := range ls[:len(ls)-1] {
			for k := 1; k < len(l.Glyphs); k++ {
				a, c := l.Glyphs[k-1], l.Glyphs[k]
				if classify(a.R) == clsHan && classify(c.R) == clsHan {
					if over := float64(c.X-a.X)/float64(pitch) - 1; over > worst {
						worst = over
						if over > 0.06 {
							t.Errorf("pitch %.1f%% over the grid: %q in %q", over*100, l.Text, s)
						}
					}
				}
			}
		}
	}
	t.Logf("loosest Han pitch: %.1f%% over the grid", worst*100)
}

// A full-width space typed inside a paragraph keeps its cell inside a
// line, and is dropped where a line breaks: it never prints at a line
// start as a false indent. One typed at the paragraph start stays.
func TestFullWidthSpace(t *testing.T) {
	p := Params{Width: 28 * em, Pitch: em, CompressAlways: true}
	s := hanN(28) + "\u3000" + hanN(10) + "\u3000" + hanN(20) + "。"
	ls := breakStr(s, p)
	checkLines(t, s, ls, p)
	if len(ls) < 2 {
		t.Fatalf("%d lines", len(ls))
	}
	g := ls[1].Glyphs
	if g[0].R == '\u3000' || g[0].X != 0 || g[0].R != han[0] {
		t.Errorf("line 2 starts with %q at %v: %s", g[0].R, g[0].X, joinLines(ls))
	}
	// the second space is inside line 2: one empty cell between its neighbours
	for k := 1; k < len(g); k++ {
		if g[k].R == '\u3000' {
			t.Errorf("the space is printed as a glyph")
		}
	}
	if d := g[10].X - g[9].X; d != 2*em {
		t.Errorf("the space inside the line takes %v, want one cell (neighbours %v apart)", d-em, d)
	}
	// at the paragraph start it is the author's indent
	ls = breakStr("\u3000"+hanN(10), p)
	if ls[0].Glyphs[1].X != em {
		t.Errorf("a leading full-width space is dropped")
	}
}
