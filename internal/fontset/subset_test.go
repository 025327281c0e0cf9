package fontset

import (
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// A subset keeps every asked-for rune with the same advance and the same
// outline (composite glyphs included), drops the rest, and is small.
func TestSubset(t *testing.T) {
	cases := []struct {
		face  string
		runes string
	}{
		{"FandolFang-Regular", "上海市邮政管理局党组召开会议，。“”（）《》——……0123"},
		{"LiberationSerif-Regular", "GB/T 9704-2012 éàçÅñ ©%"}, // accented letters are composites here
		{"NotoSerifCJKsc-Regular", "— 0123456789 —"},
	}
	for _, c := range cases {
		f, err := Load(c.face)
		if err != nil {
			t.Fatal(err)
		}
		data, err := Subset(f, []rune(c.runes))
		if err != nil {
			t.Fatalf("%s: %v", c.face, err)
		}
		if len(data)*20 > len(f.Data) && len(f.Data) > 1<<20 {
			t.Errorf("%s: subset is %d bytes of %d", c.face, len(data), len(f.Data))
		}
		sub, err := sfnt.Parse(data)
		if err != nil {
			t.Fatalf("%s: subset does not parse: %v", c.face, err)
		}
		var b1, b2 sfnt.Buffer
		ppem := fixed.Int26_6(f.UPEM << 6)
		composites := 0
		for _, r := range c.runes {
			if r == ' ' {
				continue
			}
			og, _ := f.font.GlyphIndex(&b1, r)
			ng, err := sub.GlyphIndex(&b2, r)
			if err != nil || ng == 0 {
				t.Fatalf("%s: %q missing from the subset", c.face, r)
			}
			oa, _ := f.font.GlyphAdvance(&b1, og, ppem, font.HintingNone)
			na, _ := sub.GlyphAdvance(&b2, ng, ppem, font.HintingNone)
			if oa != na {
				t.Errorf("%s: %q advance %v, was %v", c.face, r, na, oa)
			}
			os, err1 := f.font.LoadGlyph(&b1, og, ppem, nil)
			ns, err2 := sub.LoadGlyph(&b2, ng, ppem, nil)
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %q: %v %v", c.face, r, err1, err2)
			}
			if len(os) != len(ns) {
				t.Fatalf("%s: %q outline has %d segments, was %d", c.face, r, len(ns), len(os))
			}
			for k := range os {
				if os[k] != ns[k] {
					t.Fatalf("%s: %q outline differs at segment %d", c.face, r, k)
				}
			}
			if g, _ := glyphBytes(f, int(og)); len(g) >= 2 && int16(uint16(g[0])<<8|uint16(g[1])) < 0 {
				composites++
			}
		}
		if c.face == "LiberationSerif-Regular" && composites == 0 {
			t.Log("no composite glyph among the Latin test runes")
		}
		if ng := sub.NumGlyphs(); ng > len([]rune(c.runes))+20 {
			t.Errorf("%s: subset has %d glyphs", c.face, ng)
		}
		// a rune not asked for is not there
		if g, _ := sub.GlyphIndex(&b2, '龘'); g != 0 {
			t.Errorf("%s: subset maps a rune not asked for", c.face)
		}
	}
}

func glyphBytes(f *Face, gid int) ([]byte, error) {
	t, err := tables(f.Data)
	if err != nil {
		return nil, err
	}
	loca, glyf := t["loca"], t["glyf"]
	if t["head"][51] == 1 {
		a, b := be32(loca[4*gid:]), be32(loca[4*gid+4:])
		return glyf[a:b], nil
	}
	a, b := 2*be16(loca[2*gid:]), 2*be16(loca[2*gid+2:])
	return glyf[a:b], nil
}

func be16(b []byte) int { return int(b[0])<<8 | int(b[1]) }
func be32(b []byte) int { return be16(b)<<16 | be16(b[2:]) }
