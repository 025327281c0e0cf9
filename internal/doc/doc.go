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
	Protected      []string // words never broken across lines (the manifest's protect)
	// SecrecyPeriod is the 保密期限 printed after the classification and
	// a ★ (秘密★1年); empty when none.
	SecrecyPeriod Text
	// CopyNumber is the 份号 printed top-left of page 1 in six digits; 0
	// when none.
	CopyNumber    int
	CopyNumberPos diag.Pos
	// Contents asks for the 本期要目 block under the red rule on page 1;
	// ContentsHeading replaces the layout's heading when not empty.
	Contents        bool
	ContentsHeading string
	ContentsPos     diag.Pos
	// Extra is the 本期增发 group: recipients of this issue only, printed
	// as its own labelled group of the 报/送 block; nil when none.
	Extra *Group
	// Staff is the 责任编辑/审核/签发 line, in order; empty when none.
	Staff []Credit
}

// Credit is one entry of the staff line: a role and the names.
type Credit struct {
	Role string // 责任编辑, 审核, 签发 …
	Name string
	Pos  diag.Pos
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
	File    string
	Title   Block
	Blocks  []Block
	NewPage bool // start on a new page (the manifest's new_page)
	// Section is the 栏目 the article belongs to (工作动态); empty when
	// none. Its heading is printed before the first article of a run of
	// articles with the same section.
	Section    string
	SectionPos diag.Pos
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
	Heading3 // a third-level heading (1. or （1）) on a line of its own
	Subtitle // a centred line under the title: a —— subtitle or a byline
	Closing  // one line of the 落款 (unit, date): set right, kept with the text
	PageBreak
	Table // a table (Block.Table); Runs hold its title (表1 …), if any
)

func (k Kind) String() string {
	return [...]string{"title", "h1", "h2", "para", "note", "figure", "h3", "subtitle", "closing", "pagebreak", "table"}[k]
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
	// Width is the printed width as written: "50%" of the text block,
	// "60mm", or "12字" (characters); empty for the natural width.
	Width string
	// Beside sets this photo in one row with the photo before it, each
	// with its own caption.
	Beside bool
	// Table only.
	Table *TableData
	// ImageData holds the photo's bytes when it came from inside a
	// manuscript (a .docx) rather than from a file.
	ImageData []byte
}

// Run is a stretch of text with one style.
type Run struct {
	Text string
	Bold bool
	// RunIn is 1 or 2 for a run-in heading ("（一）加强组织领导。" opening a
	// paragraph) set in the level-1 or level-2 heading face; 0 otherwise.
	RunIn int
	Pos   diag.Pos
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

// TableData is a table's cells, row by row.
type TableData struct {
	Rows   [][]Cell
	Header int    // leading rows that form the header (repeated on each page)
	Align  []byte // per column: 'l', 'c' or 'r'; 0 for the default
}

// Cell is one table cell. Span is how many columns it covers (1 or
// more); a cell covered by a merge from above (Word's vMerge) is Merged
// and prints nothing.
type Cell struct {
	Runs   []Run
	Span   int
	Merged bool
	Pos    diag.Pos
}

// Columns is the table's column count.
func (t *TableData) Columns() int {
	n := 0
	for _, r := range t.Rows {
		w := 0
		for _, c := range r {
			w += max(1, c.Span)
		}
		n = max(n, w)
	}
	return n
}
