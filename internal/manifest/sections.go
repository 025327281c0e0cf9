package manifest

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// MaxSectionChars bounds a 栏目 name: it prints on one line.
const MaxSectionChars = 12

// article reads one entry of articles: a path, or {file: PATH, new_page:
// true, section: 栏目}. sec is the section of the group it is listed
// under, if any.
func (p *parser) article(it *yaml.Node, m *Manifest, sec doc.Text) {
	path, newPage, pos := "", false, p.pos(it)
	switch it.Kind {
	case yaml.ScalarNode:
		path = strings.TrimSpace(it.Value)
	case yaml.MappingNode:
		if name := mapValue(it, "section"); name != nil && mapValue(it, "file") == nil {
			// "- section: 工作动态" with no articles: (or a misspelt one) under it
			p.errs.Add(p.pos(it), fmt.Sprintf("栏目“%s”下没有列出文章", strings.TrimSpace(name.Value)),
				"请在 section 下一行写 articles:，再逐行列出文章（- articles/01.md）；或写 {file: 路径, section: 栏目}")
			return
		}
		p.fields(it, "articles.", map[string]func(k, v *yaml.Node){
			"file": func(k, v *yaml.Node) { path, pos = strings.TrimSpace(p.str(v, "articles.file")), p.pos(v) },
			"new_page": func(k, v *yaml.Node) {
				if v.Kind != yaml.ScalarNode || (v.Value != "true" && v.Value != "false") {
					p.errs.Add(p.pos(v), "字段 \"articles.new_page\" 应是 true 或 false", "写 new_page: true 让这篇文章从新的一页开始")
					return
				}
				newPage = v.Value == "true"
			},
			"section": func(k, v *yaml.Node) {
				if sec.S != "" {
					p.errs.Add(p.pos(k), fmt.Sprintf("这篇文章已列在栏目“%s”下，不能再写 section", sec.S), "请删除这一项的 section，或把文章移出该栏目")
					return
				}
				sec = p.sectionName(v)
			},
		}, []string{"file"})
		if path == "" {
			return
		}
	default:
		p.errs.Add(p.pos(it), "文章列表的每一项应是文件路径，或 {file: 路径, new_page: true}", "如“- articles/01.md”或“- {file: articles/02.docx, new_page: true}”")
		return
	}
	ref, ok := p.resolve(m.Dir, path, pos, "文章")
	if ok {
		if first, dup := p.listed[ref.Abs]; dup {
			p.errs.Add(pos, fmt.Sprintf("文章“%s”在第 %d 行已经列过", path, first.Line), "请删除重复的一项")
			return
		}
		if p.listed == nil {
			p.listed = map[string]diag.Pos{}
		}
		p.listed[ref.Abs] = pos
		ref.NewPage = newPage
		ref.Section = sec
		m.Articles = append(m.Articles, ref)
	}
}

// isSectionGroup says whether an articles entry is a 栏目 with its
// articles: {section: 工作动态, articles: [...]}.
func isSectionGroup(n *yaml.Node) bool {
	if n.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "articles" {
			return true
		}
	}
	return false
}

// mapValue is the value of key in a mapping node, or nil.
func mapValue(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// sectionGroup reads {section: 工作动态, articles: [...]}.
func (p *parser) sectionGroup(n *yaml.Node, m *Manifest) {
	var sec doc.Text
	var list *yaml.Node
	p.fields(n, "articles.", map[string]func(k, v *yaml.Node){
		"section":  func(k, v *yaml.Node) { sec = p.sectionName(v) },
		"articles": func(k, v *yaml.Node) { list = v },
	}, []string{"section", "articles"})
	if list == nil || sec.S == "" {
		return
	}
	items := p.seq(list, "articles.articles", MaxArticles)
	if list.Kind == yaml.SequenceNode && len(list.Content) == 0 {
		p.errs.Add(p.pos(list), fmt.Sprintf("栏目“%s”下没有文章", sec.S), "请列出这个栏目的文章，或删除这个栏目")
	}
	for _, it := range items {
		if isSectionGroup(it) {
			p.errs.Add(p.pos(it), "栏目不能套栏目", "每个栏目下直接列出文章路径")
			continue
		}
		p.article(it, m, sec)
	}
}

// sectionName reads a 栏目 name; the 【】 around it are the layout's.
func (p *parser) sectionName(v *yaml.Node) doc.Text {
	s := strings.TrimSpace(p.str(v, "section"))
	s = strings.TrimSuffix(strings.TrimPrefix(s, "【"), "】")
	if v.Kind == yaml.ScalarNode && s == "" {
		p.errs.Add(p.pos(v), "栏目名称（section）为空", "请写栏目名称，如 工作动态")
	}
	if n := utf8.RuneCountInString(s); n > MaxSectionChars {
		p.errs.Add(p.pos(v), fmt.Sprintf("栏目名称“%s”有 %d 个字，太长", s, n), fmt.Sprintf("栏目名称一般四个字，最多 %d 个字", MaxSectionChars))
	}
	return doc.Text{S: s, Pos: p.pos(v)}
}

// checkSections reports a 栏目 whose articles are not listed together:
// its heading is printed once, before its first article.
func (p *parser) checkSections(m *Manifest) {
	seen := map[string]bool{}
	prev := ""
	for _, a := range m.Articles {
		s := a.Section.S
		if s != prev && s != "" && seen[s] {
			p.errs.Add(a.Section.Pos, fmt.Sprintf("栏目“%s”的文章没有排在一起", s), "同一栏目的文章请连续列出（栏目标题只印一次）")
		}
		seen[s] = true
		prev = s
	}
}

// contents reads contents: true (the layout's heading, 本期要目), false,
// or the heading to print.
func (p *parser) contents(v *yaml.Node, m *Manifest) {
	m.Issue.ContentsPos = p.pos(v)
	if v.Kind != yaml.ScalarNode {
		p.errs.Add(p.pos(v), "字段 \"contents\" 应是 true、false 或要目的标题", "如 contents: true 或 contents: 本期要目")
		return
	}
	switch s := strings.TrimSpace(v.Value); {
	case v.Tag == "!!bool":
		m.Issue.Contents = s == "true" || s == "True" || s == "TRUE"
	case s == "":
	case strings.EqualFold(s, "yes") || strings.EqualFold(s, "on") || s == "是":
		m.Issue.Contents = true
	case strings.EqualFold(s, "no") || strings.EqualFold(s, "off") || s == "否":
	default:
		if utf8.RuneCountInString(s) > 2*MaxSectionChars {
			p.errs.Add(p.pos(v), fmt.Sprintf("要目标题“%s”太长", s), "一般写“本期要目”")
			return
		}
		m.Issue.Contents, m.Issue.ContentsHeading = true, s
	}
}

// classes are the classifications that take a 保密期限 (GB/T 9704 7.2.2).
var classes = []string{"绝密", "机密", "秘密"}

func (p *parser) secrecyPeriod(v *yaml.Node, m *Manifest) {
	s := strings.TrimSpace(p.str(v, "secrecy_period"))
	if v.Kind == yaml.ScalarNode && v.Tag == "!!int" {
		s += "年"
	}
	if v.Kind == yaml.ScalarNode && s == "" {
		p.errs.Add(p.pos(v), "保密期限（secrecy_period）为空", "请写如 1年、6个月，或删除此字段")
	}
	if utf8.RuneCountInString(s) > 8 {
		p.errs.Add(p.pos(v), fmt.Sprintf("保密期限“%s”太长", s), "请写如 1年、6个月、长期")
	}
	m.Issue.SecrecyPeriod = doc.Text{S: s, Pos: p.pos(v)}
}

// checkSecrecy: a 保密期限 needs a classification of 绝密, 机密 or 秘密.
func (p *parser) checkSecrecy(m *Manifest) {
	is := m.Issue
	if is.SecrecyPeriod.S == "" {
		return
	}
	for _, c := range classes {
		if is.Classification.S == c {
			return
		}
	}
	p.errs.Add(is.SecrecyPeriod.Pos, fmt.Sprintf("保密期限要与密级一起用，而 classification 是“%s”", is.Classification.S), "请把 classification 写成 秘密、机密 或 绝密（印为“秘密★1年”），或删除 secrecy_period")
}

// MaxCopyNumber is the largest 份号: six digits.
const MaxCopyNumber = 999999

func (p *parser) copyNumber(v *yaml.Node, m *Manifest) {
	m.Issue.CopyNumberPos = p.pos(v)
	n := p.int(v, "copy_number")
	if p.isInt(v) && (n < 1 || n > MaxCopyNumber) {
		p.errs.Add(p.pos(v), fmt.Sprintf("份号 %s 不在 1 到 %d 之间", v.Value, MaxCopyNumber), "份号为六位数，如 000001 或 1")
		return
	}
	m.Issue.CopyNumber = n
}

// extra reads the 本期增发 group: a list of units, or {label: 增发, to:
// [...]}; the label defaults to the layout's distribution.extra_label.
func (p *parser) extra(v *yaml.Node, m *Manifest) {
	g := &doc.Group{Pos: p.pos(v)}
	var to *yaml.Node
	switch v.Kind {
	case yaml.SequenceNode:
		to = v
	case yaml.MappingNode:
		p.fields(v, "extra.", map[string]func(k, v *yaml.Node){
			"label": func(k, v *yaml.Node) { g.Label = strings.TrimSpace(p.str(v, "extra.label")) },
			"style": func(k, v *yaml.Node) {
				switch s := p.str(v, "extra.style"); s {
				case "list":
					g.List = true
				case "inline", "":
				default:
					p.errs.Add(p.pos(v), fmt.Sprintf("不认识的排列方式 %q", s), "可写 list（每行一个单位）或 inline（以逗号连排）")
				}
			},
			"to": func(k, v *yaml.Node) { to = v },
		}, []string{"to"})
	default:
		p.errs.Add(p.pos(v), "字段 \"extra\" 应是单位列表，或 {label: 本期增发, to: [...]}", "如 extra: [市委办公厅, 市政府办公厅]")
		return
	}
	if to == nil {
		return
	}
	g.To = p.units(to, "extra.to", "增发单位为空")
	if len(g.To) > 0 {
		m.Issue.Extra = g
	}
}

// staff reads the staff line: {责任编辑: 张三, 审核: 李四, 签发: 王五},
// in the order written.
func (p *parser) staff(v *yaml.Node, m *Manifest) {
	colon := func(n *yaml.Node) bool {
		if n.Kind == yaml.ScalarNode && strings.Contains(n.Value, "：") {
			p.errs.Add(p.pos(n), fmt.Sprintf("staff 中“%s”：%s", n.Value, FullWidthColonHint), "请写成 责任编辑: 张三（英文冒号，后面空一格）")
			return true
		}
		return false
	}
	if v.Kind != yaml.MappingNode {
		if !colon(v) {
			p.errs.Add(p.pos(v), "字段 \"staff\" 应是“职责: 姓名”的字段表", "如 staff: {责任编辑: 张三, 审核: 李四, 签发: 王五}")
		}
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		role := strings.TrimSpace(k.Value)
		if val.Kind == yaml.ScalarNode && val.Value == "" && colon(k) {
			continue // {责任编辑：张三}: one key, no value
		}
		name := strings.TrimSpace(p.str(val, "staff."+role))
		switch {
		case role == "":
			p.errs.Add(p.pos(k), "staff 中有一项没有职责名称", "如 责任编辑: 张三")
			continue
		case seen[role]:
			p.errs.Add(p.pos(k), fmt.Sprintf("staff 中“%s”重复出现", role), "请删除多余的一处")
			continue
		case val.Kind == yaml.ScalarNode && name == "":
			p.errs.Add(p.pos(val), fmt.Sprintf("staff 中“%s”没有姓名", role), "请填写姓名，或删除这一项")
			continue
		}
		seen[role] = true
		m.Issue.Staff = append(m.Issue.Staff, doc.Credit{Role: role, Name: name, Pos: p.pos(k)})
	}
}
