package manuscript

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the text rules.
const (
	// MaxHeadingRunes is the longest line taken for an unmarked heading.
	MaxHeadingRunes = 40
	// MaxClosingRunes is the longest line taken for a 落款 unit line.
	MaxClosingRunes = 30
	// MaxClosingUnits is how many unit lines may stand above the date.
	MaxClosingUnits = 3
)

const cnDigits = "一二三四五六七八九十"

var (
	level1Re = regexp.MustCompile(`^[` + cnDigits + `百零〇]+、`)
	level2Re = regexp.MustCompile(`^[（(][` + cnDigits + `百零〇]+[）)]`)
	level3Re = regexp.MustCompile(`^[0-9０-９]{1,3}[.．、](?:[^0-9０-９]|$)`)
	level4Re = regexp.MustCompile(`^[（(][0-9０-９]{1,3}[）)]`)
	dateRe   = regexp.MustCompile(`^([0-9]{4})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[-./]([0-9]{1,2})[-./]([0-9]{1,2}))$`)
	cnDateRe = regexp.MustCompile(`^[〇零一二三四五六七八九○Ｏ]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日$`)
)

// Numbering tells the official numbering level that opens s: 1 for 一、,
// 2 for （一）, 3 for 1. (or 1． 1、), 4 for （1）; 0 for none.
func Numbering(s string) int {
	switch {
	case level1Re.MatchString(s):
		return 1
	case level2Re.MatchString(s):
		return 2
	case level4Re.MatchString(s):
		return 4
	case level3Re.MatchString(s):
		return 3
	}
	return 0
}

// sentenceEnd reports whether s holds a mark that ends a sentence.
func sentenceEnd(s string) bool {
	return strings.ContainsAny(s, "。！？；!?;")
}

// HeadingLine says whether a line on its own is an unmarked heading: it
// opens with an official numbering pattern, is short, and has no mark that
// ends a sentence. It returns the numbering level, or 0.
func HeadingLine(s string) int {
	s = strings.TrimSpace(s)
	n := Numbering(s)
	if n == 0 || utf8.RuneCountInString(s) > MaxHeadingRunes || sentenceEnd(s) {
		return 0
	}
	// the numbering alone, or a number in a sentence, is not a heading
	rest := s
	switch n {
	case 1:
		rest = s[level1Re.FindStringIndex(s)[1]:]
	case 2:
		rest = s[level2Re.FindStringIndex(s)[1]:]
	case 4:
		rest = s[level4Re.FindStringIndex(s)[1]:]
	case 3:
		i := strings.IndexAny(s, ".．、")
		rest = s[i+len(string([]rune(s[i:])[0])):]
	}
	if strings.TrimSpace(rest) == "" {
		return 0
	}
	return n
}

// DateLine says whether s is a date on its own (2026年2月20日,
// 2026-02-20, 2026.2.20, 2026/2/20, 二〇二六年二月二十日) and returns it in
// the printed form, 2026年2月20日.
func DateLine(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if cnDateRe.MatchString(s) {
		return s, true
	}
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	mo, d := m[2], m[3]
	if mo == "" {
		mo, d = m[4], m[5]
	}
	mi, _ := strconv.Atoi(mo)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > 31 {
		return "", false
	}
	return fmt.Sprintf("%s年%d月%d日", m[1], mi, di), true
}

// UnitLine says whether s can be a 落款 unit line: short, with no mark
// that ends or divides a sentence, and not a heading.
func UnitLine(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > MaxClosingRunes || sentenceEnd(s) || strings.ContainsAny(s, "，,：:") {
		return false
	}
	if Numbering(s) != 0 || strings.HasPrefix(s, "#") || strings.HasPrefix(s, ">") || strings.HasPrefix(s, "!") || strings.HasPrefix(s, "*") {
		return false
	}
	han := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	return han >= 2
}

// ClosingLines finds the 落款 at the end of a list of lines (the last
// non-empty ones): a date line, with up to MaxClosingUnits unit lines
// above it. It returns the index of the first closing line, or -1. The
// line before the 落款 must end a sentence or be empty, so a unit line is
// never taken from the middle of a paragraph.
func ClosingLines(lines []string) int {
	last := len(lines) - 1
	for last >= 0 && strings.TrimSpace(lines[last]) == "" {
		last--
	}
	if last < 0 {
		return -1
	}
	if _, ok := DateLine(lines[last]); !ok {
		return -1
	}
	first := last
	for k := 0; k < MaxClosingUnits && first > 0 && UnitLine(lines[first-1]); k++ {
		first--
	}
	for first < last {
		if first == 0 {
			first++ // the first line is the title
			continue
		}
		prev := strings.TrimRight(lines[first-1], " \t\u3000\u00a0")
		if prev == "" || endsSentence(prev) {
			break
		}
		first++ // the line above runs on into this one: it is text
	}
	if first == 0 {
		return -1
	}
	return first
}

// endsSentence reports whether a line ends a sentence or a paragraph.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？；：”’）」』!?.;:)", r)
}

// TypedIndent returns the length in bytes of the typed indentation that
// opens s: ideographic spaces, two or more ASCII spaces, tabs, no-break
// spaces. A single ASCII space is not indentation.
func TypedIndent(s string) int {
	n := len(s) - len(strings.TrimLeft(s, " \t\u3000\u00a0"))
	if n == 1 && s[0] == ' ' {
		return 0
	}
	return n
}

// JoinWithSpace says whether a soft line break between a and b becomes a
// space: only between two Latin letters or digits (words), never next to
// a Chinese character or punctuation.
func JoinWithSpace(a, b rune) bool {
	latin := func(r rune) bool {
		return r < 0x2000 && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(",.;:!?)%", r))
	}
	return latin(a) && (b < 0x2000 && (unicode.IsLetter(b) || unicode.IsDigit(b) || strings.ContainsRune("(", b)))
}

// ClosingParas is ClosingLines for the paragraphs of an article's body
// (after the title and subtitles): the index of the 落款's first
// paragraph, or -1.
func ClosingParas(texts []string) int {
	c := ClosingLines(append([]string{"标题"}, texts...))
	if c < 1 {
		return -1
	}
	return c - 1
}

// PhraseEnd reports whether s ends with a mark that closes a run-in
// heading's phrase: “（一）加强组织领导。”.
func PhraseEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return strings.ContainsRune("。：:.．！？；", r)
}
