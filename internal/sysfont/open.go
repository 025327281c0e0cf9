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
// a single font is returned as it is in the file, a face of a collection (or
// a single font whose tables are not 4-byte aligned) is rebuilt as a
// single-font file. The bytes have been parsed by sfnt.Parse.
// The Font describes the face, also when the error is ErrCFF, ErrBitmap or
// ErrRestricted. Every error is an *Error; see the package comment.
func Open(path string, index int) ([]byte, Font, error) {
	notFound := func(detail string) ([]byte, Font, error) {
		return nil, Font{Path: path, Index: index}, &Error{Kind: ErrNotFound, Path: path, Index: index, Detail: detail}
	}
	f, err := os.Open(path)
	if err != nil {
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return notFound("文件不存在")
		case errors.Is(err, fs.ErrPermission):
			return notFound("没有读取权限")
		}
		var pe *fs.PathError
		if errors.As(err, &pe) {
			return notFound(pe.Err.Error())
		}
		return notFound(err.Error())
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		return notFound("不是普通文件")
	}
	if st.Size() > maxOpenSize {
		e := damaged(path, "文件大于 %d MB", maxOpenSize>>20)
		e.Index = index
		return nil, Font{Path: path, Index: index}, e
	}
	return open(source{f, st.Size()}, path, index)
}

// maxOpenSize bounds the files Open reads: sfnt cannot address tables
// beyond 512 MB anyway.
const maxOpenSize = 512 << 20

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
		e.Index = index
		if len(font.Families) > 0 {
			e.Family = font.Families[0]
		}
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
	if len(offs) == 1 && offs[0] == 0 && aligned(d) {
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

// aligned says whether every table starts on a 4-byte boundary, as sfnt
// requires (FontForge-made collections often break this).
func aligned(d *faceDir) bool {
	for _, t := range d.tables {
		if t.off%4 != 0 {
			return false
		}
	}
	return true
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
