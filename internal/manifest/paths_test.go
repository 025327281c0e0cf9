package manifest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPortable(t *testing.T) {
	for in, want := range map[string]string{
		`.\articles\01.docx`: "articles/01.docx",
		`文章\第一篇.md`:          "文章/第一篇.md",
		`articles/01.md`:     "articles/01.md",
		`a\\b//c\`:           "a/b/c",
		`..\x.md`:            "../x.md",
		`.\`:                 ".",
		``:                   "",
	} {
		if got := Portable(in); got != filepath.FromSlash(want) {
			t.Errorf("Portable(%q) = %q, want %q", in, got, filepath.FromSlash(want))
		}
	}
}

func TestIsAbsAny(t *testing.T) {
	for _, p := range []string{`C:\a.md`, `c:a.md`, `D:/a.md`, `\\server\share\a.md`, `//server/share/a.md`, `/etc/a.md`, `\a.md`} {
		if !IsAbsAny(p) {
			t.Errorf("%q is absolute somewhere", p)
		}
	}
	for _, p := range []string{`a.md`, `.\a.md`, `..\a.md`, `文章\C:.md`, `:a.md`, `1:a.md`, ``} {
		if IsAbsAny(p) {
			t.Errorf("%q is relative everywhere", p)
		}
	}
}

// Article paths written on Windows resolve; escapes and absolute paths of
// every system are refused with their line and column.
func TestWindowsArticlePaths(t *testing.T) {
	d := dir(t)
	os.MkdirAll(filepath.Join(d, "文章", "第一批"), 0o755)
	os.WriteFile(filepath.Join(d, "文章", "第一批", "01.md"), []byte("# 标题\n\n正文。\n"), 0o644)
	src := strings.Replace(good, "  - a.md\n", "  - .\\文章\\第一批\\01.md\n  - {file: '.\\a.md'}\n", 1)
	m, errs := Parse(filepath.Join(d, "b.yaml"), []byte(src))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(m.Articles) != 2 || filepath.Base(m.Articles[0].Abs) != "01.md" || filepath.Base(m.Articles[1].Abs) != "a.md" {
		t.Fatalf("%+v", m.Articles)
	}
	if m.Articles[0].Path != `.\文章\第一批\01.md` {
		t.Errorf("messages should quote the path as written, not %q", m.Articles[0].Path)
	}

	for p, want := range map[string]string{
		`..\a.md`:             "指向清单所在文件夹之外",
		`sub\..\..\a.md`:      "指向清单所在文件夹之外",
		`C:\简报\a.md`:          "是绝对路径",
		`D:/a.md`:             "是绝对路径",
		`\\server\share\a.md`: "是绝对路径",
		`\a.md`:               "是绝对路径",
		`文章\第一批\02.md`:        "找不到文章文件",
	} {
		src := strings.Replace(good, "  - a.md\n", "  - '"+p+"'\n", 1)
		_, errs := Parse(filepath.Join(d, "b.yaml"), []byte(src))
		if len(errs) != 1 || !strings.Contains(errs.Error(), want) || !strings.Contains(errs.Error(), "b.yaml:8:5:") {
			t.Errorf("%s: %v, want %q at 8:5", p, errs, want)
		}
	}
}
