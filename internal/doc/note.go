package doc

import "strings"

// noteWords open an editor's note, followed by a colon; noteBracketed
// open one with no colon.
var (
	noteWords     = []string{"编者按", "编者的话", "编者注", "按语", "编按", "编后语", "编后"}
	noteBracketed = []string{"【编者按】", "【编者的话】", "【编者注】", "【按语】", "【编后】", "【编后语】"}
)

// NoteLabel returns the length in bytes of the label that opens an
// editor's note (编者按：, 编者按:, 【编者按】, 编者的话：, 按语：, 编后：…),
// or 0 when t opens with none. The manuscript readers recognise a note by
// it, and the composer sets the label in the label font.
func NoteLabel(t string) int {
	for _, l := range noteBracketed {
		if strings.HasPrefix(t, l) {
			return len(l)
		}
	}
	for _, w := range noteWords {
		if rest, ok := strings.CutPrefix(t, w); ok {
			for _, colon := range []string{"：", ":"} {
				if strings.HasPrefix(rest, colon) {
					return len(w) + len(colon)
				}
			}
		}
	}
	return 0
}
