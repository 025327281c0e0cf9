// Package display is the display list: pages of positioned glyph runs,
// rules and images, in integer milli-points with the origin at the top-left
// of the page. The PDF writer draws it without re-measuring anything; Dump
// writes it as a human-readable text that diffs well.
package display

import (
	"fmt"
	"io"
	"strings"
)

// Len is a length in milli-points (1/1000 pt). Integers keep layout results
// identical on every machine (no float fusing differences).
type Len int64

// Common conversions.
const (
	Pt Len = 1000
)

// MM converts millimetres to Len, rounding to the nearest milli-point.
func MM(mm float64) Len { return Round(mm * 72000 / 25.4) }

// PtF converts points to Len.
func PtF(pt float64) Len { return Round(pt * 1000) }

// Round rounds a float number of milli-points half away from zero.
func Round(v float64) Len {
	if v < 0 {
		return -Len(-v + 0.5)
	}
	return Len(v + 0.5)
}

// Pt returns the length in points as a float (for the PDF writer only).
func (l Len) Pt() float64 { return float64(l) / 1000 }

func (l Len) String() string {
	neg := l < 0
	if neg {
		l = -l
	}
	// two decimals, rounded
	c := (l + 5) / 10
	s := fmt.Sprintf("%d.%02d", c/100, c%100)
	if neg && c != 0 {
		s = "-" + s
	}
	return s
}

// Color is a CMYK colour in percent (0–100 each).
type Color struct{ C, M, Y, K int }

// Black is pure K.
var Black = Color{0, 0, 0, 100}

func (c Color) String() string {
	if c == Black {
		return "black"
	}
	return fmt.Sprintf("cmyk(%d,%d,%d,%d)", c.C, c.M, c.Y, c.K)
}

// Kind says what an item is.
type Kind int

// Item kinds.
const (
	Text Kind = iota
	Rule
	Image
)

// Glyph is one character placed at X (relative to the page).
type Glyph struct {
	R    rune
	X    Len
	Face string // embedded face name
	Bold bool   // faux bold (stroke) for faces without a bold weight
	// ScaleX, when not 0, draws the glyph scaled horizontally by
	// ScaleX/1000 about X: a dash of a 破折号 stretched to join the next.
	ScaleX int
}

// Item is one printed thing. For Text, Y is the baseline and Glyphs carry
// their own x; Role names the layout element ("body", "title", ...), Line
// identifies the source line ("a3.p2.1": article 3, block 2, line 1).
type Item struct {
	Kind   Kind
	Role   string
	Line   string
	X, Y   Len
	W, H   Len // width of the line or rule; rule thickness in H; image size
	Size   Len // font size
	Color  Color
	Glyphs []Glyph
	Text   string // the source text of the line, spaces included
	Image  []byte // encoded image (JPEG or PNG) for Image items
	ImgFmt string
}

// Page is one page.
type Page struct {
	Number        int // printed number; 0 when not numbered
	Width, Height Len
	Items         []Item
	// Fill is how many grid rows of the text block are used, down to the
	// last row with something in it (the 报/送 block counts as used), of
	// Rows; both 0 when not known.
	Fill, Rows int
}

// Document is the laid-out issue.
type Document struct {
	Title   string
	Author  string
	Subject string
	Date    [3]int // year, month, day: the issue date, used for PDF metadata
	Pages   []Page
	// Outline lists the articles' titles (level 0) and their headings
	// (levels 1–3, as in the document) in reading order, where they are
	// printed: the PDF's bookmarks.
	Outline []OutlineEntry
}

// OutlineEntry is one bookmark: Page is the index into Pages counted from
// 1, Y the top of the first line of the title or heading.
type OutlineEntry struct {
	Level int
	Text  string
	Page  int
	Y     Len
}

// Dump writes one line per page and per item, tab-separated, lengths in
// points with two decimals.
func Dump(w io.Writer, d *Document) error {
	var b strings.Builder
	for i, p := range d.Pages {
		fill := ""
		if p.Rows > 0 {
			fill = fmt.Sprintf("\tfill=%d/%d", p.Fill, p.Rows)
		}
		fmt.Fprintf(&b, "page\t%d\tno=%d\t%sx%s%s\n", i+1, p.Number, p.Width, p.Height, fill)
		for _, it := range p.Items {
			switch it.Kind {
			case Text:
				line := ""
				if it.Line != "" {
					line = "\t" + it.Line
				}
				fmt.Fprintf(&b, "text\t%s%s\tx=%s\ty=%s\tw=%s\tsize=%s\t%s\t(%s)\n", it.Role, line, it.X, it.Y, it.W, it.Size, it.Color, it.Text)
			case Rule:
				fmt.Fprintf(&b, "rule\t%s\tx=%s\ty=%s\tw=%s\tt=%s\t%s\n", it.Role, it.X, it.Y, it.W, it.H, it.Color)
			case Image:
				line := ""
				if it.Line != "" {
					line = "\t" + it.Line
				}
				fmt.Fprintf(&b, "image\t%s%s\tx=%s\ty=%s\tw=%s\th=%s\t%s\t%d bytes\n", it.Role, line, it.X, it.Y, it.W, it.H, it.ImgFmt, len(it.Image))
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
