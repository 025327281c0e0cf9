package compose

import (
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/fontset"
	_ "jianbao/internal/golden"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
)

func spec(t *testing.T) *layout.Spec {
	s, errs := layout.Load("jianbao", ".", diag.Pos{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return s
}

// gb2312 decodes the GB 2312 code space: rows 1–9 (symbols) and 16–87 (hanzi).
func gb2312(t *testing.T) (hanzi, symbols []rune) {
	dec := simplifiedchinese.GBK.NewDecoder()
	for b1 := 0xA1; b1 <= 0xF7; b1++ {
		if b1 > 0xA9 && b1 < 0xB0 {
			continue
		}
		for b2 := 0xA1; b2 <= 0xFE; b2++ {
			s, err := dec.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				switch {
				case r == 0xFFFD || r < 0x80:
				case b1 >= 0xB0:
					hanzi = append(hanzi, r)
				default:
					symbols = append(symbols, r)
				}
			}
		}
	}
	return
}

// Every role covers all GB 2312 hanzi, the punctuation Chinese text uses,
// ASCII (through the Latin face) and every character of the example.
func TestRoleCoverage(t *testing.T) {
	sp := spec(t)
	hanzi, symbols := gb2312(t)
	if len(hanzi) != 6763 {
		t.Fatalf("decoded %d GB 2312 hanzi, want 6763", len(hanzi))
	}
	var errs diag.List
	f := newFonts(sp, &errs)
	var example []rune
	if data, err := os.ReadFile("../../examples/2026-09/articles/01-dangzu-huiyi.md"); err == nil {
		example = []rune(string(data))
	}
	ents, _ := os.ReadDir("../../examples/2026-09/articles")
	for _, e := range ents {
		data, _ := os.ReadFile("../../examples/2026-09/articles/" + e.Name())
		example = append(example, []rune(string(data))...)
	}
	punct := []rune("，。、；：？！“”‘’（）《》〈〉【】〔〕——……·－～％")
	var ascii []rune
	for r := rune(0x21); r < 0x7F; r++ {
		ascii = append(ascii, r)
	}
	for role := range sp.Fonts {
		st := f.style(styleKey{role: role, size: 16000})
		missing := 0
		for _, set := range [][]rune{hanzi, punct, ascii, example} {
			for _, r := range set {
				if r == '\n' || r == ' ' {
					continue
				}
				if _, _, ok := f.pick(r, st); !ok {
					if missing < 5 {
						t.Errorf("role %s lacks %q (U+%04X)", role, r, r)
					}
					missing++
				}
			}
		}
		// the role's own face alone covers every GB 2312 hanzi
		face := f.face(sp.Fonts[role].Face)
		own := 0
		for _, r := range hanzi {
			if face.Covers(r) {
				own++
			}
		}
		if own != 6763 {
			t.Errorf("role %s: face %s covers %d of 6763 GB 2312 hanzi", role, face.Name, own)
		}
		// symbols: covered by the role or its fallback (report, do not fail, for rare ones)
		sym := 0
		for _, r := range symbols {
			if _, _, ok := f.pick(r, st); ok {
				sym++
			}
		}
		t.Logf("role %s: %d/%d GB 2312 symbols", role, sym, len(symbols))
	}
}

func issueWith(text string) *doc.Issue {
	pos := diag.Pos{File: "a.md", Line: 3, Col: 1}
	return &doc.Issue{
		Masthead: []doc.Text{{S: "工作简报"}}, Year: 2026, Number: 1,
		Date: time.Date(2026, 3, 27, 0, 0, 0, 0, time.UTC),
		Articles: []*doc.Article{{
			Title:  doc.Block{Kind: doc.Title, Runs: []doc.Run{{Text: "标题", Pos: diag.Pos{File: "a.md", Line: 1, Col: 3}}}},
			Blocks: []doc.Block{{Kind: doc.Para, Pos: pos, Runs: []doc.Run{{Text: text, Pos: pos}}}},
		}},
	}
}

// A character outside every font and one outside the BMP get precise,
// positioned errors and no panic; the build produces nothing.
func TestMissingGlyphs(t *testing.T) {
	d, errs := Compose(issueWith("张𱍐，王\u4DC0，\uE000。"), spec(t))
	if d != nil {
		t.Fatal("a document was produced despite missing glyphs")
	}
	want := []string{
		"a.md:3:2: 字符「𱍐」(U+31350) 不在字体「仿宋」及其后备字体中；请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字",
		"a.md:3:5: 字符「䷀」(U+4DC0) 不在字体「仿宋」及其后备字体中；请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字",
		"a.md:3:7: 字符「\uE000」(U+E000) 不在字体「仿宋」及其后备字体中；请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字",
	}
	if errs.Error() != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", errs.Error(), strings.Join(want, "\n"))
	}
}

// A rare character outside the body face prints from the fallback face.
func TestFallback(t *testing.T) {
	sp := spec(t)
	var errs diag.List
	f := newFonts(sp, &errs)
	st := f.style(styleKey{role: "kaiti", size: 16000})
	r := '堃' // GBK, not GB 2312
	if f.face(sp.Fonts["kaiti"].Face).Covers(r) {
		t.Skip("face covers the test character")
	}
	fc, _, ok := f.pick(r, st)
	if !ok || fc.Name != sp.Fonts["kaiti"].Fallback {
		t.Fatalf("fallback not used for %q", r)
	}
}

// A character of a heavy role (黑体, 小标宋) that only the regular
// fallback face has is set in faux bold; one of a regular role is not.
func TestFallbackWeight(t *testing.T) {
	sp := spec(t)
	var errs diag.List
	f := newFonts(sp, &errs)
	for _, c := range []struct {
		role string
		bold bool
	}{{"heiti", true}, {"xiaobiaosong", true}, {"fangsong", false}, {"kaiti", false}} {
		st := f.style(styleKey{role: c.role, size: 16000})
		main := f.face(sp.Fonts[c.role].Face)
		r := rune(0)
		for _, x := range []rune("堃喆䶮𠮷") {
			if !main.Covers(x) {
				r = x
				break
			}
		}
		if r == 0 {
			t.Fatalf("%s: its face covers every test character", c.role)
		}
		fc, faux, ok := f.pick(r, st)
		if !ok || fc.Name != sp.Fonts[c.role].Fallback {
			t.Fatalf("%s: fallback not used for %q", c.role, r)
		}
		if faux != c.bold {
			t.Errorf("%s: %q in the fallback face, faux bold %v, want %v (weights %d, %d)", c.role, r, faux, c.bold, main.Weight, fc.Weight)
		}
		if c.bold {
			if _, faux, _ := f.pick('中', st); faux {
				t.Errorf("%s: a character of the role's own face is set in faux bold", c.role)
			}
		}
	}
}

func TestMastheadTooLong(t *testing.T) {
	is := issueWith("正文。")
	is.Masthead = []doc.Text{{S: strings.Repeat("很长的简报名称", 4), Pos: diag.Pos{File: "b.yaml", Line: 2, Col: 5}}}
	_, errs := Compose(is, spec(t))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "b.yaml:2:5: 报头“很长的简报名称") {
		t.Fatalf("%v", errs)
	}
}

var _ = linebreak.IsHan

// A dash whose ink leaves a margin in its cell is stretched so that it
// runs from the cell's left edge to its right, and the two halves of a
// 破折号 join; a face whose dash fills its cell is left alone.
func TestDashJoins(t *testing.T) {
	const size = Len(16000)
	for _, name := range []string{"gkai00mp", "NotoSansSC-Medium", "NotoSerifCJKsc-Regular", "FandolFang-Regular"} {
		fc, err := fontset.Load(name)
		if err != nil {
			t.Fatal(err)
		}
		l, r, ok := fc.InkX('—')
		if !ok {
			t.Fatalf("%s: no dash", name)
		}
		g := display.Glyph{R: '—', X: 100000, Face: name}
		dashJoin(&g, fc, size, size)
		scale := int64(1000)
		if g.ScaleX != 0 {
			scale = int64(g.ScaleX)
		}
		left := int64(g.X) + int64(l)*int64(size)/int64(fc.UPEM)*scale/1000
		right := int64(g.X) + int64(r)*int64(size)/int64(fc.UPEM)*scale/1000
		if left < 100000-20 || left > 100000+20 || right < 100000+int64(size)-20 || right > 100000+int64(size)+20 {
			t.Errorf("%s: ink runs %d–%d, want the cell 100000–%d (scale %d)", name, left, right, 100000+int64(size), scale)
		}
		if name == "FandolFang-Regular" && g.ScaleX != 0 {
			t.Errorf("%s: a dash that fills its cell is stretched (%d)", name, g.ScaleX)
		}
	}
}
