// Package layout loads a layout (YAML): page geometry, grid, the faces for
// each font role, sizes, colours, and the shapes of the masthead and the
// 报/送 block. Built-in layouts are embedded from layouts/; a user may pass
// the path of a copied and edited one. It knows no PDF.
package layout

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/manifest"
	"jianbao/layouts"
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

// BuiltinNames lists the embedded layouts.
func BuiltinNames() []string {
	ents, _ := layouts.FS.ReadDir(".")
	var ns []string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".yaml") {
			ns = append(ns, strings.TrimSuffix(e.Name(), ".yaml"))
		}
	}
	return ns
}

// Load loads a layout by built-in name or by path. A name containing a
// slash or ending in .yaml is a path, relative to baseDir.
func Load(ref, baseDir string, pos diag.Pos) (*Spec, diag.List) {
	file, data, errs := read(ref, baseDir, pos)
	if len(errs) > 0 {
		return nil, errs
	}
	return Parse(file, data)
}

// isPath says whether a layout reference is a file path rather than a
// built-in name.
func isPath(ref string) bool {
	return strings.ContainsAny(ref, "/\\") || strings.HasSuffix(ref, ".yaml") || strings.HasSuffix(ref, ".yml")
}

// read finds a layout's bytes: a built-in name, or a path relative to
// baseDir. Built-in layouts are named "layouts/NAME.yaml" in messages.
func read(ref, baseDir string, pos diag.Pos) (string, []byte, diag.List) {
	var errs diag.List
	if ref == "" {
		ref = "jianbao"
	}
	if isPath(ref) {
		file := manifest.Portable(ref) // written on Windows or elsewhere
		if !filepath.IsAbs(file) {
			file = filepath.Join(baseDir, file)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			errs.Add(pos, fmt.Sprintf("找不到版式文件 %q", ref), "请检查路径，或写内置版式名："+strings.Join(BuiltinNames(), "、"))
			return "", nil, errs
		}
		return file, b, nil
	}
	b, err := layouts.FS.ReadFile(ref + ".yaml")
	if err != nil {
		errs.Add(pos, fmt.Sprintf("没有名为 %q 的内置版式", ref), "可用："+strings.Join(BuiltinNames(), "、")+"，或写版式文件的路径")
		return "", nil, errs
	}
	return "layouts/" + ref + ".yaml", b, nil
}

var lineRe = regexp.MustCompile(`line (\d+): (.*)`)
var unknownRe = regexp.MustCompile(`field (\S+) not found in type`)

// maxBaseDepth bounds a chain of layouts built on each other.
const maxBaseDepth = 8

// Parse parses and validates layout YAML. A layout that starts with
// "base: NAME" (a built-in layout or a path relative to this file) gives
// only what it changes: mappings merge key by key, anything else replaces.
func Parse(file string, data []byte) (*Spec, diag.List) {
	org := map[*yaml.Node]origin{}
	root, errs := merged(file, data, 0, org)
	if len(errs) > 0 {
		return nil, errs
	}
	s := &Spec{File: file, origin: org, root: root}
	if err := root.Decode(s); err != nil {
		errs.Add(diag.Pos{File: file}, "版式文件有误："+err.Error(), "请对照 layouts/README.md")
		return nil, errs
	}
	s.gridLines, s.gridChars = lookup(root, "grid", "lines"), lookup(root, "grid", "chars")
	s.noteColors()
	s.validate(&errs)
	if len(errs) > 0 {
		return nil, errs
	}
	return s, nil
}

// merged checks one layout file on its own (unknown fields, wrong types)
// and returns its mapping node merged onto its base's.
//
// org records the file of every node; when this file changes body.size,
// followBody re-ties what the base tied to the old body size.
func merged(file string, data []byte, depth int, org map[*yaml.Node]origin) (*yaml.Node, diag.List) {
	var errs diag.List
	if pos, ok := manifest.FullWidthColon(file, data); ok {
		errs.Add(pos, "版式 YAML 格式错误："+manifest.FullWidthColonHint, "请改成英文冒号并在后面空一格")
		return nil, errs
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		pos, msg, fix := manifest.YAMLSyntax(file, data, err)
		errs.Add(pos, "版式 "+msg, fix)
		return nil, errs
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		errs.Add(diag.Pos{File: file}, "版式文件应是“字段: 值”的映射", "请对照 layouts/README.md")
		return nil, errs
	}
	root := doc.Content[0]
	var mark func(n *yaml.Node)
	mark = func(n *yaml.Node) {
		org[n] = origin{file, depth}
		for _, c := range n.Content {
			mark(c)
		}
	}
	mark(root)
	var probe Spec
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&probe); err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			m := lineRe.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			n, _ := strconv.Atoi(m[1])
			msg := m[2]
			if u := unknownRe.FindStringSubmatch(msg); u != nil {
				msg = fmt.Sprintf("未知字段 %q", u[1])
				errs.Add(diag.Pos{File: file, Line: n}, msg, "请对照 layouts/README.md 检查字段名")
				continue
			}
			if strings.Contains(msg, "cannot unmarshal") {
				errs.Add(diag.Pos{File: file, Line: n}, "字段类型不对（"+msg+"）", "请对照 layouts/README.md")
				continue
			}
			errs.Add(diag.Pos{File: file, Line: n}, msg, "")
		}
		if len(errs) == 0 {
			errs.Add(diag.Pos{File: file}, "版式文件有误："+err.Error(), "")
		}
		return nil, errs
	}
	var baseRef *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "base" {
			baseRef = root.Content[i+1]
			root.Content = append(root.Content[:i:i], root.Content[i+2:]...)
			break
		}
	}
	if baseRef == nil {
		return root, nil
	}
	pos := diag.Pos{File: file, Line: baseRef.Line, Col: baseRef.Column}
	if depth >= maxBaseDepth {
		errs.Add(pos, "版式的 base 层层引用太深（可能互相引用）", fmt.Sprintf("base 链最多 %d 层", maxBaseDepth))
		return nil, errs
	}
	dir := filepath.Dir(file)
	if strings.HasPrefix(file, "layouts/") && !isPath(baseRef.Value) {
		dir = "."
	}
	bfile, bdata, rerrs := read(strings.TrimSpace(baseRef.Value), dir, pos)
	if len(rerrs) > 0 {
		return nil, rerrs
	}
	base, berrs := merged(bfile, bdata, depth+1, org)
	if len(berrs) > 0 {
		return nil, berrs
	}
	followBody(base, root)
	mergeInto(base, root, org)
	return base, nil
}

// mergeInto merges the mapping over onto base: keys whose values are both
// mappings merge recursively; other values replace.
func mergeInto(base, over *yaml.Node, org map[*yaml.Node]origin) {
	for i := 0; i+1 < len(over.Content); i += 2 {
		k, v := over.Content[i], over.Content[i+1]
		found := false
		for j := 0; j+1 < len(base.Content); j += 2 {
			if base.Content[j].Value != k.Value {
				continue
			}
			found = true
			if bv := base.Content[j+1]; bv.Kind == yaml.MappingNode && v.Kind == yaml.MappingNode {
				mergeInto(bv, v, org)
				bv.Line, bv.Column = v.Line, v.Column // a message about it points at the change
				org[bv] = org[v]
			} else {
				base.Content[j+1] = v
			}
			break
		}
		if !found {
			base.Content = append(base.Content, k, v)
		}
	}
}

func (s *Spec) validate(errs *diag.List) {
	at := s.pos
	need := func(l Length, name string) {
		if !l.Set {
			errs.Add(diag.Pos{File: s.File}, fmt.Sprintf("缺少长度 %s", name), "请对照 layouts/README.md 补上")
		}
	}
	need(s.Page.Width, "page.width")
	need(s.Page.Height, "page.height")
	need(s.Margin.Top, "margin.top")
	need(s.Margin.Bottom, "margin.bottom")
	need(s.Margin.Left, "margin.left")
	need(s.Margin.Right, "margin.right")
	if len(*errs) > 0 {
		return
	}
	if s.BlockW() <= 0 || s.BlockH() <= 0 {
		errs.Add(at(s.Margin.Left), "页边距大于纸张，版心为空", "请减小页边距")
		return
	}
	s.deriveGrid()
	if s.Grid.Lines <= 0 || s.Grid.Lines > 100 || s.Grid.Chars <= 0 || s.Grid.Chars > 100 {
		pos := diag.Pos{File: s.File}
		if n := lookup(s.root, "grid"); n != nil {
			pos = s.nodePos(n)
		}
		errs.Add(pos, "grid.lines 和 grid.chars 应在 1 到 100 之间", "公文为 22 行 × 28 字")
		s.Grid.Lines, s.Grid.Chars = 22, 28 // keep the pitches defined; checkFit skips the grid
		s.gridBad = true
	}
	s.resolveFonts(errs)
	for name, r := range s.Fonts {
		if r.Latin != "" && r.Latin != "bold" && r.Latin != "own" {
			errs.Add(diag.Pos{File: s.File, Line: r.Line, Col: r.Col}, fmt.Sprintf("字体角色 %q 的 latin 应是 bold 或 own（或不写）", name), "bold：西文和数字用粗体西文字体；own：用该角色字体自带的西文")
		}
	}
	s.defaults()
	styles := map[string]*Style{
		"masthead": &s.Masthead.Style, "classification": &s.Classification, "issue_line": &s.IssueLine.Style,
		"editor_line": &s.EditorLine.Style, "title": &s.Title.Style, "body": &s.Body, "heading1": &s.Heading1,
		"heading2": &s.Heading2, "heading3": &s.Heading3, "subtitle": &s.Subtitle, "closing": &s.Closing.Style, "note": &s.Note.Style, "caption": &s.Caption.Style, "table": &s.Table.Style, "page_number": &s.PageNumber.Style,
		"distribution": &s.Distribution.Style,
	}
	for k, v := range s.frontStyles() {
		styles[k] = v
	}
	for name, st := range styles {
		if _, ok := s.Fonts[st.Font]; !ok {
			errs.Add(at(st.Size), fmt.Sprintf("%s.font 为 %q，不是已定义的字体角色", name, st.Font), "请使用 fonts 下定义的角色名")
		}
		if !validSize(st.Size) {
			errs.Add(at(st.Size), fmt.Sprintf("%s.size 应是 4pt 到 200pt 之间的字号", name), "如 16pt 或 三号")
		}
		if st.Color != "" {
			if _, ok := s.Colors[st.Color]; !ok {
				errs.Add(at(st.Size), fmt.Sprintf("%s.color 为 %q，不是已定义的颜色", name, st.Color), "请在 colors 下定义")
			}
		}
	}
	for name, c := range s.Colors {
		ok := len(c) == 4
		for _, v := range c {
			ok = ok && v >= 0 && v <= 100
		}
		if !ok {
			pos, hint := diag.Pos{File: s.File}, "如 [0, 100, 100, 0]"
			if n := lookup(s.root, "colors", name); n != nil {
				pos = s.nodePos(n)
				if n.ShortTag() == "!!null" {
					hint += "；#C00000 这样的颜色要加引号写成 \"#C00000\"，不加引号时 # 起是注释"
				}
			}
			errs.Add(pos, fmt.Sprintf("颜色 %q 应是四个 0–100 的 CMYK 百分数", name), hint)
		}
	}
	if s.PageNumber.Position != "outside" && s.PageNumber.Position != "center" {
		errs.Add(diag.Pos{File: s.File}, "page_number.position 应是 outside 或 center", "")
	}
	if s.Text.PunctCompress != "adjust" && s.Text.PunctCompress != "always" {
		errs.Add(diag.Pos{File: s.File}, "text.punct_compress 应是 adjust 或 always", "")
	}
	if s.Table.Rules != "grid" && s.Table.Rules != "three-line" {
		errs.Add(diag.Pos{File: s.File}, "table.rules 应是 grid 或 three-line", "grid：每格都有线（GB 默认）；three-line：三线表")
	}
	for _, f := range []string{s.Table.HeaderFont, s.Table.TitleFont} {
		if _, ok := s.Fonts[f]; !ok {
			errs.Add(diag.Pos{File: s.File}, fmt.Sprintf("table 的字体角色 %q 没有定义", f), "请使用 fonts 下定义的角色名")
		}
	}
	switch s.Closing.Credit {
	case "":
		s.Closing.Credit = "right"
	case "right", "left", "center":
	default:
		errs.Add(diag.Pos{File: s.File}, "closing.credit 应是 right、left 或 center", "文末（…供稿）一行：right 右对齐，left 按正文段落排，center 居中")
	}
	switch s.Text.Fallback {
	case "":
		s.Text.Fallback = "note"
	case "note", "error":
	default:
		errs.Add(diag.Pos{File: s.File}, "text.fallback 应是 note 或 error", "note：用后备字体排印并提示；error：不允许混用字体")
	}
	if s.Image.DPI <= 0 {
		s.Image.DPI = 300
	}
	if s.Image.DefaultDPI <= 0 {
		s.Image.DefaultDPI = 96
	}
	if s.Image.DPI > 2400 || s.Image.DefaultDPI > 2400 {
		errs.Add(diag.Pos{File: s.File}, "image.dpi 和 image.default_dpi 不应超过 2400", "印刷用 300 即可")
	}
	if s.Note.Inset < 0 || 2*s.Note.Inset+s.Note.Indent+4 > s.Grid.Chars {
		errs.Add(at(s.Note.Size), "note.inset 太大，编者按每行放不下几个字", "一般为 2（左右各缩进两字）")
	}
	if s.Note.LabelFont != "" {
		if _, ok := s.Fonts[s.Note.LabelFont]; !ok {
			errs.Add(at(s.Note.Size), fmt.Sprintf("note.label_font 为 %q，不是已定义的字体角色", s.Note.LabelFont), "请使用 fonts 下定义的角色名")
		}
	}
	if s.Note.LinesAfter < 0 || s.Note.LinesAfter > 5 {
		errs.Add(at(s.Note.Size), "note.lines_after 应在 0 到 5 之间", "")
	}
	for name, v := range map[string]*int{"closing.inset": s.Closing.Inset, "closing.date_shift": s.Closing.DateShift, "closing.lines_before": s.Closing.LinesBefore} {
		if *v < 0 || *v > 10 {
			errs.Add(at(s.Closing.Size), name+" 应在 0 到 10 之间", "公文落款一般右空二字，日期右移二字，正文后空一行")
		}
	}
	if s.IssueLine.Format == "" || !strings.Contains(s.IssueLine.Format, "{number}") {
		errs.Add(diag.Pos{File: s.File}, "issue_line.format 应包含 {number}", "如 {year}年第{number}期（总第{total}期）")
	}
	s.validateFront(errs)
	s.checkFit(errs)
}

// defaults fills the optional styles a layout may leave out (layouts
// written before they existed keep working).
func (s *Spec) defaults() {
	if s.Heading3.Font == "" && !s.Heading3.Size.Set {
		s.Heading3 = s.Body
	}
	if s.Subtitle.Font == "" && !s.Subtitle.Size.Set {
		s.Subtitle = s.Body
		if s.Heading2.Font != "" {
			s.Subtitle.Font = s.Heading2.Font
		}
		s.Subtitle.Indent = 0
	}
	if s.Closing.Font == "" && !s.Closing.Size.Set {
		s.Closing.Style = s.Body
		s.Closing.Indent = 0
	}
	t := &s.Table
	if t.Font == "" {
		t.Font = s.Body.Font
	}
	if !t.Size.Set {
		t.Size = Length{Abs: display.PtF(14), Set: true} // 四号
	}
	if !t.MinSize.Set {
		t.MinSize = Length{Abs: display.PtF(12), Set: true} // 小四
	}
	if t.Color == "" {
		t.Color = s.Body.Color
	}
	if t.HeaderFont == "" {
		t.HeaderFont = s.Heading1.Font
	}
	if t.TitleFont == "" {
		t.TitleFont = s.Heading1.Font
	}
	if t.Rules == "" {
		t.Rules = "grid"
	}
	if !t.Rule.Set {
		t.Rule = Length{Abs: display.PtF(0.5), Set: true}
	}
	if !t.Padding.Set {
		t.Padding = Length{MilliEm: 300, IsEm: true, Set: true}
	}
	s.frontDefaults()
	for _, p := range []struct {
		v   **int
		def int
	}{{&s.Closing.Inset, 2}, {&s.Closing.DateShift, 2}, {&s.Closing.LinesBefore, 1}} {
		if *p.v == nil {
			n := p.def
			*p.v = &n
		}
	}
}

// tiedRoles are the text roles set on the grid rows like the body. In a
// layout that changes its base's body.size, those whose size the base gave
// equal to its body size take the new body size (unless the layout sets
// them too).
var tiedRoles = []string{"heading1", "heading2", "heading3", "subtitle", "closing", "note"}

// followBody is called before a layout (over) is merged onto its base: when
// over changes body.size, what the base derived from its body size follows
// the new one. grid.lines and grid.chars that over does not set itself are
// dropped, so they are derived again from the new body size (see
// deriveGrid); tiedRoles sizes equal to the base's body size become over's
// body.size. A body.size written again with the same value changes nothing.
func followBody(base, over *yaml.Node) {
	nb, ob := lookup(over, "body", "size"), lookup(base, "body", "size")
	if nb == nil || ob == nil || sameSize(nb, ob) {
		return
	}
	if g := lookup(base, "grid"); g != nil && g.Kind == yaml.MappingNode {
		for _, k := range []string{"lines", "chars"} {
			if lookup(over, "grid", k) != nil {
				continue
			}
			for i := 0; i+1 < len(g.Content); i += 2 {
				if g.Content[i].Value == k {
					g.Content = append(g.Content[:i:i], g.Content[i+2:]...)
					break
				}
			}
		}
	}
	for _, role := range tiedRoles {
		if lookup(over, role, "size") != nil {
			continue
		}
		m := lookup(base, role)
		if m == nil || m.Kind != yaml.MappingNode {
			continue
		}
		for i := 0; i+1 < len(m.Content); i += 2 {
			if m.Content[i].Value == "size" && sameSize(m.Content[i+1], ob) {
				m.Content[i+1] = nb
			}
		}
	}
}

// sameSize says whether two length nodes are the same absolute length.
func sameSize(a, b *yaml.Node) bool {
	var la, lb Length
	if a.Decode(&la) != nil || b.Decode(&lb) != nil {
		return a.Value == b.Value
	}
	return !la.IsEm && !lb.IsEm && la.Abs == lb.Abs
}

// lookup follows a path of keys through mappings; nil when a key is absent.
func lookup(n *yaml.Node, path ...string) *yaml.Node {
	for _, k := range path {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n
}

// nodePos is where a node of the merged layout is written: its own file,
// which for a value inherited through base: is the base's.
func (s *Spec) nodePos(n *yaml.Node) diag.Pos {
	p := diag.Pos{File: s.File, Line: n.Line, Col: n.Column}
	if o, ok := s.origin[n]; ok {
		p.File = o.file
	}
	return p
}

// depth is how far down the base: chain a node is written (0: the layout
// loaded); a large number when not known.
func (s *Spec) depth(n *yaml.Node) int {
	if o, ok := s.origin[n]; ok && n != nil {
		return o.depth
	}
	return 1 << 20
}

// pos is where a length is written, in its own file.
func (s *Spec) pos(l Length) diag.Pos {
	if l.node != nil {
		return s.nodePos(l.node)
	}
	return diag.Pos{File: s.File, Line: l.Line, Col: l.Col}
}
