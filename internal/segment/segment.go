// Package segment finds word and phrase boundaries in Chinese text, so that
// titles, captions and headings break between words ("交通委 / 开展", not
// "交通 / 委开展"). Body text does not use it: it stays on the grid.
//
// It is a small dictionary segmenter: the most probable split into words of
// an embedded word list (derived from jieba's dictionary, MIT licence; see
// README.md beside this file), found by dynamic programming over the word
// lattice, then rated with a few rules of Chinese title practice (a unit's
// suffix stays with its name, a verb stays with its object).
package segment

import (
	"bytes"
	_ "embed"
	"math"
	"strconv"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Break qualities, one per position (before text[i]); the same scale as
// linebreak.Params.Words.
const (
	Inside = 0 // inside a word or a name: never a good break
	Weak   = 1 // between words of one name or a verb and its object
	Word   = 2 // between words
	Phrase = 3 // between phrases: before a verb after its subject, around a preposition or conjunction
)

//go:embed words.txt
var wordsTxt []byte

// dict is the embedded list: a first line with the total frequency, then
// "word frequency tag" lines sorted by the word's bytes. Looking a word up
// is a binary search over the line starts, so loading costs one pass to
// find them.
type dict struct {
	data   []byte
	lines  []int32 // start of each word line
	logTot float64
	minLog float32 // for a character not in the list
	maxLen int     // longest word, in runes
}

var (
	loadOnce sync.Once
	loaded   *dict
)

func get() *dict {
	loadOnce.Do(func() { loaded = load(wordsTxt) })
	return loaded
}

// load indexes the list. A damaged list (it is embedded, so only a broken
// build could do that) gives an empty dictionary: every Han character is
// then its own word.
func load(data []byte) *dict {
	d := &dict{data: data, maxLen: 6}
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return d
	}
	tot, err := strconv.ParseFloat(string(data[:nl]), 64)
	if err != nil || tot <= 0 {
		return d
	}
	d.logTot = math.Log(tot)
	d.minLog = float32(-d.logTot - 3)
	d.lines = make([]int32, 0, bytes.Count(data, []byte{'\n'}))
	for i := nl + 1; i < len(data); {
		d.lines = append(d.lines, int32(i))
		k := bytes.IndexByte(data[i:], '\n')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return d
}

// lookup finds w: its log probability and part of speech.
func (d *dict) lookup(w []byte) (logp float32, tag string, ok bool) {
	word := func(k int) []byte {
		s := d.data[d.lines[k]:]
		if e := bytes.IndexByte(s, ' '); e >= 0 {
			return s[:e]
		}
		return s
	}
	lo, hi := 0, len(d.lines)
	for lo < hi {
		m := (lo + hi) / 2
		if bytes.Compare(word(m), w) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == len(d.lines) || !bytes.Equal(word(lo), w) {
		return 0, "", false
	}
	line := d.data[d.lines[lo]:]
	if e := bytes.IndexByte(line, '\n'); e >= 0 {
		line = line[:e]
	}
	f := bytes.Fields(line)
	if len(f) != 3 {
		return 0, "", false
	}
	n, err := strconv.ParseFloat(string(f[1]), 64)
	if err != nil || n <= 0 {
		return 0, "", false
	}
	return float32(math.Log(n) - d.logTot), string(f[2]), true
}

// Token is one word of a segmentation: text[Start:End], with its part of
// speech ("" when unknown; "x" for Latin, digits and punctuation).
type Token struct {
	Start, End int
	Tag        string
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// Segment splits text into words: runs of Han characters by the most
// probable path through the dictionary, runs of Latin letters and digits
// whole, every other character alone.
func Segment(text []rune) []Token {
	d := get()
	var out []Token
	for i := 0; i < len(text); {
		r := text[i]
		switch {
		case isHan(r):
			j := i
			for j < len(text) && isHan(text[j]) {
				j++
			}
			out = d.han(text, i, j, out)
			i = j
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			j := i
			for j < len(text) && text[j] < 0x80 && (unicode.IsLetter(text[j]) || unicode.IsDigit(text[j]) || text[j] == '.' || text[j] == '%') {
				j++
			}
			out = append(out, Token{i, j, "x"})
			i = j
		default:
			out = append(out, Token{i, i + 1, "x"})
			i++
		}
	}
	return out
}

// han segments the Han run text[s:e]: route[i] is the best log
// probability of text[i:e] and next[i] the end of its first word.
func (d *dict) han(text []rune, s, e int, out []Token) []Token {
	n := e - s
	route := make([]float32, n+1)
	next := make([]int, n+1)
	tags := make([]string, n+1)
	var buf []byte
	for i := n - 1; i >= 0; i-- {
		route[i] = d.minLog + route[i+1]
		next[i], tags[i] = i+1, ""
		buf = buf[:0]
		for k := 1; k <= d.maxLen && i+k <= n; k++ {
			buf = utf8.AppendRune(buf, text[s+i+k-1])
			lp, tag, ok := d.lookup(buf)
			if !ok {
				continue
			}
			if v := lp + route[i+k]; k == 1 || v > route[i] {
				route[i], next[i], tags[i] = v, i+k, tag
			}
		}
	}
	for i := 0; i < n; i = next[i] {
		out = append(out, Token{s + i, s + next[i], tags[i]})
	}
	return out
}
