package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jianbao/internal/picture"
)

func BenchmarkBuildExample(b *testing.B) {
	m := "../../examples/2026-09/bulletin.yaml"
	for i := 0; i < b.N; i++ {
		if _, errs := Build(m); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// scaledIssue copies the example with every article repeated n times.
func scaledIssue(b *testing.B, n int) string {
	dir := b.TempDir()
	src := "../../examples/2026-09"
	os.MkdirAll(filepath.Join(dir, "articles"), 0o755)
	man, _ := os.ReadFile(filepath.Join(src, "bulletin.yaml"))
	arts, _ := filepath.Glob(filepath.Join(src, "articles", "*.md"))
	var list []string
	for _, a := range arts {
		data, _ := os.ReadFile(a)
		text := string(data)
		head, body, _ := strings.Cut(text, "\n")
		name := filepath.Join("articles", filepath.Base(a))
		os.WriteFile(filepath.Join(dir, name), []byte(head+"\n"+strings.Repeat(body+"\n", n)), 0o644)
		list = append(list, "  - "+name)
	}
	s := string(man)
	i := strings.Index(s, "articles:\n")
	j := strings.Index(s, "distribution:")
	s = s[:i] + "articles:\n" + strings.Join(list, "\n") + "\n" + s[j:]
	os.WriteFile(filepath.Join(dir, "bulletin.yaml"), []byte(s), 0o644)
	return filepath.Join(dir, "bulletin.yaml")
}

func benchScaled(b *testing.B, n int) {
	m := scaledIssue(b, n)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, errs := Build(m)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		b.ReportMetric(float64(len(res.Doc.Pages)), "pages")
	}
}

func BenchmarkBuild10x(b *testing.B)  { benchScaled(b, 10) }
func BenchmarkBuild100x(b *testing.B) { benchScaled(b, 100) }

// BenchmarkBuildPhotoIssue builds the second example, whose 12-megapixel
// camera photo is decoded, turned and scaled on every run (the render cache
// is emptied before each run).
func BenchmarkBuildPhotoIssue(b *testing.B) {
	m := "../../examples/2026-zk1/bulletin.yaml"
	for i := 0; i < b.N; i++ {
		picture.ResetCache()
		if _, errs := Build(m); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}
