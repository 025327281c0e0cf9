// Package fontset parses the embedded fonts (once each, on first use) and
// answers what the layout engine needs: does a face cover a rune, how wide
// is it, and the raw bytes for the PDF writer. It knows no pages or roles'
// meaning: roles are named by the layout.
package fontset

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"jianbao/fonts"
)

// Errors for fonts the PDF writer cannot embed.
var (
	ErrTTC  = errors.New("fontset: font collection (ttcf) is not supported; extract one face as a TrueType file")
	ErrCFF  = errors.New("fontset: font has CFF outlines (OTTO); convert it to TrueType (glyf) outlines")
	ErrSfnt = errors.New("fontset: not a TrueType font")
)

// Face is one parsed font file.
type Face struct {
	Name string
	Info fonts.Info
	Data []byte
	UPEM int
	// Weight is the OS/2 usWeightClass (400 regular, 500 medium, 700
	// bold); 400 when the font has no OS/2 table.
	Weight int

	font *sfnt.Font
	mu   sync.Mutex
	buf  sfnt.Buffer
	adv  map[rune]int32  // advance in font units; -1 = not covered
	ink  map[rune][3]int // InkX results: left, right, 1 when ok
}

// CheckTrueType refuses data that fpdf cannot load: collections, CFF
// outlines and anything that is not an sfnt.
func CheckTrueType(data []byte) error {
	if len(data) < 12 {
		return ErrSfnt
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true":
		return nil
	case "ttcf":
		return ErrTTC
	case "OTTO":
		return ErrCFF
	}
	return ErrSfnt
}

// Parse parses a TrueType face from bytes.
func Parse(name string, data []byte) (*Face, error) {
	if err := CheckTrueType(data); err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("fontset: %s: %w", name, err)
	}
	return &Face{Name: name, Data: data, UPEM: int(f.UnitsPerEm()), Weight: weightClass(data), font: f, adv: make(map[rune]int32, 1024)}, nil
}

// weightClass reads usWeightClass from the OS/2 table.
func weightClass(data []byte) int {
	t, err := tables(data)
	if err != nil {
		return 400
	}
	os2 := t["OS/2"]
	if len(os2) < 6 {
		return 400
	}
	w := int(binary.BigEndian.Uint16(os2[4:]))
	if w < 100 || w > 1000 {
		return 400
	}
	return w
}

var (
	regMu sync.Mutex
	reg   = map[string]*onceFace{}
)

type onceFace struct {
	once sync.Once
	face *Face
	err  error
}

// Load returns the embedded face with the given name, parsing it on first
// use, or a face registered under that name.
func Load(name string) (*Face, error) {
	info, ok := fonts.Faces[name]
	regMu.Lock()
	of := reg[name]
	if !ok && of == nil {
		regMu.Unlock()
		return nil, fmt.Errorf("没有名为 %q 的内置字体", name)
	}
	if of == nil {
		of = &onceFace{}
		reg[name] = of
	}
	regMu.Unlock()
	of.once.Do(func() {
		data := fonts.Data(info.File)
		if data == nil {
			of.err = fmt.Errorf("fontset: %s is not embedded", info.File)
			return
		}
		of.face, of.err = Parse(name, data)
		if of.face != nil {
			of.face.Info = info
		}
	})
	return of.face, of.err
}

// Register parses a face that is not embedded (an installed font or a
// font file, as standalone TrueType bytes) and makes it loadable under
// key. Registering a key again keeps the first face.
func Register(key string, data []byte, info fonts.Info) (*Face, error) {
	if _, ok := fonts.Faces[key]; ok {
		return nil, fmt.Errorf("fontset: %q is an embedded face's name", key)
	}
	regMu.Lock()
	defer regMu.Unlock()
	if of := reg[key]; of != nil {
		return of.face, of.err
	}
	f, err := Parse(key, data)
	if err != nil {
		return nil, err
	}
	f.Info = info
	of := &onceFace{face: f}
	of.once.Do(func() {})
	reg[key] = of
	return f, nil
}

// Names lists the embedded face names in a stable order.
func Names() []string {
	var ns []string
	for n := range fonts.Faces {
		ns = append(ns, n)
	}
	sort.Strings(ns)
	return ns
}

// Covers says whether the face has a glyph for r, outside the BMP too
// when the face has a format-12 cmap.
func (f *Face) Covers(r rune) bool { return f.units(r) >= 0 }

// Units returns the advance of r in font units, or -1 if not covered.
func (f *Face) Units(r rune) int32 { return f.units(r) }

func (f *Face) units(r rune) int32 {
	if r > unicode.MaxRune || r < 0 {
		return -1
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.adv[r]; ok {
		return a
	}
	a := int32(-1)
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil && gi != 0 {
		adv, err := f.font.GlyphAdvance(&f.buf, gi, fixed.Int26_6(f.UPEM<<6), font.HintingNone)
		if err == nil {
			a = int32((adv + 32) >> 6)
		}
	}
	f.adv[r] = a
	return a
}

// AscentDescent returns the face's ascent and descent (positive below the
// baseline) in font units.
func (f *Face) AscentDescent() (ascent, descent int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	m, err := f.font.Metrics(&f.buf, fixed.Int26_6(f.UPEM<<6), font.HintingNone)
	if err != nil {
		return f.UPEM * 88 / 100, f.UPEM * 12 / 100
	}
	return int((m.Ascent + 32) >> 6), int((m.Descent + 32) >> 6)
}

// NumGlyphs is the number of glyphs in the face.
func (f *Face) NumGlyphs() int { return f.font.NumGlyphs() }

// Family is the face's family name from its name table.
func (f *Face) Family() string {
	var b sfnt.Buffer
	s, err := f.font.Name(&b, sfnt.NameIDFamily)
	if err != nil {
		return f.Info.Family
	}
	return s
}

// Same reports whether two faces share the same bytes.
func Same(a, b *Face) bool { return a == b || bytes.Equal(a.Data, b.Data) }

// InkX returns the left and right edges of r's ink, in font units from
// its origin; ok is false when r has no glyph or no outline.
func (f *Face) InkX(r rune) (left, right int, ok bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v, seen := f.ink[r]; seen {
		return v[0], v[1], v[2] == 1
	}
	var v [3]int
	gi, err := f.font.GlyphIndex(&f.buf, r)
	if err == nil && gi != 0 {
		segs, err := f.font.LoadGlyph(&f.buf, gi, fixed.I(f.UPEM), nil)
		if err == nil && len(segs) > 0 {
			b := segs.Bounds()
			v = [3]int{b.Min.X.Round(), b.Max.X.Round(), 1}
		}
	}
	if f.ink == nil {
		f.ink = map[rune][3]int{}
	}
	f.ink[r] = v
	return v[0], v[1], v[2] == 1
}
