package build

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"jianbao/internal/compose"
)

func TestParseCopies(t *testing.T) {
	good := map[string][]int{
		"5":        {5},
		"1-3,7":    {1, 2, 3, 7},
		"7, 1-3":   {1, 2, 3, 7},
		"1-3，2-4":  {1, 2, 3, 4},
		"999999":   {999999},
		"10 - 12 ": {10, 11, 12},
	}
	for in, want := range good {
		got, err := ParseCopies(in)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%q: %v %v, want %v", in, got, err, want)
		}
	}
	if got, err := ParseCopies("1-120"); err != nil || len(got) != 120 || got[119] != 120 {
		t.Errorf("1-120: %d numbers, %v", len(got), err)
	}
	for _, in := range []string{"", "0", "a", "3-1", "1-", "1000000", "1-20000", "1,,2"} {
		if _, err := ParseCopies(in); err == nil {
			t.Errorf("%q: accepted", in)
		} else if !strings.Contains(err.Error(), "--copies") {
			t.Errorf("%q: message %q does not name the flag", in, err)
		}
	}
}

// Every numbered copy carries its own 份号 on page 1 (pdftotext), all
// other pages extract the same, and each copy's bytes are exactly those
// the writer makes for that number: the stamp is the only difference,
// and stamping takes the fast path.
func TestCopiesStamp(t *testing.T) {
	nums := []int{1, 2, 57, 120, 999999}
	cp, errs := BuildCopies(example10, nums)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if cp.stamp == nil {
		t.Fatal("the 份号 was not found in page 1's content stream: every copy would be written whole")
	}
	n := len(cp.Doc.Pages)
	var first []string
	qpdf := needTool(t, "qpdf")
	for _, num := range nums {
		pdf, err := cp.Copy(num)
		if err != nil {
			t.Fatal(err)
		}
		whole, err := cp.writeWhole(num)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(pdf, whole) {
			t.Errorf("copy %d: stamped bytes differ from the writer's for that number", num)
		}
		pages := pdfPages(t, pdf, n)
		want := compose.CopyText(num)
		if !strings.HasPrefix(pages[0], want+"秘密★1年") {
			t.Errorf("copy %d: page 1 starts %.40q, want %s then 秘密★1年", num, pages[0], want)
		}
		for _, other := range nums {
			if other != num && strings.Contains(pages[0], compose.CopyText(other)) {
				t.Errorf("copy %d shows 份号 %d too", num, other)
			}
		}
		if first == nil {
			first = pages
		} else {
			if !slices.Equal(pages[1:], first[1:]) {
				t.Errorf("copy %d: pages 2–%d differ from copy %d's", num, n, nums[0])
			}
			if strings.TrimPrefix(pages[0], want) != strings.TrimPrefix(first[0], compose.CopyText(nums[0])) {
				t.Errorf("copy %d: page 1 differs from copy %d's beyond the 份号", num, nums[0])
			}
		}
		f := filepath.Join(t.TempDir(), "c.pdf")
		os.WriteFile(f, pdf, 0o644)
		if out, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("copy %d: qpdf --check: %v\n%s", num, err, out)
		}
	}
	// Pages 2… have the same content streams as the unnumbered build.
	res := buildExample(t, example10)
	plain := pdfPages(t, res.PDF, len(res.Doc.Pages))
	if !slices.Equal(plain[1:], first[1:]) {
		t.Errorf("numbered copies' pages 2… differ from the build's")
	}
}

// BenchmarkCopies120 builds the example once and stamps 120 numbered
// copies, as jianbao build --copies 1-120 does (without writing files).
func BenchmarkCopies120(b *testing.B) {
	nums, _ := ParseCopies("1-120")
	for i := 0; i < b.N; i++ {
		cp, errs := BuildCopies(example10, nums)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		for _, n := range nums {
			if _, err := cp.Copy(n); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// Numbering past the 共印 N 份 is noted; within it, nothing is.
func TestCopiesBeyondPrinted(t *testing.T) {
	for _, c := range []struct {
		nums []int
		note bool
	}{{[]int{1, 120}, false}, {[]int{119, 121}, true}} {
		cp, errs := BuildCopies(example10, c.nums)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		got := strings.Contains(cp.Notes.Error(), "份号编到 000121，而本期写的是共印 120 份")
		if got != c.note {
			t.Errorf("%v: note %v, want %v (%s)", c.nums, got, c.note, cp.Notes.Error())
		}
	}
}
