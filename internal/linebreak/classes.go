package linebreak

import "unicode"

// Character classes for Chinese line composition (clreq, GB/T 15834-2011).
type class uint8

const (
	clsHan       class = iota // ideographs, kana, full-width letters: one em, breakable around
	clsLatin                  // Latin letters, digits and ASCII symbols: proportional, in the Latin face
	clsOpen                   // opening brackets and quotes: blank on the left half
	clsClose                  // closing brackets and quotes: blank on the right half
	clsStop                   // 。，、；：？！: ink on the left, blank on the right half
	clsMiddle                 // · ・: ink in the middle, a quarter em blank on each side
	clsDash                   // — …: parts of the inseparable —— and ……
	clsIdeoSpace              // U+3000
	clsOther                  // anything else full-width (symbols)
)

// noStart: characters that may not begin a line (clreq "GB-style" level,
// union of clreq basic and the zh-CN kinsoku list of ECMA-376).
const noStart = "，。、；：？！‰％℃°′″）」』】〕〗〉》”’～·・／］｝〃々〞︶︺︾﹀﹄﹚﹜﹞!%),.:;?]}¢‐–〜"

// noEnd: characters that may not end a line; ／ is included at GB-style level.
const noEnd = "（「『【〔〖〈《“‘〝﹙﹛﹝［｛＄￥£¥$([{／"

var noStartSet, noEndSet = runeSet(noStart), runeSet(noEnd)

func runeSet(s string) map[rune]bool {
	m := map[rune]bool{}
	for _, r := range s {
		m[r] = true
	}
	return m
}

// NoStart reports whether r may not begin a line.
func NoStart(r rune) bool { return noStartSet[r] }

// NoEnd reports whether r may not end a line.
func NoEnd(r rune) bool { return noEndSet[r] }

// NoStartChars and NoEndChars list the sets, for tests and documentation.
func NoStartChars() string { return noStart }

// NoEndChars lists the characters that may not end a line.
func NoEndChars() string { return noEnd }

// IsLatin reports whether r is set in the Latin face: ASCII graphic
// characters and Latin-1/Latin Extended letters, but not the punctuation
// that Chinese text sets full-width (“”‘’·—…).
func IsLatin(r rune) bool {
	switch {
	case r >= 0x21 && r <= 0x7E:
		return true
	case r == 0xB7 || r == 0xD7 || r == 0xF7: // · × ÷ are CJK-context symbols
		return false
	case r >= 0xA1 && r <= 0x24F:
		return true
	case r >= 0x370 && r <= 0x3FF && unicode.IsLetter(r): // Greek letters in formulas
		return false
	}
	return false
}

func classify(r rune) class {
	switch r {
	case '（', '「', '『', '【', '〔', '〖', '〈', '《', '“', '‘', '〝', '﹙', '﹛', '﹝', '［', '｛':
		return clsOpen
	case '）', '」', '』', '】', '〕', '〗', '〉', '》', '”', '’', '〞', '﹚', '﹜', '﹞', '］', '｝':
		return clsClose
	case '。', '，', '、', '；', '：', '？', '！', '．':
		return clsStop
	case '·', '・':
		return clsMiddle
	case '—', '…', '⸺', '⋯', '―':
		return clsDash
	case '\u3000':
		return clsIdeoSpace
	}
	if IsLatin(r) {
		return clsLatin
	}
	if unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || (r >= 0xFF01 && r <= 0xFF5E) || r == '〇' {
		return clsHan
	}
	return clsOther
}

// isCJK reports whether a class is set full-width on the grid.
func (c class) isCJK() bool { return c != clsLatin }

// IsHan reports whether r counts as a Han character for the lone-character rule.
func IsHan(r rune) bool { return classify(r) == clsHan }
