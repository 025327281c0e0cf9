package sysfont

import (
	"bytes"
	"errors"
	"os"
	"sort"
)

// MinHan is how many CJK Unified Ideographs (U+4E00–U+9FFF) a face must map
// for CJKFamilies to list it.
const MinHan = 1000

// glyphMap maps runes to glyph ids (0 = none) the way
// golang.org/x/image/font/sfnt does: from the widest Unicode subtable.
type glyphMap struct {
	numGlyphs int
	lookup    func(r rune) uint32
}

// covers says whether r maps to a real glyph.
func (m *glyphMap) covers(r rune) bool {
	g := m.lookup(r)
	return g != 0 && int(g) < m.numGlyphs
}

func (m *glyphMap) count(runes []rune) int {
	n := 0
	for _, r := range runes {
		if m.covers(r) {
			n++
		}
	}
	return n
}

// han counts the CJK Unified Ideographs of the basic block the face maps.
func (m *glyphMap) han() int {
	n := 0
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if m.covers(r) {
			n++
		}
	}
	return n
}

// Coverage counts how many of runes the font maps to a real glyph (a glyph
// id other than 0 and below numGlyphs), from its cmap. For a collection it
// counts the first face. Damaged data counts 0.
func Coverage(data []byte, runes []rune) int {
	m, err := readGlyphMap(source{bytes.NewReader(data), int64(len(data))}, 0)
	if err != nil {
		return 0
	}
	return m.count(runes)
}

// fileGlyphMap reads one face's cmap from a file.
func fileGlyphMap(path string, index int) (*glyphMap, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return readGlyphMap(source{f, st.Size()}, index)
}

func readGlyphMap(s source, index int) (*glyphMap, error) {
	offs, err := s.faceOffsets()
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, errors.New("no such face")
	}
	d, err := s.dir(offs[index])
	if err != nil {
		return nil, err
	}
	maxp, err := s.head(d, "maxp", 6)
	if err != nil || len(maxp) < 6 {
		return nil, errors.New("no maxp table")
	}
	cmap, err := s.table(d, "cmap", 64<<20)
	if err != nil || cmap == nil {
		return nil, errors.New("no cmap table")
	}
	lookup, err := parseCmap(cmap)
	if err != nil {
		return nil, err
	}
	return &glyphMap{numGlyphs: int(be.Uint16(maxp[4:])), lookup: lookup}, nil
}

// width ranks a subtable's platform and encoding as sfnt does.
func subtableWidth(pid, eid uint16) int {
	switch {
	case pid == 0 && eid == 3, pid == 3 && (eid == 0 || eid == 1):
		return 2
	case pid == 0 && eid == 4, pid == 3 && eid == 10:
		return 4
	}
	return 0
}

var errCmap = errors.New("no usable cmap subtable")

// parseCmap picks the widest Unicode subtable of format 4, 6 or 12 (the
// first of equal width) and returns its lookup.
func parseCmap(b []byte) (func(rune) uint32, error) {
	if len(b) < 4 {
		return nil, errCmap
	}
	n := int(be.Uint16(b[2:]))
	best, bestOff := 0, 0
	for i := 0; i < n && 4+8*i+8 <= len(b); i++ {
		e := b[4+8*i:]
		w := subtableWidth(be.Uint16(e), be.Uint16(e[2:]))
		off := be.Uint32(e[4:])
		if w <= best || int64(off)+4 > int64(len(b)) {
			continue
		}
		switch be.Uint16(b[off:]) {
		case 4, 6, 12:
			best, bestOff = w, int(off)
		}
	}
	if best == 0 {
		return nil, errCmap
	}
	sub := b[bestOff:]
	switch be.Uint16(sub) {
	case 4:
		return cmap4(sub)
	case 6:
		return cmap6(sub)
	}
	return cmap12(sub)
}

func cmap4(b []byte) (func(rune) uint32, error) {
	if len(b) < 14 {
		return nil, errCmap
	}
	segs := int(be.Uint16(b[6:])) / 2
	if 16+8*segs > len(b) {
		return nil, errCmap
	}
	ends, starts := b[14:], b[16+2*segs:]
	deltas, ros := b[16+4*segs:], b[16+6*segs:]
	return func(r rune) uint32 {
		if r < 0 || r > 0xFFFF {
			return 0
		}
		c := uint16(r)
		i := sort.Search(segs, func(i int) bool { return be.Uint16(ends[2*i:]) >= c })
		if i == segs || be.Uint16(starts[2*i:]) > c {
			return 0
		}
		delta, ro := be.Uint16(deltas[2*i:]), int(be.Uint16(ros[2*i:]))
		if ro == 0 {
			return uint32(c + delta)
		}
		p := 16 + 6*segs + 2*i + ro + 2*int(c-be.Uint16(starts[2*i:]))
		if p+2 > len(b) {
			return 0
		}
		g := be.Uint16(b[p:])
		if g == 0 {
			return 0
		}
		return uint32(g + delta)
	}, nil
}

func cmap6(b []byte) (func(rune) uint32, error) {
	if len(b) < 10 {
		return nil, errCmap
	}
	first, count := rune(be.Uint16(b[6:])), int(be.Uint16(b[8:]))
	if 10+2*count > len(b) {
		return nil, errCmap
	}
	return func(r rune) uint32 {
		if r < first || int(r-first) >= count {
			return 0
		}
		return uint32(be.Uint16(b[10+2*int(r-first):]))
	}, nil
}

func cmap12(b []byte) (func(rune) uint32, error) {
	if len(b) < 16 {
		return nil, errCmap
	}
	n := int64(be.Uint32(b[12:]))
	if 16+12*n > int64(len(b)) {
		return nil, errCmap
	}
	groups := b[16:]
	return func(r rune) uint32 {
		if r < 0 {
			return 0
		}
		c := uint32(r)
		i := sort.Search(int(n), func(i int) bool { return be.Uint32(groups[12*i+4:]) >= c })
		if i == int(n) || be.Uint32(groups[12*i:]) > c {
			return 0
		}
		return be.Uint32(groups[12*i+8:]) + c - be.Uint32(groups[12*i:])
	}, nil
}
