package compose

import (
	"fmt"

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
}

type missKey struct {
	r    rune
	role string
}

func newFonts(spec *layout.Spec, errs *diag.List) *fonts {
	return &fonts{spec: spec, index: map[styleKey]int{}, faces: map[string]*fontset.Face{}, errs: errs, seen: map[missKey]bool{}}
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
	if !k.noLatin && linebreak.IsLatin(r) {
		name := f.spec.Latin.Regular
		if k.bold && f.spec.Latin.Bold != "" {
			name = f.spec.Latin.Bold
		}
		if fc := f.face(name); fc != nil && fc.Covers(r) {
			return fc, false, true
		}
	}
	role := f.spec.Fonts[k.role]
	for _, n := range []string{role.Face, role.Fallback} {
		if fc := f.face(n); fc != nil && fc.Covers(r) {
			return fc, k.bold, true
		}
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
		if _, _, ok := f.pick(r, st); !ok {
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
