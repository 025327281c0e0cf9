package linebreak

import (
	"bufio"
	"math/rand"
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeFont: every full-width character is 1 em, Latin letters and digits
// are half an em, a space a quarter em.
type fakeFont struct{}

const em = Len(1000)

func (fakeFont) Advance(r rune, style int) Len {
	switch {
	case r == ' ':
		return em / 4
	case IsLatin(r):
		return em / 2
	}
	return em
}

func (fakeFont) Size(style int) Len { return em }

func breakStr(s string, p Params) []Line {
	return Break([]Run{{Text: s}}, fakeFont{}, p)
}

func joinLines(ls []Line) string {
	parts := make([]string, len(ls))
	for i, l := range ls {
		parts[i] = l.Text
	}
	return strings.Join(parts, "|")
}

type tcase struct {
	title, input, want string
	p                  Params
	line               int
}

func readCases(t *testing.T) []tcase {
	f, err := os.Open("testdata/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []tcase
	var cur *tcase
	sc := bufio.NewScanner(f)
	n := 0
	state := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if state == 0 && (line == "" || strings.HasPrefix(line, "//")) {
			continue
		}
		switch {
		case strings.HasPrefix(line, "# ") && state == 0:
			cases = append(cases, tcase{title: line[2:], line: n})
			cur = &cases[len(cases)-1]
			state = 1
		case state == 1:
			cur.p = Params{CJKLatinGap: 0}
			for _, kv := range strings.Fields(line) {
				k, v, _ := strings.Cut(kv, "=")
				x, _ := strconv.Atoi(v)
				switch k {
				case "width":
					cur.p.Width = Len(x) * em
				case "indent":
					cur.p.Indent = Len(x) * em
				case "gap":
					cur.p.CJKLatinGap = int64(x)
				case "ragged":
					cur.p.Ragged = x == 1
				}
			}
			state = 2
		case state == 2:
			cur.input = line
			state = 3
		case state == 3 && strings.HasPrefix(line, "=> "):
			cur.want = line[3:]
			state = 0
		}
	}
	// drop the header pseudo-cases
	var out []tcase
	for _, c := range cases {
		if c.want != "" {
			out = append(out, c)
		}
	}
	return out
}

func TestCases(t *testing.T) {
	cases := readCases(t)
	if len(cases) < 15 {
		t.Fatalf("only %d cases read", len(cases))
	}
	for _, c := range cases {
		t.Run(c.title, func(t *testing.T) {
			got := joinLines(breakStr(c.input, c.p))
			if got != c.want {
				t.Errorf("testdata/cases.txt:%d %s\n got: %s\nwant: %s", c.line, c.title, got, c.want)
			}
			checkLines(t, c.input, breakStr(c.input, c.p), c.p)
		})
	}
}

// Every character of the no-start set, placed where a greedy breaker
// would start a line with it, never starts one.
func TestEveryNoStartChar(t *testing.T) {
	for _, c := range NoStartChars() {
		s := "一二三四五六七八九十" + string(c) + "一二三四五六七八九十"
		ls := breakStr(s, Params{Width: 10 * em})
		for i, l := range ls {
			if r, _ := utf8.DecodeRuneInString(l.Text); r == c {
				t.Errorf("%q starts line %d: %s", c, i+1, joinLines(ls))
			}
		}
		checkLines(t, s, ls, Params{Width: 10 * em})
	}
}

// Every character of the no-end set, placed where a greedy breaker would
// end a line with it, never ends one.
func TestEveryNoEndChar(t *testing.T) {
	for _, c := range NoEndChars() {
		s := "一二三四五六七八九" + string(c) + "十一二三四五六七八九十"
		ls := breakStr(s, Params{Width: 10 * em})
		for i, l := range ls {
			if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(l.Text, " ")); r == c && !l.Last {
				t.Errorf("%q ends line %d: %s", c, i+1, joinLines(ls))
			}
		}
		checkLines(t, s, ls, Params{Width: 10 * em})
	}
}

func TestGridPositions(t *testing.T) {
	pitch := Len(15793)
	p := Params{Width: 28 * pitch, Indent: 2 * pitch, Pitch: pitch}
	s := strings.Repeat("中", 26+28+10)
	ls := Break([]Run{{Text: s}}, sizeFont{16000}, p)
	if len(ls) != 3 || len(ls[1].Glyphs) != 28 {
		t.Fatalf("lines %d, second line %d glyphs", len(ls), len(ls[1].Glyphs))
	}
	for li, l := range ls {
		for k, g := range l.Glyphs {
			want := Len(k) * pitch
			if li == 0 {
				want += 2 * pitch
			}
			if g.X != want {
				t.Fatalf("line %d glyph %d at %d, want grid cell %d", li+1, k, g.X, want)
			}
		}
	}
}

type sizeFont struct{ size Len }

func (f sizeFont) Advance(r rune, style int) Len {
	if IsLatin(r) {
		return f.size / 2
	}
	return f.size
}
func (f sizeFont) Size(style int) Len { return f.size }

func TestCJKLatinGap(t *testing.T) {
	p := Params{Width: 40 * em, CJKLatinGap: 250}
	ls := breakStr("审议2026年工作", p)
	g := ls[0].Glyphs
	// 审 议 | 2 0 2 6 | 年: the gap before "2" and before "年" is a quarter em.
	if d := g[2].X - (g[1].X + g[1].Adv); d != em/4 {
		t.Errorf("gap before digits = %d, want %d", d, em/4)
	}
	if d := g[6].X - (g[5].X + g[5].Adv); d != em/4 {
		t.Errorf("gap after digits = %d, want %d", d, em/4)
	}
	// no gap where the source has a space, none next to punctuation
	ls = breakStr("共 2026 年，“A”", p)
	g = ls[0].Glyphs
	if d := g[1].X - (g[0].X + g[0].Adv); d != em/4 {
		t.Errorf("source space width = %d, want the space itself (%d)", d, em/4)
	}
	for k := 6; k < len(g)-1; k++ {
		if d := g[k+1].X - (g[k].X + g[k].Adv); d != 0 {
			t.Errorf("gap next to punctuation at %d = %d", k, d)
		}
	}
}

// checkLines asserts the invariants of every paragraph.
func checkLines(t *testing.T, input string, ls []Line, p Params) {
	t.Helper()
	var all strings.Builder
	for _, l := range ls {
		all.WriteString(l.Text)
	}
	if all.String() != input {
		t.Fatalf("lines do not give back the input:\n got %q\nwant %q", all.String(), input)
	}
	for i, l := range ls {
		if len(l.Glyphs) == 0 {
			continue
		}
		first, last := l.Glyphs[0], l.Glyphs[len(l.Glyphs)-1]
		if !l.Emergency {
			if NoStart(first.R) && i > 0 {
				t.Errorf("line %d starts with %q: %s", i+1, first.R, joinLines(ls))
			}
			if NoEnd(last.R) && !l.Last {
				t.Errorf("line %d ends with %q: %s", i+1, last.R, joinLines(ls))
			}
		}
		for _, g := range l.Glyphs {
			if isPunct(classify(g.R)) && (g.TrimL+g.TrimR)*2 > g.Adv+1 {
				t.Errorf("line %d: %q squeezed below half width (trimmed %v of %v)", i+1, g.R, g.TrimL+g.TrimR, g.Adv)
			}
			if g.X+g.TrimL < 0 || g.X+g.Adv-g.TrimR > p.Width {
				t.Errorf("line %d: %q at %d..%d outside the measure %d", i+1, g.R, g.X+g.TrimL, g.X+g.Adv-g.TrimR, p.Width)
			}
		}
		if !l.Last && !l.Emergency && !l.Loose && !p.Ragged {
			if d := l.Width - p.Width; d < -10 || d > 10 {
				t.Errorf("line %d is %d wide, measure %d: %s", i+1, l.Width, p.Width, joinLines(ls))
			}
		}
	}
}

var alphabet = []string{"中", "国", "邮", "政", "，", "。", "、", "“", "”", "（", "）", "《", "》", "：", "；", "！", "？", "——", "……", "·", "a", "b", "Z", "1", "9", "0", "%", "-", "/", ".", " ", "+", "GB/T 9704"}

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		w := r.Intn(len(alphabet))
		if r.Intn(3) > 0 {
			w = r.Intn(4) // mostly Han
		}
		b.WriteString(alphabet[w])
	}
	return b.String()
}

func TestRandomParagraphs(t *testing.T) {
	r := rand.New(rand.NewSource(9704))
	for i := 0; i < 3000; i++ {
		s := randomText(r, 1+r.Intn(120))
		p := Params{Width: Len(4+r.Intn(30)) * em, Indent: Len(r.Intn(3)) * em, CJKLatinGap: 250}
		if r.Intn(2) == 0 {
			p.Pitch = 950
		}
		checkLines(t, s, breakStr(s, p), p)
		if t.Failed() {
			t.Fatalf("input %q params %+v", s, p)
		}
	}
}

func FuzzBreak(f *testing.F) {
	f.Add("会议强调，要深刻领会习近平总书记重要讲话和指示精神。", 10, 2)
	f.Add("审议2026年市邮政业安全和应急、生态环保——全面……好“一基地”（总第544期）", 7, 0)
	f.Add("GB/T 9704-2012 http://example.com/a 50% 一、二", 5, 1)
	f.Fuzz(func(t *testing.T, s string, width, indent int) {
		if !utf8.ValidString(s) || width < 3 || width > 60 || indent < 0 || indent > 2 {
			return
		}
		p := Params{Width: Len(width) * em, Indent: Len(indent) * em, CJKLatinGap: 250}
		checkLines(t, s, breakStr(s, p), p)
	})
}

// Very long Latin runs and paragraphs (a fuzzer once hung on a quadratic
// pass over a long URL-like run) are broken whole and correctly.
func TestLongInputs(t *testing.T) {
	for _, s := range []string{strings.Repeat("a", 200000), strings.Repeat("中，", 100000), strings.Repeat("ab/", 50000), strings.Repeat("，", 50000) + strings.Repeat("中", 50000)} {
		checkLines(t, s, breakStr(s, Params{Width: 10 * em}), Params{Width: 10 * em})
	}
}

// The Han–Latin gap goes next to letters, digits and a number's percent
// sign, not next to a slash or a plus sign between Han characters.
func TestGapOnlyAtLettersAndDigits(t *testing.T) {
	p := Params{Width: 40 * em, CJKLatinGap: 250}
	gapAfter := func(s string, k int) Len {
		g := breakStr(s, p)[0].Glyphs
		return g[k+1].X - (g[k].X + g[k].Adv)
	}
	cases := []struct {
		s    string
		k    int // gap after glyph k
		want Len
	}{
		{"四级/中级工", 1, 0},
		{"四级/中级工", 2, 0},
		{"党建+基层", 1, 0},
		{"共5家", 0, em / 4},
		{"达81.5%的", 5, em / 4},
		{"用App导航", 3, em / 4},
	}
	for _, c := range cases {
		if got := gapAfter(c.s, c.k); got != c.want {
			t.Errorf("%s: gap after glyph %d is %v, want %v", c.s, c.k, got, c.want)
		}
	}
}

// A centred line drops the blank halves of an opening mark at its start
// and a closing mark at its end, so its width is the ink's.
func TestCenteredTrimsEnds(t *testing.T) {
	s := "“暖蜂驿站”"
	plain := breakStr(s, Params{Width: 40 * em, Ragged: true})[0]
	cen := breakStr(s, Params{Width: 40 * em, Ragged: true, Centered: true})[0]
	if plain.Width != 6*em || cen.Width != 5*em {
		t.Fatalf("widths %v and %v, want 6 em and 5 em", plain.Width, cen.Width)
	}
	if g := cen.Glyphs[0]; g.X+g.TrimL != 0 {
		t.Fatalf("the opening quote's ink starts at %v, want 0", g.X+g.TrimL)
	}
}

// FuzzBreakTitle breaks fuzzed text as a centred title (ragged, balanced,
// ends trimmed): nothing lost or duplicated, no forbidden line start or
// end, every glyph's ink inside the measure.
func FuzzBreakTitle(f *testing.F) {
	f.Add("上海市邮政快递行业启动“暖蜂驿站”关爱服务月活动", 14)
	f.Add("黄浦邮政管理局会同属地社会工作部推进落实 “党建+基层治理+权益保障”专项行动", 20)
	f.Add("《关于GB/T 9704-2012的说明》（2026年第9期）", 6)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if !utf8.ValidString(s) || width < 3 || width > 60 {
			return
		}
		p := Params{Width: Len(width) * em, Ragged: true, Centered: true, CJKLatinGap: 250}
		checkLines(t, s, breakStr(s, p), p)
		// with word ratings and a preferred length: the shaped search
		p.Words, p.Prefer = fakeWords, Len(width*2/3)*em
		checkLines(t, s, breakStr(s, p), p)
		// a display line with its marks at half width (masthead)
		p = Params{Width: Len(width) * em, Ragged: true, Centered: true, Tight: true, CJKLatinGap: 250}
		checkLines(t, s, breakStr(s, p), p)
	})
}

// A protected name is never broken across lines, wherever it falls.
func TestProtectedNames(t *testing.T) {
	names := []string{"习近平", "李强", "赵乐际", "王沪宁", "蔡奇", "丁薛祥", "李希", "欧阳修远"}
	fill := strings.Repeat("推进基层治理工作服务群众取得实效", 4)
	p := Params{Width: 28 * em, Indent: 2 * em, Pitch: em, Protected: names}
	for _, n := range names {
		for off := 0; off < 40; off++ {
			text := string([]rune(fill)[:off]) + n + "同志强调，要持续推进各项工作。" + fill
			ls := breakStr(text, p)
			for _, l := range ls[:len(ls)-1] {
				end := []rune(text)[:l.End]
				for k := 1; k < len([]rune(n)); k++ {
					if strings.HasSuffix(string(end), string([]rune(n)[:k])) && strings.HasPrefix(string([]rune(text)[l.End:]), string([]rune(n)[k:])) {
						t.Fatalf("%q broken at %d (offset %d): line ends %q", n, k, off, l.Text)
					}
				}
			}
			checkLines(t, text, ls, p)
		}
	}
}

// Justification spreads over every gap: a Han–Latin gap grows to 3/8 em
// at most while other gaps can take the slack.
func TestHanLatinGapCap(t *testing.T) {
	p := Params{Width: 28 * em, Indent: 2 * em, Pitch: em, CJKLatinGap: 250}
	text := "3月27日，上海市邮政管理局党组召开会议，集中学习习近平总书记在考察河北雄安新区时重要讲话精神，听取关于开展树立和践行正确政绩观学习教育的情况汇报。"
	// a measure between grid steps leaves slack on every line
	p.Width = 27*em + em*3/4
	ls := breakStr(text, p)
	widest := Len(0)
	for _, l := range ls[:len(ls)-1] {
		for k := 1; k < len(l.Glyphs); k++ {
			a, b := l.Glyphs[k-1], l.Glyphs[k]
			if (IsLatin(a.R) && IsHan(b.R)) || (IsHan(a.R) && IsLatin(b.R)) {
				widest = max(widest, b.X-(a.X+a.Adv))
			}
		}
	}
	if widest > em*3/8+1 || widest < em/4-1 {
		t.Errorf("widest Han–Latin gap %v, want between 1/4 and 3/8 em (%v)", widest, em*3/8)
	}
	checkLines(t, text, ls, p)
}

// A middle dot takes half a character: 聚蜂驿·圆通康桥站 is 8.5 em.
func TestMiddleDotHalf(t *testing.T) {
	ls := breakStr("聚蜂驿·圆通康桥站", Params{Width: 20 * em, Ragged: true})
	if len(ls) != 1 || ls[0].Width != 8*em+em/2 {
		t.Fatalf("width %v, want 8.5 em (%v)", ls[0].Width, 8*em+em/2)
	}
	g := ls[0].Glyphs
	if dot := g[3]; dot.R != '·' || dot.X+dot.TrimL != 3*em-0 && g[4].X-(g[2].X+g[2].Adv) != em/2 {
		t.Errorf("dot box %+v", dot)
	}
}

// fakeWords rates break positions from the characters around them, so the
// shaped title search sees every quality (the real ratings come from
// internal/segment, outside this package).
func fakeWords(text []rune) []uint8 {
	q := make([]uint8, len(text)+1)
	for i := 1; i < len(text); i++ {
		q[i] = uint8((text[i-1] + text[i]) % 4)
	}
	return q
}

// narrowDash is a face whose dash advance is 0.89 em, as Noto CJK's is.
type narrowDash struct{ fakeFont }

func (narrowDash) Advance(r rune, style int) Len {
	if r == '—' {
		return em * 89 / 100
	}
	return fakeFont{}.Advance(r, style)
}

// The two dashes of a 破折号 take a full cell each, whatever the face's
// dash advance.
func TestDashTakesFullCells(t *testing.T) {
	ls := Break([]Run{{Text: "记者——王某"}}, narrowDash{}, Params{Width: 20 * em, Ragged: true})
	if len(ls) != 1 {
		t.Fatalf("%d lines", len(ls))
	}
	gs := ls[0].Glyphs
	for i, want := range []Len{0, em, 2 * em, 3 * em, 4 * em, 5 * em} {
		if gs[i].X != want {
			t.Errorf("%c at %v, want %v", gs[i].R, gs[i].X, want)
		}
	}
}
