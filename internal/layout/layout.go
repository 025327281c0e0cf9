// Package layout loads a layout (YAML): page geometry, grid, the faces for
// each font role, sizes, colours, and the shapes of the masthead and the
// 报/送 block. Built-in layouts are embedded from layouts/; a user may pass
// the path of a copied and edited one. It knows no PDF.
package layout

import (
	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/display"
)

// Spec is a loaded, validated layout.
type Spec struct {
	Base        string `yaml:"base"` // the layout this one changes: a built-in name or a path
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Page        struct {
		Width  Length `yaml:"width"`
		Height Length `yaml:"height"`
	} `yaml:"page"`
	Margin struct {
		Top    Length `yaml:"top"`
		Bottom Length `yaml:"bottom"`
		Left   Length `yaml:"left"`
		Right  Length `yaml:"right"`
	} `yaml:"margin"`
	Grid struct {
		Lines int `yaml:"lines"`
		Chars int `yaml:"chars"`
	} `yaml:"grid"`
	Fonts map[string]Role `yaml:"fonts"`
	Latin struct {
		Regular string `yaml:"regular"`
		Bold    string `yaml:"bold"`
	} `yaml:"latin"`
	Colors map[string]CMYK `yaml:"colors"` // [c, m, y, k] percentages; "#C00000", "#c00", "rgb(192, 0, 0)" converted
	Text   struct {
		CJKLatinGap   Length   `yaml:"cjk_latin_gap"`
		PunctCompress string   `yaml:"punct_compress"` // adjust | always
		FauxBold      Length   `yaml:"faux_bold"`
		Fallback      string   `yaml:"fallback"` // note (default): list characters set in a fallback face; error: refuse them
		Protect       []string `yaml:"protect"`  // words never broken across lines, besides the built-in leaders' names
	} `yaml:"text"`
	Masthead struct {
		Style     `yaml:",inline"`
		MinSize   Length `yaml:"min_size"`
		Top       Length `yaml:"top"`
		LineGap   Length `yaml:"line_gap"`
		FirstSize Length `yaml:"first_size"`
	} `yaml:"masthead"`
	Classification Style        `yaml:"classification"`
	CopyNumber     Style        `yaml:"copy_number"` // the 6-digit 份号 above the classification
	Contents       ContentsSpec `yaml:"contents"`    // 本期要目 under the red rule on page 1
	Section        SectionSpec  `yaml:"section"`     // 栏目 headings (【工作动态】)
	StaffLine      StaffSpec    `yaml:"staff_line"`  // 责任编辑/审核/签发
	IssueLine      struct {
		Style         `yaml:",inline"`
		Format        string `yaml:"format"`
		FormatNoTotal string `yaml:"format_no_total"`
		SpecialFormat string `yaml:"special_format"`
		Gap           Length `yaml:"gap"`
	} `yaml:"issue_line"`
	EditorLine struct {
		Style `yaml:",inline"`
		Inset Length `yaml:"inset"`
		Date  string `yaml:"date_format"`
	} `yaml:"editor_line"`
	RedRule struct {
		Thickness Length `yaml:"thickness"`
		Gap       Length `yaml:"gap"`
		Color     string `yaml:"color"`
		Double    Length `yaml:"double"`
	} `yaml:"red_rule"`
	Title struct {
		Style       `yaml:",inline"`
		Leading     Length `yaml:"leading"`
		LinesBefore int    `yaml:"lines_before"`
		LinesAfter  int    `yaml:"lines_after"`
		FirstBefore int    `yaml:"first_lines_before"`
		MaxChars    int    `yaml:"max_chars"`
	} `yaml:"title"`
	Body     Style `yaml:"body"`
	Heading1 Style `yaml:"heading1"`
	Heading2 Style `yaml:"heading2"`
	Heading3 Style `yaml:"heading3"` // "1." and "（1）" headings; default: the body style
	Subtitle Style `yaml:"subtitle"` // —— subtitles and bylines under a title; default: heading2's font at body size
	Closing  struct {
		Style       `yaml:",inline"` // default: the body style
		Inset       *int             `yaml:"inset"`        // characters between the 落款's longest line and the right edge; default 2
		DateShift   *int             `yaml:"date_shift"`   // the date starts this many characters right of the unit; default 2
		LinesBefore *int             `yaml:"lines_before"` // blank grid lines between the text and the 落款; default 1
		Credit      string           `yaml:"credit"`       // a closing credit line （…供稿）: right (default), left (as a paragraph) or center
	} `yaml:"closing"`
	Note struct {
		Style      `yaml:",inline"`
		Inset      int    `yaml:"inset"`       // characters the block is set in from each side
		LabelFont  string `yaml:"label_font"`  // font role of the leading "编者按：" label; empty: the note's font
		LinesAfter int    `yaml:"lines_after"` // blank grid lines after the note
	} `yaml:"note"`
	Caption struct {
		Style   `yaml:",inline"`
		Leading Length `yaml:"leading"` // line height of a caption; 0: 1.5 × size
		Gap     Length `yaml:"gap"`     // from the photo's bottom edge to the caption's first line box
	} `yaml:"caption"`
	Table struct {
		Style      `yaml:",inline"` // body cells (default 仿宋 四号)
		MinSize    Length           `yaml:"min_size"`    // a table too wide at size is set at this size (default 小四)
		HeaderFont string           `yaml:"header_font"` // font role of the header row (default the heading1 font, 黑体)
		TitleFont  string           `yaml:"title_font"`  // font role of the title 表1 … above the table (default heading1's)
		Rules      string           `yaml:"rules"`       // grid (every cell ruled, the default) or three-line (三线表)
		Rule       Length           `yaml:"rule"`        // thickness of the rules (0.5pt); the outer rules of a three-line table are twice as thick
		Padding    Length           `yaml:"padding"`     // space inside each cell (0.3em)
	} `yaml:"table"`
	PageNumber struct {
		Style     `yaml:",inline"`
		Below     Length `yaml:"below"`
		Inset     Length `yaml:"inset"`
		Position  string `yaml:"position"` // outside | center
		Format    string `yaml:"format"`
		FirstPage bool   `yaml:"first_page"`
	} `yaml:"page_number"`
	Distribution struct {
		Style      `yaml:",inline"`
		Thick      Length `yaml:"thick"`
		Thin       Length `yaml:"thin"`
		Inset      Length `yaml:"inset"`
		Leading    Length `yaml:"leading"`
		InlineStop bool   `yaml:"inline_stop"`
		Copies     string `yaml:"copies_format"`
		EvenPage   bool   `yaml:"even_page"`   // put the block at the foot of an even page (封四), adding a blank page where needed
		ExtraLabel string `yaml:"extra_label"` // label of the manifest's extra group (本期增发)
	} `yaml:"distribution"`
	Image struct {
		DPI        int  `yaml:"dpi"`         // print resolution photos are scaled down to
		DefaultDPI int  `yaml:"default_dpi"` // density assumed for a photo that declares none
		NoFloat    bool `yaml:"no_float"`    // photos stay where written; by default a photo that does not fit floats to the top of the next page
	} `yaml:"image"`

	File string `yaml:"-"`
	// Notes are what loading the layout decided for the user to know:
	// RGB colours converted to CMYK, a grid derived from the body size,
	// lines set closer than 1.2 × their size. Not errors; the build
	// prints them as 提示 lines.
	Notes diag.List `yaml:"-"`

	origin    map[*yaml.Node]origin // the file each node of the merged layout comes from
	root      *yaml.Node            // the merged layout
	gridLines *yaml.Node            // grid.lines as written, nil when derived
	gridChars *yaml.Node            // grid.chars as written, nil when derived
	gridBad   bool                  // grid out of range (reported): no overlap checks against it
}

// origin is the file a YAML node was read from and how far down the base:
// chain that file is (0: the layout loaded, 1: its base …).
type origin struct {
	file  string
	depth int
}

// Role maps a font role to a face and a fallback face: embedded faces,
// installed fonts by family name, or a font file.
type Role struct {
	Face     string `yaml:"face"`
	Fallback string `yaml:"fallback"`
	File     string `yaml:"file"`  // a font file, relative to the layout file
	Index    int    `yaml:"index"` // the face in a collection (.ttc), from 0
	Name     string `yaml:"name"`  // printed name, e.g. 仿宋
	// Latin says how the role sets Latin letters and digits: "" (the
	// layout's latin faces, the bold one for bold text), "bold" (always the
	// bold Latin face) or "own" (the role's own face, as bold roles want).
	Latin string `yaml:"latin"`

	Line, Col int `yaml:"-"` // where the role is written
}

// Style is the font, size and colour of an element.
type Style struct {
	Font   string `yaml:"font"`
	Size   Length `yaml:"size"`
	Color  string `yaml:"color"`
	Indent int    `yaml:"indent"` // first-line indent in characters
	Bold   bool   `yaml:"bold"`
}

// Derived geometry, in milli-points.
func (s *Spec) PageW() display.Len  { return s.Page.Width.Abs }
func (s *Spec) PageH() display.Len  { return s.Page.Height.Abs }
func (s *Spec) Left() display.Len   { return s.Margin.Left.Abs }
func (s *Spec) Top() display.Len    { return s.Margin.Top.Abs }
func (s *Spec) BlockW() display.Len { return s.PageW() - s.Margin.Left.Abs - s.Margin.Right.Abs }
func (s *Spec) BlockH() display.Len { return s.PageH() - s.Margin.Top.Abs - s.Margin.Bottom.Abs }

// LinePitch is the height of one grid line.
func (s *Spec) LinePitch() display.Len { return s.BlockH() / display.Len(s.Grid.Lines) }

// CharPitch is the width of one grid cell.
func (s *Spec) CharPitch() display.Len { return s.BlockW() / display.Len(s.Grid.Chars) }

// GridW is the width of a full grid line: Chars cells of CharPitch (it may
// fall short of the text block by a rounding unit).
func (s *Spec) GridW() display.Len { return s.CharPitch() * display.Len(s.Grid.Chars) }

// Color returns a named colour.
func (s *Spec) Color(name string) display.Color {
	c, ok := s.Colors[name]
	if !ok || len(c) != 4 {
		return display.Black
	}
	return display.Color{C: c[0], M: c[1], Y: c[2], K: c[3]}
}
