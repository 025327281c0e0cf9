package build

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
	for k := 0; k < n; k++ {
		for _, a := range arts {
			data, _ := os.ReadFile(a)
			name := filepath.Join("articles", strings.TrimSuffix(filepath.Base(a), ".md")+"-"+itoa(k)+".md")
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
			list = append(list, "  - "+name)
		}
	}
	s := string(man)
	i := strings.Index(s, "articles:\n")
	j := strings.Index(s, "distribution:")
	s = s[:i] + "articles:\n" + strings.Join(list, "\n") + "\n" + s[j:]
	os.WriteFile(filepath.Join(dir, "bulletin.yaml"), []byte(s), 0o644)
	return filepath.Join(dir, "bulletin.yaml")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	s := ""
	for n > 0 {
		s = string(rune('0'+n%10)) + s
		n /= 10
	}
	return s
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
