package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jianbao/internal/diag"
	_ "jianbao/internal/golden"
	"jianbao/layouts"
)

func TestBuiltins(t *testing.T) {
	for _, n := range BuiltinNames() {
		s, errs := Load(n, ".", diag.Pos{})
		if len(errs) > 0 {
			t.Fatalf("%s: %v", n, errs)
		}
		if s.Grid.Lines != 22 || s.Grid.Chars != 28 || s.LinePitch() != 28990 || s.CharPitch() != 15793 {
			t.Errorf("%s: grid %d×%d pitch %v×%v", n, s.Grid.Lines, s.Grid.Chars, s.LinePitch(), s.CharPitch())
		}
		if s.BlockW() != 442205 || s.BlockH() != 637795 {
			t.Errorf("%s: text block %v × %v", n, s.BlockW(), s.BlockH())
		}
		if len(s.Notes) > 0 {
			t.Errorf("%s: notes %v", n, s.Notes)
		}
	}
}

func TestErrors(t *testing.T) {
	base, _ := layouts.FS.ReadFile("jianbao.yaml")
	cases := []struct{ name, from, to, want string }{
		{"unknown field", "grid: {lines: 22, chars: 28}", "grid: {lines: 22, chars: 28, colums: 2}", `x.yaml:8: 未知字段 "colums"`},
		{"bad length", "top: 37mm", "top: 37cm", `x.yaml:7: 长度 "37cm" 无法识别`},
		{"unknown font", "face: gkai00mp", "face: SimKai", `字体角色 "kaiti" 用了不存在的字体 "SimKai"`},
		{"bad colour", "red: [0, 100, 100, 0]", "red: [0, 100, 100]", `颜色 "red" 应是四个 0–100 的 CMYK 百分数`},
		{"note inset too wide", "inset: 2                  #", "inset: 12 #", `note.inset 太大，编者按每行放不下几个字`},
		{"note label font unknown", "label_font: heiti", "label_font: weibei", `note.label_font 为 "weibei"，不是已定义的字体角色`},
		{"note lines after", "lines_after: 1            # a blank grid line", "lines_after: 9 #", `note.lines_after 应在 0 到 5 之间`},
		{"print resolution", "image: {dpi: 300,", "image: {dpi: 30000,", `image.dpi 和 image.default_dpi 不应超过 2400`},
		{"closing inset", "inset: 2                 # the longest", "inset: 11 #", `closing.inset 应在 0 到 10 之间`},
		{"closing font", "closing:                    # 落款 (unit, then date), GB/T 9704 7.3.5.2\n  font: fangsong", "closing:\n  font: lishu", `closing.font 为 "lishu"，不是已定义的字体角色`},
		{"caption font", "caption: {font: fangsong", "caption: {font: lishu", `caption.font 为 "lishu"，不是已定义的字体角色`},
	}
	for _, c := range cases {
		src := strings.Replace(string(base), c.from, c.to, 1)
		if src == string(base) {
			t.Fatalf("%s: replacement not applied", c.name)
		}
		_, errs := Parse("x.yaml", []byte(src))
		if len(errs) == 0 || !strings.Contains(errs.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, errs, c.want)
		}
	}
}

// A layout written before heading3, subtitle and closing existed still
// loads, with those styles taken from the body and heading2 styles.
func TestOptionalStylesDefault(t *testing.T) {
	base, _ := layouts.FS.ReadFile("jianbao.yaml")
	src := string(base)
	start := strings.Index(src, "heading3:")
	end := strings.Index(src, "\nnote:") + 1
	if start < 0 || end < start {
		t.Fatal("jianbao.yaml has no heading3 … note section")
	}
	src = src[:start] + src[end:]
	s, errs := Parse("old.yaml", []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if s.Heading3.Font != s.Body.Font || s.Closing.Font != s.Body.Font || s.Subtitle.Font != s.Heading2.Font {
		t.Errorf("defaults: heading3 %q closing %q subtitle %q", s.Heading3.Font, s.Closing.Font, s.Subtitle.Font)
	}
	if *s.Closing.Inset != 2 || *s.Closing.DateShift != 2 || *s.Closing.LinesBefore != 1 || s.Closing.Indent != 0 {
		t.Errorf("closing defaults: %d %d %d indent %d", *s.Closing.Inset, *s.Closing.DateShift, *s.Closing.LinesBefore, s.Closing.Indent)
	}
}

// A layout with base: gives only what it changes; mappings merge key by
// key, through a chain of files; errors name the file that has them.
func TestBase(t *testing.T) {
	dir := t.TempDir()
	w := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	w("office.yaml", "base: jianbao\nname: office\nfonts:\n  fangsong: {face: NotoSerifCJKsc-Regular}\nbody: {size: 15pt}\n")
	w("unit.yaml", "base: office.yaml\ncolors:\n  red: [0, 90, 90, 0]\n")
	s, errs := Load("unit.yaml", dir, diag.Pos{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if f := s.Fonts["fangsong"]; f.Face != "NotoSerifCJKsc-Regular" || f.Fallback != "NotoSerifCJKsc-Regular" || f.Name != "仿宋" {
		t.Errorf("fangsong role not merged key by key: %+v", f)
	}
	if s.Body.Font != "fangsong" || s.Body.Size.Abs != 15000 || s.Body.Indent != 2 {
		t.Errorf("body not merged: %+v", s.Body)
	}
	if s.Name != "office" || s.Masthead.Size.Abs != 42000 {
		t.Errorf("inherited fields lost: name %q masthead %v", s.Name, s.Masthead.Size.Abs)
	}
	// office.yaml changes body.size and gives no grid: the grid and the
	// headings follow the new body size (TestGridFollowsBody).
	if s.Grid.Lines != 23 || s.Grid.Chars != 30 || s.Heading1.Size.Abs != 15000 {
		t.Errorf("grid %d × %d, heading1 %v: want 23 × 30 and 15pt from body.size 15pt", s.Grid.Lines, s.Grid.Chars, s.Heading1.Size.Abs)
	}
	if c := s.Colors["red"]; c[1] != 90 || s.Colors["black"] == nil {
		t.Errorf("colours: %v", s.Colors)
	}
	for name, c := range map[string]struct{ src, want string }{
		"unknown field": {"base: jianbao\nbody: {sise: 15pt}\n", "bad.yaml:2: 未知字段 \"sise\""},
		"missing base":  {"base: nothere.yaml\n", "bad.yaml:1:7: 找不到版式文件 \"nothere.yaml\""},
		"no builtin":    {"base: nothere\n", "bad.yaml:1:7: 没有名为 \"nothere\" 的内置版式"},
		"cycle":         {"base: bad.yaml\n", "版式的 base 层层引用太深"},
		"bad value":     {"base: jianbao\ngrid: {lines: 0, chars: 28}\n", "grid.lines 和 grid.chars 应在 1 到 100 之间"},
	} {
		w("bad.yaml", c.src)
		_, errs := Load("bad.yaml", dir, diag.Pos{})
		if len(errs) == 0 || !strings.Contains(errs.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", name, errs, c.want)
		}
	}
}
