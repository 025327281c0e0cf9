package manuscript

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"jianbao/internal/diag"
)

// MaxTextBytes bounds a plain-text manuscript.
const MaxTextBytes = 10 << 20

// Decode reads a plain-text manuscript's bytes as UTF-8 (with or without
// a BOM), UTF-16 with a BOM, or GB18030/GBK (when the bytes are not UTF-8
// and decode cleanly as GB18030). It returns the text with line ends made
// "\n", and a note naming the encoding when it was not UTF-8.
func Decode(file string, data []byte) (string, diag.List, diag.List) {
	var notes, errs diag.List
	whole := diag.Pos{File: file}
	if len(data) > MaxTextBytes {
		errs.Add(whole, fmt.Sprintf("文件过大（%d 字节，上限 %d）", len(data), MaxTextBytes), "请拆分为多篇文章")
		return "", nil, errs
	}
	var s string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		s = string(data[3:])
		if !utf8.ValidString(s) {
			errs.Add(whole, "文件以 UTF-8 标记开头，内容却不是有效的 UTF-8", "请用记事本“另存为”UTF-8 编码")
			return "", nil, errs
		}
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		if len(data)%2 != 0 {
			errs.Add(whole, "UTF-16 文件的字节数不是偶数，文件不完整", "请重新保存这个文件")
			return "", nil, errs
		}
		be := data[0] == 0xFE
		u := make([]uint16, 0, len(data)/2-1)
		for i := 2; i+1 < len(data); i += 2 {
			if be {
				u = append(u, uint16(data[i])<<8|uint16(data[i+1]))
			} else {
				u = append(u, uint16(data[i+1])<<8|uint16(data[i]))
			}
		}
		rs := utf16.Decode(u)
		for _, r := range rs {
			if r == utf8.RuneError {
				errs.Add(whole, "UTF-16 文件中有无效的字符", "请用记事本“另存为”UTF-8 编码")
				return "", nil, errs
			}
		}
		s = string(rs)
		notes.Add(whole, "按 UTF-16 编码读取", "")
	case utf8.Valid(data):
		s = string(data)
	default:
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || !utf8.Valid(dec) || bytes.ContainsRune(dec, utf8.RuneError) {
			errs.Add(whole, "文件既不是 UTF-8 也不是 GB18030/GBK 编码", "请用记事本“另存为”UTF-8 编码")
			return "", nil, errs
		}
		s = string(dec)
		notes.Add(whole, "按 GB18030（GBK）编码读取", "")
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	for i, line := range strings.Split(s, "\n") {
		for j, r := range line {
			if r == 0 || (r < 0x20 && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				errs.Add(diag.Pos{File: file, Line: i + 1, Col: utf8.RuneCountInString(line[:j]) + 1},
					fmt.Sprintf("有不可见的控制字符 U+%04X", r), "请删除该字符（常见于从其他软件粘贴的文字）")
				return "", nil, errs
			}
		}
	}
	return s, notes, errs
}

// ReadText splits plain text into paragraphs: the first non-empty line is
// the title; a new paragraph starts at a blank line, at a line that opens
// with typed indentation or an official numbering pattern, after a line
// that is an unmarked heading, and at each line of a 落款 at the end.
// Other line breaks are joined: nothing between Chinese characters, one
// space between Latin words.
func ReadText(file string, s string) []Para {
	lines := strings.Split(s, "\n")
	closing := ClosingLines(lines)
	var paras []Para
	var cur *Para
	var prevRune rune
	prevHeading := false
	titleDone := false
	for i, raw := range lines {
		line := strings.TrimRight(raw, " \t\u3000\u00a0")
		if strings.TrimSpace(strings.ReplaceAll(line, "\u3000", " ")) == "" {
			cur = nil
			continue
		}
		ind := TypedIndent(line)
		body := line[ind:]
		col := utf8.RuneCountInString(line[:ind]) + 1
		pos := diag.Pos{File: file, Line: i + 1, Col: col}
		newPara := cur == nil || ind > 0 || Numbering(body) != 0 || prevHeading || !titleDone ||
			(closing >= 0 && i >= closing)
		if newPara {
			paras = append(paras, Para{Pos: diag.Pos{File: file, Line: i + 1, Col: 1}})
			cur = &paras[len(paras)-1]
			if len(paras) > 1 {
				titleDone = true
			}
			cur.Runs = append(cur.Runs, Run{Text: line, Pos: diag.Pos{File: file, Line: i + 1, Col: 1}})
		} else {
			first, _ := utf8.DecodeRuneInString(body)
			if JoinWithSpace(prevRune, first) {
				cur.Runs = append(cur.Runs, Run{Text: " ", Pos: diag.Pos{File: file, Line: i + 1, Col: col - 1}})
			}
			cur.Runs = append(cur.Runs, Run{Text: body, Pos: pos})
		}
		prevRune, _ = utf8.DecodeLastRuneInString(body)
		prevHeading = HeadingLine(body) > 0
		if len(paras) == 1 {
			titleDone = true // the title is one line
			cur = nil
		}
	}
	return paras
}
