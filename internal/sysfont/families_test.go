package sysfont

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/image/font/sfnt"
)

func TestHanziSets(t *testing.T) {
	if n := len(gb2312Hanzi(t)); n != 6763 {
		t.Errorf("GB 2312 has %d hanzi, want 6763", n)
	}
	if n := len(gbkHanzi(t)); n < 20902 {
		t.Errorf("GBK has %d hanzi, want at least 20902", n)
	}
}

// TestCoverageMatchesSfnt: Coverage agrees with sfnt.GlyphIndex, which the
// rest of jianbao uses, rune by rune.
func TestCoverageMatchesSfnt(t *testing.T) {
	needFile(t, wqyPath)
	gbk := gbkHanzi(t)
	probe := append([]rune("ABC，。、“”《》—…０１ぁアㄅ가\U00020000\uFFFF"), gbk...)
	for _, c := range []struct {
		path  string
		index int
	}{{wqyPath, 0}, {umingPath, 2}, {repoTTF, 0}} {
		needFile(t, c.path)
		data, _, err := Open(c.path, c.index)
		if err != nil {
			t.Fatal(err)
		}
		f, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		want := 0
		for _, r := range probe {
			if g, err := f.GlyphIndex(&buf, r); err == nil && g != 0 {
				want++
			}
		}
		if got := Coverage(data, probe); got != want {
			t.Errorf("%s %d: Coverage %d, sfnt %d", c.path, c.index, got, want)
		}
		t.Logf("%s %d: %d of %d probe runes", filepath.Base(c.path), c.index, want, len(probe))
	}
	if Coverage(nil, probe) != 0 || Coverage([]byte("ttcf"), probe) != 0 {
		t.Error("coverage of nothing")
	}
}

func TestCJKFamilies(t *testing.T) {
	needFile(t, wqyPath)
	needFile(t, notoPath)
	gb2312, gbk := gb2312Hanzi(t), gbkHanzi(t)
	tmp := t.TempDir()
	writeFile(t, tmp, "tiny.ttf", tinyFont(t, "Tiny", 0)) // covers one hanzi: not listed
	fonts := Scan([]string{filepath.Dir(wqyPath), notoPath, repoTTF, tmp})
	fams := CJKFamilies(fonts, gb2312, gbk)
	byName := map[string]Family{}
	for i, f := range fams {
		byName[f.Name] = f
		if i > 0 && f.Name <= fams[i-1].Name {
			t.Errorf("%q after %q", f.Name, fams[i-1].Name)
		}
		for _, face := range f.Faces {
			if face.Han < MinHan || len(face.Coverage) != 2 || face.Coverage[0] > 6763 || face.Coverage[1] > len(gbk) {
				t.Errorf("%s: %+v", f.Name, face)
			}
		}
	}
	for _, n := range []string{"Liberation Serif", "Tiny"} {
		if _, ok := byName[n]; ok {
			t.Errorf("%s listed", n)
		}
	}
	wqy := byName["WenQuanYi Zen Hei"]
	if len(wqy.Faces) != 1 || !wqy.Faces[0].Embeddable() || wqy.Faces[0].Coverage[0] != 6763 {
		t.Errorf("WenQuanYi Zen Hei: %+v", wqy)
	} else {
		t.Logf("WenQuanYi Zen Hei %q: GB 2312 %d, GBK %d of %d, U+4E00–U+9FFF %d",
			wqy.Names, wqy.Faces[0].Coverage[0], wqy.Faces[0].Coverage[1], len(gbk), wqy.Faces[0].Han)
	}
	if !contains(wqy.Names, "文泉驿正黑") {
		t.Errorf("names %q", wqy.Names)
	}
	sc := byName["Noto Sans CJK SC"]
	if len(sc.Faces) != 1 || !errors.Is(sc.Faces[0].Err, ErrCFF) || sc.Faces[0].Embeddable() {
		t.Errorf("Noto Sans CJK SC: %+v", sc)
	}
	if _, err := os.Stat(umingPath); err == nil {
		fams := CJKFamilies(Scan([]string{umingPath}))
		if len(fams) != 4 || fams[0].Name != "AR PL UMing CN" || len(fams[0].Faces[0].Coverage) != 0 {
			t.Errorf("uming: %+v", fams)
		}
	}
}
