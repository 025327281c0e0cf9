package layout

import (
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
	}
}

func TestErrors(t *testing.T) {
	base, _ := layouts.FS.ReadFile("jianbao.yaml")
	cases := []struct{ name, from, to, want string }{
		{"unknown field", "grid: {lines: 22, chars: 28}", "grid: {lines: 22, chars: 28, colums: 2}", `x.yaml:8: 未知字段 "colums"`},
		{"bad length", "top: 37mm", "top: 37cm", `x.yaml:7: 长度 "37cm" 无法识别`},
		{"unknown font", "face: gkai00mp", "face: SimKai", `字体角色 "kaiti" 用了不存在的字体 "SimKai"`},
		{"bad colour", "red: [0, 100, 100, 0]", "red: [0, 100, 100]", `颜色 "red" 应是四个 0–100 的 CMYK 百分数`},
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
