package cli

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitLines waits until out has n lines after the header.
func waitLines(t *testing.T, out *syncBuffer, n int) []string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if len(lines)-1 >= n {
			return lines[1:]
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("no rebuild line %d; output:\n%s", n, out.String())
	return nil
}

// Watch rebuilds on every change to an article, a photo or the manifest,
// one line each; a broken edit leaves the last good PDF in place, and the
// fix builds again.
func TestWatch(t *testing.T) {
	dir, m := issue(t)
	pdf := filepath.Join(dir, "out.pdf")
	art := filepath.Join(dir, "articles", "01.md")
	orig, _ := os.ReadFile(art)
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb syncBuffer
	done := make(chan int)
	go func() { done <- Watch(ctx, m, BuildOptions{Out: pdf}, 10*time.Millisecond, &out, &errb) }()
	defer func() {
		cancel()
		if code := <-done; code != ExitOK {
			t.Errorf("watch ended with %d", code)
		}
	}()

	lines := waitLines(t, &out, 1)
	if !strings.Contains(lines[0], "页") {
		t.Fatalf("first build: %q", lines[0])
	}
	good, _ := os.ReadFile(pdf)

	// a change to an article rebuilds
	touch := func(path string, data []byte) {
		// modification times can be coarse: make sure this one differs
		time.Sleep(20 * time.Millisecond)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	touch(art, append(append([]byte{}, orig...), "\n新增的一段。\n"...))
	lines = waitLines(t, &out, 2)
	if !strings.Contains(lines[1], "页") {
		t.Fatalf("rebuild: %q", lines[1])
	}
	second, _ := os.ReadFile(pdf)
	if bytes.Equal(good, second) {
		t.Fatal("the PDF did not change with the article")
	}

	// a broken article: one line saying so, the error on stderr, PDF kept
	touch(art, append(append([]byte{}, orig...), "\n| 表格 |\n"...))
	lines = waitLines(t, &out, 3)
	if !strings.Contains(lines[2], "1 处问题，PDF 未更新") || !strings.Contains(errb.String(), "01.md:") || !strings.Contains(errb.String(), "表格只有一行") {
		t.Fatalf("broken rebuild: %q / %q", lines[2], errb.String())
	}
	if now, _ := os.ReadFile(pdf); !bytes.Equal(now, second) {
		t.Fatal("a failed rebuild changed the PDF")
	}

	// a photo added to the article is watched too
	os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
	touch(art, append(append([]byte{}, orig...), "\n![说明](../photos/p.png)\n"...))
	lines = waitLines(t, &out, 4)
	if !strings.Contains(lines[3], "问题") || !strings.Contains(errb.String(), "找不到图片") {
		t.Fatalf("missing photo: %q / %q", lines[3], errb.String())
	}
	touch(filepath.Join(dir, "photos", "p.png"), tinyPNG(t))
	lines = waitLines(t, &out, 5)
	if !strings.Contains(lines[4], "页") {
		t.Fatalf("after the photo appeared: %q", lines[4])
	}
	if len(lines) > 5 {
		t.Fatalf("more rebuilds than changes: %q", lines)
	}
}

func tinyPNG(t *testing.T) []byte {
	m := image.NewGray(image.Rect(0, 0, 40, 30))
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
