// Package doc is the document model: pure data between the parsers and the
// layout engine. It does no I/O and knows no units.
package doc

import (
	"time"

	"jianbao/internal/diag"
	"jianbao/internal/picture"
)

// Issue is one bulletin issue.
type Issue struct {
	Masthead       []Text
	Year           int
	Number         int
	Total          int    // 总第 N 期; 0 when not printed
	Special        string // 增刊, 特刊, 专刊; empty for a regular issue
	Editor         Text
	Date           time.Time
	DatePos        diag.Pos
	Classification Text
	Articles       []*Article
	Distribution   []Group
	Copies         int
	CopiesPos      diag.Pos
}

// Text is a string with the position of its first character.
type Text struct {
	S   string
	Pos diag.Pos
}

// Group is one row group of the 报/送/发 block.
type Group struct {
	Label string // 报, 送, 发
	List  bool   // one unit per line (true) or joined with "，" (false)
	To    []Text
	Pos   diag.Pos
}

// Article is one article: a title and its blocks.
type Article struct {
	File   string
	Title  Block
	Blocks []Block
}

// Kind says what a block is.
type Kind int

// Block kinds.
const (
	Title Kind = iota
	Heading1
	Heading2
	Para
	Note
	Figure
)

func (k Kind) String() string {
	return [...]string{"title", "h1", "h2", "para", "note", "figure"}[k]
}

// Block is a paragraph-level element.
type Block struct {
	Kind Kind
	Runs []Run
	Pos  diag.Pos
	// Figure only.
	Image    string // path as written
	ImageAbs string // resolved path
	Picture  *picture.Picture
}

// Run is a stretch of text with one style.
type Run struct {
	Text string
	Bold bool
	Pos  diag.Pos
}

// PlainText concatenates the text of the runs.
func (b *Block) PlainText() string {
	n := 0
	for _, r := range b.Runs {
		n += len(r.Text)
	}
	buf := make([]byte, 0, n)
	for _, r := range b.Runs {
		buf = append(buf, r.Text...)
	}
	return string(buf)
}
