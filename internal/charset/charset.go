// Package charset enumerates the national character sets by which fonts
// are measured: GB 2312 hanzi, GBK, and GB 18030-2022 implementation
// level 1 as far as ideographs go. Each is decoded from its code space
// with x/text's decoders, so nothing is typed by hand.
package charset

import "golang.org/x/text/encoding/simplifiedchinese"

// GBK lists every character of GBK (two-byte codes decoded with the
// GBK decoder), hanzi and symbols.
func GBK() []rune {
	dec := simplifiedchinese.GBK.NewDecoder()
	seen := map[rune]bool{}
	var out []rune
	for b1 := 0x81; b1 <= 0xFE; b1++ {
		for b2 := 0x40; b2 <= 0xFE; b2++ {
			if b2 == 0x7F {
				continue
			}
			s, err := dec.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				if r != 0xFFFD && r >= 0x80 && (r < 0xE000 || r > 0xF8FF) && !seen[r] {
					seen[r] = true
					out = append(out, r)
				}
			}
		}
	}
	return out
}

// GB18030Level1 is the repertoire of GB 18030-2022 implementation level 1
// as far as ideographs go: GBK, all of CJK Ext A and the URO to U+9FEF.
func GB18030Level1() []rune {
	seen := map[rune]bool{}
	out := GBK()
	for _, r := range out {
		seen[r] = true
	}
	for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FEF}} {
		for r := rg[0]; r <= rg[1]; r++ {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// GB2312Hanzi lists the 6,763 GB 2312 hanzi, decoded from the GB 2312 code
// space (rows 16–87) with the GBK decoder.
func GB2312Hanzi() []rune {
	dec := simplifiedchinese.GBK.NewDecoder()
	var out []rune
	for b1 := 0xB0; b1 <= 0xF7; b1++ {
		for b2 := 0xA1; b2 <= 0xFE; b2++ {
			s, err := dec.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			for _, r := range string(s) {
				if r != 0xFFFD && r >= 0x4E00 {
					out = append(out, r)
				}
			}
		}
	}
	return out
}
