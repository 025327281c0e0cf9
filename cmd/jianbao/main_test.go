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
)

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
