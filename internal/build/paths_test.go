package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jianbao/fonts"
)

// copyFile copies src to dst, making dst's folder.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// windowsIssue lays the second example out as an office on Windows
// would: Chinese folder names, backslashes in the manifest, in the
// articles' photo paths and in a layout's base: chain. It returns the
// manifest's path.
func windowsIssue(t *testing.T) string {
	t.Helper()
	src := filepath.Join("..", "..", "examples", "2026-zk1")
	dir := filepath.Join(t.TempDir(), "简报", "2026年增刊")
	for _, f := range []string{"01-guanai-yue.md", "02-jingyan.md"} {
		b, err := os.ReadFile(filepath.Join(src, "articles", f))
		if err != nil {
			t.Fatal(err)
		}
		s := strings.ReplaceAll(string(b), "](../photos/", `](..\照片\`)
		if s == string(b) {
			t.Fatalf("%s names no photo", f)
		}
		os.MkdirAll(filepath.Join(dir, "文章"), 0o755)
		os.WriteFile(filepath.Join(dir, "文章", f), []byte(s), 0o644)
	}
	for _, f := range []string{"fuwu.jpg", "yizhan.jpg"} {
		copyFile(t, filepath.Join(src, "photos", f), filepath.Join(dir, "照片", f))
	}
	os.MkdirAll(filepath.Join(dir, "版式", "基础"), 0o755)
	os.WriteFile(filepath.Join(dir, "版式", "本刊.yaml"), []byte("base: .\\基础\\通用.yaml\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "版式", "基础", "通用.yaml"), []byte("base: jianbao\n"), 0o644)
	m, err := os.ReadFile(filepath.Join(src, "bulletin.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(m), "layout: jianbao", `layout: .\版式\本刊.yaml`, 1)
	s = strings.Replace(s, "  - articles/01-guanai-yue.md", `  - .\文章\01-guanai-yue.md`, 1)
	s = strings.Replace(s, "  - articles/02-jingyan.md", `  - {file: '文章\\02-jingyan.md'}`, 1)
	s = strings.ReplaceAll(s, "\n", "\r\n") // Notepad
	if !strings.Contains(s, `.\文章\01`) || !strings.Contains(s, `'文章\\02`) || !strings.Contains(s, `.\版式`) {
		t.Fatal("the example's manifest changed; update this test")
	}
	file := filepath.Join(dir, "bulletin.yaml")
	os.WriteFile(file, []byte(s), 0o644)
	return file
}

// A manifest, articles and layouts written on Windows build here to the
// same bytes as the example's golden PDF, and --watch follows every file.
func TestWindowsPathsBuild(t *testing.T) {
	file := windowsIssue(t)
	res, errs := Build(file)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	golden, err := os.ReadFile(filepath.Join("..", "..", "examples", "2026-zk1", "golden", "bulletin.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(res.PDF, golden) {
		t.Fatal("the PDF built from Windows paths differs from the golden PDF")
	}
	dir := filepath.Dir(file)
	in := strings.Join(Inputs(file), "\n")
	for _, f := range []string{
		filepath.Join(dir, "文章", "01-guanai-yue.md"),
		filepath.Join(dir, "文章", "02-jingyan.md"),
		filepath.Join(dir, "照片", "fuwu.jpg"),
		filepath.Join(dir, "照片", "yizhan.jpg"),
		filepath.Join(dir, "版式", "本刊.yaml"),
		filepath.Join(dir, "版式", "基础", "通用.yaml"),
	} {
		if !strings.Contains(in, f) {
			t.Errorf("the watcher misses %s; it follows:\n%s", f, in)
		}
	}
}

// A font file named with backslashes in a layout is found.
func TestWindowsPathFontFile(t *testing.T) {
	file := windowsIssue(t)
	dir := filepath.Dir(file)
	os.MkdirAll(filepath.Join(dir, "版式", "字体"), 0o755)
	os.WriteFile(filepath.Join(dir, "版式", "字体", "楷体.ttf"), fonts.Data("gkai00mp.ttf"), 0o644)
	os.WriteFile(filepath.Join(dir, "版式", "本刊.yaml"), []byte("base: .\\基础\\通用.yaml\nfonts:\n  kaiti: {file: '.\\字体\\楷体.ttf'}\n"), 0o644)
	if _, errs := Build(file); len(errs) > 0 {
		t.Fatal(errs)
	}
	if in := strings.Join(Inputs(file), "\n"); !strings.Contains(in, filepath.Join(dir, "版式", "字体", "楷体.ttf")) {
		t.Errorf("the watcher misses the font file; it follows:\n%s", in)
	}
}

// A photo path that leaves the issue's folder, written either way, or an
// absolute one of any system, is refused with the article's line.
func TestPhotoPathEscapes(t *testing.T) {
	file := windowsIssue(t)
	art := filepath.Join(filepath.Dir(file), "文章", "01-guanai-yue.md")
	orig, _ := os.ReadFile(art)
	for _, p := range []string{`..\..\外面.jpg`, `../../外面.jpg`, `C:\照片\a.jpg`, `D:/a.jpg`, `\\server\share\a.jpg`, `/etc/a.jpg`} {
		os.WriteFile(art, append(append([]byte{}, orig...), "\n![说明]("+p+")\n"...), 0o644)
		_, errs := Build(file)
		if len(errs) != 1 || !strings.Contains(errs.Error(), "在清单所在文件夹之外") || !strings.Contains(errs.Error(), "01-guanai-yue.md:") {
			t.Errorf("%s: %v", p, errs)
		}
	}
}
