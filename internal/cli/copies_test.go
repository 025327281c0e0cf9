package cli

import (
	"bytes"
	"jianbao/internal/build"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// build --copies 1-3,7 writes one PDF per copy beside OUT.pdf, each with
// its 份号 on page 1; wrong ranges are usage errors.
func TestBuildCopiesFiles(t *testing.T) {
	dir, m := issue(t)
	out := filepath.Join(dir, "out", "b.pdf")
	os.Mkdir(filepath.Dir(out), 0o755)
	var o, e bytes.Buffer
	if code := Build([]string{m}, BuildOptions{Out: out, Copies: "1-3,7"}, &o, &e); code != ExitOK {
		t.Fatalf("%d %s", code, e.String())
	}
	ents, _ := os.ReadDir(filepath.Dir(out))
	var names []string
	for _, en := range ents {
		names = append(names, en.Name())
	}
	if strings.Join(names, " ") != "b-000001.pdf b-000002.pdf b-000003.pdf b-000007.pdf" {
		t.Fatalf("files: %v", names)
	}
	if !strings.Contains(o.String(), "4 份") {
		t.Errorf("summary: %s", o.String())
	}
	if tool, err := exec.LookPath("pdftotext"); err == nil {
		for _, n := range []string{"000001", "000007"} {
			txt, err := exec.Command(tool, "-f", "1", "-l", "1", filepath.Join(filepath.Dir(out), "b-"+n+".pdf"), "-").Output()
			if err != nil || !strings.HasPrefix(strings.TrimSpace(string(txt)), n) {
				t.Errorf("copy %s: page 1 starts %.30q", n, txt)
			}
		}
	}
	for _, bad := range []string{"0", "5-2", "x"} {
		e.Reset()
		if code := Build([]string{m}, BuildOptions{Copies: bad}, &o, &e); code != ExitUsage || !strings.Contains(e.String(), "--copies") {
			t.Errorf("--copies %s: %d %s", bad, code, e.String())
		}
	}
	if code := Build([]string{m, m}, BuildOptions{Copies: "1"}, &o, &e); code != ExitUsage {
		t.Errorf("two manifests with --copies: %d", code)
	}
}

func TestCopyRanges(t *testing.T) {
	for in, want := range map[string]string{
		"3": "000003", "1-120": "000001–000120", "1-3,7": "000001–000003、000007", "1,3,5-6": "000001、000003、000005–000006",
	} {
		nums, err := build.ParseCopies(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := copyRanges(nums); got != want {
			t.Errorf("%s: %q, want %q", in, got, want)
		}
	}
}
