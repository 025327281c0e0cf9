package docx

import (
	"archive/zip"
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/manuscript"
)

const docNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
	`xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" ` +
	`xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:o="urn:schemas-microsoft-com:office:office" ` +
	`xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"`

// pkgParts are the optional parts of a test document: the inside of
// w:styles, w:numbering, w:comments, w:footnotes, extra relationships of
// document.xml, and more files (media).
type pkgParts struct {
	styles, numbering, comments, footnotes, rels string
	files                                        map[string][]byte
	stored                                       bool // store entries uncompressed with no CRC (for fuzz seeds)
}

// makeDocx builds a .docx whose w:body holds body.
func makeDocx(t testing.TB, body string, o pkgParts) []byte {
	t.Helper()
	files := map[string][]byte{
		"[Content_Types].xml": []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`),
		"_rels/.rels": []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`),
		"word/document.xml": []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + docNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`),
	}
	rels := o.rels
	add := func(name, root, inner, typ string) {
		if inner == "" {
			return
		}
		files["word/"+name] = []byte(`<?xml version="1.0" encoding="UTF-8"?><w:` + root + ` ` + docNS + `>` + inner + `</w:` + root + `>`)
		rels += `<Relationship Id="rIdP` + root + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/` + typ + `" Target="` + name + `"/>`
	}
	add("styles.xml", "styles", o.styles, "styles")
	add("numbering.xml", "numbering", o.numbering, "numbering")
	add("comments.xml", "comments", o.comments, "comments")
	add("footnotes.xml", "footnotes", o.footnotes, "footnotes")
	files["word/_rels/document.xml.rels"] = []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`)
	for k, v := range o.files {
		files[k] = v
	}
	return zipFiles(t, files, o.stored)
}

// zipFiles writes a zip with the files in name order.
func zipFiles(t testing.TB, files map[string][]byte, stored bool) []byte {
	t.Helper()
	var names []string
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		var w interface{ Write([]byte) (int, error) }
		var err error
		if stored {
			d := files[name]
			w, err = zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Store, CompressedSize64: uint64(len(d)), UncompressedSize64: uint64(len(d))})
		} else {
			w, err = zw.Create(name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[name]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// p and r write paragraphs and runs.
func p(content string) string       { return "<w:p>" + content + "</w:p>" }
func pp(pPr, content string) string { return "<w:p><w:pPr>" + pPr + "</w:pPr>" + content + "</w:p>" }
func r(text string) string          { return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>` }
func rp(rPr, text string) string {
	return `<w:r><w:rPr>` + rPr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}
func pStyle(id string) string { return `<w:pStyle w:val="` + id + `"/>` }
func styleP(id, name, inner string) string {
	return `<w:style w:type="paragraph" w:styleId="` + id + `"><w:name w:val="` + name + `"/>` + inner + `</w:style>`
}

// read reads a test document and fails on errors.
func read(t *testing.T, body string, o pkgParts) ([]manuscript.Para, diag.List) {
	t.Helper()
	paras, notes, errs := Read("t.docx", makeDocx(t, body, o))
	if len(errs) > 0 {
		t.Fatalf("errors: %v", errs)
	}
	return paras, notes
}

// text is a paragraph's text.
func text(p manuscript.Para) string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

func texts(paras []manuscript.Para) []string {
	var out []string
	for _, p := range paras {
		switch {
		case p.Image != nil:
			out = append(out, "[image "+p.Image.Name+"]")
		case p.Table != nil:
			out = append(out, "[table "+strings.Join(grid(p.Table), " / ")+"]")
		default:
			out = append(out, text(p))
		}
	}
	return out
}

func equal(a, b []string) bool { return slices.Equal(a, b) }

// wantTexts checks the paragraphs' texts.
func wantTexts(t *testing.T, paras []manuscript.Para, want ...string) {
	t.Helper()
	if got := texts(paras); !equal(got, want) {
		t.Fatalf("texts\n got %q\nwant %q", got, want)
	}
}

// oneMessage checks that l has exactly one error and that it contains
// each fragment.
func oneMessage(t *testing.T, what string, l diag.List, frags ...string) *diag.Error {
	t.Helper()
	if len(l) != 1 {
		t.Fatalf("%s: got %d: %v", what, len(l), l)
	}
	for _, f := range frags {
		if !strings.Contains(l[0].Error(), f) {
			t.Errorf("%s %q lacks %q", what, l[0].Error(), f)
		}
	}
	return l[0]
}

// tinyPNG and tinyJPEG are the smallest files with the right magic; the
// reader looks at nothing else.
var (
	tinyPNG  = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00")
	tinyJPEG = []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")
	tinyEMF  = append(append([]byte("\x01\x00\x00\x00"), make([]byte, 36)...), []byte(" EMF\x00\x00\x01\x00")...)
)

func imageRel(id, target string) string {
	return `<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="` + target + `"/>`
}

// inlinePic is a w:drawing with an inline picture of relationship id.
func inlinePic(id string) string {
	return `<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="p"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic><pic:nvPicPr><pic:cNvPr id="0" name="x"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="` + id + `"/></pic:blipFill><pic:spPr/></pic:pic>` +
		`</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

// grid shows a table's rows: cells joined by "|", a span of n columns
// as "{n}" after the text, a merged cell as "^", bold text in *stars*.
func grid(td *doc.TableData) []string {
	var rows []string
	for _, row := range td.Rows {
		var cells []string
		for _, c := range row {
			s := ""
			for _, r := range c.Runs {
				if r.Bold {
					s += "*" + r.Text + "*"
				} else {
					s += r.Text
				}
			}
			if c.Merged {
				s = "^"
			}
			if c.Span != 1 {
				s += "{" + strconv.Itoa(c.Span) + "}"
			}
			cells = append(cells, s)
		}
		rows = append(rows, strings.Join(cells, "|"))
	}
	return rows
}
