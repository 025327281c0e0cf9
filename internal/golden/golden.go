// Package golden compares test output with committed golden files. Run
// `go test ./... -update` to rewrite them; a missing golden file fails.
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Update rewrites golden files instead of comparing.
var Update = flag.Bool("update", false, "rewrite golden files")

// CompareText compares text with the golden file at path, printing a
// readable diff on mismatch and writing the actual text beside it.
func CompareText(t testing.TB, path string, got []byte) {
	t.Helper()
	want, ok := read(t, path, got)
	if !ok || bytes.Equal(want, got) {
		return
	}
	actual := actualPath(path)
	os.WriteFile(actual, got, 0o644)
	t.Errorf("%s differs from the output (written to %s):\n%s", path, actual, Diff(string(want), string(got)))
}

// CompareBytes compares binary output with the golden file at path.
func CompareBytes(t testing.TB, path string, got []byte) {
	t.Helper()
	want, ok := read(t, path, got)
	if !ok {
		return
	}
	if len(want) != len(got) {
		os.WriteFile(actualPath(path), got, 0o644)
		t.Errorf("%s: %d bytes, output has %d", path, len(want), len(got))
		return
	}
	if !bytes.Equal(want, got) {
		os.WriteFile(actualPath(path), got, 0o644)
		t.Errorf("%s: same length, different bytes", path)
	}
}

// read returns the golden file's content; with -update it rewrites the
// file instead and returns ok=false. A missing golden file fails the test.
func read(t testing.TB, path string, got []byte) (want []byte, ok bool) {
	t.Helper()
	if *Update {
		write(t, path, got)
		return nil, false
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s is missing; create it with: go test ./... -update", path)
	}
	return want, true
}

func actualPath(path string) string {
	ext := filepath.Ext(path)
	return strings.TrimSuffix(path, ext) + ".actual" + ext
}

func write(t testing.TB, path string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Diff shows the changed region between two texts, line by line, with
// three lines of context (the common head and tail are skipped).
func Diff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	i := 0
	for i < len(al) && i < len(bl) && al[i] == bl[i] {
		i++
	}
	ja, jb := len(al), len(bl)
	for ja > i && jb > i && al[ja-1] == bl[jb-1] {
		ja--
		jb--
	}
	var sb strings.Builder
	from := max(0, i-3)
	fmt.Fprintf(&sb, "@@ line %d @@\n", from+1)
	for k := from; k < i; k++ {
		sb.WriteString("  " + al[k] + "\n")
	}
	const limit = 40
	for k := i; k < ja && k < i+limit; k++ {
		sb.WriteString("- " + al[k] + "\n")
	}
	for k := i; k < jb && k < i+limit; k++ {
		sb.WriteString("+ " + bl[k] + "\n")
	}
	if ja-i > limit || jb-i > limit {
		fmt.Fprintf(&sb, "… (%d lines removed, %d added in all)\n", ja-i, jb-i)
	}
	for k := ja; k < len(al) && k < ja+3; k++ {
		sb.WriteString("  " + al[k] + "\n")
	}
	return sb.String()
}
