package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"strings"
	"testing"

	"jianbao/internal/diag"
)

// fileError checks that Read refuses data with one error on the whole
// file containing each fragment.
func fileError(t *testing.T, name string, data []byte, frags ...string) {
	t.Helper()
	paras, notes, errs := Read("稿件.docx", data)
	if len(paras) != 0 || len(notes) != 0 {
		t.Errorf("%s: paras %d notes %v", name, len(paras), notes)
	}
	e := oneMessage(t, name, errs, frags...)
	if e.Pos != (diag.Pos{File: "稿件.docx"}) {
		t.Errorf("%s: pos %+v", name, e.Pos)
	}
}

func TestNotWordPackages(t *testing.T) {
	good := makeDocx(t, p(r("正文")), pkgParts{})
	ole := append(append([]byte{}, oleMagic...), make([]byte, 600)...)
	encrypted := append(append([]byte{}, ole...), utf16le("EncryptedPackage")...)
	odt := zipFiles(t, map[string][]byte{"mimetype": []byte(odtMime), "content.xml": []byte("<office:document-content/>")}, true)
	nodoc := zipFiles(t, map[string][]byte{"readme.txt": []byte("这不是 Word 文档")}, false)
	xlsx := zipFiles(t, map[string][]byte{"_rels/.rels": []byte(`<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`), "xl/workbook.xml": []byte("<workbook/>")}, false)
	cases := []struct {
		name  string
		data  []byte
		frags []string
		sniff string
	}{
		{"ole", ole, []string{"是旧版 Word/WPS 文件（.doc/.wps），不是 .docx", "请在 Word/WPS 中另存为 .docx"}, "ole"},
		{"encrypted", encrypted, []string{"密码"}, "ole"},
		{"odt", odt, []string{".odt (OpenDocument) 文件", "另存为 .docx"}, "odt"},
		{"rtf", []byte(`{\rtf1\ansi 你好}`), []string{"RTF", "另存为 .docx"}, "rtf"},
		{"truncated", good[:len(good)/2], []string{msgDamaged, hintDamaged}, "zip"},
		{"nodoc", nodoc, []string{msgDamaged}, "zip"},
		{"xlsx", xlsx, []string{"Excel"}, "zip"},
		{"empty", nil, []string{msgDamaged}, ""},
		{"text", []byte("只是一段文字"), []string{msgDamaged}, ""},
		{"html", []byte("<!DOCTYPE html><html><body>稿件</body></html>"), []string{"HTML"}, ""},
		{"mht", []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related"), []string{"MHT"}, ""},
		{"word xml", []byte(`<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>`), []string{"Word XML"}, ""},
		{"damaged xml", zipFiles(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p>`)}, false), []string{msgDamaged}, "docx"},
		{"not a document", zipFiles(t, map[string][]byte{"word/document.xml": []byte(`<html/>`)}, false), []string{msgDamaged}, "zip"},
		{"damaged styles", makeDocx(t, p(r("x")), pkgParts{styles: `<w:style>`}), []string{msgDamaged}, "docx"},
	}
	for _, c := range cases {
		fileError(t, c.name, c.data, c.frags...)
		if got := Sniff(c.data); got != c.sniff {
			t.Errorf("Sniff(%s) = %q, want %q", c.name, got, c.sniff)
		}
	}
	if got := Sniff(good); got != "docx" {
		t.Errorf("Sniff(good) = %q", got)
	}
	// Without _rels/.rels the usual name is used.
	bare := zipFiles(t, map[string][]byte{"word/document.xml": []byte(`<w:document xmlns:w="` + nsW + `"><w:body><w:p><w:r><w:t>裸</w:t></w:r></w:p></w:body></w:document>`)}, false)
	paras, _, errs := Read("b.docx", bare)
	if len(errs) != 0 || len(paras) != 1 || Sniff(bare) != "docx" {
		t.Errorf("bare package: %v %v", texts(paras), errs)
	}
}

// deflated compresses data.
func deflated(t *testing.T, data []byte) []byte {
	var buf bytes.Buffer
	fw, _ := flate.NewWriter(&buf, flate.BestCompression)
	fw.Write(data)
	fw.Close()
	return buf.Bytes()
}

// rawZip writes entries with the sizes declared as given.
func rawZip(t *testing.T, entries ...rawEntry) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range entries {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: e.method, CompressedSize64: uint64(len(e.data)), UncompressedSize64: e.size, CRC32: e.crc})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	zw.Close()
	return buf.Bytes()
}

type rawEntry struct {
	name   string
	method uint16
	data   []byte
	size   uint64
	crc    uint32
}

func TestZipLimits(t *testing.T) {
	zeros := make([]byte, 3<<20)
	bomb := deflated(t, zeros) // about 1000:1
	docEntry := rawEntry{"word/document.xml", zip.Store, []byte(`<w:document xmlns:w="` + nsW + `"><w:body/></w:document>`), 0, 0}
	docEntry.size = uint64(len(docEntry.data))

	fileError(t, "ratio", rawZip(t, docEntry, rawEntry{"word/media/big.png", zip.Deflate, bomb, uint64(len(zeros)), 0}), "word/media/big.png", "压缩比超过 200:1")

	big := rawEntry{"word/media/huge.png", zip.Store, []byte("x"), MaxEntrySize + 1, 0}
	fileError(t, "entry size", rawZip(t, docEntry, big), "huge.png", "超过 50 MB")

	var many []rawEntry
	for i := range 6 {
		many = append(many, rawEntry{fmt.Sprintf("word/media/%d.png", i), zip.Store, nil, 40 << 20, 0})
	}
	for i := range many {
		many[i].data = make([]byte, 1<<20) // 40:1, under the ratio limit
	}
	fileError(t, "total size", rawZip(t, append([]rawEntry{docEntry}, many...)...), "解压后超过 200 MB")

	// The declared size lies: 100 bytes declared, megabytes inside.
	liar := rawZip(t, rawEntry{"word/document.xml", zip.Deflate, bomb, 100, 0})
	fileError(t, "lying size", liar, msgDamaged)

	// More entries than allowed.
	files := map[string][]byte{}
	for i := range MaxEntries + 1 {
		files[fmt.Sprintf("e%05d", i)] = nil
	}
	fileError(t, "entries", zipFiles(t, files, true), "10001 个部件")

	// Pictures too large to read are refused where they stand.
	pic := rawEntry{"word/media/p.png", zip.Deflate, deflated(t, append(append([]byte{}, tinyPNG...), make([]byte, 1<<20)...)), 100, 0}
	o := makeDocx(t, p(inlinePic("rIdImg")), pkgParts{rels: imageRel("rIdImg", "media/p.png")})
	zr, _ := zip.NewReader(bytes.NewReader(o), int64(len(o)))
	var entries []rawEntry
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		entries = append(entries, rawEntry{f.Name, zip.Store, b.Bytes(), uint64(b.Len()), 0})
	}
	_, _, errs := Read("t.docx", rawZip(t, append(entries, pic)...))
	oneMessage(t, "bad picture entry", errs, "t.docx:1:1", "第 1 段的图片 p.png", msgDamaged)
}

func TestStrictAndOddPackages(t *testing.T) {
	// Strict OOXML namespaces, a main part elsewhere, backslashes and
	// upper case in names.
	strict := `<w:document xmlns:w="` + nsWStrict + `"><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>严格</w:t></w:r></w:p></w:body></w:document>`
	data := zipFiles(t, map[string][]byte{
		"_rels/.rels":     []byte(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/Doc/Main.xml"/></Relationships>`),
		"doc\\main.xml":   []byte(strict),
		"[trash]/x.xml":   []byte("junk"),
		"word/styles.xml": []byte("< not read: styles are looked for beside the main part"),
	}, false)
	paras, _, errs := Read("s.docx", data)
	if len(errs) != 0 || len(paras) != 1 || text(paras[0]) != "严格" || paras[0].Align != 1 {
		t.Errorf("strict: %v %v", texts(paras), errs)
	}
	// UTF-16 parts.
	u := append([]byte{0xff, 0xfe}, utf16le(`<?xml version="1.0" encoding="UTF-16"?><w:document xmlns:w="`+nsW+`"><w:body><w:p><w:r><w:t>十六位</w:t></w:r></w:p></w:body></w:document>`)...)
	paras, _, errs = Read("u.docx", zipFiles(t, map[string][]byte{"word/document.xml": u}, false))
	if len(errs) != 0 || len(paras) != 1 || text(paras[0]) != "十六位" {
		t.Errorf("utf-16: %v %v", texts(paras), errs)
	}
	if !strings.Contains(string(makeDocx(t, "", pkgParts{})), "document.xml") {
		t.Fatal("helper")
	}
}
