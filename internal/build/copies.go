package build

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"jianbao/internal/compose"
	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/manifest"
	"jianbao/internal/pdfout"
)

// MaxCopies bounds one --copies run.
const MaxCopies = 10000

// ParseCopies reads the copy numbers of --copies: "5", "1-120",
// "1-3,7". The numbers come back sorted, each once. The error is a
// Chinese sentence for the command line.
func ParseCopies(s string) ([]int, error) {
	seen := map[int]bool{}
	var out []int
	add := func(n int) error {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
		if len(out) > MaxCopies {
			return fmt.Errorf("--copies 一次最多 %d 份", MaxCopies)
		}
		return nil
	}
	num := func(t string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(t))
		if err != nil || n < 1 || n > manifest.MaxCopyNumber {
			return 0, fmt.Errorf("--copies 中的 %q 不是 1 到 %d 之间的份号", strings.TrimSpace(t), manifest.MaxCopyNumber)
		}
		return n, nil
	}
	s = strings.NewReplacer("，", ",", "－", "-", "—", "-", "~", "-", "～", "-").Replace(s)
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("--copies 需要份号，如 --copies 1-120、--copies 5 或 --copies 1-3,7")
	}
	for _, part := range strings.Split(s, ",") {
		a, b, isRange := strings.Cut(part, "-")
		lo, err := num(a)
		if err != nil {
			return nil, err
		}
		hi := lo
		if isRange {
			if hi, err = num(b); err != nil {
				return nil, err
			}
			if hi < lo {
				return nil, fmt.Errorf("--copies 中的范围 %s 起号大于止号", strings.TrimSpace(part))
			}
			if hi-lo >= MaxCopies {
				return nil, fmt.Errorf("--copies 一次最多 %d 份", MaxCopies)
			}
		}
		for n := lo; n <= hi; n++ {
			if err := add(n); err != nil {
				return nil, err
			}
		}
	}
	sort.Ints(out)
	return out, nil
}

// Copies is an issue built once for numbered copies.
type Copies struct {
	Doc  *display.Document // composed with the first number
	PDF  []byte            // the first copy
	opt  pdfout.Options
	base int // the 份号 in Doc and PDF
	// stamp locates the 份号's glyphs in page 1's content stream; nil
	// when they could not be found (each copy is then written whole).
	stamp *stamp
	Notes diag.List
}

// BuildCopies composes an issue once, with the first of nums as its 份号
// (the 份号 takes the same place whatever its digits), and writes the
// first copy; Copy then stamps the others.
func BuildCopies(manifestFile string, nums []int) (*Copies, diag.List) {
	if len(nums) == 0 {
		var l diag.List
		l.Add(diag.Pos{File: manifestFile}, "没有要编号的份数", "请写 --copies 1-120 这样的份号范围")
		return nil, l
	}
	var printed int // 共印 N 份
	var printedPos diag.Pos
	res, spec, errs := check(manifestFile, func(is *doc.Issue) {
		is.CopyNumber = nums[0]
		is.CopyNumberPos = diag.Pos{File: manifestFile}
		printed, printedPos = is.Copies, is.CopiesPos
	})
	if len(errs) > 0 {
		return nil, errs
	}
	if last := slices.Max(nums); printed > 0 && last > printed {
		res.Notes.Add(printedPos, fmt.Sprintf("份号编到 %s，而本期写的是共印 %d 份", compose.CopyText(last), printed),
			"请核对 --copies 的范围，或改正清单中的 copies")
	}
	cp := &Copies{Doc: res.Doc, base: nums[0], Notes: res.Notes,
		opt: pdfout.Options{FauxBoldMilliEm: spec.Text.FauxBold.MilliEm, AllDigits: true}}
	pdf, err := pdfout.Write(res.Doc, cp.opt)
	if err != nil {
		var l diag.List
		l.Add(diag.Pos{File: manifestFile}, "生成 PDF 失败："+err.Error(), "这是 jianbao 的问题，请报告")
		return nil, l
	}
	cp.PDF = pdf
	cp.stamp = findStamp(pdf, res.Doc)
	return cp, nil
}

// Copy returns copy n: the first copy with its 份号 changed to n and
// nothing else. It patches the digits in page 1's content stream; if the
// stamp could not be located it writes the copy whole.
func (cp *Copies) Copy(n int) ([]byte, error) {
	if n == cp.base {
		return cp.PDF, nil
	}
	if cp.stamp != nil {
		if out, err := cp.stamp.apply(cp.PDF, compose.CopyText(n)); err == nil {
			return out, nil
		}
	}
	return cp.writeWhole(n)
}

// writeWhole writes copy n from the display list.
func (cp *Copies) writeWhole(n int) ([]byte, error) {
	d := *cp.Doc
	d.Pages = append([]display.Page(nil), cp.Doc.Pages...)
	p := &d.Pages[0]
	p.Items = append([]display.Item(nil), p.Items...)
	if !compose.StampCopy(p.Items, n) {
		return nil, errors.New("no copy number on page 1")
	}
	return pdfout.Write(&d, cp.opt)
}

// stamp is where a 份号 lies in the PDF: page 1's content stream (the
// byte range of its dictionary and data) and, in the decompressed data,
// the offset of each digit.
type stamp struct {
	objStart, dataEnd int // from "<<" of the stream's dictionary to the end of its data
	content           []byte
	digits            []int
}

var (
	pageRe     = regexp.MustCompile(`<</Type /Page\n(?s:.*?)/Contents (\d+) 0 R>>`)
	startxRe   = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	xrefHeadRe = regexp.MustCompile(`xref\n0 (\d+)\n`)
)

// findStamp locates the 份号 of d in pdf: each digit is drawn on its own
// ("BT x y Td (\0D) Tj ET", x and y in points with two decimals), so each
// is found by its position, once, in page 1's content stream.
func findStamp(pdf []byte, d *display.Document) *stamp {
	var it *display.Item
	for i := range d.Pages[0].Items {
		if x := &d.Pages[0].Items[i]; x.Role == compose.CopyRole {
			it = x
			break
		}
	}
	if it == nil {
		return nil
	}
	m := pageRe.FindSubmatch(pdf)
	if m == nil {
		return nil
	}
	head := []byte("\n" + string(m[1]) + " 0 obj\n")
	at := bytes.Index(pdf, head)
	if at < 0 {
		return nil
	}
	objStart := at + len(head)
	dict := pdf[objStart:]
	const pre = "<</Filter /FlateDecode /Length "
	if !bytes.HasPrefix(dict, []byte(pre)) {
		return nil
	}
	end := bytes.Index(dict, []byte(">>\nstream\n"))
	if end < 0 {
		return nil
	}
	n, err := strconv.Atoi(string(dict[len(pre):end]))
	dataStart := objStart + end + len(">>\nstream\n")
	if err != nil || dataStart+n > len(pdf) {
		return nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(pdf[dataStart : dataStart+n]))
	if err != nil {
		return nil
	}
	content, err := io.ReadAll(zr)
	if err != nil {
		return nil
	}
	h := d.Pages[0].Height.Pt()
	st := &stamp{objStart: objStart, dataEnd: dataStart + n, content: content}
	for _, g := range it.Glyphs {
		op := fmt.Sprintf("BT %.2f %.2f Td (\x00%c) Tj ET", g.X.Pt(), h-it.Y.Pt(), g.R)
		k := bytes.Index(content, []byte(op))
		if k < 0 || bytes.Count(content, []byte(op)) != 1 {
			return nil
		}
		st.digits = append(st.digits, k+len(op)-len(") Tj ET")-1)
	}
	if startxRe.Find(pdf) == nil || xrefHeadRe.Find(pdf) == nil {
		return nil
	}
	return st
}

// apply returns pdf with the 份号 digits set to text: page 1's content
// stream compressed again as the writer compresses it, and the
// cross-reference offsets after it moved by the change in length.
func (s *stamp) apply(pdf []byte, text string) ([]byte, error) {
	if len(text) != len(s.digits) {
		return nil, errors.New("digit count")
	}
	content := append([]byte(nil), s.content...)
	for i, k := range s.digits {
		content[k] = text[i]
	}
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	zw.Write(content)
	if err := zw.Close(); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(pdf) + 64)
	out.Write(pdf[:s.objStart])
	fmt.Fprintf(&out, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
	out.Write(z.Bytes())
	delta := out.Len() - s.dataEnd
	rest := pdf[s.dataEnd:]
	// the cross-reference table and startxref follow every object
	xi := bytes.LastIndex(rest, []byte("\nxref\n"))
	if xi < 0 {
		return nil, errors.New("no xref")
	}
	out.Write(rest[:xi+1])
	tail := rest[xi+1:]
	hm := xrefHeadRe.FindSubmatchIndex(tail)
	if hm == nil || hm[0] != 0 {
		return nil, errors.New("xref header")
	}
	count, _ := strconv.Atoi(string(tail[hm[2]:hm[3]]))
	out.Write(tail[:hm[1]])
	entries := tail[hm[1]:]
	if len(entries) < 20*count {
		return nil, errors.New("xref entries")
	}
	for i := range count {
		e := entries[20*i : 20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, errors.New("xref entry")
		}
		if e[17] == 'n' && off > s.objStart {
			off += delta
		}
		fmt.Fprintf(&out, "%010d%s", off, e[10:])
	}
	trailer := entries[20*count:]
	sm := startxRe.FindSubmatchIndex(trailer)
	if sm == nil {
		return nil, errors.New("startxref")
	}
	sx, _ := strconv.Atoi(string(trailer[sm[2]:sm[3]]))
	out.Write(trailer[:sm[2]])
	out.WriteString(strconv.Itoa(sx + delta))
	out.Write(trailer[sm[3]:])
	return out.Bytes(), nil
}
