package cli

import (
	"bytes"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDroppedArgs(t *testing.T) {
	for _, c := range []struct{ in, want []string }{
		{[]string{`C:\Users\编辑\Desktop\2026年第9期\bulletin.yaml`}, []string{"build", `C:\Users\编辑\Desktop\2026年第9期\bulletin.yaml`}},
		{[]string{"/home/编辑/简报/BULLETIN.YML"}, []string{"build", "/home/编辑/简报/BULLETIN.YML"}},
		{[]string{"build", "bulletin.yaml"}, []string{"build", "bulletin.yaml"}},
		{[]string{"check", "bulletin.yaml"}, []string{"check", "bulletin.yaml"}},
		{[]string{"version"}, []string{"version"}},
		{[]string{"--help"}, []string{"--help"}},
		{[]string{"a.yaml", "b.yaml"}, []string{"a.yaml", "b.yaml"}},
		{[]string{"稿件.docx"}, []string{"稿件.docx"}},
		{nil, nil},
	} {
		if got := DroppedArgs(c.in); !slices.Equal(got, c.want) {
			t.Errorf("DroppedArgs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// Started by Explorer, the program waits for Enter after the run (the
// window would close at once); from a console it reads nothing.
func TestLaunchWaitsOnlyForExplorer(t *testing.T) {
	var got []string
	run := func(a []string) int { got = a; return ExitInput }
	for _, explorer := range []bool{true, false} {
		stdin := strings.NewReader("\n剩下的输入\n")
		var stderr bytes.Buffer
		code := launch([]string{`D:\简报\bulletin.yaml`}, run, explorer, stdin, &stderr)
		if code != ExitInput || !slices.Equal(got, []string{"build", `D:\简报\bulletin.yaml`}) {
			t.Fatalf("explorer=%v: code %d, ran %q", explorer, code, got)
		}
		waited := strings.Contains(stderr.String(), "按回车键关闭窗口")
		read := stdin.Len() < len("\n剩下的输入\n")
		if waited != explorer || read != explorer {
			t.Errorf("explorer=%v: prompt %v, read stdin %v (%q)", explorer, waited, read, stderr.String())
		}
	}
	// a double click with no manifest says how to use it, then waits
	var stderr bytes.Buffer
	launch(nil, run, true, strings.NewReader(""), &stderr)
	if !strings.Contains(stderr.String(), "拖到 jianbao.exe 上") || !strings.HasSuffix(stderr.String(), "按回车键关闭窗口……") {
		t.Errorf("double click: %q", stderr.String())
	}
}

// A dropped issue folder builds its manifest; a dropped article file is
// told to drop the manifest instead, and nothing runs.
func TestDroppedFolderAndArticle(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2026年第9期")
	if code := Init(dir, io.Discard, io.Discard); code != ExitOK {
		t.Fatal("init failed")
	}
	if got := DroppedArgs([]string{dir}); !slices.Equal(got, []string{"build", filepath.Join(dir, "bulletin.yaml")}) {
		t.Errorf("folder: %q", got)
	}
	empty := t.TempDir()
	if got := DroppedArgs([]string{empty}); !slices.Equal(got, []string{"build", empty}) {
		t.Errorf("folder without a manifest: %q", got)
	}
	ran := false
	var stderr bytes.Buffer
	art := filepath.Join(dir, "articles", "01.md")
	code := launch([]string{art}, func([]string) int { ran = true; return ExitOK }, false, strings.NewReader(""), &stderr)
	if ran || code != ExitUsage || !strings.Contains(stderr.String(), "是文章文件；请把这一期的清单 bulletin.yaml 拖到 jianbao 上") {
		t.Errorf("article: ran %v, code %d, %q", ran, code, stderr.String())
	}
}

func TestExplorerConsole(t *testing.T) {
	// GetConsoleProcessList: 1 is our own console, 2+ a shell's, 0 none
	for n, want := range map[int]bool{0: false, 1: true, 2: false, 3: false} {
		if explorerConsole(n) != want {
			t.Errorf("%d processes: %v", n, !want)
		}
	}
}

// The console is switched to UTF-8 for the run and put back after; a
// console already at UTF-8, or none, is left alone.
func TestSwitchCodePage(t *testing.T) {
	for _, c := range []struct {
		start  uint32
		setOK  bool
		during uint32
		sets   int
	}{
		{936, true, 65001, 2},
		{65001, true, 65001, 0},
		{0, true, 0, 0},
		{936, false, 936, 1},
	} {
		cp, sets := c.start, 0
		restore := switchCodePage(func() uint32 { return cp }, func(n uint32) bool {
			sets++
			if c.setOK {
				cp = n
			}
			return c.setOK
		})
		if cp != c.during {
			t.Errorf("start %d: code page %d during the run, want %d", c.start, cp, c.during)
		}
		restore()
		if cp != c.start || sets != c.sets {
			t.Errorf("start %d: code page %d after, %d calls; want %d, %d", c.start, cp, sets, c.start, c.sets)
		}
	}
}
