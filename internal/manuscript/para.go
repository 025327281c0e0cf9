// Package manuscript turns manuscripts as offices send them (Word files,
// plain text, pasted text) into articles: it reads paragraphs with the
// hints their producer left (alignment, heading styles, fonts, typed
// indentation) and recognises the title, headings, run-in headings, the
// 落款 and photo captions. Every interpretation it makes is reported as a
// note.
package manuscript

import (
	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// Align is a paragraph's alignment as the producer set it.
type Align int

// Alignments.
const (
	AlignLeft   Align = iota // left, justified or unset
	AlignCenter              // centred
	AlignRight               // right-aligned (or "end")
)

// Font says which of the official faces a run was set in, as far as the
// producer's font name tells.
type Font int

// Font hints.
const (
	FontOther    Font = iota // unknown or a Latin face
	FontSong                 // 宋体
	FontFang                 // 仿宋
	FontHei                  // 黑体
	FontKai                  // 楷体
	FontBiaoSong             // 小标宋
)

// Run is a stretch of a paragraph's text with one set of hints.
type Run struct {
	Text string
	Bold bool
	Font Font
	Size int // in half-points (Word's unit); 0 when unknown
	// Pos is the position of the run's first character: for a .docx,
	// Line is the paragraph number and Col the character in the paragraph.
	Pos diag.Pos
}

// Image is a picture embedded in a manuscript.
type Image struct {
	Name string // file name inside the manuscript, e.g. image1.png
	Data []byte // the picture file's bytes (JPEG or PNG)
}

// Para is one paragraph as the producer wrote it, before interpretation.
// Typed indentation ("　　", spaces, tabs) is still at the start of the
// first run's text; soft line breaks are already joined.
type Para struct {
	Runs    []Run
	Pos     diag.Pos
	Align   Align
	Outline int  // heading level from a heading style or outline level, 1-based; 0: none
	Title   bool // set in the producer's Title style
	Image   *Image
	// Table is a table in place of the paragraph: its cells' runs are
	// already read (hints dropped but bold), Header is the header rows.
	Table *doc.TableData
}

// isText reports whether the paragraph holds text (not a photo or a table).
func (p Para) isText() bool { return p.Image == nil && p.Table == nil }
