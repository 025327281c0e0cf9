package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"jianbao/internal/build"
	"jianbao/internal/diag"
	"jianbao/internal/display"
)

// writeOutput writes a built file (the PDF, the layout record) whole or
// not at all; tests replace it to simulate a PDF held open by a reader.
var writeOutput = build.WriteAtomic

// heldOpen ends the message for an output file a reader holds open.
const heldOpen = "正被其他程序打开（可能是 PDF 阅读器）；请关闭后重试"

// outputError is the one line for a failed write of an output file.
func outputError(path, what string, err error) string {
	if errors.Is(err, build.ErrLocked) {
		return fmt.Sprintf("输出文件 %s %s", path, heldOpen)
	}
	return fmt.Sprintf("%s: 无法写入%s（%v）；请检查文件夹是否存在、是否可写", path, what, pathErr(err))
}

// outputFile is the PDF a build of manifest writes: out, or the manifest's
// name with .pdf. ok is false, with the message written, when its folder
// does not exist.
func outputFile(manifest, out string, stderr io.Writer) (string, bool) {
	if out == "" {
		out = strings.TrimSuffix(manifest, filepath.Ext(manifest)) + ".pdf"
	}
	if st, err := os.Stat(filepath.Dir(out)); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "%s: 输出文件夹不存在；请先创建该文件夹，或用 -o 指定其他位置\n", out)
		return out, false
	}
	return out, true
}

// inputProblems prints a build's notes and its problems, one line each,
// and reports whether there were problems (then no PDF is written).
func inputProblems(manifest string, notes, errs diag.List, stderr io.Writer) bool {
	printNotes(stderr, notes)
	if len(errs) == 0 {
		return false
	}
	fmt.Fprintln(stderr, errs.Error())
	fmt.Fprintf(stderr, "%s: 共 %d 处问题，未生成 PDF\n", manifest, len(errs))
	return true
}

// writeDump writes the layout record of d to file, when one is asked for.
func writeDump(file string, d *display.Document, stderr io.Writer) bool {
	if file == "" {
		return true
	}
	var b bytes.Buffer
	display.Dump(&b, d)
	if err := writeOutput(file, b.Bytes()); err != nil {
		fmt.Fprintln(stderr, outputError(file, "排版记录", err))
		return false
	}
	return true
}
