package sysfont

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// checkSfnt verifies the structure of a single-font file: tables sorted,
// 4-byte aligned, inside the file, not overlapping, checksums right, the
// whole file summing to 0xB1B0AFBA, binary-search fields right.
func checkSfnt(t *testing.T, data []byte) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(data[4:]))
	sel := int(binary.BigEndian.Uint16(data[8:]))
	if 1<<sel > n || 1<<(sel+1) <= n || int(binary.BigEndian.Uint16(data[6:])) != 16<<sel ||
		int(binary.BigEndian.Uint16(data[10:])) != 16*n-16<<sel {
		t.Errorf("bad searchRange/entrySelector/rangeShift for %d tables: % x", n, data[6:12])
	}
	end, prev := 12+16*n, ""
	for i := 0; i < n; i++ {
		r := data[12+16*i:]
		tag, sum := string(r[:4]), binary.BigEndian.Uint32(r[4:])
		off, length := int(binary.BigEndian.Uint32(r[8:])), int(binary.BigEndian.Uint32(r[12:]))
		if tag <= prev {
			t.Errorf("table %q after %q", tag, prev)
		}
		prev = tag
		if off%4 != 0 || off < end || off+length > len(data) {
			t.Errorf("table %q at %d+%d (previous end %d, file %d)", tag, off, length, end, len(data))
			continue
		}
		end = off + length
		tb := append([]byte(nil), data[off:off+length]...)
		if tag == "head" {
			binary.BigEndian.PutUint32(tb[8:], 0)
		}
		if got := checksum(tb); got != sum {
			t.Errorf("table %q checksum %08x, recorded %08x", tag, got, sum)
		}
		if tag == "DSIG" {
			t.Errorf("DSIG kept")
		}
	}
	if len(data)%4 != 0 {
		t.Errorf("length %d not a multiple of 4", len(data))
	}
	if s := checksum(data); s != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %08x, want B1B0AFBA", s)
	}
}

// faceTables reads a face's tables from a font file or collection, by a
// parse of its own.
func faceTables(t *testing.T, raw []byte, index int) (version uint32, tables map[string][]byte) {
	t.Helper()
	off := 0
	if string(raw[:4]) == "ttcf" {
		off = int(binary.BigEndian.Uint32(raw[12+4*index:]))
	}
	tables = map[string][]byte{}
	n := int(binary.BigEndian.Uint16(raw[off+4:]))
	for i := 0; i < n; i++ {
		r := raw[off+12+16*i:]
		o, l := binary.BigEndian.Uint32(r[8:]), binary.BigEndian.Uint32(r[12:])
		tables[string(r[:4])] = raw[o : o+l]
	}
	return binary.BigEndian.Uint32(raw[off:]), tables
}

// sameFace compares a rebuilt face with the face in the original file:
// every table (but DSIG) byte for byte, then, through two parsers (sfnt on
// the rebuilt font, go-text/typesetting on the original collection, which
// sfnt refuses: its tables are not 4-byte aligned), glyph count, glyph
// indices and advances of a few runes.
func sameFace(t *testing.T, data []byte, path string, index int, runes string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, want := faceTables(t, raw, index)
	delete(want, "DSIG")
	_, got := faceTables(t, data, 0)
	if len(got) != len(want) {
		t.Errorf("%d tables, want %d", len(got), len(want))
	}
	for tag, w := range want {
		g := append([]byte(nil), got[tag]...)
		if tag == "head" && len(g) >= 12 {
			copy(g[8:12], w[8:12]) // checkSumAdjustment differs
		}
		if !bytes.Equal(g, w) {
			t.Errorf("table %q differs", tag)
		}
	}
	a, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	lds, err := opentype.NewLoaders(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	ft, err := gotext.NewFont(lds[index])
	if err != nil {
		t.Fatal(err)
	}
	b := gotext.NewFace(ft)
	if a.NumGlyphs() != int(binary.BigEndian.Uint16(want["maxp"][4:])) || int(a.UnitsPerEm()) != int(b.Upem()) {
		t.Fatalf("glyphs %d, upem %d/%d", a.NumGlyphs(), a.UnitsPerEm(), b.Upem())
	}
	var buf sfnt.Buffer
	ppem := fixed.I(int(a.UnitsPerEm()))
	for _, r := range runes {
		ga, err := a.GlyphIndex(&buf, r)
		gb, ok := b.NominalGlyph(r)
		if err != nil || !ok || int(ga) != int(gb) || ga == 0 {
			t.Errorf("%q: glyph %d (%v) vs %d (%v)", r, ga, err, gb, ok)
			continue
		}
		adv, err := a.GlyphAdvance(&buf, ga, ppem, font.HintingNone)
		if err != nil || float32(adv.Round()) != b.HorizontalAdvance(gb) {
			t.Errorf("%q: advance %v (%v) vs %v", r, adv.Round(), err, b.HorizontalAdvance(gb))
		}
	}
}

func TestOpenWenQuanYi(t *testing.T) {
	needFile(t, wqyPath)
	fonts := Scan([]string{filepath.Dir(wqyPath)})
	for _, name := range []string{"WenQuanYi Zen Hei", "文泉驿正黑", "文泉驛正黑", "wenquanyi zen hei", "WenQuanYiZenHei"} {
		got := Find(fonts, name)
		if len(got) != 1 || got[0].Path != wqyPath || got[0].Index != 0 {
			t.Errorf("Find(%q) = %+v, want %s face 0", name, got, wqyPath)
		}
	}
	if got := Find(fonts, "文泉驿等宽正黑"); len(got) != 1 || got[0].Index != 1 {
		t.Errorf("Find(文泉驿等宽正黑) = %+v, want face 1", got)
	}
	for i, want := range []string{"WenQuanYi Zen Hei", "WenQuanYi Zen Hei Mono"} {
		data, f, err := Open(wqyPath, i)
		if err != nil {
			t.Fatalf("Open(%d): %v", i, err)
		}
		if f.Families[0] != want || f.Outline != "glyf" || f.Index != i {
			t.Errorf("face %d: %+v", i, f)
		}
		if string(data[:4]) != "\x00\x01\x00\x00" {
			t.Errorf("face %d starts with % x", i, data[:4])
		}
		checkSfnt(t, data)
		sameFace(t, data, wqyPath, i, "A中国，仿宋简报。")
		rebuilt, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := rebuilt.Name(nil, sfnt.NameIDFamily); n != want {
			t.Errorf("face %d name %q", i, n)
		}
		if rebuilt.NumGlyphs() != f.NumGlyphs {
			t.Errorf("NumGlyphs %d, Font says %d", rebuilt.NumGlyphs(), f.NumGlyphs)
		}
	}
	_, _, err := Open(wqyPath, 3)
	var e *Error
	if !errors.Is(err, ErrIndex) || !errors.As(err, &e) || e.Faces != 3 || !strings.Contains(err.Error(), "只有 3 个字体") {
		t.Errorf("Open(3) = %v", err)
	}
	if _, _, err := Open(wqyPath, -1); !errors.Is(err, ErrIndex) {
		t.Errorf("Open(-1) = %v", err)
	}
}

func TestOpenUMing(t *testing.T) {
	needFile(t, umingPath)
	fonts := Scan([]string{umingPath})
	cn, tw := Find(fonts, "AR PL UMing CN"), Find(fonts, "AR PL UMing TW")
	if len(cn) != 1 || len(tw) != 1 || cn[0].Index == tw[0].Index {
		t.Fatalf("CN %+v, TW %+v", cn, tw)
	}
	for _, f := range []Font{cn[0], tw[0]} {
		data, got, err := Open(f.Path, f.Index)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, f) {
			t.Errorf("Open says %+v, Scan %+v", got, f)
		}
		checkSfnt(t, data)
		sameFace(t, data, f.Path, f.Index, "中文简报A")
		rebuilt, err := sfnt.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		if n, _ := rebuilt.Name(nil, sfnt.NameIDFamily); n != f.Families[0] {
			t.Errorf("rebuilt face %d is named %q", f.Index, n)
		}
	}
}

func TestOpenNotoIsCFF(t *testing.T) {
	needFile(t, notoPath)
	sc := Find(Scan([]string{notoPath}), "Noto Sans CJK SC")
	if len(sc) != 1 || sc[0].Outline != "cff" {
		t.Fatalf("Noto Sans CJK SC: %+v", sc)
	}
	_, f, err := Open(sc[0].Path, sc[0].Index)
	if !errors.Is(err, ErrCFF) || f.Families[0] != "Noto Sans CJK SC" || !strings.Contains(err.Error(), "TrueType（.ttf）") {
		t.Errorf("Open = %+v, %v", f, err)
	}
}

// TestOpenSingleFont: a .ttf is returned byte for byte.
func TestOpenSingleFont(t *testing.T) {
	raw, err := os.ReadFile(repoTTF)
	if err != nil {
		t.Fatal(err)
	}
	data, f, err := Open(repoTTF, 0)
	if err != nil || !bytes.Equal(data, raw) || f.Outline != "glyf" || f.Families[0] != "Liberation Serif" {
		t.Fatalf("Open = %+v, %v", f, err)
	}
	if _, _, err := Open(repoTTF, 1); !errors.Is(err, ErrIndex) || err.(*Error).Faces != 1 {
		t.Errorf("Open(1) = %v", err)
	}
	if _, _, err := Open(filepath.Join(t.TempDir(), "none.ttf"), 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}
	if _, _, err := Open(t.TempDir(), 0); !errors.Is(err, ErrNotFound) {
		t.Errorf("folder: %v", err)
	}
}

// osTwo finds the OS/2 table of a single font.
func osTwo(t *testing.T, data []byte) int {
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := 0; i < n; i++ {
		if r := data[12+16*i:]; string(r[:4]) == "OS/2" {
			return int(binary.BigEndian.Uint32(r[8:]))
		}
	}
	t.Fatal("no OS/2 table")
	return 0
}

func TestRestricted(t *testing.T) {
	raw, err := os.ReadFile(repoTTF)
	if err != nil {
		t.Fatal(err)
	}
	at := osTwo(t, raw)
	dir := t.TempDir()
	for _, c := range []struct {
		fsType uint16
		ok     bool
	}{
		{0x0000, true}, {0x0002, false}, {0x0004, true}, {0x0008, true},
		{0x000A, true}, // restricted + editable: the less restrictive wins
		{0x0200, false}, {0x0208, false}, {0x0100, true},
	} {
		b := append([]byte(nil), raw...)
		binary.BigEndian.PutUint16(b[at+8:], c.fsType)
		p := writeFile(t, dir, "patched.ttf", b)
		_, f, err := Open(p, 0)
		if f.FsType != c.fsType {
			t.Errorf("fsType %04x read as %04x", c.fsType, f.FsType)
		}
		if c.ok != (err == nil) || !c.ok && !errors.Is(err, ErrRestricted) {
			t.Errorf("fsType %04x: %v", c.fsType, err)
		}
		if f.NoSubsetting() != (c.fsType&0x0100 != 0) {
			t.Errorf("fsType %04x: NoSubsetting %v", c.fsType, f.NoSubsetting())
		}
	}
}

// TestTruncated: every prefix of a font is refused as damaged, no panic.
func TestTruncated(t *testing.T) {
	raw, err := os.ReadFile(repoTTF)
	if err != nil {
		t.Fatal(err)
	}
	tiny := tinyFont(t, "Tiny", 0)
	ttc := collection(0x00010000, tinyTables("A", 0), tinyTables("B", 0))
	for i, src := range [][]byte{tiny, ttc, raw} {
		step := max(1, len(src)/500)
		for n := 0; n < len(src)-5; n += step { // the padding of the last table may go
			_, _, err := openBytes(src[:n], i%2) // the last face of the collection
			if !errors.Is(err, ErrDamaged) {
				t.Fatalf("prefix %d of %d: %v", n, len(src), err)
			}
		}
	}
	p := writeFile(t, t.TempDir(), "cut.ttc", ttc[:len(ttc)/2])
	if _, _, err := Open(p, 1); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "损坏") {
		t.Errorf("truncated file: %v", err)
	}
}

// TestRebuildTiny: a face of a synthetic collection comes out as exactly
// the single font of its tables.
func TestRebuildTiny(t *testing.T) {
	a, b := tinyTables("Tiny A", 0), tinyTables("Tiny B", 0x0008)
	b["DSIG"] = []byte{0, 0, 0, 1, 0, 0, 0, 0}
	ttc := collection(0x00010000, a, b)
	for i, tables := range []map[string][]byte{a, b} {
		data, f, err := openBytes(ttc, i)
		if err != nil {
			t.Fatal(err)
		}
		delete(tables, "DSIG")
		want, _ := assemble(0x00010000, tables)
		if !bytes.Equal(data, want) {
			t.Errorf("face %d differs from its single font", i)
		}
		checkSfnt(t, data)
		if f.Families[0] != []string{"Tiny A", "Tiny B"}[i] || f.NumGlyphs != 3 || f.Style != "Regular" {
			t.Errorf("face %d: %+v", i, f)
		}
		if n := Coverage(data, []rune("A中B")); n != 2 {
			t.Errorf("coverage %d", n)
		}
	}
}

func TestOutlineKinds(t *testing.T) {
	cff := tinyTables("C", 0)
	delete(cff, "glyf")
	delete(cff, "loca")
	cff["CFF "] = []byte{1, 0, 4, 4}
	bitmap := tinyTables("B", 0)
	delete(bitmap, "glyf")
	bitmap["EBDT"] = []byte{0, 2, 0, 0}
	for _, c := range []struct {
		version uint32
		tables  map[string][]byte
		kind    string
		err     error
	}{
		{0x4F54544F, cff, "cff", ErrCFF},
		{0x00010000, bitmap, "bitmap", ErrBitmap},
	} {
		data, err := assemble(c.version, c.tables)
		if err != nil {
			t.Fatal(err)
		}
		_, f, err := openBytes(data, 0)
		if f.Outline != c.kind || !errors.Is(err, c.err) {
			t.Errorf("%s: %+v, %v", c.kind, f, err)
		}
		if got := collection(c.version, c.tables); !errors.Is(func() error { _, _, e := openBytes(got, 0); return e }(), c.err) {
			t.Errorf("%s in a collection not refused", c.kind)
		}
	}
	missing := tinyTables("M", 0)
	delete(missing, "hmtx")
	data, _ := assemble(0x00010000, missing)
	if _, _, err := openBytes(data, 0); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "hmtx") {
		t.Errorf("no hmtx: %v", err)
	}
}

// TestUnalignedSingleFont: a single font whose tables start at odd offsets
// (which sfnt refuses) is rebuilt aligned.
func TestUnalignedSingleFont(t *testing.T) {
	tables := tinyTables("Odd", 0)
	ttc := collection(0x00010000, tables)
	// drop the collection header: the face's directory moves 16 bytes up
	single := append([]byte(nil), ttc[16:]...)
	n := int(binary.BigEndian.Uint16(single[4:]))
	for i := 0; i < n; i++ {
		r := single[12+16*i:]
		binary.BigEndian.PutUint32(r[8:], binary.BigEndian.Uint32(r[8:])-16)
	}
	if _, err := sfnt.Parse(single); err == nil {
		t.Fatal("sfnt accepts the unaligned font; the test proves nothing")
	}
	data, f, err := openBytes(single, 0)
	if err != nil || f.Families[0] != "Odd" {
		t.Fatalf("%+v, %v", f, err)
	}
	want, _ := assemble(0x00010000, tables)
	if !bytes.Equal(data, want) {
		t.Error("not rebuilt")
	}
	checkSfnt(t, data)
}

// TestMessages: every error is one line in the “问题；怎么办” form and
// matches its kind.
func TestMessages(t *testing.T) {
	dir := t.TempDir()
	tiny := writeFile(t, dir, "tiny.ttf", tinyFont(t, "Tiny", 0x0002))
	cut := writeFile(t, dir, "cut.ttf", tinyFont(t, "Cut", 0)[:100])
	cff := tinyTables("C", 0)
	delete(cff, "glyf")
	cff["CFF "] = []byte{1, 0, 4, 4}
	otf := writeFile(t, dir, "c.otc", collection(0x4F54544F, tinyTables("T", 0), cff))
	for _, c := range []struct {
		path  string
		index int
		kind  error
		want  string
	}{
		{filepath.Join(dir, "none.ttf"), 0, ErrNotFound, "文件不存在"},
		{dir, 0, ErrNotFound, "不是普通文件"},
		{tiny, 2, ErrIndex, "只有 1 个字体，没有第 2 个"},
		{tiny, 0, ErrRestricted, "Tiny（" + tiny + "）的许可禁止嵌入（OS/2 fsType 0x0002）"},
		{cut, 0, ErrDamaged, "字体 " + cut + " 已损坏或无法解析（table directory: 160 bytes at offset 12 run past the end"},
		{otf, 1, ErrCFF, "C（" + otf + " 中的第 1 号字体）是 CFF"},
	} {
		_, _, err := Open(c.path, c.index)
		msg := ""
		if err != nil {
			msg = err.Error()
		}
		if !errors.Is(err, c.kind) || !strings.Contains(msg, c.want) || !strings.Contains(msg, "；") || strings.Contains(msg, "\n") {
			t.Errorf("Open(%s, %d) = %q, want %v containing %q", filepath.Base(c.path), c.index, msg, c.kind, c.want)
		}
	}
}
