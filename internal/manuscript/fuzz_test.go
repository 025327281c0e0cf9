package manuscript

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzText reads arbitrary bytes as a text manuscript: it either fails
// with positioned errors or gives an article in which every printable
// character of the text appears, in order (only indentation, spaces and
// line breaks may go; a 落款 date may be rewritten).
func FuzzText(f *testing.F) {
	f.Add([]byte(pasted))
	f.Add([]byte("标题\r\n　　正文。\r\n一、小标题\r\n（一）加强领导。正文\r\n单位\r\n2026-02-20\r\n"))
	f.Add([]byte{0xFF, 0xFE, 'A', 0})
	f.Add([]byte{0xB1, 0xEA, 0xCC, 0xE2, '\n', 0xD5, 0xFD})
	f.Fuzz(func(t *testing.T, data []byte) {
		s, _, errs := Decode("f.txt", data)
		if len(errs) > 0 {
			for _, e := range errs {
				if e.Pos.File != "f.txt" || strings.Contains(e.Error(), "\n") {
					t.Fatalf("bad error %q", e.Error())
				}
			}
			return
		}
		art, _, errs := Structure("f.txt", ReadText("f.txt", s))
		if art == nil {
			if len(errs) == 0 {
				t.Fatal("no article and no error")
			}
			return
		}
		var got strings.Builder
		got.WriteString(art.Title.PlainText())
		for _, b := range art.Blocks {
			got.WriteString(b.PlainText())
		}
		keep := func(r rune) rune {
			if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
				return -1
			}
			return r
		}
		want := strings.Map(keep, s)
		if g := strings.Map(keep, got.String()); g != want {
			// a 落款 date may be rewritten: compare up to it
			last := art.Blocks[len(art.Blocks)-1]
			if _, ok := DateLine(last.PlainText()); !ok || !strings.HasPrefix(want, strings.TrimSuffix(g, strings.Map(keep, last.PlainText()))) {
				t.Fatalf("text changed:\n got %q\nwant %q", g, want)
			}
		}
	})
}
