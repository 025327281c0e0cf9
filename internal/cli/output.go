package cli

import (
	"errors"
	"fmt"

	"jianbao/internal/build"
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
