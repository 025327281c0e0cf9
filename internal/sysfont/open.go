package sysfont

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sort"

	"golang.org/x/image/font/sfnt"
)

// Open reads face index of the font file at path as the bytes of a
// standalone TrueType font that can be used exactly like an embedded .ttf:
// a single font is returned as it is in the file, a face of a collection is
// rebuilt as a single-font file. The bytes have been parsed by sfnt.Parse.
// The Font describes the face, also when the error is ErrCFF, ErrBitmap or
// ErrRestricted. Every error is an *Error; see the package comment.
func Open(path string, index int) ([]byte, Font, error) {
	f, err := os.Open(path)
	if err != nil {
		detail := err.Error()
		if pe, ok := err.(*fs.PathError); ok {
			detail = pe.Err.Error()
		}
		return nil, Font{Path: path, Index: index}, &Error{Kind: ErrNotFound, Path: path, Index: index, Detail: detail}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return nil, Font{Path: path, Index: index}, &Error{Kind: ErrNotFound, Path: path, Index: index, Detail: "不是普通文件"}
	}
	return open(source{f, st.Size()}, path, index)
}

// openBytes is Open on bytes (for tests and fuzzing).
func openBytes(data []byte, index int) ([]byte, Font, error) {
	return open(source{bytes.NewReader(data), int64(len(data))}, "<bytes>", index)
}

// required are the tables the rest of jianbao reads from a TrueType font.
var required = []string{"head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf"}

func open(s source, path string, index int) ([]byte, Font, error) {
	font := Font{Path: path, Index: index}
	fail := func(format string, args ...any) ([]byte, Font, error) {
		e := damaged(path, format, args...)
		e.Index, e.Family = index, font.Name()
		return nil, font, e
	}
	offs, err := s.faceOffsets()
	if err != nil {
		return fail("%v", err)
	}
	if index < 0 || index >= len(offs) {
		return nil, font, &Error{Kind: ErrIndex, Path: path, Index: index, Faces: len(offs)}
	}
	d, err := s.dir(offs[index])
	if err != nil {
		return fail("%v", err)
	}
	info, err := s.info(d)
	if err != nil {
		return fail("%v", err)
	}
	info.Path, info.Index = path, index
	font = info
	if err := font.Check(); err != nil {
		return nil, font, err
	}
	for _, tag := range required {
		if _, ok := d.find(tag); !ok {
			return fail("没有 %s 表", tag)
		}
	}
	var data []byte
	if len(offs) == 1 && offs[0] == 0 {
		data, err = s.read(0, s.size)
	} else {
		data, err = rebuild(s, d)
	}
	if err != nil {
		return fail("%v", err)
	}
	if err := validate(data, font.NumGlyphs); err != nil {
		return fail("%v", err)
	}
	return data, font, nil
}

// validate parses the font with sfnt, as the rest of jianbao will, and
// looks up a glyph. A panic in the parser counts as damage.
func validate(data []byte, numGlyphs int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("sfnt: panic: %v", r)
		}
	}()
	f, err := sfnt.Parse(data)
	if err != nil {
		return err
	}
	if f.NumGlyphs() != numGlyphs {
		return fmt.Errorf("sfnt counts %d glyphs, maxp %d", f.NumGlyphs(), numGlyphs)
	}
	var b sfnt.Buffer
	if _, err := f.GlyphIndex(&b, 'A'); err != nil {
		return err
	}
	return nil
}

// rebuild writes a face's tables as a font of its own: table directory in
// tag order, each table 4-byte aligned and zero-padded, table checksums and
// head.checkSumAdjustment recomputed. DSIG is dropped: its signature covered
// the collection, not this file.
func rebuild(s source, d *faceDir) ([]byte, error) {
	tables := map[string][]byte{}
	for _, t := range d.tables {
		if t.tag == "DSIG" {
			continue
		}
		b, err := s.read(int64(t.off), int64(t.len))
		if err != nil {
			return nil, fmt.Errorf("table %q: %v", t.tag, err)
		}
		tables[t.tag] = b
	}
	return assemble(d.version, tables)
}

// assemble writes an sfnt from its tables.
func assemble(version uint32, tables map[string][]byte) ([]byte, error) {
	var tags []string
	size := 0
	for tag, b := range tables {
		if len(tag) != 4 {
			return nil, fmt.Errorf("bad table tag %q", tag)
		}
		tags = append(tags, tag)
		size += (len(b) + 3) &^ 3
	}
	sort.Strings(tags)
	n := len(tags)
	if n == 0 || n > maxTables {
		return nil, errors.New("no tables")
	}
	sel := 0
	for 1<<(sel+1) <= n {
		sel++
	}
	hdr := 12 + 16*n
	out := make([]byte, hdr, hdr+size)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*n-16<<sel))
	headAt := -1
	for i, tag := range tags {
		b := tables[tag]
		off := len(out)
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if tag == "head" {
			if len(b) < 12 {
				return nil, errors.New("head table too short")
			}
			headAt = off
			be.PutUint32(out[off+8:], 0)
		}
		r := out[12+16*i:]
		copy(r, tag)
		be.PutUint32(r[4:], checksum(out[off:off+len(b)]))
		be.PutUint32(r[8:], uint32(off))
		be.PutUint32(r[12:], uint32(len(b)))
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out, nil
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s, the
// last one zero-padded.
func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += be.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var t [4]byte
		copy(t[:], b)
		sum += be.Uint32(t[:])
	}
	return sum
}
