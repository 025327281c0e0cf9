package fontset

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// Subset returns a TrueType font holding only the glyphs of runes (and the
// glyphs composite glyphs are built from), with .notdef first and the
// runes' glyphs numbered in rune order, a format-4 cmap, long loca, full
// horizontal metrics, version-3 post, and the name, OS/2 and hinting tables
// copied. The PDF writer embeds this small font instead of handing the
// whole face to its own subsetter, which parses every glyph and cmap entry
// of a 10 MB face on each build.
func Subset(f *Face, runes []rune) ([]byte, error) { return SubsetAliased(f, runes, nil) }

// SubsetAliased is Subset where some code points take the glyph of
// another character: alias[code] names the character whose glyph the
// subset maps code to. The PDF writer uses it to give characters outside
// the BMP private-use codes its text layer can carry.
func SubsetAliased(f *Face, runes []rune, alias map[rune]rune) ([]byte, error) {
	t, err := tables(f.Data)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap"} {
		if t[tag] == nil {
			return nil, fmt.Errorf("fontset: subset: no %s table", tag)
		}
	}
	head, hhea, maxp := t["head"], t["hhea"], t["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("fontset: subset: short head, hhea or maxp")
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	numH := int(binary.BigEndian.Uint16(hhea[34:]))
	loca, glyf, hmtx := t["loca"], t["glyf"], t["hmtx"]
	if numH == 0 || numH > numGlyphs || len(hmtx) < 4*numH+2*(numGlyphs-numH) {
		return nil, errors.New("fontset: subset: bad hmtx")
	}
	glyphAt := func(gid int) ([]byte, error) {
		var a, b int
		if longLoca {
			if 4*gid+8 > len(loca) {
				return nil, errors.New("fontset: subset: loca too short")
			}
			a, b = int(binary.BigEndian.Uint32(loca[4*gid:])), int(binary.BigEndian.Uint32(loca[4*gid+4:]))
		} else {
			if 2*gid+4 > len(loca) {
				return nil, errors.New("fontset: subset: loca too short")
			}
			a, b = 2*int(binary.BigEndian.Uint16(loca[2*gid:])), 2*int(binary.BigEndian.Uint16(loca[2*gid+2:]))
		}
		if a > b || b > len(glyf) {
			return nil, errors.New("fontset: subset: bad loca entry")
		}
		return glyf[a:b], nil
	}
	metric := func(gid int) (adv uint16, lsb int16) {
		if gid < numH {
			return binary.BigEndian.Uint16(hmtx[4*gid:]), int16(binary.BigEndian.Uint16(hmtx[4*gid+2:]))
		}
		return binary.BigEndian.Uint16(hmtx[4*(numH-1):]), int16(binary.BigEndian.Uint16(hmtx[4*numH+2*(gid-numH):]))
	}

	// the runes' glyphs, in rune order, after .notdef
	rs := append([]rune(nil), runes...)
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	var keep []rune
	old := []int{0} // old glyph id of each new glyph
	for i, r := range rs {
		if r > 0xFFFF || (i > 0 && r == rs[i-1]) {
			continue
		}
		src := r
		if a, ok := alias[r]; ok {
			src = a
		}
		gi, err := f.glyphIndex(src)
		if err != nil || gi == 0 {
			continue
		}
		keep = append(keep, r)
		old = append(old, gi)
	}
	// composite glyphs: their components come along, after the rest
	newOf := map[int]int{}
	for k := 1; k < len(old); k++ {
		if _, ok := newOf[old[k]]; !ok {
			newOf[old[k]] = k
		}
	}
	newOf[0] = 0
	for k := 0; k < len(old); k++ {
		g, err := glyphAt(old[k])
		if err != nil {
			return nil, err
		}
		comps, err := components(g)
		if err != nil {
			return nil, err
		}
		for _, c := range comps {
			if c >= numGlyphs {
				return nil, errors.New("fontset: subset: component out of range")
			}
			if _, ok := newOf[c]; !ok {
				newOf[c] = len(old)
				old = append(old, c)
			}
		}
		if len(old) > 0xFFFF {
			return nil, errors.New("fontset: subset: too many glyphs")
		}
	}

	// glyf, loca and hmtx for the new numbering
	size := 0
	for _, o := range old {
		g, _ := glyphAt(o)
		size += (len(g) + 3) &^ 3
	}
	nglyf := make([]byte, 0, size)
	nloca := make([]byte, 0, 4*(len(old)+1))
	nhmtx := make([]byte, 0, 4*len(old))
	for _, o := range old {
		g, _ := glyphAt(o)
		at := len(nglyf)
		nloca = binary.BigEndian.AppendUint32(nloca, uint32(at))
		nglyf = append(nglyf, g...)
		if err := renumber(nglyf[at:], newOf); err != nil {
			return nil, err
		}
		for len(nglyf)%4 != 0 {
			nglyf = append(nglyf, 0)
		}
		adv, lsb := metric(o)
		nhmtx = binary.BigEndian.AppendUint16(nhmtx, adv)
		nhmtx = binary.BigEndian.AppendUint16(nhmtx, uint16(lsb))
	}
	nloca = binary.BigEndian.AppendUint32(nloca, uint32(len(nglyf)))

	out := map[string][]byte{
		"glyf": nglyf, "loca": nloca, "hmtx": nhmtx,
		"cmap": cmap4(keep),
	}
	nhead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(nhead[8:], 0) // checkSumAdjustment, set below
	binary.BigEndian.PutUint16(nhead[50:], 1)
	out["head"] = nhead
	nhhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(nhhea[34:], uint16(len(old)))
	out["hhea"] = nhhea
	nmaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(nmaxp[4:], uint16(len(old)))
	out["maxp"] = nmaxp
	if p := t["post"]; len(p) >= 32 {
		np := append([]byte(nil), p[:32]...)
		binary.BigEndian.PutUint32(np, 0x00030000) // no glyph names
		out["post"] = np
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if d := t[tag]; d != nil {
			out[tag] = d
		}
	}
	return assemble(out), nil
}

// glyphIndex looks a rune up in the face's cmap.
func (f *Face) glyphIndex(r rune) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	gi, err := f.font.GlyphIndex(&f.buf, r)
	return int(gi), err
}

// tables reads an sfnt table directory.
func tables(data []byte) (map[string][]byte, error) {
	if err := CheckTrueType(data); err != nil {
		return nil, err
	}
	n := int(binary.BigEndian.Uint16(data[4:]))
	if 12+16*n > len(data) {
		return nil, errors.New("fontset: subset: short table directory")
	}
	t := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		e := data[12+16*i:]
		off, ln := int(binary.BigEndian.Uint32(e[8:])), int(binary.BigEndian.Uint32(e[12:]))
		if off < 0 || ln < 0 || off+ln > len(data) {
			return nil, fmt.Errorf("fontset: subset: table %q out of range", e[:4])
		}
		t[string(e[:4])] = data[off : off+ln]
	}
	return t, nil
}

// Composite glyph flags.
const (
	argWords    = 0x0001
	haveScale   = 0x0008
	moreComps   = 0x0020
	haveXYScale = 0x0040
	have2x2     = 0x0080
)

// components lists the glyphs a composite glyph refers to.
func components(g []byte) ([]int, error) {
	var out []int
	err := walkComponents(g, func(at int) { out = append(out, int(binary.BigEndian.Uint16(g[at:]))) })
	return out, err
}

// renumber rewrites a composite glyph's component ids in place.
func renumber(g []byte, newOf map[int]int) error {
	return walkComponents(g, func(at int) {
		binary.BigEndian.PutUint16(g[at:], uint16(newOf[int(binary.BigEndian.Uint16(g[at:]))]))
	})
}

// walkComponents calls fn with the offset of each component's glyph id.
func walkComponents(g []byte, fn func(at int)) error {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil // empty or simple glyph
	}
	p := 10
	for {
		if p+4 > len(g) {
			return errors.New("fontset: subset: short composite glyph")
		}
		flags := binary.BigEndian.Uint16(g[p:])
		fn(p + 2)
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&have2x2 != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// cmap4 builds a cmap with one (3,1) format-4 subtable mapping the sorted
// runes to glyphs 1, 2, …: consecutive runes share a segment.
func cmap4(runes []rune) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, r := range runes {
		gid := i + 1
		if n := len(segs); n > 0 && int(r) == segs[n-1].end+1 && gid-int(r) == segs[n-1].delta {
			segs[n-1].end = int(r)
			continue
		}
		segs = append(segs, seg{int(r), int(r), gid - int(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	sub := make([]byte, 0, 16+8*n)
	sub = binary.BigEndian.AppendUint16(sub, 4)
	sub = binary.BigEndian.AppendUint16(sub, uint16(16+8*n)) // length
	sub = binary.BigEndian.AppendUint16(sub, 0)              // language
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*n))
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*sr))
	sub = binary.BigEndian.AppendUint16(sub, uint16(sel))
	sub = binary.BigEndian.AppendUint16(sub, uint16(2*n-2*sr))
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, uint16(s.end))
	}
	sub = binary.BigEndian.AppendUint16(sub, 0) // reservedPad
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, uint16(s.start))
	}
	for _, s := range segs {
		sub = binary.BigEndian.AppendUint16(sub, uint16(s.delta))
	}
	for range segs {
		sub = binary.BigEndian.AppendUint16(sub, 0) // idRangeOffset
	}
	out := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(out, sub...)
}

// assemble writes an sfnt from tables, sorted by tag, 4-byte aligned, with
// table checksums and head's checkSumAdjustment.
func assemble(t map[string][]byte) []byte {
	tags := make([]string, 0, len(t))
	for tag := range t {
		tags = append(tags, tag)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr *= 2
		sel++
	}
	total := 12 + 16*n
	for _, d := range t {
		total += (len(d) + 3) &^ 3
	}
	out := make([]byte, 0, total)
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(16*sr))
	out = binary.BigEndian.AppendUint16(out, uint16(sel))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-16*sr))
	off := 12 + 16*n
	headAt := -1
	for _, tag := range tags {
		d := t[tag]
		out = append(out, tag...)
		out = binary.BigEndian.AppendUint32(out, checksum(d))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(d)))
		if tag == "head" {
			headAt = off
		}
		off += (len(d) + 3) &^ 3
	}
	for _, tag := range tags {
		out = append(out, t[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(d []byte) uint32 {
	var s uint32
	for i := 0; i < len(d); i += 4 {
		var w [4]byte
		copy(w[:], d[i:])
		s += binary.BigEndian.Uint32(w[:])
	}
	return s
}
