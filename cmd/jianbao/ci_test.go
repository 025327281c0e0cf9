package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The test binary is jianbao itself when JIANBAO_TEST_AS_CLI is set, so
// that the CI script can be run against this build.
func TestMain(m *testing.M) {
	if os.Getenv("JIANBAO_TEST_AS_CLI") == "1" {
		os.Exit(run(os.Args[1:]))
	}
	os.Exit(m.Run())
}

// examples/ci/check-layouts.sh: --update keeps the output; a rebuild with
// the same bytes passes; one edited sentence fails and prints the page and
// line that changed, and leaves golden/ as it was.
func TestCIRecipe(t *testing.T) {
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	script, _ := filepath.Abs(filepath.Join("..", "..", "examples", "ci", "check-layouts.sh"))
	repo := t.TempDir()
	issue := filepath.Join(repo, "issues", "2026-09")
	src := filepath.Join("..", "..", "examples", "2026-09")
	filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "golden") {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, _ := os.ReadFile(p)
		os.MkdirAll(filepath.Dir(filepath.Join(issue, rel)), 0o755)
		return os.WriteFile(filepath.Join(issue, rel), data, 0o644)
	})
	runScript := func(args ...string) (int, string) {
		cmd := exec.Command(bash, append([]string{script}, args...)...)
		cmd.Dir = repo
		cmd.Env = append(os.Environ(), "JIANBAO="+self, "JIANBAO_TEST_AS_CLI=1")
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); ok {
			return ee.ExitCode(), string(out)
		} else if err != nil {
			t.Fatal(err)
		}
		return 0, string(out)
	}
	if code, out := runScript("--update"); code != 0 || !strings.Contains(out, "已更新 ./issues/2026-09/golden") {
		t.Fatalf("--update: %d\n%s", code, out)
	}
	golden, err := os.ReadFile(filepath.Join(issue, "golden", "bulletin.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if code, out := runScript(); code != 0 || !strings.Contains(out, "✓ ./issues/2026-09：PDF 与 golden 逐字节相同") {
		t.Fatalf("unchanged issue: %d\n%s", code, out)
	}
	art := filepath.Join(issue, "articles", "06-qingpu.md")
	data, _ := os.ReadFile(art)
	os.WriteFile(art, bytes.Replace(data, []byte("市总工会、"), []byte("市总工会、区人社局、"), 1), 0o644)
	code, out := runScript()
	if code != 1 || !strings.Contains(out, "✗ ./issues/2026-09：PDF 与 golden 不同") || !strings.Contains(out, "排版不同") {
		t.Fatalf("edited issue: %d\n%s", code, out)
	}
	if !strings.Contains(out, "行改动：") || !strings.Contains(out, "区人") {
		t.Errorf("the diff names no changed line with the new text:\n%s", out)
	}
	if now, _ := os.ReadFile(filepath.Join(issue, "golden", "bulletin.pdf")); !bytes.Equal(now, golden) {
		t.Error("a failed check changed golden/")
	}
	t.Logf("script output on the edited issue:\n%s", out)

	// options after the folder; a build that fails is not a layout
	// change, and is not to be accepted with --update
	m := filepath.Join(issue, "bulletin.yaml")
	data, _ = os.ReadFile(m)
	os.WriteFile(m, append(data, []byte("\nfrob: 1\n")...), 0o644)
	code, out = runScript("issues/2026-09", "--update")
	if code != 1 || !strings.Contains(out, "构建失败") || !strings.Contains(out, "不要 --update") || strings.Contains(out, "已更新") {
		t.Errorf("a broken issue with --update after it: %d\n%s", code, out)
	}
	if code, out := runScript("--frob"); code != 2 || !strings.Contains(out, "不认识的选项 --frob") {
		t.Errorf("unknown option: %d\n%s", code, out)
	}
}
