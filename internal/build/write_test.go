package build

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// failRename makes WriteAtomic's final rename fail with err, as Windows
// does when a PDF reader holds the target open, until the test ends.
func failRename(t *testing.T, err error) {
	t.Helper()
	rename = func(string, string) error { return err }
	t.Cleanup(func() { rename = os.Rename })
}

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range es {
		ns = append(ns, e.Name())
	}
	return ns
}

// A target held open: ErrLocked, the old bytes stay, no temporary file.
func TestWriteAtomicLockedTarget(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "简报.pdf")
	if err := WriteAtomic(out, []byte("old")); err != nil {
		t.Fatal(err)
	}
	failRename(t, &os.LinkError{Op: "rename", Old: "x", New: out, Err: os.ErrPermission})
	err := WriteAtomic(out, []byte("new"))
	if !errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v, want ErrLocked", err)
	}
	if !errors.Is(err, os.ErrPermission) {
		t.Fatalf("the original error is lost: %v", err)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, []byte("old")) {
		t.Fatalf("target changed to %q", b)
	}
	if ns := dirNames(t, dir); len(ns) != 1 || ns[0] != "简报.pdf" {
		t.Fatalf("files left: %q", ns)
	}
}

// A rename that fails with no target there is another problem (a folder
// gone, a full disk): not reported as a file held open; nothing is left.
func TestWriteAtomicRenameFailsWithoutTarget(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	failRename(t, &os.LinkError{Op: "rename", Old: "x", New: out, Err: os.ErrPermission})
	err := WriteAtomic(out, []byte("new"))
	if err == nil || errors.Is(err, ErrLocked) {
		t.Fatalf("err = %v", err)
	}
	if ns := dirNames(t, dir); len(ns) != 0 {
		t.Fatalf("files left: %q", ns)
	}
}

// Without a failure the file is replaced whole and nothing else is left.
func TestWriteAtomicReplaces(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	for _, s := range []string{"one", "two"} {
		if err := WriteAtomic(out, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if b, _ := os.ReadFile(out); string(b) != s {
			t.Fatalf("got %q, want %q", b, s)
		}
	}
	if ns := dirNames(t, dir); len(ns) != 1 {
		t.Fatalf("files left: %q", ns)
	}
}

func TestSharingViolationCodes(t *testing.T) {
	for code, want := range map[uint32]bool{32: true, 33: true, 5: false, 2: false, 0: false} {
		if sharingViolation(code) != want {
			t.Errorf("code %d: %v", code, !want)
		}
	}
}
