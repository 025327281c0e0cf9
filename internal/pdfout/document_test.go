package pdfout

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"encoding/xml"
	"io"
	_ "jianbao/internal/golden"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jianbao/internal/display"
)

// testDoc is a two-page document with a title and headings, one of them
// with a character outside the BMP, and a level-3 heading right under a
// title (the writer nests it one level down).
func testDoc() *display.Document {
	line := func(role, id, text string, y display.Len) display.Item {
		it := display.Item{Kind: display.Text, Role: role, Line: id, X: 80 * display.Pt, Y: y, Size: 16 * display.Pt, Color: display.Black, Text: text}
		x := it.X
		for _, r := range text {
			it.Glyphs = append(it.Glyphs, display.Glyph{R: r, X: x, Face: "NotoSerifCJKsc-Regular"})
			x += 16 * display.Pt
		}
		return it
	}
	page := func(items ...display.Item) display.Page {
		return display.Page{Width: 595 * display.Pt, Height: 842 * display.Pt, Items: items}
	}
	return &display.Document{
		Title: "测试工作简报 2026年第1期", Author: "测试办公室编", Subject: "工作简报", Date: [3]int{2026, 3, 27},
		Pages: []display.Page{
			page(line("title", "a1.t.1", "陈𫖯同志调研", 200*display.Pt), line("h1", "a1.p2.1", "一、总体情况", 300*display.Pt)),
			page(line("title", "a2.t.1", "第二篇", 120*display.Pt), line("h3", "a2.p1.1", "1.细节", 200*display.Pt)),
		},
		Outline: []display.OutlineEntry{
			{Level: 0, Text: "陈𫖯同志调研", Page: 1, Y: 184 * display.Pt},
			{Level: 1, Text: "一、总体情况", Page: 1, Y: 284 * display.Pt},
			{Level: 0, Text: "第二篇", Page: 2, Y: 104 * display.Pt},
			{Level: 3, Text: "1.细节", Page: 2, Y: 184 * display.Pt},
		},
	}
}

func qpdfJSON(t *testing.T, pdf []byte, args ...string) map[string]any {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	f := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("qpdf", "--check", f).CombinedOutput(); err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command("qpdf", append([]string{"--json"}, append(args, f)...)...).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var j map[string]any
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatal(err)
	}
	return j
}

type outline struct {
	Title string    `json:"title"`
	Page  *int      `json:"destpageposfrom1"`
	Kids  []outline `json:"kids"`
}

func TestOutline(t *testing.T) {
	pdf, err := Write(testDoc(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	j := qpdfJSON(t, pdf, "--json-key=outlines")
	raw, _ := json.Marshal(j["outlines"])
	var ol []outline
	if err := json.Unmarshal(raw, &ol); err != nil {
		t.Fatal(err)
	}
	type flat struct {
		depth int
		title string
		page  int
	}
	var got []flat
	var walk func([]outline, int)
	walk = func(os []outline, d int) {
		for _, o := range os {
			p := 0
			if o.Page != nil {
				p = *o.Page
			}
			got = append(got, flat{d, o.Title, p})
			walk(o.Kids, d+1)
		}
	}
	walk(ol, 0)
	want := []flat{{0, "陈𫖯同志调研", 1}, {1, "一、总体情况", 1}, {0, "第二篇", 2}, {1, "1.细节", 2}}
	if len(got) != len(want) {
		t.Fatalf("outline %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("outline entry %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestCatalogInfoAndXMP(t *testing.T) {
	d := testDoc()
	d.Title = "测试<简报>&𫖯 2026年第1期"
	pdf, err := Write(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Write(d, Options{})
	if !bytes.Equal(pdf, again) {
		t.Fatal("two writes of the same document differ")
	}
	j := qpdfJSON(t, pdf, "--json-key=qpdf", "--json-stream-data=inline")
	objs := j["qpdf"].([]any)[1].(map[string]any)
	obj := func(ref any) map[string]any { return objs["obj:"+ref.(string)].(map[string]any) }
	trailer := objs["trailer"].(map[string]any)["value"].(map[string]any)
	cat := obj(trailer["/Root"])["value"].(map[string]any)
	if cat["/Lang"] != "u:zh-CN" {
		t.Errorf("/Lang = %v", cat["/Lang"])
	}
	if cat["/PageMode"] != "/UseOutlines" {
		t.Errorf("/PageMode = %v", cat["/PageMode"])
	}
	info := obj(trailer["/Info"])["value"].(map[string]any)
	if info["/Title"] != "u:"+d.Title || info["/Author"] != "u:测试办公室编" || info["/CreationDate"] != "u:D:20260327000000" {
		t.Errorf("Info = %v", info)
	}
	meta := obj(cat["/Metadata"])["stream"].(map[string]any)
	x, err := base64.StdEncoding.DecodeString(meta["data"].(string))
	if err != nil {
		t.Fatal(err)
	}
	xs := string(x)
	for dec := xml.NewDecoder(bytes.NewReader(x)); ; {
		if _, err := dec.Token(); err == io.EOF {
			break
		} else if err != nil {
			t.Fatalf("the XMP packet is not well-formed XML: %v\n%s", err, xs)
		}
	}
	field := func(re string) string {
		m := regexp.MustCompile(re).FindStringSubmatch(xs)
		if m == nil {
			t.Errorf("XMP has no %s:\n%s", re, xs)
			return ""
		}
		return m[1]
	}
	unesc := strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`)
	if v := unesc.Replace(field(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">([^<]*)<`)); v != d.Title {
		t.Errorf("dc:title %q, want the Info title %q", v, d.Title)
	}
	if v := field(`<dc:creator><rdf:Seq><rdf:li>([^<]*)<`); v != "测试办公室编" {
		t.Errorf("dc:creator %q", v)
	}
	if v := field(`<xmp:CreateDate>([^<]*)<`); v != "2026-03-27T00:00:00" {
		t.Errorf("xmp:CreateDate %q, want the issue date as in Info's D:20260327000000", v)
	}
	if v := field(`<dc:language><rdf:Bag><rdf:li>([^<]*)<`); v != "zh-CN" {
		t.Errorf("dc:language %q", v)
	}
	rec, err := Record(pdf)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	display.Dump(&want, d)
	if !bytes.Equal(rec, want.Bytes()) {
		t.Errorf("embedded record differs from the dump:\n%s\nwant\n%s", rec, want.Bytes())
	}
}

func TestRecordMissing(t *testing.T) {
	if _, err := Record([]byte("%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n")); err != ErrNoRecord {
		t.Errorf("a PDF without record: %v, want ErrNoRecord", err)
	}
}
