package markup

import (
	"jianbao/internal/doc"
	"jianbao/internal/manuscript"
)

// fenceKinds are the ::: blocks: each line inside is one block.
var fenceKinds = map[string]doc.Kind{
	"落款": doc.Closing, "署名": doc.Closing,
	"副题": doc.Subtitle, "副标题": doc.Subtitle,
}

// interpret applies the rules for unmarked structure that manuscripts
// share (package manuscript): a one-line paragraph opening with 一、
// （一）1.（1） and no sentence end is a heading; a paragraph opening with
// a bold 一、 or （一） phrase has a run-in heading; a —— or （…供稿） line
// right under the title is a subtitle; a date at the end, with unit lines
// above it, is the 落款 (unless the article writes one with ::: 落款).
// nlines[i] is the number of source lines of block i when it is a plain
// paragraph, 0 otherwise.
func interpret(art *doc.Article, nlines []int, explicitClosing bool) {
	if len(nlines) != len(art.Blocks) {
		return // errors were reported; the article is discarded
	}
	plain := func(i int) bool { return art.Blocks[i].Kind == doc.Para && nlines[i] > 0 }
	for i := range art.Blocks {
		b := &art.Blocks[i]
		if !plain(i) {
			continue
		}
		t := b.PlainText()
		if manuscript.NoteLabel(t) {
			b.Kind = doc.Note
			continue
		}
		if nlines[i] == 1 && !anyBold(b.Runs) {
			switch manuscript.HeadingLine(t) {
			case 1:
				b.Kind = doc.Heading1
			case 2:
				b.Kind = doc.Heading2
			case 3, 4:
				b.Kind = doc.Heading3
			}
			if b.Kind != doc.Para {
				continue
			}
		}
		if len(b.Runs) > 1 && b.Runs[0].Bold && manuscript.PhraseEnd(b.Runs[0].Text) {
			switch manuscript.Numbering(b.Runs[0].Text) {
			case 1:
				b.Runs[0].Bold, b.Runs[0].RunIn = false, 1
			case 2:
				b.Runs[0].Bold, b.Runs[0].RunIn = false, 2
			}
		}
	}
	// subtitles right under the title
	for i := 0; i < len(art.Blocks) && i < 2 && plain(i) && nlines[i] == 1; i++ {
		if !manuscript.SubtitleText(art.Blocks[i].PlainText()) {
			break
		}
		art.Blocks[i].Kind = doc.Subtitle
	}
	if explicitClosing {
		return
	}
	// the 落款 at the end: the same rule as for Word and text files, on
	// the paragraphs after the subtitles
	start := 0
	for start < len(art.Blocks) && art.Blocks[start].Kind == doc.Subtitle {
		start++
	}
	texts := make([]string, 0, len(art.Blocks)-start)
	for _, b := range art.Blocks[start:] {
		if b.Kind == doc.Figure {
			texts = append(texts, "图")
			continue
		}
		texts = append(texts, b.PlainText())
	}
	c := manuscript.ClosingParas(texts)
	if c < 0 {
		return
	}
	for i := start + c; i < len(art.Blocks); i++ {
		if !plain(i) || nlines[i] != 1 {
			return // a note, a heading or a photo is not a 落款
		}
	}
	for i := start + c; i < len(art.Blocks); i++ {
		b := &art.Blocks[i]
		b.Kind = doc.Closing
		if d, ok := manuscript.DateLine(b.PlainText()); ok {
			b.Runs = []doc.Run{{Text: d, Pos: b.Runs[0].Pos}}
		}
	}
}

func anyBold(rs []doc.Run) bool {
	for _, r := range rs {
		if r.Bold {
			return true
		}
	}
	return false
}
