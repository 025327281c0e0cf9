package layout

import (
	"fmt"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/display"
)

// ContentsSpec is the 本期要目 block under the red rule on page 1.
type ContentsSpec struct {
	Title      string `yaml:"title"`       // the heading's text (本期要目)
	Heading    Style  `yaml:"heading"`     // the heading, centred (黑体)
	Section    Style  `yaml:"section"`     // a 栏目 line in the contents (黑体)
	Item       Style  `yaml:"item"`        // an entry: bullet, title, leader, page number (仿宋)
	Leading    Length `yaml:"leading"`     // line height of the 栏目 and entry lines; 0: one grid line each
	Bullet     string `yaml:"bullet"`      // before each entry (※ or ◆); "" for none
	Leader     string `yaml:"leader"`      // the character repeated to the page number (…)
	Rule       Length `yaml:"rule"`        // a thin rule under the block; 0 for none
	LinesAfter int    `yaml:"lines_after"` // blank grid lines between the block and the first title (besides title.first_lines_before)
}

// SectionSpec is a 栏目 heading in the body, printed once before the
// first article of its section, and the label in the contents.
type SectionSpec struct {
	Style       `yaml:",inline"`
	Format      string `yaml:"format"`       // {name}: the section's name; 【{name}】
	Align       string `yaml:"align"`        // left (the default) or center
	LinesBefore int    `yaml:"lines_before"` // blank grid lines before it (not at a page top)
}

// StaffSpec is the 责任编辑/审核/签发 line.
type StaffSpec struct {
	Style     `yaml:",inline"`
	Format    string `yaml:"format"`    // one entry: {role}：{name}
	Separator string `yaml:"separator"` // between entries
	Position  string `yaml:"position"`  // inside: the last row of the 报/送 block; above: right above the block, flush right
}

// frontDefaults fills the page-1 and back-matter elements a layout may
// leave out (layouts written before they existed keep working).
func (s *Spec) frontDefaults() {
	fill := func(st *Style, font string, size float64) {
		if st.Font == "" {
			st.Font = font
		}
		if !st.Size.Set {
			st.Size = Length{Abs: display.PtF(size), Set: true}
		}
	}
	c := &s.Contents
	if c.Title == "" {
		c.Title = "本期要目"
	}
	fill(&c.Heading, s.Heading1.Font, 16)
	fill(&c.Section, s.Heading1.Font, 14)
	fill(&c.Item, s.Body.Font, 14)
	if c.Bullet == "" {
		c.Bullet = "※"
	}
	if c.Leader == "" {
		c.Leader = "…"
	}
	if !c.Rule.Set {
		c.Rule = Length{Abs: display.PtF(0.75), Set: true}
	}
	sec := &s.Section
	fill(&sec.Style, s.Heading1.Font, 16)
	if sec.Format == "" {
		sec.Format = "【{name}】"
	}
	if sec.Align == "" {
		sec.Align = "left"
	}
	fill(&s.CopyNumber, s.Body.Font, 16)
	st := &s.StaffLine
	fill(&st.Style, s.Distribution.Font, 14)
	if st.Color == "" {
		st.Color = s.Distribution.Color
	}
	if st.Format == "" {
		st.Format = "{role}：{name}"
	}
	if st.Separator == "" {
		st.Separator = "　"
	}
	if st.Position == "" {
		st.Position = "inside"
	}
	if s.Distribution.ExtraLabel == "" {
		s.Distribution.ExtraLabel = "本期增发"
	}
}

// frontStyles are the styles of the page-1 and back-matter elements, for
// the font, size and colour checks.
func (s *Spec) frontStyles() map[string]*Style {
	return map[string]*Style{
		"contents.heading": &s.Contents.Heading, "contents.section": &s.Contents.Section, "contents.item": &s.Contents.Item,
		"section": &s.Section.Style, "copy_number": &s.CopyNumber, "staff_line": &s.StaffLine.Style,
	}
}

// validateFront checks the page-1 and back-matter fields.
func (s *Spec) validateFront(errs *diag.List) {
	at := func(l Length) diag.Pos { return s.pos(l) }
	if !strings.Contains(s.Section.Format, "{name}") {
		errs.Add(at(s.Section.Size), "section.format 应包含 {name}", "如 【{name}】")
	}
	if s.Section.Align != "left" && s.Section.Align != "center" {
		errs.Add(at(s.Section.Size), "section.align 应是 left 或 center", "")
	}
	if s.Section.LinesBefore < 0 || s.Section.LinesBefore > 5 {
		errs.Add(at(s.Section.Size), "section.lines_before 应在 0 到 5 之间", "")
	}
	if s.Contents.LinesAfter < 0 || s.Contents.LinesAfter > 5 {
		errs.Add(at(s.Contents.Item.Size), "contents.lines_after 应在 0 到 5 之间", "")
	}
	if l := s.Contents.Leading; l.Abs > 0 && (l.IsEm || l.Abs < s.Contents.Item.Size.Abs || l.Abs < s.Contents.Section.Size.Abs) {
		errs.Add(at(l), "contents.leading 应不小于 contents.item 和 contents.section 的字号", "如 22pt；写 0 则每行占一个网格行")
	}
	if n := len([]rune(s.Contents.Leader)); n != 1 {
		errs.Add(at(s.Contents.Item.Size), fmt.Sprintf("contents.leader 应是一个字符，而不是 %q", s.Contents.Leader), "如 … 或 ·")
	}
	if s.StaffLine.Position != "inside" && s.StaffLine.Position != "above" {
		errs.Add(at(s.StaffLine.Size), "staff_line.position 应是 inside 或 above", "inside：报/送栏最后一行；above：报/送栏上方，右对齐")
	}
	if !strings.Contains(s.StaffLine.Format, "{name}") {
		errs.Add(at(s.StaffLine.Size), "staff_line.format 应包含 {name}", "如 {role}：{name}")
	}
}
