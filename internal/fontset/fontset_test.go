package fontset

import (
	"testing"

	"jianbao/fonts"
	_ "jianbao/internal/golden"
)

func TestGuards(t *testing.T) {
	for _, c := range []struct {
		data []byte
		want error
	}{
		{[]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x00"), ErrTTC},
		{[]byte("OTTO\x00\x01\x00\x00\x00\x00\x00\x00"), ErrCFF},
		{[]byte("<html>"), ErrSfnt},
	} {
		if _, err := Parse("x", c.data); err != c.want {
			t.Errorf("%q: %v, want %v", c.data[:4], err, c.want)
		}
	}
	f, err := Load("FandolFang-Regular")
	if err != nil {
		t.Fatal(err)
	}
	if f.Covers(0x20BB7) || f.Units(0x20BB7) != -1 {
		t.Error("a rune above U+FFFF must never count as covered")
	}
	if a, d := f.AscentDescent(); a <= 0 || d < 0 || a+d < f.UPEM/2 {
		t.Errorf("ascent %d descent %d", a, d)
	}
	if !f.Covers('仿') || f.Units('仿') != int32(f.UPEM) {
		t.Errorf("仿: covered %v, advance %d of %d", f.Covers('仿'), f.Units('仿'), f.UPEM)
	}
}

// BenchmarkLoadFonts parses every embedded face (fresh each time).
func BenchmarkLoadFonts(b *testing.B) {
	for i := 0; i < b.N; i++ {
		for name, info := range fonts.Faces {
			data := fonts.Data(info.File)
			f, err := Parse(name, data)
			if err != nil {
				b.Fatal(err)
			}
			f.Covers('中')
		}
	}
}
