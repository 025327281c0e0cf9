package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// ./bulletin.yaml first; else the only manifest (a layout YAML is not
// one); none or several is a usage error naming them.
func TestFindManifest(t *testing.T) {
	layoutYAML := "base: jianbao\nfonts:\n  fangsong: {face: FandolFang-Regular}\n"
	manifestYAML := "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-03-27\narticles: [a.md]\n"

	dir := t.TempDir()
	write(t, dir, "mylayout.yaml", layoutYAML)
	if _, msg := FindManifest(dir); !strings.Contains(msg, "没有清单") {
		t.Errorf("only a layout: %q", msg)
	}
	write(t, dir, "2026-10.yaml", manifestYAML)
	if m, msg := FindManifest(dir); m != filepath.Join(dir, "2026-10.yaml") || msg != "" {
		t.Errorf("one manifest beside a layout: %q %q", m, msg)
	}
	write(t, dir, "2026-11.yml", "masthead: [工作简报]\narticles:\n\t- a.md\n") // broken, but a manifest
	_, msg := FindManifest(dir)
	if msg != "当前文件夹里有 2 个清单：2026-10.yaml、2026-11.yml；请写明用哪一个，如 jianbao build 2026-10.yaml" {
		t.Errorf("two manifests: %q", msg)
	}
	write(t, dir, "bulletin.yaml", manifestYAML)
	if m, msg := FindManifest(dir); m != filepath.Join(dir, "bulletin.yaml") || msg != "" {
		t.Errorf("bulletin.yaml: %q %q", m, msg)
	}
	var errb bytes.Buffer
	if args, code := ManifestArgs("build", []string{"x.yaml"}, &errb); code != ExitOK || args[0] != "x.yaml" {
		t.Errorf("named manifest: %v %d", args, code)
	}
}

// With several manifests in the folder, the advice names the command
// that was run.
func TestManifestArgsNamesCommand(t *testing.T) {
	dir := t.TempDir()
	m := "masthead: [工作简报]\nissue: {year: 2026, number: 1}\ndate: 2026-03-27\narticles: [a.md]\n"
	write(t, dir, "a.yaml", m)
	write(t, dir, "b.yaml", m)
	t.Chdir(dir)
	for _, cmd := range []string{"build", "check"} {
		var errb bytes.Buffer
		if _, code := ManifestArgs(cmd, nil, &errb); code != ExitUsage || !strings.Contains(errb.String(), "如 jianbao "+cmd+" a.yaml") {
			t.Errorf("%s: %d %q", cmd, code, errb.String())
		}
	}
}
