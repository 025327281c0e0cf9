package doc

import "testing"

func TestNoteLabel(t *testing.T) {
	for s, want := range map[string]string{
		"编者按：近日，": "编者按：", "编者按:近日": "编者按:", "【编者按】近日": "【编者按】",
		"编者的话：": "编者的话：", "编后语：本期": "编后语：", "编后：本期": "编后：", "按语：": "按语：",
		"【编后】": "【编后】", "编者按近日": "", "编者按": "", "近日，编者按：": "", "": "",
	} {
		if got := s[:NoteLabel(s)]; got != want {
			t.Errorf("%q: label %q, want %q", s, got, want)
		}
	}
}
