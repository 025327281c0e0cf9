package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"syscall"

	"jianbao/internal/diff"
)

// DiffPerPage is how many changes `jianbao diff` lists for one page.
const DiffPerPage = 12

// Diff compares two layout records or two PDFs jianbao made and prints a
// short summary per page. Exit status: 0 the same, 1 different, 2 a file
// that cannot be read or holds no layout record (as with diff(1), so that
// a script can tell a difference from a failure).
func Diff(oldPath, newPath string, stdout, stderr io.Writer) int {
	var recs, raws [2][]byte
	var pdfs [2]bool
	for i, p := range []string{oldPath, newPath} {
		rec, raw, isPDF, err := diff.Load(p)
		switch {
		case errors.Is(err, diff.ErrNotJianbao):
			fmt.Fprintf(stderr, "%s: 这个 PDF 里没有排版记录，不是 jianbao 生成的；请比较 jianbao 生成的 PDF，或 jianbao build --dump 写出的排版记录\n", p)
			return ExitUsage
		case errors.Is(err, diff.ErrDamaged):
			fmt.Fprintf(stderr, "%s: 这是 jianbao 生成的 PDF，但已损坏（排版记录读不出，文件可能不完整）；请重新生成或重新拷贝这个文件\n", p)
			return ExitUsage
		case errors.Is(err, diff.ErrNotRecord):
			fmt.Fprintf(stderr, "%s: 既不是 PDF，也不是排版记录；请给出 jianbao 生成的 PDF，或 jianbao build --dump 写出的排版记录\n", p)
			return ExitUsage
		case err != nil:
			fmt.Fprintf(stderr, "%s: 无法读取（%s）；请检查文件路径\n", p, readErr(err))
			return ExitUsage
		}
		recs[i], raws[i], pdfs[i] = rec, raw, isPDF
	}
	changes, err := diff.Compare(recs[0], recs[1])
	if err != nil {
		fmt.Fprintf(stderr, "%s / %s: 排版记录无法比较（%v）；请重新生成后再比较\n", oldPath, newPath, err)
		return ExitUsage
	}
	if len(changes) == 0 {
		if pdfs[0] && pdfs[1] && !bytes.Equal(raws[0], raws[1]) {
			fmt.Fprintf(stdout, "%s → %s: 排版相同，但 PDF 字节不同（份号、字体、图片或元数据不同）\n", oldPath, newPath)
			return ExitInput
		}
		fmt.Fprintf(stdout, "%s → %s: 排版相同\n", oldPath, newPath)
		return ExitOK
	}
	lines, pages := diff.Summary(changes, DiffPerPage)
	ps := make([]string, len(pages))
	for i, p := range pages {
		ps[i] = strconv.Itoa(p)
	}
	fmt.Fprintf(stdout, "%s → %s: 排版不同，第 %s 页有变化，共 %d 处\n", oldPath, newPath, strings.Join(ps, "、"), len(changes))
	for _, l := range lines {
		fmt.Fprintln(stdout, l)
	}
	return ExitInput
}

// readErr says in Chinese why a file could not be read.
func readErr(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	case errors.Is(err, syscall.EISDIR):
		return "这是文件夹"
	}
	if pe, ok := err.(*fs.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
