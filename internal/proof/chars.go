package proof

import (
	"strings"
	"unicode"
)

// class is the kind of a character as far as context is concerned.
type class uint8

const (
	cBound class = iota // start or end of the text
	cNL                 // a source line end, "\n" or "\r"
	cSpace              // a typed space
	cHan                // Han (and kana)
	cFull               // full-width (Chinese) punctuation
	cWord               // a letter or digit that is not Han
	cPunct              // anything else: ASCII punctuation, symbols
)

// chinese reports whether c makes its neighbour Chinese context.
func chinese(c class) bool { return c == cHan || c == cFull }

// edge reports whether c is a boundary: text start or end, or a line end.
func edge(c class) bool { return c == cBound || c == cNL }

func isTypedSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u00a0', '\u3000', '\u202f', '\u205f':
		return true
	}
	return r >= '\u2000' && r <= '\u200a'
}

func isHan(r rune) bool {
	if r < 0x2e80 {
		return false
	}
	if r >= 0x4e00 && r <= 0x9fff {
		return true // the common block, before the table look-up
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r)
}

// isQuote reports the quotation marks that are looked through when
// deciding context.
func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’':
		return true
	}
	return false
}

// isFullPunct reports full-width (Chinese) punctuation and the marks that
// only occur in Chinese text.
func isFullPunct(r rune) bool {
	switch {
	case r >= 0x3001 && r <= 0x3003, r >= 0x3008 && r <= 0x3011,
		r >= 0x3014 && r <= 0x301f, r >= 0xff01 && r <= 0xff0f,
		r >= 0xff1a && r <= 0xff20, r >= 0xff3b && r <= 0xff40,
		r >= 0xff5b && r <= 0xff65, r >= 0xfe10 && r <= 0xfe19,
		r >= 0xfe30 && r <= 0xfe4f:
		return true
	case r >= 0x2460 && r <= 0x24ff, r >= 0x2776 && r <= 0x2793,
		r >= 0x3251 && r <= 0x325f, r >= 0x3280 && r <= 0x32bf:
		return true // circled numbers used as enumerators
	}
	switch r {
	case '“', '”', '‘', '’':
		return true
	}
	return false
}

// isAmbiguous reports the marks that Western typography uses too: only a
// run of two ("——", "……") is Chinese for sure.
func isAmbiguous(r rune) bool {
	switch r {
	case '—', '―', '─', '…', '⋯', '·', '・', '•', '‧', '⋅':
		return true
	}
	return false
}

func isWord(r rune) bool {
	return (unicode.IsLetter(r) || unicode.IsDigit(r)) && !isHan(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isASCIILetter(r rune) bool { return r|0x20 >= 'a' && r|0x20 <= 'z' }

func isASCIIAlnum(r rune) bool { return isDigit(r) || isASCIILetter(r) }

// isNumSuffix reports the signs that end a number: 5%, 3‰, 20℃.
func isNumSuffix(r rune) bool {
	switch r {
	case '%', '‰', '℃', '℉', '°', '′', '″', '％':
		return true
	}
	return false
}

func classOf(r rune) class {
	switch {
	case r == '\n' || r == '\r':
		return cNL
	case isTypedSpace(r):
		return cSpace
	case isHan(r):
		return cHan
	case isFullPunct(r):
		return cFull
	case isWord(r):
		return cWord
	}
	return cPunct
}

// cls is the class of position i in the current view (with the repairs
// decided so far); positions outside the text are boundaries.
func (c *checker) cls(i int) class {
	if i < 0 || i >= len(c.rs) {
		return cBound
	}
	if r := c.virt[i]; isAmbiguous(r) {
		if c.full[i] || c.twin[i] && !isMidDot(r) {
			return cFull
		}
		return cPunct
	}
	return classOf(c.virt[i])
}

// look returns the nearest position from i in direction d (±1) that is not
// a quotation mark, and its class. With through set it also passes typed
// spaces (but never a line end).
func (c *checker) look(i, d int, through bool) (int, class) {
	j := i + d
	if j >= 0 && j < len(c.rs) {
		k := 0
		if d > 0 {
			k = 2
		}
		if through {
			k++
		}
		j = int(c.skip[k][j])
	}
	return j, c.cls(j)
}

// buildSkips fills the tables look uses: for each position and direction,
// the first position from it that is not a quotation mark (and not a
// typed space).
func (c *checker) buildSkips() {
	n := len(c.rs)
	passQ := func(j int) bool { return isQuote(c.rs[j]) && !c.prot[j] }
	passS := func(j int) bool { return passQ(j) || isTypedSpace(c.rs[j]) }
	for j := 0; j < n; j++ { // looking left
		c.skip[0][j], c.skip[1][j] = int32(j), int32(j)
		if passQ(j) {
			c.skip[0][j] = int32(j - 1)
			if j > 0 {
				c.skip[0][j] = c.skip[0][j-1]
			}
		}
		if passS(j) {
			c.skip[1][j] = int32(j - 1)
			if j > 0 {
				c.skip[1][j] = c.skip[1][j-1]
			}
		}
	}
	for j := n - 1; j >= 0; j-- { // looking right
		c.skip[2][j], c.skip[3][j] = int32(j), int32(j)
		if passQ(j) {
			c.skip[2][j] = int32(j + 1)
			if j+1 < n {
				c.skip[2][j] = c.skip[2][j+1]
			}
		}
		if passS(j) {
			c.skip[3][j] = int32(j + 1)
			if j+1 < n {
				c.skip[3][j] = c.skip[3][j+1]
			}
		}
	}
	for j, r := range c.rs {
		c.twin[j] = isAmbiguous(r) && (j > 0 && c.rs[j-1] == r || j+1 < n && c.rs[j+1] == r)
		c.hans[j+1] = c.hans[j]
		if isHan(r) {
			c.hans[j+1]++
		}
	}
}

// hanChunk counts the Han characters in the run from i in direction d;
// typed spaces between two Han characters do not end the run.
func (c *checker) hanChunk(i, d int) int {
	n := 0
	for j := i; j >= 0 && j < len(c.rs); j += d {
		if isHan(c.rs[j]) {
			n++
			continue
		}
		if isTypedSpace(c.rs[j]) {
			k := j
			for k >= 0 && k < len(c.rs) && isTypedSpace(c.rs[k]) {
				k += d
			}
			if k >= 0 && k < len(c.rs) && isHan(c.rs[k]) {
				j = k - d
				continue
			}
		}
		break
	}
	return n
}

// hasHan reports whether positions [a,b) hold a Han character.
func (c *checker) hasHan(a, b int) bool {
	a, b = max(a, 0), min(b, len(c.rs))
	return a < b && c.hans[b] > c.hans[a]
}

// protect marks the spans that are not prose: URLs, e-mail addresses and
// HTML entities. Marks inside them are never changed.
func (c *checker) protect() {
	rs := c.rs
	n := len(rs)
	for i := 0; i < n; i++ {
		switch {
		case rs[i] == ':' && i+2 < n && rs[i+1] == '/' && rs[i+2] == '/':
			s := i
			for s > 0 && (isASCIIAlnum(rs[s-1]) || rs[s-1] == '+' || rs[s-1] == '.' || rs[s-1] == '-') {
				s--
			}
			if s < i {
				i = c.protectURL(s, i+3) - 1
			}
		case (rs[i] == 'w' || rs[i] == 'W') && i+3 < n && (i == 0 || !c.inHost(i-1)) &&
			strings.EqualFold(string(rs[i:i+4]), "www."):
			i = c.protectURL(i, i+4) - 1
		case rs[i] == '@':
			c.protectEmail(i)
		}
	}
	for i := 0; i < n; i++ {
		if rs[i] == '&' {
			c.protectEntity(i)
		}
	}
}

// inHost reports whether position i (before "www.") is inside a host
// name or path; punctuation that the rules may change is not.
func (c *checker) inHost(i int) bool {
	r := c.rs[i]
	if r == '.' {
		return i > 0 && isASCIIAlnum(c.rs[i-1])
	}
	return isASCIIAlnum(r) || strings.ContainsRune("/-_@", r)
}

func isURLChar(r rune) bool {
	return r > ' ' && r < 0x7f && !strings.ContainsRune("\"'<>\\^`{|}", r)
}

// protectURL marks a URL that starts at s and whose body goes on from j;
// it returns the end. Trailing sentence punctuation is not part of it.
func (c *checker) protectURL(s, j int) int {
	rs := c.rs
	for j < len(rs) && isURLChar(rs[j]) {
		j++
	}
	open := 0 // unclosed "(" minus unopened ")"
	for _, r := range rs[s:j] {
		switch r {
		case '(':
			open++
		case ')':
			open--
		}
	}
	for j > s {
		r := rs[j-1]
		if strings.ContainsRune(".,;:!?", r) || r == ')' && open < 0 {
			if r == ')' {
				open++
			}
			j--
			continue
		}
		break
	}
	for k := s; k < j; k++ {
		c.prot[k] = true
	}
	return max(j, s+1)
}

func isMailChar(r rune) bool {
	return isASCIIAlnum(r) || strings.ContainsRune("._%+-", r)
}

func (c *checker) protectEmail(at int) {
	rs := c.rs
	s := at
	for s > 0 && isMailChar(rs[s-1]) {
		s--
	}
	e := at + 1
	dot := false
	for e < len(rs) && (isASCIIAlnum(rs[e]) || rs[e] == '.' || rs[e] == '-') {
		if rs[e] == '.' && e+1 < len(rs) && isASCIIAlnum(rs[e+1]) {
			dot = true
		}
		e++
	}
	for e > at+1 && (rs[e-1] == '.' || rs[e-1] == '-') {
		e--
	}
	for s < at && rs[s] == '.' {
		s++
	}
	if s == at || !dot {
		return
	}
	for k := s; k < e; k++ {
		c.prot[k] = true
	}
}

// protectEntity marks &name; &#123; &#x1F; entities.
func (c *checker) protectEntity(amp int) {
	rs := c.rs
	j := amp + 1
	if j < len(rs) && rs[j] == '#' {
		j++
		if j < len(rs) && rs[j]|0x20 == 'x' {
			j++
		}
	}
	k := j
	for k < len(rs) && k-j < 10 && isASCIIAlnum(rs[k]) {
		k++
	}
	if k == j || k >= len(rs) || rs[k] != ';' {
		return
	}
	for i := amp; i <= k; i++ {
		c.prot[i] = true
	}
}

// fileExts are the extensions after which a "." belongs to a file name,
// even when the name itself is Chinese: 工作方案.docx.
var fileExts = map[string]bool{
	"pdf": true, "doc": true, "docx": true, "xls": true, "xlsx": true,
	"ppt": true, "pptx": true, "txt": true, "wps": true, "et": true,
	"ofd": true, "csv": true, "zip": true, "rar": true, "7z": true,
	"jpg": true, "jpeg": true, "png": true, "gif": true, "bmp": true,
	"tif": true, "tiff": true, "mp3": true, "mp4": true, "avi": true,
	"htm": true, "html": true, "xml": true, "json": true, "md": true,
	"rtf": true, "odt": true, "ceb": true, "caj": true, "dwg": true,
}

// wordAt returns the ASCII word (letters and digits) starting at i.
func (c *checker) wordAt(i int) string {
	j := i
	for j < len(c.rs) && isASCIIAlnum(c.rs[j]) {
		j++
	}
	return string(c.rs[i:j])
}

// abbrevs keep their final dot (from zhlint's skipAbbrs, and a few more).
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "jr": true, "sr": true,
	"st": true, "vs": true, "etc": true, "i.e": true, "e.g": true,
	"a.k.a": true, "inc": true, "ltd": true, "co": true, "corp": true,
	"no": true, "nos": true, "fig": true, "figs": true, "vol": true,
	"al": true, "approx": true, "dept": true, "est": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "p": true, "pp": true, "ed": true, "eds": true,
	"prof": true, "gov": true, "govt": true, "art": true, "sec": true,
}
