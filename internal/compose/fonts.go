package compose

import (
	"fmt"
	"sort"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/fontset"
	"jianbao/internal/layout"
	"jianbao/internal/linebreak"
)

// styleKey identifies a text style for the line breaker.
type styleKey struct {
	role    string // font role in the layout
	size    display.Len
	bold    bool
	noLatin bool // set Latin in the role's own face (page numbers)
}

// fonts resolves characters to faces and measures them. It records every
// character that no face of its role covers.
type fonts struct {
	spec   *layout.Spec
	styles []styleKey
	index  map[styleKey]int
	faces  map[string]*fontset.Face
	errs   *diag.List
	seen   map[missKey]bool
	// fallback records, per role, the characters set in the role's
	// fallback face, in order of first use, with that first position.
	fallback map[string]*fallbackUse
}

type fallbackUse struct {
	runes []rune
	seen  map[rune]bool
	pos   diag.Pos
}

type missKey struct {
	r    rune
	role string
}

func newFonts(spec *layout.Spec, errs *diag.List) *fonts {
	return &fonts{spec: spec, index: map[styleKey]int{}, faces: map[string]*fontset.Face{}, errs: errs, seen: map[missKey]bool{}, fallback: map[string]*fallbackUse{}}
}

func (f *fonts) style(k styleKey) int {
	if i, ok := f.index[k]; ok {
		return i
	}
	f.styles = append(f.styles, k)
	f.index[k] = len(f.styles) - 1
	return len(f.styles) - 1
}

func (f *fonts) face(name string) *fontset.Face {
	if name == "" {
		return nil
	}
	if fc, ok := f.faces[name]; ok {
		return fc
	}
	fc, err := fontset.Load(name)
	if err != nil {
		fc = nil
	}
	f.faces[name] = fc
	return fc
}

// pick returns the face that sets r in style st, and whether it is a
// faux-bold face. ok is false when no face covers r.
func (f *fonts) pick(r rune, st int) (face *fontset.Face, faux bool, ok bool) {
	k := f.styles[st]
	role := f.spec.Fonts[k.role]
	if !k.noLatin && role.Latin != "own" && linebreak.IsLatin(r) {
		name := f.spec.Latin.Regular
		if (k.bold || role.Latin == "bold") && f.spec.Latin.Bold != "" {
			name = f.spec.Latin.Bold
		}
		if fc := f.face(name); fc != nil && fc.Covers(r) {
			return fc, false, true
		}
	}
	main := f.face(role.Face)
	if main != nil && main.Covers(r) {
		return main, k.bold, true
	}
	if fc := f.face(role.Fallback); fc != nil && fc.Covers(r) {
		// A character of a heavy role (黑体, 小标宋) that only the regular
		// fallback face has is set in faux bold, so it does not print
		// paler than its neighbours.
		heavier := main != nil && main.Weight-fc.Weight >= 100
		return fc, k.bold || heavier, true
	}
	return nil, false, false
}

// Advance implements linebreak.Measurer.
func (f *fonts) Advance(r rune, st int) display.Len {
	k := f.styles[st]
	fc, _, ok := f.pick(r, st)
	if !ok {
		return k.size
	}
	u := fc.Units(r)
	return display.Len(int64(u) * int64(k.size) / int64(fc.UPEM))
}

// Size implements linebreak.Measurer.
func (f *fonts) Size(st int) display.Len { return f.styles[st].size }

// check reports every character of s (at pos, one run on one source line)
// that no face of the role covers.
func (f *fonts) check(s string, pos diag.Pos, st int) {
	k := f.styles[st]
	col := pos.Col
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\u00a0' {
			col++
			continue
		}
		fc, _, ok := f.pick(r, st)
		if ok && !(!k.noLatin && f.spec.Fonts[k.role].Latin != "own" && linebreak.IsLatin(r)) && fc.Name != f.spec.Fonts[k.role].Face {
			f.usedFallback(k.role, r, pos, col)
		}
		if !ok {
			mk := missKey{r, k.role}
			p := pos
			p.Col = col
			name := f.spec.Fonts[k.role].Name
			if name == "" {
				name = k.role
			}
			f.errs.Add(p, fmt.Sprintf("字符「%c」(U+%04X) 不在字体「%s」及其后备字体中", r, r, name), "请在版式中为该角色指定含此字的后备字体（jianbao fonts 列出可用的字体），或改用常用字")
			f.seen[mk] = true
		}
		col++
	}
}

// usedFallback records a character set in its role's fallback face; with
// text.fallback: error it is an error at its first position.
func (f *fonts) usedFallback(role string, r rune, pos diag.Pos, col int) {
	u := f.fallback[role]
	if u == nil {
		u = &fallbackUse{seen: map[rune]bool{}}
		f.fallback[role] = u
	}
	if u.seen[r] {
		return
	}
	u.seen[r] = true
	p := pos
	p.Col = col
	if len(u.runes) == 0 {
		u.pos = p
	}
	u.runes = append(u.runes, r)
	if f.spec.Text.Fallback == "error" {
		rs := f.spec.Fonts[role]
		f.errs.Add(p, fmt.Sprintf("字符「%c」(U+%04X) 不在字体「%s」中，只能用后备字体「%s」排印，而版式不允许混用字体（text.fallback: error）", r, r, roleName(f.spec, role), faceName(rs.Fallback)),
			"请改用常用字，或在版式中为该角色换用含此字的字体")
	}
}

// notes lists, per role, the characters set in a fallback face.
func (f *fonts) notes() diag.List {
	var out diag.List
	if f.spec.Text.Fallback == "error" {
		return nil
	}
	roles := make([]string, 0, len(f.fallback))
	for r := range f.fallback {
		roles = append(roles, r)
	}
	sort.Strings(roles)
	for _, role := range roles {
		u := f.fallback[role]
		chars := make([]string, len(u.runes))
		for i, r := range u.runes {
			chars[i] = string(r)
		}
		out.Add(u.pos, fmt.Sprintf("%d 个字符不在「%s」字体中，用后备字体「%s」排印：%s", len(u.runes), roleName(f.spec, role), faceName(f.spec.Fonts[role].Fallback), strings.Join(chars, "、")),
			"如需统一字体，请在版式中为该角色换用含这些字的字体，或设 text.fallback: error 使之报错")
	}
	out.Sort()
	return out
}

func roleName(spec *layout.Spec, role string) string {
	if n := spec.Fonts[role].Name; n != "" {
		return n
	}
	return role
}

// faceName is a face's printed name: its style for an embedded face
// (宋体), else the name the layout gives.
func faceName(name string) string {
	if fc, err := fontset.Load(name); err == nil && fc.Info.Style != "" {
		return fc.Info.Style
	}
	return name
}
