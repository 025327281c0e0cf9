package linebreak

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func exampleParagraphs(b *testing.B) []string {
	files, _ := filepath.Glob("../../examples/2026-09/articles/*.md")
	var paras []string
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, p := range strings.Split(string(data), "\n\n") {
			p = strings.TrimSpace(strings.TrimPrefix(p, "# "))
			if p != "" {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) == 0 {
		b.Fatal("no example text")
	}
	return paras
}

func benchBreak(b *testing.B, scale int) {
	paras := exampleParagraphs(b)
	if scale > 1 {
		// paragraphs scale-times as long: the cost must grow linearly
		for i := range paras {
			paras[i] = strings.Repeat(paras[i], scale)
		}
	}
	n := 0
	for _, p := range paras {
		n += len([]rune(p))
	}
	p := Params{Width: 28 * 15793, Indent: 2 * 15793, Pitch: 15793, CJKLatinGap: 250}
	f := sizeFont{16000}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range paras {
			Break([]Run{{Text: s}}, f, p)
		}
	}
	b.ReportMetric(float64(n), "chars")
}

func BenchmarkBreakExample(b *testing.B)     { benchBreak(b, 1) }
func BenchmarkBreakExample10x(b *testing.B)  { benchBreak(b, 10) }
func BenchmarkBreakExample100x(b *testing.B) { benchBreak(b, 100) }
