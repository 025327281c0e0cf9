package sysfont

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// Installed test fonts (Debian packages fonts-wqy-zenhei, fonts-arphic-uming,
// fonts-noto-cjk) and a TrueType file of the repository.
const (
	wqyPath   = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
	umingPath = "/usr/share/fonts/truetype/arphic/uming.ttc"
	notoPath  = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
	repoTTF   = "../../fonts/LiberationSerif-Regular.ttf"
)

// needFile skips the test when a font file is absent, but fails under CI,
// which installs the packages (.ci/run).
func needFile(t testing.TB, path string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI (apt-get install -y fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai fonts-noto-cjk): %v", path, err)
		}
		t.Skipf("%s not installed", path)
	}
}

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type nameEntry struct {
	pid, eid, lid, nid uint16
	raw                []byte
}

func utf16be(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.BigEndian.AppendUint16(b, u)
	}
	return b
}

// winName is a Windows-platform Unicode name record.
func winName(lid, nid uint16, s string) nameEntry {
	return nameEntry{3, 1, lid, nid, utf16be(s)}
}

// nameTable builds a format-0 name table (or format 1 with tags).
func nameTable(entries []nameEntry, tags ...string) []byte {
	format := uint16(0)
	if len(tags) > 0 {
		format = 1
	}
	var strs []byte
	var recs []byte
	for _, e := range entries {
		recs = binary.BigEndian.AppendUint16(recs, e.pid)
		recs = binary.BigEndian.AppendUint16(recs, e.eid)
		recs = binary.BigEndian.AppendUint16(recs, e.lid)
		recs = binary.BigEndian.AppendUint16(recs, e.nid)
		recs = binary.BigEndian.AppendUint16(recs, uint16(len(e.raw)))
		recs = binary.BigEndian.AppendUint16(recs, uint16(len(strs)))
		strs = append(strs, e.raw...)
	}
	var tagRecs []byte
	if format == 1 {
		tagRecs = binary.BigEndian.AppendUint16(tagRecs, uint16(len(tags)))
		for _, tg := range tags {
			raw := utf16be(tg)
			tagRecs = binary.BigEndian.AppendUint16(tagRecs, uint16(len(raw)))
			tagRecs = binary.BigEndian.AppendUint16(tagRecs, uint16(len(strs)))
			strs = append(strs, raw...)
		}
	}
	b := binary.BigEndian.AppendUint16(nil, format)
	b = binary.BigEndian.AppendUint16(b, uint16(len(entries)))
	b = binary.BigEndian.AppendUint16(b, uint16(6+len(recs)+len(tagRecs)))
	b = append(b, recs...)
	b = append(b, tagRecs...)
	return append(b, strs...)
}

func u16s(vs ...int) []byte {
	var b []byte
	for _, v := range vs {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	return b
}

// tinyTables is a minimal valid TrueType font with three glyphs: .notdef,
// a square for 'A' and another for '中'.
func tinyTables(family string, fsType uint16) map[string][]byte {
	head := make([]byte, 54)
	binary.BigEndian.PutUint32(head[0:], 0x00010000)
	binary.BigEndian.PutUint32(head[4:], 0x00010000)
	binary.BigEndian.PutUint32(head[12:], 0x5F0F3CF5)
	binary.BigEndian.PutUint16(head[18:], 1000) // unitsPerEm
	copy(head[36:], u16s(0, 0, 500, 700))       // bbox
	binary.BigEndian.PutUint16(head[46:], 8)    // lowestRecPPEM
	binary.BigEndian.PutUint16(head[48:], 2)    // fontDirectionHint; indexToLocFormat 0 (short)

	hhea := make([]byte, 36)
	binary.BigEndian.PutUint32(hhea, 0x00010000)
	copy(hhea[4:], u16s(800, 0x10000-200, 0, 1000))
	binary.BigEndian.PutUint16(hhea[18:], 1) // caretSlopeRise
	binary.BigEndian.PutUint16(hhea[34:], 3) // numberOfHMetrics

	maxp := make([]byte, 32)
	binary.BigEndian.PutUint32(maxp, 0x00010000)
	binary.BigEndian.PutUint16(maxp[4:], 3)
	copy(maxp[6:], u16s(4, 1, 0, 0, 1))

	hmtx := u16s(500, 0, 600, 0, 1000, 0)

	square := u16s(1, 0, 0, 500, 700, 3, 0) // 1 contour, bbox, endPts, no instructions
	square = append(square, 1, 1, 1, 1)     // on-curve, long coordinates
	square = append(square, u16s(0, 0, 500, 0)...)
	square = append(square, u16s(0, 700, 0, 0x10000-700)...)
	glyf := append(append([]byte(nil), square...), square...)
	loca := u16s(0, 0, len(square)/2, len(glyf)/2)

	// format 4: 'A' -> 1, '中' -> 2, end segment
	seg := func(n int) []byte { return u16s(2*n, 4, 1, 2*n-4) }
	sub := u16s(4, 16+8*3, 0)
	sub = append(sub, seg(3)...)
	sub = append(sub, u16s('A', 0x4E2D, 0xFFFF, 0)...)
	sub = append(sub, u16s('A', 0x4E2D, 0xFFFF)...)
	sub = append(sub, u16s(1-'A', 2-0x4E2D, 1)...)
	sub = append(sub, u16s(0, 0, 0)...)
	cmap := append(u16s(0, 1, 3, 1, 0, 12), sub...)

	os2 := make([]byte, 96)
	binary.BigEndian.PutUint16(os2, 4)
	binary.BigEndian.PutUint16(os2[4:], 400)
	binary.BigEndian.PutUint16(os2[6:], 5)
	binary.BigEndian.PutUint16(os2[8:], fsType)

	post := make([]byte, 32)
	binary.BigEndian.PutUint32(post, 0x00030000)

	name := nameTable([]nameEntry{
		winName(0x0409, 1, family), winName(0x0409, 2, "Regular"),
		winName(0x0409, 6, "Tiny-Regular"), winName(0x0804, 1, "小测试体"),
		{1, 0, 0, 1, []byte(family)},
	})
	return map[string][]byte{"head": head, "hhea": hhea, "maxp": maxp, "hmtx": hmtx, "glyf": glyf,
		"loca": loca, "cmap": cmap, "OS/2": os2, "post": post, "name": name}
}

func tinyFont(t testing.TB, family string, fsType uint16) []byte {
	t.Helper()
	b, err := assemble(0x00010000, tinyTables(family, fsType))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// collection lays faces out as a TTC, each table stored once per face,
// tables in reverse tag order (so offsets are not simply ascending).
func collection(version uint32, faces ...map[string][]byte) []byte {
	n := len(faces)
	b := []byte("ttcf")
	b = binary.BigEndian.AppendUint32(b, 0x00010000)
	b = binary.BigEndian.AppendUint32(b, uint32(n))
	dirAt := make([]int, n)
	pos := 12 + 4*n
	for i, f := range faces {
		dirAt[i] = pos
		b = binary.BigEndian.AppendUint32(b, uint32(pos))
		pos += 12 + 16*len(f)
	}
	for _, f := range faces {
		var tags []string
		for tag := range f {
			tags = append(tags, tag)
		}
		sort.Strings(tags)
		b = binary.BigEndian.AppendUint32(b, version)
		b = append(b, u16s(len(tags), 0, 0, 0)...)
		at := pos
		offs := map[string]int{}
		for i := len(tags) - 1; i >= 0; i-- {
			offs[tags[i]] = at
			at += len(f[tags[i]]) + 5
		}
		for _, tag := range tags {
			b = append(b, tag...)
			b = binary.BigEndian.AppendUint32(b, 0xDEADBEEF) // wrong on purpose
			b = binary.BigEndian.AppendUint32(b, uint32(offs[tag]))
			b = binary.BigEndian.AppendUint32(b, uint32(len(f[tag])))
		}
		pos = at
	}
	for _, f := range faces {
		var tags []string
		for tag := range f {
			tags = append(tags, tag)
		}
		sort.Strings(tags)
		for i := len(tags) - 1; i >= 0; i-- {
			b = append(b, f[tags[i]]...)
			b = append(b, 0, 0, 0, 0, 0)
		}
	}
	return b
}

// gb2312Hanzi decodes the 6,763 hanzi of GB 2312 (rows 16–87).
func gb2312Hanzi(t testing.TB) []rune {
	return decodeRange(t, 0xB0, 0xF7, 0xA1, 0xFE)
}

// gbkHanzi decodes every GBK double-byte code that is a hanzi.
func gbkHanzi(t testing.TB) []rune {
	return decodeRange(t, 0x81, 0xFE, 0x40, 0xFE)
}

func decodeRange(t testing.TB, lead0, lead1, trail0, trail1 int) []rune {
	t.Helper()
	dec := simplifiedchinese.GBK.NewDecoder()
	var out []rune
	for a := lead0; a <= lead1; a++ {
		for b := trail0; b <= trail1; b++ {
			if b == 0x7F {
				continue
			}
			s, err := dec.Bytes([]byte{byte(a), byte(b)})
			if err != nil {
				continue
			}
			r := []rune(string(s))
			if len(r) == 1 && unicode.Is(unicode.Han, r[0]) {
				out = append(out, r[0])
			}
		}
	}
	return out
}
