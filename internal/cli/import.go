package cli

import (
	"fmt"
	"io"

	"jianbao/internal/build"
)

// Import converts a Word or text manuscript into a Markdown article the
// editor can keep editing, with its photos written beside it, and lists
// every interpretation and repair it made. It never overwrites a file.
func Import(src, out string, stdout, stderr io.Writer) int {
	res, errs := build.Import(src, out)
	if res != nil {
		printNotes(stderr, res.Notes)
	}
	if len(errs) > 0 {
		fmt.Fprintln(stderr, errs.Error())
		fmt.Fprintf(stderr, "%s: 共 %d 处问题，未转换\n", src, len(errs))
		return ExitInput
	}
	fmt.Fprintf(stdout, "%s: 已转换为 %s（%d 段，%d 张图片；%d 条说明见上）\n", src, res.Markdown, res.Blocks, len(res.Photos), len(res.Notes))
	return ExitOK
}
