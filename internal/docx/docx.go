// Package docx reads Word 2007+ documents (.docx, as written by Word, WPS,
// LibreOffice and pandoc) into neutral paragraphs with their producer's
// hints: alignment, outline level, Title style, bold, font and size.
//
// Only the paragraphs of the main document body are read, in document
// order; headers, footers and w:sectPr are not. Paragraphs without a
// visible character (empty or only spaces) are dropped. Typed indentation
// stays in the text.
//
// Automatic numbering is rendered as text at the start of the paragraph
// ("一、", "（一）", "1.", counters per w:numId and level), with nothing
// after it (the tab Word puts after a label is layout); list bullets are
// dropped with one note. Soft line breaks are joined: nothing between
// Chinese characters, one space between Latin words
// (manuscript.JoinWithSpace). Tracked changes are accepted (one note); a
// deleted paragraph mark joins the paragraph to the next. Only the result
// of fields is read, and only the first mc:Choice of mc:AlternateContent.
// Pictures (JPEG, PNG) become paragraphs of their own where they stand.
// What is not printed — comments, footnotes, endnotes, text boxes, linked
// pictures, symbol-font characters, hidden text — is reported as a note;
// charts, SmartArt, equations, embedded objects and pictures in other
// formats are errors.
//
// A table (w:tbl) becomes a paragraph holding it (manuscript.Para.Table),
// each w:tr a row and each w:tc a cell, also inside content controls and
// custom XML; rows deleted as tracked changes are left out. A cell's
// paragraphs are read as body paragraphs are (fields, hyperlinks, tracked
// changes, soft breaks, numbering), each trimmed of typed indentation and
// surrounding blanks, and joined with nothing between them but a space
// between Latin words; a run keeps only its weight (adjacent runs of one
// paragraph with the same weight are merged). w:gridSpan is the cell's
// Span and w:gridBefore an empty cell; a legacy w:hMerge continuation
// widens the cell on its left. A w:vMerge continuation under a cell of the
// same columns is Merged, without text (Word shows only the first cell's;
// text in a covered cell is noted). The header rows are those marked
// w:tblHeader at the top; when none is, the bold rows at the top (only the
// first when every row of a table of several rows is bold), and at least
// the first row of a table of several rows (office tables nearly always
// have one); rows holding cells merged down from the header join it,
// unless that takes in the whole table. A column's alignment is the w:jc
// its body cells agree on (a cell of that one column with text, whose
// paragraphs agree; header rows vote only in a table of header rows
// alone): center 'c', right or end 'r', left, start or both 'l'; a
// paragraph without w:jc in its style chain is a vote for 0, the default,
// so does not agree with an explicit left. A table without text is dropped
// with a note. A table inside a cell, a picture in a cell and a table of
// more than MaxTableColumns columns or MaxTableRows rows are errors.
//
// Positions: Line is the number of the paragraph, counting every w:p
// element of w:body by its start tag in document order — empty
// paragraphs, paragraphs inside tables, text boxes and deleted text all
// count, and a text box's paragraphs come right after the paragraph that
// holds it; of an mc:AlternateContent only the branch that is read (the
// first mc:Choice) counts. Col is the 1-based character (rune) index in
// the text of the whole source paragraph as read, numbering label
// included, so the parts of a paragraph split around a picture keep the
// columns of the original paragraph. A Para's own Pos has Col 1; a
// table's is its first paragraph's, and each cell's Pos (Col 1) is its
// first paragraph's while its runs keep the positions of the paragraphs
// they come from. Errors about the file as a whole have no line.
package docx

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf16"

	"jianbao/internal/diag"
	"jianbao/internal/manuscript"
)

var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

const odtMime = "application/vnd.oasis.opendocument.text"

// Sniff tells what kind of file data is: "docx" (a Word package), "ole"
// (a legacy .doc or .wps, or an encrypted Office file), "odt", "rtf", "zip"
// (any other zip, including damaged ones) or "" (none of these).
func Sniff(data []byte) string {
	switch {
	case bytes.HasPrefix(data, oleMagic):
		return "ole"
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "rtf"
	case !bytes.HasPrefix(data, []byte("PK")):
		return ""
	}
	p, err := openPackage(data)
	if err != nil {
		return "zip"
	}
	if p.mimetype() == odtMime {
		return "odt"
	}
	main, err := p.mainPart()
	if err != nil || main == "" {
		return "zip"
	}
	if name, ok := p.rootElement(main); ok && name.Local == "document" && isW(name.Space) {
		return "docx"
	}
	return "zip"
}

// Read reads a .docx. file names it in positions and messages.
func Read(file string, data []byte) (paras []manuscript.Para, notes diag.List, errs diag.List) {
	fail := func(msg, hint string) {
		errs.Add(diag.Pos{File: file}, msg, hint)
	}
	if msg, hint := notDocx(data); msg != "" {
		fail(msg, hint)
		return nil, nil, errs
	}
	p, err := openPackage(data)
	if err != nil {
		fail(pkgMessage(err))
		return nil, nil, errs
	}
	if m := p.mimetype(); strings.HasPrefix(m, "application/vnd.oasis.opendocument.") {
		if m == odtMime {
			fail("是 .odt (OpenDocument) 文件，不是 .docx", hintSaveAs)
		} else {
			fail("是 OpenDocument 文件，不是 Word 文档", hintSaveAs)
		}
		return nil, nil, errs
	}
	w, err := load(file, p)
	if err != nil {
		fail(pkgMessage(err))
		return nil, nil, errs
	}
	w.walkBlocks(w.body)
	w.finish()
	w.notes.Sort()
	w.errs.Sort()
	return w.paras, w.notes, w.errs
}

func pkgMessage(err error) (string, string) {
	var pe *pkgError
	if errors.As(err, &pe) {
		return pe.msg, pe.hint
	}
	return msgDamaged, hintDamaged
}

// notDocx recognises files that are plainly something else than a zip.
func notDocx(data []byte) (msg, hint string) {
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	lower := strings.ToLower(string(bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")))
	switch {
	case bytes.HasPrefix(data, oleMagic):
		if bytes.Contains(data, utf16le("EncryptedPackage")) {
			return "文件设置了打开密码（已加密），无法读取", "请在 Word/WPS 中取消密码后另存为 .docx"
		}
		return "是旧版 Word/WPS 文件（.doc/.wps），不是 .docx", hintSaveAs
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return "是 RTF 文件，不是 .docx", hintSaveAs
	case strings.HasPrefix(lower, "mime-version:"):
		return "是网页存档文件（MHT），不是 .docx", hintSaveAs
	case strings.HasPrefix(lower, "<"):
		if strings.Contains(lower, "word.document") || strings.Contains(lower, "<w:worddocument") || strings.Contains(lower, "<pkg:package") {
			return "是 Word XML 文件，不是 .docx", hintSaveAs
		}
		if strings.Contains(lower, "<html") {
			return "是网页（HTML）文件，不是 .docx", hintSaveAs
		}
	}
	if !bytes.HasPrefix(data, []byte("PK")) {
		return msgDamaged, hintDamaged
	}
	return "", ""
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
