package layout

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/display"
)

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
