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
	"jianbao/internal/manifest"
	"jianbao/layouts"
)

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
