package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"jianbao/internal/cli"
	_ "jianbao/internal/golden"
)

// runCaptured runs the command line with stderr captured.
func runCaptured(t *testing.T, args ...string) (int, string) {
	t.Helper()
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	old, oldOut := os.Stderr, os.Stdout
	os.Stderr, os.Stdout = f, f
	code := run(args)
	os.Stderr, os.Stdout = old, oldOut
	f.Close()
	data, _ := os.ReadFile(f.Name())
	return code, string(data)
}

// Usage errors are one Chinese line each, exit 2.
func TestUsageErrorsInChinese(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"bild"}, "jianbao: 没有“bild”这个命令；是不是要用 jianbao build？用法见 jianbao --help"},
		{[]string{"build", "--foo"}, "jianbao: jianbao build 没有 --foo 这个选项；用法见 jianbao build --help"},
		{[]string{"build", "-z"}, "jianbao: jianbao build 没有 -z 这个选项；用法见 jianbao build --help"},
		{[]string{"build", "-o"}, "jianbao: 选项 -o 后面要跟一个值；用法见 jianbao build --help"},
		{[]string{"check", "a.yaml", "b.yaml"}, "jianbao: jianbao check 最多接受 1 个参数，给了 2 个；用法见 jianbao check --help"},
		{[]string{"import"}, "jianbao: jianbao import 需要 1 个参数，给了 0 个；用法见 jianbao import --help"},
		{[]string{"diff", "a.pdf"}, "jianbao: jianbao diff 需要 2 个参数，给了 1 个；用法见 jianbao diff --help"},
		{[]string{"fonts", "x"}, "jianbao: jianbao fonts 不接受参数，多给了“x”；用法见 jianbao fonts --help"},
		{[]string{"init"}, "jianbao: jianbao init 需要 1 个参数，给了 0 个；用法见 jianbao init --help"},
	} {
		code, stderr := runCaptured(t, c.args...)
		if code != 2 || strings.TrimSpace(stderr) != c.want {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, stderr, c.want)
		}
	}
}

// In an issue folder, build and check need no manifest argument.
func TestNoManifestArgument(t *testing.T) {
	dir := t.TempDir()
	if code, out := runCaptured(t, "init", dir); code != 0 {
		t.Fatal(out)
	}
	wd, _ := os.Getwd()
	t.Cleanup(func() { os.Chdir(wd) })
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	if code, out := runCaptured(t, "check"); code != 0 || !strings.Contains(out, "bulletin.yaml: 没有问题") {
		t.Errorf("check: %d %s", code, out)
	}
	if code, out := runCaptured(t, "build"); code != 0 {
		t.Errorf("build: %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "bulletin.pdf")); err != nil {
		t.Error("build without an argument wrote no bulletin.pdf")
	}
}

// Help is in Chinese too: the usage text, -h and the help command.
func TestHelpInChinese(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"build", "--help"}, {"help", "diff"}, {}} {
		code, out := runCaptured(t, args...)
		if code != 0 || !strings.Contains(out, "用法：") || !strings.Contains(out, "显示这个命令的用法") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
		for _, en := range []string{"Usage:", "Flags:", "help for", "Available Commands", "[flags]", "completion"} {
			if strings.Contains(out, en) {
				t.Errorf("%v: %q left in English:\n%s", args, en, out)
			}
		}
	}
}

// cobra's Explorer check (Windows) ends a program started from Explorer
// with an English notice, which would refuse a manifest dropped onto
// jianbao.exe; run turns it off.
func TestMousetrapOff(t *testing.T) {
	cobra.MousetrapHelpText = "on"
	run([]string{"layouts"})
	if cobra.MousetrapHelpText != "" {
		t.Fatal("cobra's Explorer check is on")
	}
}

// A manifest dropped onto the program (its lone argument) builds the PDF
// beside it, as `jianbao build MANIFEST` does.
func TestDroppedManifestBuilds(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "2026年第9期")
	if code := cli.Init(dir, io.Discard, io.Discard); code != cli.ExitOK {
		t.Fatal("init failed")
	}
	var stderr bytes.Buffer
	if code := cli.Launch([]string{filepath.Join(dir, "bulletin.yaml")}, run, strings.NewReader(""), &stderr); code != cli.ExitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "bulletin.pdf"))
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("no PDF beside the manifest: %v", err)
	}
}
