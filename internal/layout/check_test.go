package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/layouts"
)

// writeLayout writes a layout file in dir and loads it.
func writeLayout(t *testing.T, dir, src string) (*Spec, diag.List, string) {
	t.Helper()
	p := filepath.Join(dir, "office.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	s, errs := Load("office.yaml", dir, diag.Pos{})
	return s, errs, p
}

// A grid too fine for the sizes set on it is an error at the change that
// made it: the grid value the layout writes, or the size it writes.
func TestOverlap(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, src string
		want      []string // each error, in full, after "FILE:"
	}{
		{"32 characters of 16pt", "base: jianbao\ngrid: {lines: 26, chars: 32}\n", []string{
			"2:26: body、heading1、heading2、heading3、note 的字号 16pt 大于每字宽度 13.8pt（版心宽 156mm ÷ grid.chars 32），相邻的字会重叠；请减小字号或减少 grid.chars（16pt 的字每行最多排 28 个）",
		}},
		{"40 lines of 16pt", "base: jianbao\ngrid: {lines: 40, chars: 28}\n", []string{
			"2:15: body、heading1、heading2、heading3、note、subtitle、closing 的字号 16pt 大于每行行距 15.9pt（版心高 225mm ÷ grid.lines 40），上下行会重叠；请减小字号或减少 grid.lines（16pt 的字每页最多排 39 行）",
		}},
		{"a heading too large for the base's grid", "base: jianbao\nheading1: {size: 20pt}\n", []string{
			"2:18: heading1.size 20pt 大于每字宽度 15.8pt（版心宽 156mm ÷ grid.chars 28），相邻的字会重叠；请减小字号或减少 grid.chars（20pt 的字每行最多排 22 个）",
		}},
		{"A5 paper under the base's grid", "base: jianbao\npage: {width: 148mm, height: 210mm}\nmargin: {top: 20mm, bottom: 20mm, left: 20mm, right: 20mm}\n", []string{
			"2:15: body、heading1、heading2、heading3、note 的字号 16pt 大于每字宽度 10.9pt（版心宽 108mm ÷ grid.chars 28），相邻的字会重叠；请减小字号或减少 grid.chars（16pt 的字每行最多排 19 个）",
		}},
		{"a derived grid too fine for a heading", "base: jianbao\nbody: {size: 12pt}\nheading1: {size: 16pt}\n", []string{
			"3:18: heading1.size 16pt 大于每字宽度 12pt（版心宽 156mm ÷ grid.chars 37，grid.chars 由 body.size 12pt 推得），相邻的字会重叠；请减小字号，或写出 grid.chars（16pt 的字每行最多排 28 个）",
		}},
		{"title and caption leading", "base: jianbao\ntitle: {leading: 20pt}\ncaption: {leading: 12pt}\n", []string{
			"2:18: title.size 22pt 大于 title.leading 20pt，标题的上下行会重叠；请加大 title.leading 或减小 title.size",
			"3:20: caption.size 14pt 大于 caption.leading 12pt，图片说明的上下行会重叠；请加大 caption.leading 或减小 caption.size",
		}},
		{"distribution leading", "base: jianbao\ndistribution: {leading: 10pt}\n", []string{
			"2:25: distribution.size 14pt 大于 distribution.leading 10pt，报送栏的上下行会重叠；请加大 distribution.leading 或减小 distribution.size",
		}},
		{"distribution on a fine grid", "base: jianbao\nbody: {size: 8pt}\ngrid: {lines: 48}\n", []string{
			"3:15: distribution.size 14pt 大于每行行距 13.3pt（版心高 225mm ÷ grid.lines 48），上下行会重叠；请减小字号或减少 grid.lines（14pt 的字每页最多排 45 行），或给 distribution 设 leading",
		}},
	}
	for _, c := range cases {
		_, errs, p := writeLayout(t, dir, c.src)
		var got []string
		for _, e := range errs {
			got = append(got, strings.TrimPrefix(e.Error(), p+":"))
		}
		if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}

	// A layout file of its own (no base) is checked the same way.
	base, _ := layouts.FS.ReadFile("jianbao.yaml")
	src := strings.Replace(string(base), "grid: {lines: 22, chars: 28}", "grid: {lines: 26, chars: 32}", 1)
	_, errs := Parse("x.yaml", []byte(src))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "x.yaml:8:26: body、heading1、heading2、heading3、note 的字号 16pt 大于每字宽度 13.8pt") {
		t.Errorf("standalone: %v", errs)
	}
	// In one file, a grid too fine for the body size is the grid's fault;
	// a heading too large for a grid that suits the body, the heading's.
	// Messages name the file as given, a built-in's too.
	src = strings.Replace(string(base), "body: {font: fangsong, size: 16pt", "body: {font: fangsong, size: 20pt", 1)
	_, errs = Parse("layouts/jianbao.yaml", []byte(src))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "layouts/jianbao.yaml:8:26: body.size 20pt 大于每字宽度 15.8pt") {
		t.Errorf("built-in file: %v", errs)
	}
	src = strings.Replace(string(base), "heading1: {font: heiti, size: 16pt", "heading1: {font: heiti, size: 20pt", 1)
	_, errs = Parse("layouts/jianbao.yaml", []byte(src))
	if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "layouts/jianbao.yaml:65:31: heading1.size 20pt 大于每字宽度 15.8pt") {
		t.Errorf("built-in file: %v", errs)
	}
}

// Lines closer than 1.2 × their size are allowed, with a note.
func TestTightLines(t *testing.T) {
	s, errs, p := writeLayout(t, t.TempDir(), "base: jianbao\ngrid: {lines: 35}\ntitle: {leading: 24pt}\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []string{
		p + ":2:15: body、heading1、heading2、heading3、note、subtitle、closing 的字号 16pt 的行距只有 18.2pt（版心高 225mm ÷ grid.lines 35），不到字号的 1.2 倍，上下行几乎相接；宜减小字号或减少 grid.lines（16pt 的字每页最多排 39 行）",
		p + ":3:18: title.size 22pt 的行距 title.leading 只有 24pt，不到字号的 1.2 倍，标题的上下行几乎相接；宜加大 title.leading 或减小 title.size",
	}
	if s.Notes.Error() != strings.Join(want, "\n") {
		t.Errorf("notes:\n%v\nwant\n%s", s.Notes, strings.Join(want, "\n"))
	}
}

// A grid the layout does not give follows the body size; a layout that
// changes its base's body size gets a grid for it, and its headings, notes,
// subtitles and 落款 that were the body size take the new one.
func TestGridFollowsBody(t *testing.T) {
	dir := t.TempDir()
	s, errs, p := writeLayout(t, dir, "base: jianbao\nbody: {size: 14pt}\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Grid.Lines != 25 || s.Grid.Chars != 32 || s.LinePitch() != 25511 || s.CharPitch() != 13818 {
		t.Errorf("grid %d × %d, pitch %v × %v; want 25 × 32", s.Grid.Lines, s.Grid.Chars, s.LinePitch(), s.CharPitch())
	}
	for name, st := range map[string]Style{"heading1": s.Heading1, "heading2": s.Heading2, "heading3": s.Heading3, "note": s.Note.Style, "subtitle": s.Subtitle, "closing": s.Closing.Style} {
		if st.Size.Abs != 14000 {
			t.Errorf("%s.size %v, want 14pt", name, st.Size.Abs)
		}
	}
	if s.Distribution.Size.Abs != 14000 || s.Caption.Size.Abs != 14000 || s.Title.Size.Abs != 22000 || s.EditorLine.Size.Abs != 16000 {
		t.Errorf("sizes not tied to the body changed: distribution %v caption %v title %v editor line %v", s.Distribution.Size.Abs, s.Caption.Size.Abs, s.Title.Size.Abs, s.EditorLine.Size.Abs)
	}
	want := p + ":2:14: 按 body.size 14pt 推得 grid.lines 25（每页 25 行，行距不小于字号的 1.8 倍）、grid.chars 32（每行 32 字）；版式没有写出的网格随正文字号（改了 base 的 body.size 时，base 的网格不再沿用）；要固定网格，请写 grid: {lines: 25, chars: 32}"
	if len(s.Notes) != 1 || s.Notes[0].Error() != want {
		t.Errorf("notes %v\nwant %s", s.Notes, want)
	}

	// What the layout writes stays: its grid value, its heading size.
	s, errs, _ = writeLayout(t, dir, "base: jianbao\nbody: {size: 14pt}\ngrid: {chars: 30}\nheading1: {size: 15pt}\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Grid.Lines != 25 || s.Grid.Chars != 30 || s.Heading1.Size.Abs != 15000 || s.Heading2.Size.Abs != 14000 {
		t.Errorf("grid %d × %d, heading1 %v heading2 %v", s.Grid.Lines, s.Grid.Chars, s.Heading1.Size.Abs, s.Heading2.Size.Abs)
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0].Msg, "grid.lines 25（") || strings.Contains(s.Notes[0].Msg, "grid.chars") {
		t.Errorf("notes %v", s.Notes)
	}

	// The body size written again, as 三号: nothing changes.
	s, errs, _ = writeLayout(t, dir, "base: jianbao\nbody: {size: 三号}\n")
	if len(errs) > 0 || s.Grid.Lines != 22 || s.Grid.Chars != 28 || len(s.Notes) > 0 {
		t.Errorf("restated body size: %v grid %d × %d notes %v", errs, s.Grid.Lines, s.Grid.Chars, s.Notes)
	}

	// Through a chain: unit.yaml changes only a colour of office.yaml,
	// which changed the body size; the grid is office.yaml's derived one.
	writeLayout(t, dir, "base: jianbao\nbody: {size: 小四}\n")
	if err := os.WriteFile(filepath.Join(dir, "unit.yaml"), []byte("base: office.yaml\ncolors: {red: [0, 90, 90, 0]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, errs = Load("unit.yaml", dir, diag.Pos{})
	if len(errs) > 0 || s.Grid.Lines != 29 || s.Grid.Chars != 37 || s.Heading1.Size.Abs != 12000 {
		t.Errorf("chain: %v grid %d × %d heading1 %v", errs, s.Grid.Lines, s.Grid.Chars, s.Heading1.Size.Abs)
	}
	if len(s.Notes) != 1 || s.Notes[0].Pos.File != filepath.Join(dir, "office.yaml") || s.Notes[0].Pos.Line != 2 {
		t.Errorf("chain note %v", s.Notes)
	}

	// A layout of its own without grid: the derivation gives GB/T 9704's
	// 22 × 28 for 三号, as the built-in layouts write it.
	base, _ := layouts.FS.ReadFile("jianbao.yaml")
	src := strings.Replace(string(base), "grid: {lines: 22, chars: 28}\n", "", 1)
	s, errs = Parse("x.yaml", []byte(src))
	if len(errs) > 0 || s.Grid.Lines != 22 || s.Grid.Chars != 28 {
		t.Errorf("no grid: %v grid %d × %d", errs, s.Grid.Lines, s.Grid.Chars)
	}

	// The derivation for each 字号 an office uses for its body.
	for _, c := range []struct {
		pt           float64
		lines, chars int
	}{{16, 22, 28}, {15, 23, 30}, {14, 25, 32}, {12, 29, 37}, {10.5, 33, 42}, {18, 19, 25}, {22, 16, 20}} {
		size := display.PtF(c.pt)
		l, ch := linesFor(637795, size, lineFactorNum, lineFactorDen), charsFor(442205, size)
		if l != c.lines || ch != c.chars {
			t.Errorf("%vpt: %d × %d, want %d × %d", c.pt, l, ch, c.lines, c.chars)
		}
		if p := display.Len(637795 / l); p*10 < size*18 {
			t.Errorf("%vpt: line pitch %v below 1.8 × size", c.pt, p)
		}
		if !charFits(size, 442205/display.Len(ch)) || charFits(size, 442205/display.Len(ch+1)) {
			t.Errorf("%vpt: %d characters are not the most that fit", c.pt, ch)
		}
	}
}

// 字号 names with Arabic (or full-width) digits, a 号 or not, spaces.
func TestSizeNames(t *testing.T) {
	for in, want := range map[string]display.Len{
		"四号": 14000, "4号": 14000, "4 号": 14000, "４号": 14000, "小四": 12000, "小4": 12000,
		"小四号": 12000, "小4号": 12000, "小 4 号": 12000, "初号": 42000, "小初": 36000, "小初号": 36000,
		"1号": 26000, "小1": 24000, "2号": 22000, "小2号": 18000, "3号": 16000, "小3": 15000,
		"5号": 10500, "小5号": 9000, "6号": 7500, "小6": 6500, "7号": 5500, "8号": 5000, "16pt": 16000,
	} {
		var l Length
		if err := yaml.Unmarshal([]byte("\""+in+"\""), &l); err != nil || l.Abs != want || !l.Set {
			t.Errorf("%q: %v %v, want %v", in, l.Abs, err, want)
		}
	}
	for _, in := range []string{"9号", "小8", "小号", "4", "四", "小七号"} {
		var l Length
		err := yaml.Unmarshal([]byte("\""+in+"\""), &l)
		if err == nil || !strings.Contains(err.Error(), "无法识别") {
			t.Errorf("%q: %v %v, want an error", in, l.Abs, err)
		}
	}
	s, errs, _ := writeLayout(t, t.TempDir(), "base: jianbao\nbody: {size: 3号}\nheading1: {size: 小 3 号}\n")
	if len(errs) > 0 || s.Body.Size.Abs != 16000 || s.Heading1.Size.Abs != 15000 {
		t.Errorf("layout: %v body %v heading1 %v", errs, s.Body.Size.Abs, s.Heading1.Size.Abs)
	}
}

// Colours as CMYK lists, #RRGGBB, #RGB or rgb(r, g, b); RGB is converted,
// and noted.
func TestColors(t *testing.T) {
	for in, want := range map[string][4]int{
		"#FF0000": {0, 100, 100, 0}, "#C00000": {0, 100, 100, 25}, "#c00000": {0, 100, 100, 25},
		"#c00": {0, 100, 100, 20}, "#F00": {0, 100, 100, 0}, "rgb(192, 0, 0)": {0, 100, 100, 25},
		"RGB(255,0,0)": {0, 100, 100, 0}, "rgb(0 128 255)": {100, 50, 0, 0}, "#000": {0, 0, 0, 100},
		"#ffffff": {0, 0, 0, 0}, "#808080": {0, 0, 0, 50}, " #1F4E79 ": {74, 36, 0, 53},
	} {
		c, err := parseRGB(in)
		if err != nil || len(c) != 4 || [4]int(c) != want {
			t.Errorf("%q: %v %v, want %v", in, c, err, want)
		}
	}
	for _, in := range []string{"#C0000", "#GG0000", "rgb(256, 0, 0)", "rgb(1, 2)", "red", "#"} {
		if c, err := parseRGB(in); err == nil {
			t.Errorf("%q: %v, want an error", in, c)
		}
	}

	dir := t.TempDir()
	s, errs, p := writeLayout(t, dir, "base: jianbao\ncolors:\n  red: \"#C00000\"\n  dark: '#c00'\n  pure: rgb(255, 0, 0)\n  blue: [100, 60, 0, 0]\n")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Color("red") != (display.Color{C: 0, M: 100, Y: 100, K: 25}) || s.Color("dark") != (display.Color{C: 0, M: 100, Y: 100, K: 20}) ||
		s.Color("pure") != (display.Color{C: 0, M: 100, Y: 100, K: 0}) || s.Color("blue") != (display.Color{C: 100, M: 60, Y: 0, K: 0}) ||
		s.Color("black") != display.Black {
		t.Errorf("colours %v", s.Colors)
	}
	hint := "；这是不经色彩配置文件的简单换算，印出的颜色可能与屏幕不同；要指定油墨比例，请直接写 [c, m, y, k]"
	want := []string{
		p + ":3:8: 颜色 red 写作 #C00000，已换算为 CMYK [0, 100, 100, 25]" + hint,
		p + ":4:9: 颜色 dark 写作 #c00，已换算为 CMYK [0, 100, 100, 20]" + hint,
		p + ":5:9: 颜色 pure 写作 rgb(255, 0, 0)，已换算为 CMYK [0, 100, 100, 0]" + hint,
	}
	if s.Notes.Error() != strings.Join(want, "\n") {
		t.Errorf("notes:\n%v\nwant\n%s", s.Notes, strings.Join(want, "\n"))
	}

	for src, msg := range map[string]string{
		"base: jianbao\ncolors:\n  red: \"#C0000\"\n":     `:3: 颜色 "#C0000" 无法识别，应写成 CMYK 百分数 [c, m, y, k]，或 #C00000、#c00、rgb(192, 0, 0)`,
		"base: jianbao\ncolors:\n  red: rgb(300, 0, 0)\n": `:3: 颜色 "rgb(300, 0, 0)" 无法识别`,
		"base: jianbao\ncolors:\n  red: [0, 100, 100]\n":  `:3:8: 颜色 "red" 应是四个 0–100 的 CMYK 百分数`,
		"base: jianbao\ncolors:\n  red: #C00000\n":        `:3:7: 颜色 "red" 应是四个 0–100 的 CMYK 百分数；如 [0, 100, 100, 0]；#C00000 这样的颜色要加引号写成 "#C00000"，不加引号时 # 起是注释`,
	} {
		_, errs, p := writeLayout(t, dir, src)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), p+msg) {
			t.Errorf("%q: %v, want %s", src, errs, p+msg)
		}
	}
}
