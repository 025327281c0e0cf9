package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jianbao/internal/build"
)

// holdOpen makes writes of output files fail as they do on Windows while
// a PDF reader shows the file, as long as *locked is set.
func holdOpen(t *testing.T, locked *atomic.Bool) {
	t.Helper()
	writeOutput = func(path string, data []byte) error {
		if locked.Load() {
			return fmt.Errorf("%w: rename %s: Access is denied.", build.ErrLocked, path)
		}
		return build.WriteAtomic(path, data)
	}
	t.Cleanup(func() { writeOutput = build.WriteAtomic })
}

// A PDF held open: one line naming it and the reader, exit 1, the PDF kept.
func TestBuildOutputHeldOpen(t *testing.T) {
	dir, m := issue(t)
	pdf := filepath.Join(dir, "bulletin.pdf")
	var out, errb bytes.Buffer
	if code := Build([]string{m}, BuildOptions{}, &out, &errb); code != ExitOK {
		t.Fatalf("build: %s", errb.String())
	}
	good, _ := os.ReadFile(pdf)
	var locked atomic.Bool
	locked.Store(true)
	holdOpen(t, &locked)
	out.Reset()
	errb.Reset()
	code := Build([]string{m}, BuildOptions{}, &out, &errb)
	want := "输出文件 " + pdf + " 正被其他程序打开（可能是 PDF 阅读器）；请关闭后重试\n"
	if code != ExitInput || errb.String() != want || out.Len() != 0 {
		t.Fatalf("code %d, stdout %q, stderr %q; want stderr %q", code, out.String(), errb.String(), want)
	}
	if now, _ := os.ReadFile(pdf); !bytes.Equal(now, good) {
		t.Fatal("the PDF changed")
	}
}

// In --watch a PDF held open keeps the last good PDF, says so, and the
// next change after the reader lets go writes the new PDF.
func TestWatchOutputHeldOpen(t *testing.T) {
	dir, m := issue(t)
	pdf := filepath.Join(dir, "out.pdf")
	art := filepath.Join(dir, "articles", "01.md")
	orig, _ := os.ReadFile(art)
	var locked atomic.Bool
	holdOpen(t, &locked)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() { done <- Watch(ctx, m, BuildOptions{Out: pdf}, 10*time.Millisecond, &out, &errb) }()
	defer func() {
		cancel()
		<-done
	}()
	touch := func(extra string) {
		time.Sleep(20 * time.Millisecond)
		if err := os.WriteFile(art, append(append([]byte{}, orig...), extra...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	lines := waitLines(t, &out, 1)
	if !strings.Contains(lines[0], "页") {
		t.Fatalf("first build: %q", lines[0])
	}
	good, _ := os.ReadFile(pdf)

	locked.Store(true)
	touch("\n新增的一段。\n")
	lines = waitLines(t, &out, 2)
	if !strings.Contains(lines[1], "PDF 未更新") || !strings.Contains(errb.String(), "正被其他程序打开（可能是 PDF 阅读器）；请关闭后重试") {
		t.Fatalf("held open: %q / %q", lines[1], errb.String())
	}
	if now, _ := os.ReadFile(pdf); !bytes.Equal(now, good) {
		t.Fatal("the last good PDF was not kept")
	}

	locked.Store(false)
	touch("\n新增的一段。\n\n又一段。\n")
	lines = waitLines(t, &out, 3)
	if !strings.Contains(lines[2], "页") {
		t.Fatalf("after the reader closed: %q", lines[2])
	}
	if now, _ := os.ReadFile(pdf); bytes.Equal(now, good) {
		t.Fatal("the PDF was not updated after the reader closed")
	}
}

// A numbered copy held open gets the same one line, and exit 1.
func TestCopiesOutputHeldOpen(t *testing.T) {
	_, m := issue(t)
	var locked atomic.Bool
	locked.Store(true)
	holdOpen(t, &locked)
	var out, errb bytes.Buffer
	code := Build([]string{m}, BuildOptions{Copies: "1-2"}, &out, &errb)
	if code != ExitInput || strings.Count(errb.String(), "正被其他程序打开（可能是 PDF 阅读器）；请关闭后重试") != 2 {
		t.Fatalf("code %d, stderr %q", code, errb.String())
	}
}
