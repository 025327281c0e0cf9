package sysfont

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

func TestScan(t *testing.T) {
	tmp := t.TempDir()
	root := filepath.Join(tmp, "fonts")
	one := writeFile(t, root, "one.ttf", tinyFont(t, "One", 0))
	two := writeFile(t, root, "sub/Two.TTC", collection(0x00010000, tinyTables("Two A", 0), tinyTables("Two B", 0x0002)))
	writeFile(t, root, "junk.ttf", []byte("this is not a font at all"))
	writeFile(t, root, "notes.txt", tinyFont(t, "Not a font file name", 0))
	writeFile(t, root, "trunc.otf", tinyFont(t, "Truncated", 0)[:300])
	// a file over 100 MB (sparse) is skipped
	big := writeFile(t, root, "big.ttf", tinyFont(t, "Big", 0))
	if err := os.Truncate(big, maxFileSize+1); err != nil {
		t.Fatal(err)
	}
	// a symlink loop and a second name for one.ttf: read once
	if err := os.Symlink(root, filepath.Join(root, "sub", "loop")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := os.Symlink(one, filepath.Join(root, "alias.ttf")); err != nil {
		t.Fatal(err)
	}
	os.Symlink(filepath.Join(root, "gone.ttf"), filepath.Join(root, "dangling.ttf"))

	got := Scan([]string{root, filepath.Join(root, "sub"), filepath.Join(tmp, "missing")})
	type face struct {
		base  string
		index int
		fam   string
		fs    uint16
	}
	var short []face
	for _, f := range got {
		short = append(short, face{filepath.Base(f.Path), f.Index, f.Families[0], f.FsType})
		if f.NumGlyphs != 3 || f.Outline != "glyf" || f.Families[len(f.Families)-1] != "小测试体" {
			t.Errorf("%+v", f)
		}
	}
	want := []face{{"Two.TTC", 0, "Two A", 0}, {"Two.TTC", 1, "Two B", 2}}
	if filepath.Base(got[0].Path) == "alias.ttf" {
		want = append([]face{{"alias.ttf", 0, "One", 0}}, want...)
	} else {
		want = append([]face{{"one.ttf", 0, "One", 0}}, want...)
	}
	if !reflect.DeepEqual(short, want) {
		t.Errorf("Scan\n got %+v\nwant %+v", short, want)
	}
	if got[1].Path != two {
		t.Errorf("path %s", got[1].Path)
	}
	// a file named directly
	if got := Scan([]string{one}); len(got) != 1 || got[0].Path != one {
		t.Errorf("Scan(file) = %+v", got)
	}
	if Scan(nil) != nil {
		t.Error("Scan(nil) not empty")
	}
}

// TestScanSystem scans /usr/share/fonts, reports the time, and checks that
// every face Scan lists opens or is refused for a reason Check foresaw.
func TestScanSystem(t *testing.T) {
	needFile(t, wqyPath)
	start := time.Now()
	fonts := Scan([]string{"/usr/share/fonts"})
	files := map[string]bool{}
	for _, f := range fonts {
		files[f.Path] = true
	}
	t.Logf("Scan(/usr/share/fonts): %d files, %d faces in %v", len(files), len(fonts), time.Since(start))
	for i := 1; i < len(fonts); i++ {
		a, b := fonts[i-1], fonts[i]
		if a.Path > b.Path || a.Path == b.Path && a.Index >= b.Index {
			t.Errorf("not sorted: %s %d before %s %d", a.Path, a.Index, b.Path, b.Index)
		}
	}
	if testing.Short() {
		return
	}
	for _, f := range fonts {
		data, got, err := Open(f.Path, f.Index)
		if want := f.Check(); (err == nil) != (want == nil) {
			t.Errorf("%s %d: Open %v, Check %v", f.Path, f.Index, err, want)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("Open says %+v, Scan %+v", got, f)
		}
		if err == nil && Coverage(data, []rune("A")) == 0 && f.Families[0] != "OpenSymbol" {
			t.Errorf("%s %d: no 'A'", f.Path, f.Index)
		}
	}
}
