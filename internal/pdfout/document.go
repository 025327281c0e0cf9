package pdfout

import (
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"jianbao/internal/display"
)

// RecordNS is the XMP namespace of the layout record every PDF jianbao
// writes carries in its metadata stream: the text of display.Dump,
// zlib-compressed and in base64, as the property jianbao:layout. It is
// what `jianbao diff` compares. (Not a file attachment: fpdf numbers the
// objects of attachments before the pages', and its bookmarks then point
// at the wrong objects.)
const RecordNS = "urn:jianbao:layout-record:1"

// RecordOpen and RecordClose enclose the record in the packet.
const (
	RecordOpen  = "<jianbao:layout>"
	RecordClose = "</jianbao:layout>"
)

// Lang is the document's natural language (the catalogue's /Lang).
const Lang = "zh-CN"

// setDocument writes what makes the PDF a document besides its pages: the
// Info dictionary, /Lang, the XMP packet (consistent with Info) and the
// layout record. Everything derives from d, so the bytes
// are the same on every run.
func setDocument(pdf *fpdf.Fpdf, d *display.Document) error {
	pdf.SetProducer("jianbao", false)
	pdf.SetCreator("jianbao", false)
	// Text strings are given as UTF-16BE with a byte-order mark, written
	// here rather than by fpdf, whose converter does not know characters
	// outside the BMP.
	pdf.SetTitle(utf16BE(d.Title), false)
	pdf.SetAuthor(utf16BE(d.Author), false)
	pdf.SetSubject(utf16BE(d.Subject), false)
	pdf.SetLang(Lang)
	var rec bytes.Buffer
	if err := display.Dump(&rec, d); err != nil {
		return err
	}
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(rec.Bytes())
	if err := zw.Close(); err != nil {
		return err
	}
	pdf.SetXmpMetadata(xmp(d, base64.StdEncoding.EncodeToString(z.Bytes())))
	return nil
}

// utf16BE encodes s as a PDF text string in UTF-16BE with a byte-order mark.
func utf16BE(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFE, 0xFF
	for _, v := range u {
		b = append(b, byte(v>>8), byte(v))
	}
	return string(b)
}

// bookmarkText prepares a bookmark title for fpdf's Bookmark, which
// converts its text from UTF-8 to UTF-16 three bytes to one code unit at
// a time and does not know four-byte characters: each UTF-16 code unit of
// the title (a surrogate pair for a character outside the BMP) is given
// as the three-byte sequence that converter turns into exactly that unit.
// The test for bookmarks reads the titles back from the PDF.
func bookmarkText(s string) string {
	var b strings.Builder
	for _, u := range utf16.Encode([]rune(s)) {
		b.WriteByte(0xE0 | byte(u>>12))
		b.WriteByte(0x80 | byte(u>>6)&0x3F)
		b.WriteByte(0x80 | byte(u)&0x3F)
	}
	return b.String()
}

// bookmarks adds the outline entries of one page (page counts from 1).
// Levels are made to nest: an entry is at most one level below the one
// before it (a 1. heading right under a title hangs from the title).
func bookmarks(pdf *fpdf.Fpdf, d *display.Document, page int, prev *int) {
	for _, e := range d.Outline {
		if e.Page != page {
			continue
		}
		lvl := min(max(e.Level, 0), *prev+1)
		pdf.Bookmark(bookmarkText(e.Text), lvl, e.Y.Pt())
		*prev = lvl
	}
}

// xmpDate is the XMP form of the issue date at 00:00, like the Info
// dictionary's D:YYYYMMDD000000 (neither names a time zone).
func xmpDate(d *display.Document) string {
	return fmt.Sprintf("%04d-%02d-%02dT00:00:00", d.Date[0], d.Date[1], d.Date[2])
}

// xmp is the document's XMP metadata packet: dc:title is the Info Title
// (the bulletin's name and issue line), dc:creator the Author (the editor
// unit), xmp:CreateDate and ModifyDate the issue date.
// The layout record follows as jianbao:layout.
func xmp(d *display.Document, record string) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		for _, r := range s {
			switch r {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			default:
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	date := xmpDate(d)
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	b.WriteString("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
	b.WriteString("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n")
	b.WriteString("<rdf:Description rdf:about=\"\"\n")
	b.WriteString(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n")
	b.WriteString(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n")
	b.WriteString(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n")
	b.WriteString(" xmlns:jianbao=\"" + RecordNS + "\">\n")
	b.WriteString("<dc:format>application/pdf</dc:format>\n")
	fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(d.Title))
	fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(d.Author))
	fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(d.Subject))
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", Lang)
	fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n", date)
	fmt.Fprintf(&b, "<xmp:ModifyDate>%s</xmp:ModifyDate>\n", date)
	fmt.Fprintf(&b, "<xmp:MetadataDate>%s</xmp:MetadataDate>\n", date)
	b.WriteString("<xmp:CreatorTool>jianbao</xmp:CreatorTool>\n")
	b.WriteString("<pdf:Producer>jianbao</pdf:Producer>\n")
	b.WriteString(RecordOpen + record + RecordClose + "\n")
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n")
	b.WriteString("<?xpacket end=\"r\"?>")
	return []byte(b.String())
}

// ErrNoRecord says a PDF carries no layout record: jianbao did not make it
// (or it was rewritten by another program).
var ErrNoRecord = errors.New("no jianbao layout record")

// ErrDamagedRecord says a PDF jianbao wrote holds a layout record that
// cannot be read: the file was cut short or damaged.
var ErrDamagedRecord = errors.New("damaged jianbao layout record")

// Record returns the layout record embedded in a PDF jianbao wrote.
func Record(pdf []byte) ([]byte, error) {
	i := bytes.Index(pdf, []byte(RecordOpen))
	if i < 0 || !bytes.Contains(pdf, []byte(RecordNS)) {
		return nil, ErrNoRecord
	}
	rest := pdf[i+len(RecordOpen):]
	j := bytes.Index(rest, []byte(RecordClose))
	if j < 0 {
		return nil, ErrDamagedRecord
	}
	z, err := base64.StdEncoding.DecodeString(string(rest[:j]))
	if err != nil {
		return nil, ErrDamagedRecord
	}
	zr, err := zlib.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, ErrDamagedRecord
	}
	out, err := io.ReadAll(io.LimitReader(zr, 1<<28))
	if err != nil {
		return nil, ErrDamagedRecord
	}
	return out, nil
}
