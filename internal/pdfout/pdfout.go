// Package pdfout writes a display list as PDF through fpdf. It is the only
// package that imports fpdf, and it makes no layout decisions: every glyph,
// rule and image is drawn where the display list says.
package pdfout

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"jianbao/internal/display"
	"jianbao/internal/fontset"
)

// Options for the writer.
type Options struct {
	// FauxBold is the stroke width (in thousandths of an em) for glyphs
	// marked Bold in faces without a bold weight.
	FauxBoldMilliEm int64
	// AllDigits puts all ten digits 0–9 in the subset of every face that
	// prints a digit, so that changing the digits printed (a numbered
	// copy's 份号) changes no font bytes. (The writer embeds the glyphs
	// drawn; the digits are drawn once more, invisible and off the page,
	// on page 1.)
	AllDigits bool
}

// Write renders the document to PDF bytes. The output depends only on the
// document: fixed dates (the issue date at 00:00 China Standard Time),
// sorted catalogue, fixed producer.
func Write(d *display.Document, opt Options) ([]byte, error) {
	if len(d.Pages) == 0 {
		return nil, fmt.Errorf("pdfout: no pages")
	}
	p0 := d.Pages[0]
	pdf := fpdf.NewCustom(&fpdf.InitType{
		UnitStr: "pt",
		Size:    fpdf.SizeType{Wd: p0.Width.Pt(), Ht: p0.Height.Pt()},
	})
	pdf.SetCatalogSort(true)
	cst := time.FixedZone("CST", 8*3600)
	ts := time.Date(d.Date[0], time.Month(d.Date[1]), d.Date[2], 0, 0, 0, 0, cst)
	pdf.SetCreationDate(ts)
	pdf.SetModificationDate(ts)
	if err := setDocument(pdf, d); err != nil {
		return nil, fmt.Errorf("pdfout: %w", err)
	}
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)

	// Register every face used, once, in order of first use, as a subset
	// holding just the characters printed in it.
	var order, digitFaces []string
	used := map[string]map[rune]bool{}
	digitFace := map[string]bool{}
	for _, p := range d.Pages {
		for _, it := range p.Items {
			for _, g := range it.Glyphs {
				if used[g.Face] == nil {
					used[g.Face] = map[rune]bool{}
					order = append(order, g.Face)
				}
				used[g.Face][g.R] = true
				if opt.AllDigits && g.R >= '0' && g.R <= '9' && !digitFace[g.Face] {
					digitFace[g.Face] = true
					digitFaces = append(digitFaces, g.Face)
					for r := '0'; r <= '9'; r++ {
						used[g.Face][r] = true
					}
				}
			}
		}
	}
	var tags [][2]string              // the name fpdf writes, and the tagged name
	pua := map[string]map[rune]rune{} // per face: character outside the BMP -> private-use code
	for _, name := range order {
		codes, alias := privateCodes(used[name])
		pua[name] = codes
		fc, err := fontset.Load(name)
		if err != nil {
			return nil, fmt.Errorf("pdfout: %w", err)
		}
		if err := fontset.CheckTrueType(fc.Data); err != nil {
			return nil, err
		}
		runes := make([]rune, 0, len(used[name]))
		for r := range used[name] {
			if c, ok := codes[r]; ok {
				r = c
			}
			runes = append(runes, r)
		}
		slices.Sort(runes)
		data, err := fontset.SubsetAliased(fc, runes, alias)
		if err != nil && len(alias) > 0 {
			return nil, fmt.Errorf("pdfout: font %s: %w", name, err)
		}
		if err != nil {
			data = fc.Data // the writer's own subsetter copes with anything
		}
		pdf.AddUTF8FontFromBytes(family(name), "", data)
		tags = append(tags, subsetTag(name, runes))
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdfout: font %s: %w", name, err)
		}
	}

	level := -1 // of the last bookmark
	for pi, p := range d.Pages {
		pdf.AddPageFormat("P", fpdf.SizeType{Wd: p.Width.Pt(), Ht: p.Height.Pt()})
		if pi == 0 {
			for _, name := range digitFaces {
				pdf.SetFont(family(name), "", 10)
				pdf.RawWriteStr("3 Tr\n")
				pdf.Text(-1000, -1000, "0123456789")
				pdf.RawWriteStr("0 Tr\n")
			}
		}
		for _, it := range p.Items {
			switch it.Kind {
			case display.Rule:
				pdf.RawWriteStr("q " + cmyk(it.Color, "k") + "\n")
				pdf.Rect(it.X.Pt(), it.Y.Pt(), it.W.Pt(), it.H.Pt(), "F")
				pdf.RawWriteStr("Q\n")
			case display.Text:
				drawText(pdf, it, opt, pua)
			case display.Image:
				typ := map[string]string{"jpeg": "JPG", "png": "PNG"}[it.ImgFmt]
				if typ == "" {
					return nil, fmt.Errorf("pdfout: image format %q", it.ImgFmt)
				}
				name := fmt.Sprintf("img-%d-%d", len(it.Image), crc(it.Image))
				opts := fpdf.ImageOptions{ImageType: typ}
				pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(it.Image))
				pdf.ImageOptions(name, it.X.Pt(), it.Y.Pt(), it.W.Pt(), it.H.Pt(), false, opts, 0, "")
			}
			if err := pdf.Error(); err != nil {
				return nil, fmt.Errorf("pdfout: %w", err)
			}
		}
		bookmarks(pdf, d, pi+1, &level)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdfout: %w", err)
	}
	out := buf.Bytes()
	// PDF 32000 §9.6.4: a subset font's name is a tag of six capital
	// letters and "+". fpdf names its fonts "utf8" + family, so the family
	// carries three placeholder letters and the name is patched in place
	// (same length: the cross-reference offsets stay right).
	for _, t := range tags {
		out = bytes.ReplaceAll(out, []byte("/"+t[0]), []byte("/"+t[1]))
	}
	return out, nil
}

// tagRoom holds the place of the subset tag in the family name fpdf writes
// after its "utf8" prefix ("utf8" + tagRoom is as long as "ABCDEF+").
const tagRoom = "sub"

// family is the name a face is registered under with fpdf.
func family(face string) string { return tagRoom + face }

// subsetTag returns fpdf's name for a face and the name with a subset tag
// derived from the face and the characters printed in it, given in rune
// order (deterministic).
func subsetTag(face string, runes []rune) [2]string {
	h := fnv.New64a()
	h.Write([]byte(face))
	for _, r := range runes {
		binary.Write(h, binary.BigEndian, r)
	}
	v := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + byte(v%26)
		v /= 26
	}
	name := strings.ToLower(face)
	return [2]string{"utf8" + tagRoom + name, string(tag) + "+" + name}
}

// privateCodes gives each character outside the BMP a private-use code
// (U+E000 up, skipping codes printed as themselves), since the writer
// handles only BMP codes. alias maps each code back to its character.
func privateCodes(used map[rune]bool) (codes, alias map[rune]rune) {
	var big []rune
	for r := range used {
		if r > 0xFFFF {
			big = append(big, r)
		}
	}
	if len(big) == 0 {
		return nil, nil
	}
	slices.Sort(big)
	codes, alias = map[rune]rune{}, map[rune]rune{}
	next := rune(0xE000)
	for _, r := range big {
		for used[next] {
			next++
		}
		codes[r], alias[next] = next, r
		next++
	}
	return codes, alias
}

// actualText opens a marked-content span whose text is r: the glyph is
// drawn by a private-use code, and copying or extracting the text gives
// the real character (PDF 32000 §14.9.4).
func actualText(r rune) string {
	var b strings.Builder
	b.WriteString("/Span <</ActualText <FEFF")
	for _, u := range utf16.Encode([]rune{r}) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">>> BDC\n")
	return b.String()
}

func drawText(pdf *fpdf.Fpdf, it display.Item, opt Options, pua map[string]map[rune]rune) {
	col := it.Color
	pdf.RawWriteStr("q " + cmyk(col, "k") + " " + cmyk(col, "K") + "\n")
	bold := false
	face := ""
	for _, g := range it.Glyphs {
		if g.Face != face {
			pdf.SetFont(family(g.Face), "", it.Size.Pt())
			face = g.Face
		}
		if g.Bold != bold {
			if g.Bold {
				w := float64(it.Size) * float64(opt.FauxBoldMilliEm) / 1e6
				pdf.RawWriteStr(fmt.Sprintf("2 Tr %.3f w\n", w))
			} else {
				pdf.RawWriteStr("0 Tr\n")
			}
			bold = g.Bold
		}
		if g.ScaleX != 0 {
			// a stretched dash: scaled about its origin
			pdf.TransformBegin()
			pdf.TransformScaleX(float64(g.ScaleX)/10, g.X.Pt(), it.Y.Pt())
			pdf.Text(g.X.Pt(), it.Y.Pt(), string(g.R))
			pdf.TransformEnd()
			continue
		}
		if c, ok := pua[g.Face][g.R]; ok {
			pdf.RawWriteStr(actualText(g.R))
			pdf.Text(g.X.Pt(), it.Y.Pt(), string(c))
			pdf.RawWriteStr("EMC\n")
			continue
		}
		pdf.Text(g.X.Pt(), it.Y.Pt(), string(g.R))
	}
	pdf.RawWriteStr("Q\n")
}

// cmyk writes a colour operator: k for fill, K for stroke.
func cmyk(c display.Color, op string) string {
	f := func(v int) string {
		switch v {
		case 0:
			return "0"
		case 100:
			return "1"
		}
		return fmt.Sprintf("%.2f", float64(v)/100)
	}
	return f(c.C) + " " + f(c.M) + " " + f(c.Y) + " " + f(c.K) + " " + op
}

func crc(b []byte) uint32 {
	var h uint32 = 2166136261
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}
