package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"jianbao/internal/build"
	"jianbao/internal/compose"
	"jianbao/internal/diag"
)

// CopyFile is the file of copy n: OUT-000001.pdf beside OUT.pdf.
func CopyFile(out string, n int) string {
	return strings.TrimSuffix(out, filepath.Ext(out)) + "-" + compose.CopyText(n) + ".pdf"
}

// buildCopies builds one issue once and writes one PDF per numbered copy
// (opt.Copies: 1-120, 5, 1-3,7), each with its own 份号 top-left of page
// 1 and otherwise the same bytes.
func buildCopies(manifests []string, opt BuildOptions, stdout, stderr io.Writer) int {
	if len(manifests) != 1 {
		fmt.Fprintln(stderr, "jianbao: --copies 一次只编号一期；请只给一个清单")
		return ExitUsage
	}
	nums, err := build.ParseCopies(opt.Copies)
	if err != nil {
		fmt.Fprintf(stderr, "jianbao: %v；如 --copies 1-120、--copies 5 或 --copies 1-3,7\n", err)
		return ExitUsage
	}
	manifest := manifests[0]
	start := time.Now()
	out, ok := outputFile(manifest, opt.Out, stderr)
	if !ok {
		return ExitInput
	}
	cp, errs := build.BuildCopies(manifest, nums)
	var notes diag.List
	if cp != nil {
		notes = cp.Notes
	}
	if inputProblems(manifest, notes, errs, stderr) || !writeDump(opt.Dump, cp.Doc, stderr) {
		return ExitInput
	}
	// Stamp and write in parallel; each file is written whole or not at all.
	fails := make([]string, len(nums))
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxProcs())
	for i, n := range nums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			file := CopyFile(out, n)
			pdf, err := cp.Copy(n)
			if err != nil {
				fails[i] = fmt.Sprintf("%s: 生成第 %s 份失败（%v）；这是 jianbao 的问题，请报告", file, compose.CopyText(n), err)
				return
			}
			if err := writeOutput(file, pdf); err != nil {
				fails[i] = outputError(file, " PDF", err)
			}
		}()
	}
	wg.Wait()
	code := ExitOK
	for _, f := range fails {
		if f != "" {
			fmt.Fprintln(stderr, f)
			code = ExitInput
		}
	}
	if code != ExitOK {
		return code
	}
	first, last := CopyFile(out, nums[0]), CopyFile(out, nums[len(nums)-1])
	span := first
	if len(nums) > 1 {
		span += " … " + filepath.Base(last)
	}
	fmt.Fprintf(stdout, "%s: %d 份，每份 %d 页，份号 %s，用时 %d 毫秒\n", span, len(nums), len(cp.Doc.Pages), copyRanges(nums), time.Since(start).Milliseconds())
	return ExitOK
}

// copyRanges writes sorted copy numbers as runs: 000001–000003、000007.
func copyRanges(nums []int) string {
	var parts []string
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		p := compose.CopyText(nums[i])
		if j > i {
			p += "–" + compose.CopyText(nums[j])
		}
		parts = append(parts, p)
		i = j + 1
	}
	return strings.Join(parts, "、")
}
