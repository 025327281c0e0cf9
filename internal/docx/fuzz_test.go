package docx

import (
	"os"
	"testing"

	"jianbao/internal/manuscript"
)

// kitchenSink is a small document using most of what the reader knows.
func kitchenSink(t testing.TB, stored bool) []byte {
	body := pp(pStyle("Title"), r("标题")) +
		num(1, 0, "总体") + num(1, 1, "分项") + num(2, 0, "圆点") +
		p(r("联合检")+`<w:r><w:br/></w:r>`+r("查组")+`<w:hyperlink r:id="rIdImg">`+r("链接")+`</w:hyperlink>`) +
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("1")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
		p(`<w:ins w:id="1">`+r("插")+`</w:ins><w:del w:id="2"><w:r><w:delText>删</w:delText></w:r></w:del>`+`<w:r><w:commentReference w:id="0"/><w:footnoteReference w:id="2"/><w:sym w:char="F0FC"/></w:r>`) +
		p(r("图前")+inlinePic("rIdImg")+r("图后")+inlinePic("rIdEmf")+inlinePic("rIdExt")) +
		`<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>` + pp(`<w:jc w:val="center"/>`, rp("<w:b/>", "格")) + `</w:tc>` +
		`<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>` + p(r("跨")) + `</w:tc></w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:tcPr><w:vMerge/></w:tcPr>` + p("") + `</w:tc><w:tc>` + p(r("A")) + p(r("B")) + `</w:tc>` +
		`<w:sdt><w:sdtContent><w:tc><w:tcPr><w:hMerge/></w:tcPr>` + p(inlinePic("rIdImg")) + `</w:tc></w:sdtContent></w:sdt></w:tr>` +
		`<w:tr><w:trPr><w:del w:id="9"/></w:trPr><w:tc>` + p(r("删")) + `</w:tc></w:tr>` +
		`<w:tr><w:tc><w:tbl><w:tr><w:tc>` + p(r("套")) + `</w:tc></w:tr></w:tbl>` + p(r("外")) + `</w:tc></w:tr></w:tbl>` +
		p(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>`+p(r("框"))+
			`</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:imagedata r:id="rIdImg"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
		`<w:sdt><w:sdtContent>` + pp(`<w:rPr><w:del w:id="3"/></w:rPr>`, r("并")) + `</w:sdtContent></w:sdt>` + p(r("入"))
	return makeDocx(t, body, pkgParts{
		styles:    baseStyles + numStyles,
		numbering: numDefs,
		comments:  `<w:comment w:id="0"><w:p>` + r("批注") + `</w:p></w:comment>`,
		footnotes: `<w:footnote w:id="2"><w:p>` + r("脚注") + `</w:p></w:footnote>`,
		rels: imageRel("rIdImg", "media/a.png") + imageRel("rIdEmf", "media/b.emf") +
			`<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://x/y.png" TargetMode="External"/>`,
		files:  map[string][]byte{"word/media/a.png": tinyPNG, "word/media/b.emf": tinyEMF},
		stored: stored,
	})
}

func FuzzRead(f *testing.F) {
	f.Add(kitchenSink(f, false))
	f.Add(kitchenSink(f, true)) // stored, no CRC: mutations reach the XML
	f.Add(makeDocx(f, p(r("正文")), pkgParts{stored: true}))
	f.Add(oleMagic)
	f.Add([]byte(`{\rtf1}`))
	for _, name := range fixtureFiles(f) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Sniff(data)
		paras, notes, errs := Read("f.docx", data)
		for _, p := range paras {
			if p.Pos.File != "f.docx" || p.Pos.Line < 1 || p.Pos.Col != 1 {
				t.Fatalf("para pos %+v", p.Pos)
			}
			checkPara(t, p)
		}
		for _, e := range append(notes, errs...) {
			if e.Pos.File != "f.docx" || e.Msg == "" {
				t.Fatalf("message %+v", e)
			}
		}
	})
}

// FuzzDocumentXML mutates word/document.xml directly (FuzzRead mostly
// breaks the zip layer), with the styles, numbering and pictures of the
// kitchen sink beside it.
func FuzzDocumentXML(f *testing.F) {
	sink := kitchenSink(f, true)
	p, err := openPackage(sink)
	if err != nil {
		f.Fatal(err)
	}
	files := map[string][]byte{}
	for name := range p.parts {
		data, err := p.read(name)
		if err != nil {
			f.Fatal(err)
		}
		files[name] = data
	}
	f.Add(files["word/document.xml"])
	f.Add([]byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		m := map[string][]byte{}
		for k, v := range files {
			m[k] = v
		}
		m["word/document.xml"] = doc
		paras, _, _ := Read("f.docx", zipFiles(t, m, true))
		for _, p := range paras {
			if p.Pos.Line < 1 {
				t.Fatalf("para %+v", p)
			}
			checkPara(t, p)
		}
	})
}

// checkPara checks what every paragraph read must be: runs, a picture or
// a table, exactly one; runs with text and positions; a table within the
// limits whose cells have spans, positions and text unless merged, its
// header no more than its rows and an alignment per column.
func checkPara(t *testing.T, p manuscript.Para) {
	t.Helper()
	kinds := 0
	for _, b := range []bool{len(p.Runs) > 0, p.Image != nil, p.Table != nil} {
		if b {
			kinds++
		}
	}
	if kinds != 1 {
		t.Fatalf("para with image %v, table %v and %d runs", p.Image != nil, p.Table != nil, len(p.Runs))
	}
	for _, r := range p.Runs {
		if r.Text == "" || r.Pos.Col < 1 || r.Pos.Line < 1 {
			t.Fatalf("run %+v", r)
		}
	}
	td := p.Table
	if td == nil {
		return
	}
	cols := td.Columns()
	if len(td.Rows) == 0 || len(td.Rows) > MaxTableRows || cols > MaxTableColumns || len(td.Align) != cols || td.Header < 0 || td.Header > len(td.Rows) {
		t.Fatalf("table %d rows, %d columns, header %d, align %q", len(td.Rows), cols, td.Header, td.Align)
	}
	text := false
	for _, row := range td.Rows {
		if len(row) == 0 {
			t.Fatalf("empty row")
		}
		for _, c := range row {
			if c.Span < 1 || c.Pos.Line < 1 || c.Pos.Col != 1 || c.Merged && len(c.Runs) > 0 {
				t.Fatalf("cell %+v", c)
			}
			for _, r := range c.Runs {
				if r.Text == "" || r.Pos.Col < 1 || r.Pos.Line < c.Pos.Line || r.RunIn != 0 {
					t.Fatalf("cell run %+v", r)
				}
				text = true
			}
		}
	}
	for _, a := range td.Align {
		if a != 0 && a != 'l' && a != 'c' && a != 'r' {
			t.Fatalf("align %q", td.Align)
		}
	}
	if !text {
		t.Fatalf("table without text")
	}
}
