package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "jianbao/internal/golden"
)

func issue(t *testing.T) (dir, manifest string) {
	dir = t.TempDir()
	if code := Init(dir, &bytes.Buffer{}, &bytes.Buffer{}); code != ExitOK {
		t.Fatalf("init: %d", code)
	}
	return dir, filepath.Join(dir, "bulletin.yaml")
}

func TestInitBuildsAndRefusesToOverwrite(t *testing.T) {
	dir, m := issue(t)
	var out, errb bytes.Buffer
	if code := Build([]string{m}, BuildOptions{}, &out, &errb); code != ExitOK {
		t.Fatalf("scaffold does not build: %s", errb.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "bulletin.pdf")); err != nil {
		t.Fatal(err)
	}
	if code := Init(dir, &out, &errb); code != ExitInput || !strings.Contains(errb.String(), "不会覆盖") {
		t.Fatalf("init over an issue: %d %s", code, errb.String())
	}
}

// A failed build leaves the previous PDF byte-identical, and reports the
// problem on one line with its position.
func TestFailedBuildKeepsOutput(t *testing.T) {
	dir, m := issue(t)
	out := filepath.Join(dir, "out.pdf")
	if code := Build([]string{m}, BuildOptions{Out: out}, &bytes.Buffer{}, &bytes.Buffer{}); code != ExitOK {
		t.Fatal("first build failed")
	}
	before, _ := os.ReadFile(out)
	os.WriteFile(filepath.Join(dir, "articles", "01.md"), []byte("# 标题\n\n- 列表\n"), 0o644)
	var errb bytes.Buffer
	code := Build([]string{m}, BuildOptions{Out: out}, &bytes.Buffer{}, &errb)
	if code != ExitInput {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(errb.String(), "articles/01.md:3:1: 不支持列表") {
		t.Errorf("message: %s", errb.String())
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(before, after) {
		t.Fatal("the previous PDF was changed by a failed build")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestOutputFolderProblems(t *testing.T) {
	_, m := issue(t)
	var errb bytes.Buffer
	if code := Build([]string{m}, BuildOptions{Out: "/nonexistent/dir/x.pdf"}, &bytes.Buffer{}, &errb); code != ExitInput || !strings.Contains(errb.String(), "输出文件夹不存在") {
		t.Errorf("missing folder: %d %s", code, errb.String())
	}
	if os.Getuid() == 0 {
		return // root writes anywhere
	}
	ro := t.TempDir()
	os.Chmod(ro, 0o555)
	errb.Reset()
	if code := Build([]string{m}, BuildOptions{Out: filepath.Join(ro, "x.pdf")}, &bytes.Buffer{}, &errb); code != ExitInput {
		t.Errorf("read-only folder: %d %s", code, errb.String())
	}
}

func TestBatchWorstExit(t *testing.T) {
	_, good := issue(t)
	dir2, bad := issue(t)
	os.WriteFile(filepath.Join(dir2, "articles", "01.md"), []byte("没有标题\n"), 0o644)
	var out, errb bytes.Buffer
	code := Build([]string{good, bad}, BuildOptions{}, &out, &errb)
	if code != ExitInput {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), "bulletin.pdf") || !strings.Contains(errb.String(), "文章缺少标题") {
		t.Fatalf("out %q err %q", out.String(), errb.String())
	}
}

func TestCheckAndLists(t *testing.T) {
	_, m := issue(t)
	var out bytes.Buffer
	if code := Check(m, false, &out, &bytes.Buffer{}); code != ExitOK {
		t.Fatal("check failed")
	}
	out.Reset()
	Fonts(&out)
	for _, s := range []string{"FandolFang", "6763/6763", "OFL-1.1", "fangsong"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("fonts output lacks %q", s)
		}
	}
	out.Reset()
	Layouts(&out)
	if !strings.Contains(out.String(), "jianbao") || !strings.Contains(out.String(), "gbt9704") {
		t.Errorf("layouts: %s", out.String())
	}
}
