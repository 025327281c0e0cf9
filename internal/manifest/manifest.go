// Package manifest loads an issue manifest (YAML) into a doc.Issue, with
// every error positioned at FILE:LINE:COL. It reads the YAML through
// yaml.Node so that unknown keys, wrong types and missing fields all carry
// their line, and it collects every error instead of stopping at the first.
//
// It resolves article and image paths but does not parse articles.
package manifest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// Limits against resource exhaustion.
const (
	MaxManifestBytes = 1 << 20 // 1 MiB
	MaxArticles      = 200
	MaxListItems     = 500
)

// Manifest is a loaded manifest: the issue without its articles' content,
// the layout reference and the article paths.
type Manifest struct {
	File       string // as given
	Dir        string // folder of the manifest
	Layout     string // layout name or path; "" means the default
	LayoutPos  diag.Pos
	Issue      *doc.Issue
	Articles   []ArticleRef
	SpecialPos diag.Pos
}

// ArticleRef is an article path as written and resolved.
type ArticleRef struct {
	Path    string // as written, relative to the manifest
	Display string // for messages: the manifest's folder joined with Path
	Abs     string
	Pos     diag.Pos
	NewPage bool     // start the article on a new page
	Section doc.Text // the 栏目 (工作动态); empty when none
}

// Load reads and validates a manifest file.
func Load(file string) (*Manifest, diag.List) {
	var errs diag.List
	fi, err := os.Stat(file)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "找不到清单文件", "请检查路径是否正确")
		return nil, errs
	}
	if fi.IsDir() {
		errs.Add(diag.Pos{File: file}, "这是一个文件夹，不是清单文件", "请给出 bulletin.yaml 这样的 YAML 文件")
		return nil, errs
	}
	if fi.Size() > MaxManifestBytes {
		errs.Add(diag.Pos{File: file}, fmt.Sprintf("清单文件过大（%d 字节，上限 %d）", fi.Size(), MaxManifestBytes), "清单只应包含期号、日期和文章路径等信息")
		return nil, errs
	}
	data, err := os.ReadFile(file)
	if err != nil {
		errs.Add(diag.Pos{File: file}, "无法读取清单文件", "请检查文件权限")
		return nil, errs
	}
	return Parse(file, data)
}

// Parse validates manifest bytes; file names the source in messages and
// anchors relative paths.
func Parse(file string, data []byte) (*Manifest, diag.List) {
	p := &parser{file: file}
	m := &Manifest{File: file, Dir: filepath.Dir(file), Issue: &doc.Issue{}}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, off := badUTF8(data)
		p.errs.Add(diag.Pos{File: file, Line: line}, fmt.Sprintf("不是有效的 UTF-8 编码（第 %d 字节）", off), "请将文件另存为 UTF-8 编码")
		return nil, p.errs
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		line := bytes.Count(data[:i], []byte("\n")) + 1
		p.errs.Add(diag.Pos{File: file, Line: line}, "文件中有空字符（NUL）", "请删除该字符或重新保存为纯文本")
		return nil, p.errs
	}
	if pos, ok := FullWidthColon(file, data); ok {
		p.errs.Add(pos, "YAML 格式错误："+FullWidthColonHint, "请改成英文冒号并在后面空一格")
		return nil, p.errs
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		p.errs.Add(YAMLSyntax(file, data, err))
		return nil, p.errs
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		p.errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "清单是空的", "请参照 jianbao init 生成的示例填写")
		return nil, p.errs
	}
	if at, deep := findAlias(&root, 0); at != nil {
		if deep {
			p.errs.Add(p.pos(at), "清单嵌套过深", "清单只有两三层，请检查缩进")
		} else {
			p.errs.Add(p.pos(at), "清单中使用了 YAML 锚点或别名（&name、*name）", "请直接写出内容，清单不支持别名")
		}
		return nil, p.errs
	}
	top := root.Content[0]
	if top.Kind != yaml.MappingNode {
		p.errs.Add(p.pos(top), "清单的顶层应是字段表（如 masthead: …）", "请参照 jianbao init 生成的示例")
		return nil, p.errs
	}
	p.fields(top, "", map[string]func(k, v *yaml.Node){
		"layout": func(k, v *yaml.Node) {
			m.Layout = p.str(v, "layout")
			m.LayoutPos = p.pos(v)
		},
		"masthead": func(k, v *yaml.Node) {
			for _, it := range p.seq(v, "masthead", MaxListItems) {
				s := strings.TrimSpace(p.str(it, "masthead"))
				if s == "" && it.Kind == yaml.ScalarNode {
					p.errs.Add(p.pos(it), "报头有一行是空的", "请删除空行或填写报头名称")
					continue
				}
				m.Issue.Masthead = append(m.Issue.Masthead, doc.Text{S: s, Pos: p.pos(it)})
			}
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.errs.Add(p.pos(v), "报头（masthead）不能为空", "请至少写一行简报名称")
			}
		},
		"issue": func(k, v *yaml.Node) { p.issue(v, m) },
		"editor": func(k, v *yaml.Node) {
			m.Issue.Editor = doc.Text{S: strings.TrimSpace(p.str(v, "editor")), Pos: p.pos(v)}
		},
		"date": func(k, v *yaml.Node) {
			m.Issue.DatePos = p.pos(v)
			s := p.str(v, "date")
			if v.Kind != yaml.ScalarNode {
				return
			}
			d, err := time.Parse("2006-01-02", strings.TrimSpace(s))
			if err != nil {
				p.errs.Add(p.pos(v), fmt.Sprintf("日期 %q 不是有效日期", s), "请写成 2026-03-27 的形式")
				return
			}
			m.Issue.Date = d
		},
		"classification": func(k, v *yaml.Node) {
			m.Issue.Classification = doc.Text{S: strings.TrimSpace(p.str(v, "classification")), Pos: p.pos(v)}
		},
		"articles": func(k, v *yaml.Node) {
			items := p.seq(v, "articles", MaxArticles)
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.errs.Add(p.pos(v), "文章列表（articles）为空", "请至少列出一篇文章的路径")
			}
			for _, it := range items {
				if isSectionGroup(it) {
					p.sectionGroup(it, m)
					continue
				}
				p.article(it, m, doc.Text{})
			}
			p.checkSections(m)
		},
		"protect": func(k, v *yaml.Node) {
			for _, it := range p.seq(v, "protect", MaxListItems) {
				w := strings.TrimSpace(p.str(it, "protect"))
				if utf8.RuneCountInString(w) < 2 {
					p.errs.Add(p.pos(it), fmt.Sprintf("protect 中的 %q 太短", w), "请写不可拆开的词，如人名、地名，至少两个字")
					continue
				}
				m.Issue.Protected = append(m.Issue.Protected, w)
			}
		},
		"distribution": func(k, v *yaml.Node) {
			for _, g := range p.seq(v, "distribution", 10) {
				p.group(g, m)
			}
		},
		"contents":       func(k, v *yaml.Node) { p.contents(v, m) },
		"secrecy_period": func(k, v *yaml.Node) { p.secrecyPeriod(v, m) },
		"copy_number":    func(k, v *yaml.Node) { p.copyNumber(v, m) },
		"extra":          func(k, v *yaml.Node) { p.extra(v, m) },
		"staff":          func(k, v *yaml.Node) { p.staff(v, m) },
		"copies": func(k, v *yaml.Node) {
			m.Issue.CopiesPos = p.pos(v)
			n := p.int(v, "copies")
			if n < 0 {
				p.errs.Add(p.pos(v), "印数（copies）不能是负数", "请写 0 或正整数")
			}
			m.Issue.Copies = n
		},
	}, []string{"masthead", "issue", "date", "articles"})
	p.checkSecrecy(m)
	if len(p.errs) > 0 {
		p.errs.Sort()
		return nil, p.errs
	}
	return m, nil
}

func (p *parser) issue(v *yaml.Node, m *Manifest) {
	var totalPos diag.Pos
	defer func() {
		if m.Issue.Special != "" && m.Issue.Total > 0 {
			p.errs.Add(totalPos, fmt.Sprintf("%s单独编号，不计入总期数，不印“总第 N 期”", m.Issue.Special), "请删除 issue.total，number 写本年第几期"+m.Issue.Special)
		}
	}()
	p.fields(v, "issue.", map[string]func(k, v *yaml.Node){
		"year": func(k, v *yaml.Node) {
			m.Issue.Year = p.int(v, "issue.year")
			if v.Kind == yaml.ScalarNode && (m.Issue.Year < 1949 || m.Issue.Year > 2999) && p.isInt(v) {
				p.errs.Add(p.pos(v), fmt.Sprintf("年份 %d 不合理", m.Issue.Year), "请写四位年份，如 2026")
			}
		},
		"number": func(k, v *yaml.Node) {
			m.Issue.Number = p.int(v, "issue.number")
			if p.isInt(v) && m.Issue.Number <= 0 {
				p.errs.Add(p.pos(v), "期号（issue.number）应为正整数", "如 9 表示第 9 期")
			}
		},
		"total": func(k, v *yaml.Node) {
			m.Issue.Total = p.int(v, "issue.total")
			totalPos = p.pos(v)
			if p.isInt(v) && m.Issue.Total < 0 {
				p.errs.Add(p.pos(v), "总期号（issue.total）不能是负数", "不印总期号时请删除此字段")
			}
		},
		"special": func(k, v *yaml.Node) {
			s := strings.TrimSpace(p.str(v, "issue.special"))
			m.SpecialPos = p.pos(v)
			switch s {
			case "", "增刊", "特刊", "专刊":
				m.Issue.Special = s
			default:
				p.errs.Add(p.pos(v), fmt.Sprintf("不认识的特殊期类型 %q", s), "可写 增刊、特刊 或 专刊，正刊请留空")
			}
		},
	}, []string{"year", "number"})
}

func (p *parser) group(g *yaml.Node, m *Manifest) {
	grp := doc.Group{Pos: p.pos(g)}
	p.fields(g, "distribution.", map[string]func(k, v *yaml.Node){
		"label": func(k, v *yaml.Node) {
			grp.Label = strings.TrimSpace(p.str(v, "distribution.label"))
			if v.Kind == yaml.ScalarNode && grp.Label == "" {
				p.errs.Add(p.pos(v), "分送组的标签（label）为空", "请写 报、送 或 发")
			}
		},
		"style": func(k, v *yaml.Node) {
			switch s := p.str(v, "distribution.style"); s {
			case "list":
				grp.List = true
			case "inline", "":
			default:
				if v.Kind == yaml.ScalarNode {
					p.errs.Add(p.pos(v), fmt.Sprintf("不认识的排列方式 %q", s), "可写 list（每行一个单位）或 inline（以逗号连排）")
				}
			}
		},
		"to": func(k, v *yaml.Node) { grp.To = p.units(v, "distribution.to", "分送单位为空") },
	}, []string{"label", "to"})
	m.Issue.Distribution = append(m.Issue.Distribution, grp)
}

// units reads a list of recipient units; an empty entry is an error
// (empty says which list) and is left out.
func (p *parser) units(v *yaml.Node, field, empty string) []doc.Text {
	var out []doc.Text
	for _, it := range p.seq(v, field, MaxListItems) {
		s := strings.TrimSpace(p.str(it, field))
		if it.Kind == yaml.ScalarNode && s == "" {
			p.errs.Add(p.pos(it), empty, "请删除空行或填写单位名称")
			continue
		}
		out = append(out, doc.Text{S: s, Pos: p.pos(it)})
	}
	return out
}

// resolve checks that path names a readable regular file inside dir,
// refusing paths that escape it, also through symbolic links.
func (p *parser) resolve(dir, path string, pos diag.Pos, what string) (ArticleRef, bool) {
	ref := ArticleRef{Path: path, Display: filepath.Join(dir, Portable(path)), Pos: pos}
	if path == "" {
		p.errs.Add(pos, what+"路径为空", "请填写相对于清单所在文件夹的路径")
		return ref, false
	}
	if strings.ContainsFunc(path, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		// "articles\new.md" in double quotes: YAML reads \n as a line break
		p.errs.Add(pos, fmt.Sprintf("%s路径 %s 里有控制字符：双引号中的 \\ 被 YAML 当作转义符", what, strconv.Quote(path)), "请把路径放在单引号里（'articles\\01.md'），或不加引号，或把 \\ 改成 /")
		return ref, false
	}
	if IsAbsAny(path) {
		p.errs.Add(pos, fmt.Sprintf("%s路径“%s”是绝对路径", what, path), "请写相对于清单所在文件夹的路径")
		return ref, false
	}
	abs, err := ResolveInside(dir, path)
	switch {
	case err == ErrEscape:
		p.errs.Add(pos, fmt.Sprintf("%s路径“%s”指向清单所在文件夹之外", what, path), "请把文件放进清单所在的文件夹")
		return ref, false
	case err != nil && os.IsNotExist(err):
		p.errs.Add(pos, fmt.Sprintf("找不到%s文件“%s”", what, path), "请检查文件名和路径（相对于清单所在文件夹）")
		return ref, false
	case err != nil:
		p.errs.Add(pos, fmt.Sprintf("无法读取%s文件“%s”", what, path), "请检查文件权限")
		return ref, false
	}
	fi, err := os.Stat(abs)
	if err != nil {
		p.errs.Add(pos, fmt.Sprintf("找不到%s文件“%s”", what, path), "请检查文件名和路径（相对于清单所在文件夹）")
		return ref, false
	}
	if fi.IsDir() {
		p.errs.Add(pos, fmt.Sprintf("%s路径“%s”是文件夹", what, path), "请写出文件名，如 articles/01.md")
		return ref, false
	}
	f, err := os.Open(abs)
	if err != nil {
		p.errs.Add(pos, fmt.Sprintf("无法读取%s文件“%s”", what, path), "请检查文件权限")
		return ref, false
	}
	f.Close()
	ref.Abs = abs
	return ref, true
}

// ErrEscape: a path leaves the folder it must stay in.
var ErrEscape = fmt.Errorf("path escapes its folder")

// ResolveInside joins dir and rel, follows symbolic links, and returns the
// real path if it lies inside dir's real path; ErrEscape otherwise.
func ResolveInside(dir, rel string) (string, error) {
	return ResolveWithin(dir, dir, rel)
}

// ResolveWithin resolves rel against from and checks that the result, with
// symbolic links followed, lies inside root; it returns ErrEscape when not.
func ResolveWithin(root, from, rel string) (string, error) {
	dir := root
	base, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", err
	}
	base, _ = filepath.Abs(base)
	if IsAbsAny(rel) {
		return "", ErrEscape
	}
	joined := filepath.Join(from, Portable(rel))
	if !inside(base, mustAbs(joined)) && !inside(mustAbs(dir), mustAbs(joined)) {
		return "", ErrEscape
	}
	real, err := filepath.EvalSymlinks(joined)
	if err != nil {
		return "", err
	}
	real, _ = filepath.Abs(real)
	if !inside(base, real) {
		return "", ErrEscape
	}
	return real, nil
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func inside(base, p string) bool {
	r, err := filepath.Rel(base, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}

type parser struct {
	file string
	errs diag.List
	// listed: where each article file was first listed, by its real path
	listed map[string]diag.Pos
}

func (p *parser) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: p.file, Line: n.Line, Col: n.Column}
}

// fields walks a mapping, calling handlers by key; unknown keys, duplicate
// keys and missing required keys are errors.
func (p *parser) fields(n *yaml.Node, prefix string, handlers map[string]func(k, v *yaml.Node), required []string) {
	if n.Kind != yaml.MappingNode {
		p.errs.Add(p.pos(n), fmt.Sprintf("%s应是字段表（key: value）", strings.TrimSuffix(prefixName(prefix), ".")), "请检查缩进")
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			p.errs.Add(p.pos(k), fmt.Sprintf("未知字段 %q", prefix+k.Value), "可用字段："+keys(handlers))
			continue
		}
		if seen[k.Value] {
			p.errs.Add(p.pos(k), fmt.Sprintf("字段 %q 重复出现", prefix+k.Value), "请删除多余的一处")
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			if contains(required, k.Value) {
				p.errs.Add(p.pos(k), fmt.Sprintf("必填字段 %q 没有值", prefix+k.Value), "请填写该字段")
			}
			continue
		}
		h(k, v)
	}
	for _, r := range required {
		if !seen[r] {
			p.errs.Add(p.pos(n), fmt.Sprintf("缺少必填字段 %q", prefix+r), "请补上该字段")
		}
	}
}

func prefixName(prefix string) string {
	if prefix == "" {
		return "清单"
	}
	return prefix
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func keys(m map[string]func(k, v *yaml.Node)) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, "、")
}

func (p *parser) str(n *yaml.Node, name string) string {
	if n.Kind != yaml.ScalarNode {
		p.errs.Add(p.pos(n), fmt.Sprintf("字段 %q 应是一段文字", name), "请写在同一行，不要写成列表或字段表")
		return ""
	}
	return n.Value
}

func (p *parser) isInt(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	_, err := strconv.Atoi(n.Value)
	return err == nil
}

func (p *parser) int(n *yaml.Node, name string) int {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!int" && n.Tag != "!!str") {
		p.errs.Add(p.pos(n), fmt.Sprintf("字段 %q 应是整数", name), "请写阿拉伯数字，如 9")
		return 0
	}
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if err != nil || v > 1_000_000_000 {
		p.errs.Add(p.pos(n), fmt.Sprintf("字段 %q 应是整数，而不是 %q", name, n.Value), "请写阿拉伯数字，如 9")
		return 0
	}
	return v
}

func (p *parser) seq(n *yaml.Node, name string, max int) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.errs.Add(p.pos(n), fmt.Sprintf("字段 %q 应是列表", name), "每项单独一行，以“- ”开头")
		return nil
	}
	if len(n.Content) > max {
		p.errs.Add(p.pos(n), fmt.Sprintf("字段 %q 的项数过多（%d，上限 %d）", name, len(n.Content), max), "请拆分为多期")
		return n.Content[:max]
	}
	return n.Content
}

// findAlias returns the first anchor or alias in document order, or the
// first node nested deeper than any manifest needs (deep is then true).
func findAlias(n *yaml.Node, depth int) (at *yaml.Node, deep bool) {
	if n.Kind == yaml.AliasNode || n.Anchor != "" {
		return n, false
	}
	if depth > 50 {
		return n, true
	}
	for _, c := range n.Content {
		if at, deep := findAlias(c, depth+1); at != nil {
			return at, deep
		}
	}
	return nil, false
}

func badUTF8(data []byte) (line, offset int) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return bytes.Count(data[:i], []byte("\n")) + 1, i
		}
		i += size
	}
	return 1, 0
}

// yamlErrPos extracts "line N" from a yaml.v3 error message.
