package sysfont

import (
	"sort"
	"strings"
)

// Family is one font family with broad CJK coverage, for listing.
type Family struct {
	Name  string   // Families[0] of its faces
	Names []string // every family name of its faces, English first
	Faces []Face   // by path and index
}

// Face is one face of a Family.
type Face struct {
	Font
	Err      error // nil if the face can be embedded, else what Check says (ErrRestricted, ErrCFF, ErrBitmap)
	Han      int   // CJK Unified Ideographs U+4E00–U+9FFF mapped
	Coverage []int // Coverage[i]: how many runes of sets[i] the face maps
}

// Embeddable says whether Open should accept the face.
func (f Face) Embeddable() bool { return f.Err == nil }

// CJKFamilies returns the families, among fonts, of the faces that map at
// least MinHan CJK Unified Ideographs, sorted by name (ignoring case), with
// their faces. For each face it counts how many runes of each of sets (say
// the GB 2312 hanzi, GBK, GB 18030 level 1, which the caller supplies) its
// cmap maps to a glyph. Faces whose cmap cannot be read are left out.
func CJKFamilies(fonts []Font, sets ...[]rune) []Family {
	byName := map[string]*Family{}
	var order []string
	for _, f := range fonts {
		m, err := fileGlyphMap(f.Path, f.Index)
		if err != nil {
			continue
		}
		han := m.han()
		if han < MinHan {
			continue
		}
		face := Face{Font: f, Err: f.Check(), Han: han, Coverage: make([]int, len(sets))}
		for i, s := range sets {
			face.Coverage[i] = m.count(s)
		}
		key := f.Name()
		fam := byName[key]
		if fam == nil {
			fam = &Family{Name: key}
			byName[key] = fam
			order = append(order, key)
		}
		fam.Faces = append(fam.Faces, face)
		for _, n := range f.Families {
			if !contains(fam.Names, n) {
				fam.Names = append(fam.Names, n)
			}
		}
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := strings.ToLower(order[i]), strings.ToLower(order[j])
		if a != b {
			return a < b
		}
		return order[i] < order[j]
	})
	out := make([]Family, 0, len(order))
	for _, k := range order {
		fam := byName[k]
		sort.SliceStable(fam.Faces, func(i, j int) bool {
			a, b := fam.Faces[i], fam.Faces[j]
			if a.Path != b.Path {
				return a.Path < b.Path
			}
			return a.Index < b.Index
		})
		sort.SliceStable(fam.Names, func(i, j int) bool {
			return contentLang(fam.Names[i]) < contentLang(fam.Names[j])
		})
		out = append(out, *fam)
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
