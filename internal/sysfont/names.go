package sysfont

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Language classes, in the order names are listed.
const (
	langEnglish = iota
	langChinese
	langOther
)

type nameRec struct {
	id    uint16
	lang  int  // langEnglish, langChinese, langOther
	trad  bool // Traditional Chinese (Taiwan, Hong Kong, Macau): after Simplified
	plat  int  // 0 Windows, 1 Unicode, 2 Macintosh: preference order
	order int  // position in the table
	value string
}

type nameSet []nameRec

// parseNames reads every record of a name table that it can decode.
// Damaged records are skipped; a damaged header gives no names.
func parseNames(b []byte) nameSet {
	if len(b) < 6 {
		return nil
	}
	format, count, strOff := be.Uint16(b), int(be.Uint16(b[2:])), int(be.Uint16(b[4:]))
	if 6+12*count > len(b) {
		count = (len(b) - 6) / 12
	}
	// format 1: language tags follow the records
	var tags []string
	if format == 1 && 6+12*count+2 <= len(b) {
		p := 6 + 12*count
		n := int(be.Uint16(b[p:]))
		for i := 0; i < n && p+2+4*i+4 <= len(b); i++ {
			l, o := int(be.Uint16(b[p+2+4*i:])), int(be.Uint16(b[p+4+4*i:]))
			if s := strOff + o; s+l <= len(b) {
				tags = append(tags, decodeUTF16(b[s:s+l]))
			} else {
				tags = append(tags, "")
			}
		}
	}
	var out nameSet
	for i := 0; i < count; i++ {
		r := b[6+12*i:]
		pid, eid, lid, nid := be.Uint16(r), be.Uint16(r[2:]), be.Uint16(r[4:]), be.Uint16(r[6:])
		switch nid {
		case 1, 2, 6, 16, 17:
		default:
			continue
		}
		l, o := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
		s := strOff + o
		if s+l > len(b) {
			continue
		}
		v, ok := decodeName(pid, eid, b[s:s+l])
		if !ok {
			continue
		}
		lang, plat, trad := langOther, 2, false
		switch pid {
		case 3:
			plat = 0
			switch {
			case lid >= 0x8000 && int(lid-0x8000) < len(tags):
				lang = tagLang(tags[lid-0x8000])
			case lid&0x3FF == 0x09:
				lang = langEnglish
			case lid&0x3FF == 0x04:
				lang = langChinese
				trad = lid == 0x0404 || lid == 0x0C04 || lid == 0x1404
			}
			if eid == 3 || eid == 4 { // PRC, Big5 encodings
				lang, trad = langChinese, eid == 4
			}
		case 0:
			plat = 1
			lang = contentLang(v)
		case 1:
			switch {
			case lid == 0:
				lang = langEnglish
			case lid == 19 || lid == 33 || eid == 2 || eid == 25:
				lang, trad = langChinese, lid == 19 || eid == 2
			}
		}
		if lang == langEnglish && hasHan(v) {
			lang = langChinese // Chinese names filed as English happen
		}
		out = append(out, nameRec{id: nid, lang: lang, trad: trad, plat: plat, order: i, value: v})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.lang != b.lang {
			return a.lang < b.lang
		}
		if a.trad != b.trad {
			return b.trad
		}
		if a.plat != b.plat {
			return a.plat < b.plat
		}
		return a.order < b.order
	})
	return out
}

// families lists the family names (IDs 16 and 1): by language, and within
// a language the typographic family first; duplicates dropped.
func (ns nameSet) families() []string {
	var out []string
	seen := map[string]bool{}
	for lang := langEnglish; lang <= langOther; lang++ {
		for _, id := range []uint16{16, 1} {
			for _, r := range ns {
				if r.lang == lang && r.id == id && !seen[r.value] {
					seen[r.value] = true
					out = append(out, r.value)
				}
			}
		}
	}
	return out
}

// first returns the first value (in the set's order, so English first) of
// the first of ids present.
func (ns nameSet) first(ids ...uint16) string {
	for _, id := range ids {
		for _, r := range ns {
			if r.id == id {
				return r.value
			}
		}
	}
	return ""
}

// decodeName decodes one name string; ok is false when the encoding is
// unknown or the result is not a plausible name.
func decodeName(pid, eid uint16, b []byte) (string, bool) {
	var s string
	switch {
	case pid == 0, pid == 3 && (eid == 0 || eid == 1 || eid == 10):
		s = decodeUTF16(b)
	case pid == 3 && eid >= 2 && eid <= 5:
		// legacy East Asian encodings, stored in 16-bit units: drop the
		// zero high bytes of single-byte characters
		var nz []byte
		for _, c := range b {
			if c != 0 {
				nz = append(nz, c)
			}
		}
		s = decodeWith(legacy[eid], nz)
	case pid == 1 && eid == 0:
		var ok bool
		if s, ok = euccn(b); !ok { // GB 2312 mislabelled as Mac Roman happens
			s = decodeWith(charmap.Macintosh, b)
		}
	case pid == 1:
		enc, ok := macCJK[eid]
		if !ok {
			return "", false
		}
		s = decodeWith(enc, b)
	default:
		return "", false
	}
	s = strings.TrimRight(strings.TrimSpace(s), "\x00")
	if s == "" || !utf8.ValidString(s) || len(s) > 512 {
		return "", false
	}
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return "", false
		}
	}
	return s, true
}

var legacy = map[uint16]encoding.Encoding{
	2: japanese.ShiftJIS,
	3: simplifiedchinese.GBK,
	4: traditionalchinese.Big5,
	5: korean.EUCKR,
}

var macCJK = map[uint16]encoding.Encoding{
	1:  japanese.ShiftJIS,
	2:  traditionalchinese.Big5,
	3:  korean.EUCKR,
	25: simplifiedchinese.GBK,
}

// euccn decodes b as GB 2312 (EUC-CN) if its bytes over 0x7F all come in
// pairs in 0xA1–0xFE, as in a GB 2312 string and hardly ever in a Mac Roman
// one, and the result has a hanzi.
func euccn(b []byte) (string, bool) {
	high := false
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			continue
		}
		if i+1 == len(b) || b[i] < 0xA1 || b[i] == 0xFF || b[i+1] < 0xA1 || b[i+1] == 0xFF {
			return "", false
		}
		high = true
		i++
	}
	if !high {
		return "", false
	}
	s := decodeWith(simplifiedchinese.GBK, b)
	if !hasHan(s) {
		return "", false
	}
	return s, true
}

func decodeWith(enc encoding.Encoding, b []byte) string {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return ""
	}
	return string(out)
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = be.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func contentLang(s string) int {
	if hasHan(s) {
		return langChinese
	}
	for _, r := range s {
		if r >= 0x80 {
			return langOther
		}
	}
	return langEnglish
}

func tagLang(tag string) int {
	t := strings.ToLower(tag)
	switch {
	case t == "en" || strings.HasPrefix(t, "en-"):
		return langEnglish
	case t == "zh" || strings.HasPrefix(t, "zh-"):
		return langChinese
	}
	return langOther
}
