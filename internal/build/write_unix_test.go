//go:build unix

package build

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// Writing to something that is not a regular file (jianbao build -o
// /dev/null, /dev/stdout in a pipe, a named pipe) writes through it: a
// rename would put a regular file in its place. Tested on a named pipe,
// so a failure cannot harm the machine's /dev/null.
func TestWriteAtomicPipe(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "out.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if err := WriteAtomic(fifo, []byte("%PDF-1.4\n")); err != nil {
		t.Fatal(err)
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", st.Mode(), err)
	}
	if b := <-got; string(b) != "%PDF-1.4\n" {
		t.Errorf("the reader got %q", b)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(fifo), ".*.tmp")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
