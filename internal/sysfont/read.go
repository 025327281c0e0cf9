package sysfont

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sort"
)

// Limits that keep a damaged or hostile file from costing much.
const (
	maxFaces     = 1024     // faces in a collection
	maxTables    = 512      // tables in a face
	maxNameTable = 16 << 20 // bytes of name table read
)

var be = binary.BigEndian

// source is a font file read with ReadAt, bounds-checked.
type source struct {
	r    io.ReaderAt
	size int64
}

// read returns n bytes at off.
func (s source) read(off int64, n int64) ([]byte, error) {
	if off < 0 || n < 0 || off > s.size || n > s.size-off {
		return nil, fmt.Errorf("%d bytes at offset %d run past the end of the file (%d bytes)", n, off, s.size)
	}
	b := make([]byte, n)
	if m, err := s.r.ReadAt(b, off); int64(m) < n {
		if err == nil || err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

// faceOffsets reads the file header: the offsets of the faces' table
// directories, one for a single font, several for a collection.
func (s source) faceOffsets() ([]uint32, error) {
	h, err := s.read(0, 12)
	if err != nil {
		return nil, errors.New("file too short for a font header")
	}
	switch string(h[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
		return []uint32{0}, nil
	case "ttcf":
		n := be.Uint32(h[8:])
		if n == 0 || n > maxFaces {
			return nil, fmt.Errorf("collection claims %d faces", n)
		}
		b, err := s.read(12, 4*int64(n))
		if err != nil {
			return nil, fmt.Errorf("collection header: %v", err)
		}
		offs := make([]uint32, n)
		for i := range offs {
			offs[i] = be.Uint32(b[4*i:])
		}
		return offs, nil
	}
	return nil, fmt.Errorf("not a TrueType/OpenType font (starts with %q)", h[:4])
}

type tableRec struct {
	tag      string
	checksum uint32
	off, len uint32
}

// faceDir is one face's table directory.
type faceDir struct {
	version uint32
	tables  []tableRec // sorted by tag
}

func (d *faceDir) find(tag string) (tableRec, bool) {
	i := sort.Search(len(d.tables), func(i int) bool { return d.tables[i].tag >= tag })
	if i < len(d.tables) && d.tables[i].tag == tag {
		return d.tables[i], true
	}
	return tableRec{}, false
}

// dir reads the table directory at off and checks that every table lies in
// the file and no tag repeats.
func (s source) dir(off uint32) (*faceDir, error) {
	h, err := s.read(int64(off), 12)
	if err != nil {
		return nil, fmt.Errorf("table directory: %v", err)
	}
	d := &faceDir{version: be.Uint32(h)}
	switch string(h[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
	default:
		return nil, fmt.Errorf("face has an unknown version %q", h[:4])
	}
	n := int(be.Uint16(h[4:]))
	if n == 0 || n > maxTables {
		return nil, fmt.Errorf("face claims %d tables", n)
	}
	b, err := s.read(int64(off)+12, 16*int64(n))
	if err != nil {
		return nil, fmt.Errorf("table directory: %v", err)
	}
	for i := 0; i < n; i++ {
		r := b[16*i:]
		t := tableRec{tag: string(r[:4]), checksum: be.Uint32(r[4:]), off: be.Uint32(r[8:]), len: be.Uint32(r[12:])}
		if int64(t.off)+int64(t.len) > s.size {
			return nil, fmt.Errorf("table %q (%d bytes at %d) runs past the end of the file", t.tag, t.len, t.off)
		}
		d.tables = append(d.tables, t)
	}
	sort.Slice(d.tables, func(i, j int) bool { return d.tables[i].tag < d.tables[j].tag })
	for i := 1; i < len(d.tables); i++ {
		if d.tables[i].tag == d.tables[i-1].tag {
			return nil, fmt.Errorf("table %q appears twice", d.tables[i].tag)
		}
	}
	return d, nil
}

// table reads one table, or returns nil, nil if the face has none.
func (s source) table(d *faceDir, tag string, limit uint32) ([]byte, error) {
	t, ok := d.find(tag)
	if !ok {
		return nil, nil
	}
	if t.len > limit {
		return nil, fmt.Errorf("table %q is %d bytes", tag, t.len)
	}
	return s.read(int64(t.off), int64(t.len))
}

// head reads the first n bytes of a table (fewer if it is shorter), or
// returns nil, nil if the face has none.
func (s source) head(d *faceDir, tag string, n uint32) ([]byte, error) {
	t, ok := d.find(tag)
	if !ok {
		return nil, nil
	}
	return s.read(int64(t.off), int64(min(t.len, n)))
}

// info reads what Scan lists about a face: names, outline kind, fsType and
// glyph count.
func (s source) info(d *faceDir) (Font, error) {
	var f Font
	maxp, err := s.head(d, "maxp", 6)
	if err != nil {
		return f, err
	}
	if len(maxp) < 6 {
		return f, errors.New("no maxp table")
	}
	f.NumGlyphs = int(be.Uint16(maxp[4:]))
	os2, err := s.head(d, "OS/2", 10)
	if err != nil {
		return f, err
	}
	if len(os2) >= 10 {
		f.FsType = be.Uint16(os2[8:])
	}
	f.Outline = outline(d)
	name, err := s.table(d, "name", maxNameTable)
	if err != nil {
		return f, err
	}
	if name != nil {
		names := parseNames(name)
		f.Families = names.families()
		f.Style = names.first(17, 2)
		f.PostScript = names.first(6)
	}
	return f, nil
}

// outline tells a face's outline format from its tables.
func outline(d *faceDir) string {
	if g, ok := d.find("glyf"); ok && g.len > 0 {
		if _, ok := d.find("loca"); ok {
			return "glyf"
		}
	}
	if _, ok := d.find("CFF "); ok {
		return "cff"
	}
	if _, ok := d.find("CFF2"); ok {
		return "cff"
	}
	if d.version == 0x4F54544F { // OTTO without a CFF table
		return "cff"
	}
	return "bitmap"
}
