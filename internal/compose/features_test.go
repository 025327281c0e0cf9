package compose

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"strings"
	"testing"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
	"jianbao/internal/picture"
)

func para(text string) doc.Block {
	pos := diag.Pos{File: "a.md", Line: 5, Col: 1}
	return doc.Block{Kind: doc.Para, Pos: pos, Runs: []doc.Run{{Text: text, Pos: pos}}}
}

func items(d *display.Document, role string) (out []display.Item, pages []int) {
	for i, p := range d.Pages {
		for _, it := range p.Items {
			if it.Role == role {
				out = append(out, it)
				pages = append(pages, i+1)
			}
		}
	}
	return
}

func compose(t *testing.T, is *doc.Issue) *display.Document {
	t.Helper()
	d, errs := Compose(is, spec(t))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	return d
}

// An editor's note is set in 楷体, in from both sides by the layout's inset,
// justified to that narrower measure on the grid, with its 编者按 label in
// 黑体 and a blank line before the body.
func TestEditorsNote(t *testing.T) {
	sp := spec(t)
	note := "编者按：" + strings.Repeat("为深入学习贯彻党的二十大精神，现将有关情况编发，供参阅。", 3)
	is := issueWith("正文第一段。")
	is.Articles[0].Blocks = append([]doc.Block{{Kind: doc.Note, Runs: []doc.Run{{Text: note}}}}, is.Articles[0].Blocks...)
	d := compose(t, is)
	lines, _ := items(d, "note")
	if len(lines) < 3 {
		t.Fatalf("%d note lines", len(lines))
	}
	pitch := sp.CharPitch()
	inset := Len(sp.Note.Inset) * pitch
	measure := sp.GridW() - 2*inset
	var got strings.Builder
	for i, ln := range lines {
		got.WriteString(ln.Text)
		if ln.X != sp.Left()+inset {
			t.Errorf("note line %d at x=%v, want the text block's edge plus %v", i+1, ln.X, inset)
		}
		if i < len(lines)-1 && ln.W != measure {
			t.Errorf("note line %d is %v wide, want the inset measure %v", i+1, ln.W, measure)
		}
		if ln.X+ln.W > sp.Left()+sp.BlockW()-inset {
			t.Errorf("note line %d reaches into the right inset", i+1)
		}
	}
	if got.String() != note {
		t.Fatalf("note text %q", got.String())
	}
	first := lines[0].Glyphs
	for k, g := range first {
		want := sp.Fonts["kaiti"].Face
		if k < 4 {
			want = sp.Fonts["heiti"].Face // 编者按：
		}
		if g.Face != want {
			t.Fatalf("glyph %d %q in %s, want %s", k, g.R, g.Face, want)
		}
	}
	// the first-line indent is two grid cells inside the inset
	if first[0].X != lines[0].X+2*pitch {
		t.Errorf("first glyph at %v, want indent of two cells", first[0].X-lines[0].X)
	}
	body, _ := items(d, "body")
	if gap := body[0].Y - lines[len(lines)-1].Y; gap != 2*sp.LinePitch() {
		t.Errorf("body starts %v below the note's last line, want two line pitches (one blank line)", gap)
	}
}

func TestIssueLineWording(t *testing.T) {
	cases := []struct {
		special string
		total   int
		want    string
	}{
		{"", 544, "2026年第1期（总第544期）"},
		{"", 0, "2026年第1期"},
		{"增刊", 0, "2026年增刊第1期"},
		{"特刊", 0, "2026年特刊第1期"},
	}
	for _, c := range cases {
		is := issueWith("正文。")
		is.Special, is.Total = c.special, c.total
		il, _ := items(compose(t, is), "issue")
		if len(il) != 1 || il[0].Text != c.want {
			t.Errorf("special %q total %d: issue line %v, want %q", c.special, c.total, il, c.want)
		}
	}
}

// The classification mark sits top-left of page 1; 报, 送 and 发 groups and
// the print run close the last page, each group under its own rule.
func TestClassificationDistributionCopies(t *testing.T) {
	sp := spec(t)
	is := issueWith("正文。")
	is.Classification = doc.Text{S: "内部资料 注意保存"}
	is.Distribution = []doc.Group{
		{Label: "报", List: true, To: []doc.Text{{S: "上级机关"}}},
		{Label: "送", To: []doc.Text{{S: "甲单位"}, {S: "乙单位"}}},
		{Label: "发", To: []doc.Text{{S: "各区局"}, {S: "各企业"}}},
	}
	is.Copies = 120
	d := compose(t, is)
	cl, pages := items(d, "classification")
	if len(cl) != 1 || pages[0] != 1 || cl[0].X != sp.Left() || cl[0].Y > sp.Top()+sp.LinePitch() {
		t.Fatalf("classification %+v on page %v", cl, pages)
	}
	masthead, _ := items(d, "masthead")
	if cl[0].Y >= masthead[0].Y {
		t.Error("classification is not above the masthead")
	}
	dist, _ := items(d, "dist")
	var texts []string
	for _, it := range dist {
		texts = append(texts, it.Text)
	}
	want := []string{"报：上级机关", "送：甲单位，乙单位", "发：各区局，各企业", "共印120份"}
	if strings.Join(texts, "|") != strings.Join(want, "|") {
		t.Fatalf("distribution %q, want %q", texts, want)
	}
	last := dist[len(dist)-1]
	if right := last.X + last.W; right != sp.Left()+sp.BlockW()-sp.Distribution.Inset.Of(last.Size) {
		t.Errorf("共印 line ends at %v, not at the right inset", right)
	}
	seps, _ := items(d, "dist.sep")
	if len(seps) != 3 {
		t.Errorf("%d separating rules, want 3 (between 报/送/发 and before 共印)", len(seps))
	}
}

func photo(t *testing.T, w, h int) *picture.Picture {
	t.Helper()
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = uint8(i * 7)
	}
	for y := 0; y < h; y++ {
		m.Set(0, y, color.Black)
	}
	var b bytes.Buffer
	jpeg.Encode(&b, m, nil)
	p, err := picture.Load(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func figBlock(t *testing.T, w, h int, caption string) doc.Block {
	b := doc.Block{Kind: doc.Figure, Image: "p.jpg", Picture: photo(t, w, h)}
	if caption != "" {
		b.Runs = []doc.Run{{Text: caption}}
	}
	return b
}

// gridY reports whether a body baseline sits on a grid row.
func onGrid(t *testing.T, y Len) bool {
	sp := spec(t)
	first := baseline(sp.Top(), sp.LinePitch(), sp.Body.Size.Abs)
	return (y-first)%sp.LinePitch() == 0
}

func TestFigure(t *testing.T) {
	sp := spec(t)
	cases := []struct {
		name    string
		w, h    int
		wantW   Len
		wantPxW int
	}{
		// 4000 px at the assumed 96 dpi is wider than the block: block
		// width, scaled to 300 dpi (442.2 pt → 1843 px)
		{"camera photo", 4000, 3000, sp.BlockW(), 1843},
		// 300 px at 96 dpi is 225 pt: printed at that natural size, and
		// its pixels are kept
		{"small picture", 300, 200, 225 * display.Pt, 300},
	}
	for _, c := range cases {
		is := issueWith("正文在图片之前。")
		is.Articles[0].Blocks = append(is.Articles[0].Blocks, figBlock(t, c.w, c.h, "图为活动现场"), para("正文在图片之后。"))
		sp := spec(t)
		sp.Image.NoFloat = true // the text after stays after the photo
		d, errs := Compose(is, sp)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		imgs, _ := items(d, "figure")
		if len(imgs) != 1 {
			t.Fatalf("%s: %d images", c.name, len(imgs))
		}
		im := imgs[0]
		if im.W != c.wantW {
			t.Errorf("%s: printed %v wide, want %v", c.name, im.W, c.wantW)
		}
		if wantH := im.W * Len(c.h) / Len(c.w); im.H < wantH-1 || im.H > wantH+1 {
			t.Errorf("%s: printed %v high, want %v (aspect ratio kept)", c.name, im.H, wantH)
		}
		if l, r := im.X-sp.Left(), sp.Left()+sp.BlockW()-(im.X+im.W); l-r > 1 || r-l > 1 {
			t.Errorf("%s: not centred (%v left, %v right)", c.name, l, r)
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Image))
		if err != nil || cfg.Width != c.wantPxW {
			t.Errorf("%s: embedded %d px wide (%v), want %d", c.name, cfg.Width, err, c.wantPxW)
		}
		caps, _ := items(d, "caption")
		if len(caps) != 1 || caps[0].Text != "图为活动现场" || caps[0].Y <= im.Y+im.H || caps[0].Size != sp.Caption.Size.Abs {
			t.Fatalf("%s: caption %+v", c.name, caps)
		}
		if l, r := caps[0].X-sp.Left(), sp.Left()+sp.BlockW()-(caps[0].X+caps[0].W); l-r > 1 || r-l > 1 {
			t.Errorf("%s: caption not centred", c.name)
		}
		body, _ := items(d, "body")
		after := body[len(body)-1]
		if after.Y <= caps[0].Y || !onGrid(t, after.Y) {
			t.Errorf("%s: text after the figure at y=%v is not on the grid below it", c.name, after.Y)
		}
		if after.Y-sp.LinePitch() < caps[0].Y {
			t.Errorf("%s: text after the figure crowds the caption", c.name)
		}
	}
}

// A figure that does not fit in the rest of a page moves whole to the
// next; a very tall one is scaled to fit a page with its caption.
func TestFigureNeverSplits(t *testing.T) {
	sp := spec(t)
	long := strings.Repeat("这是一段用来填满版面的正文文字。", 60)
	is := issueWith(long)
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, figBlock(t, 1600, 1200, "说明"), para("其后正文。"))
	d := compose(t, is)
	imgs, pages := items(d, "figure")
	caps, cpages := items(d, "caption")
	if pages[0] != cpages[0] {
		t.Fatal("caption on another page than its photo")
	}
	if bottom := caps[0].Y + caps[0].Size; bottom > sp.Top()+sp.BlockH() {
		t.Fatal("caption below the text block")
	}
	if imgs[0].Y < sp.Top() || imgs[0].Y+imgs[0].H > sp.Top()+sp.BlockH() {
		t.Fatal("photo outside the text block")
	}

	is = issueWith("正文。")
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, figBlock(t, 1000, 4000, "很高的图片"))
	d = compose(t, is)
	imgs, _ = items(d, "figure")
	caps, _ = items(d, "caption")
	if imgs[0].H > Len(sp.Grid.Lines-1)*sp.LinePitch() {
		t.Fatalf("tall photo printed %v high, more than a page allows", imgs[0].H)
	}
	if wantW := imgs[0].H * 1000 / 4000; imgs[0].W < wantW-1 || imgs[0].W > wantW+1 {
		t.Errorf("tall photo %v × %v: aspect ratio lost", imgs[0].W, imgs[0].H)
	}
	if caps[0].Y+caps[0].Size > sp.Top()+sp.BlockH() {
		t.Error("tall photo's caption falls below the text block")
	}
}

// Characters a role's face lacks are set in its fallback face and listed
// in one note per role; with text.fallback: error they are errors.
func TestFallbackNotes(t *testing.T) {
	is := issueWith("李喆和王堃，张喆。")
	sp := spec(t)
	_, notes, errs := ComposeNotes(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(notes) != 1 || !strings.Contains(notes[0].Error(), "a.md:3:2: 2 个字符不在「仿宋」字体中，用后备字体「宋体」排印：喆、堃") {
		t.Errorf("notes: %v", notes)
	}
	sp.Text.Fallback = "error"
	_, _, errs = ComposeNotes(issueWith("李喆和王堃，张喆。"), sp)
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), "a.md:3:2: 字符「喆」(U+5586) 不在字体「仿宋」中，只能用后备字体「宋体」排印") {
		t.Errorf("errors: %v", errs)
	}
}

// Photos side by side of unequal widths stand as one group centred on
// the text block, two characters apart; when captions wider than their
// photos would crowd each other, each photo is centred in its column.
func TestPhotoRowCentred(t *testing.T) {
	const left, width, char = Len(79370), Len(442210), Len(15790)
	gap := 2 * char
	colW := (width - gap) / 2
	capLine := func(w Len) []linebreak.Line { return []linebreak.Line{{Width: w}} }
	a := &figure{w: 182500, caption: capLine(189000)}
	b := &figure{w: 205310, caption: capLine(154000)}
	xs := rowXs([]*figure{a, b}, colW, gap, left, width, char)
	lo, hi := xs[0], xs[1]+b.w
	if d := (lo - left) - (left + width - hi); d < -1 || d > 1 {
		t.Errorf("group %v–%v is not centred on %v–%v", lo, hi, left, left+width)
	}
	if xs[1]-(xs[0]+a.w) != gap {
		t.Errorf("photos %v apart, want %v", xs[1]-(xs[0]+a.w), gap)
	}
	// narrow portrait photos with captions as wide as their columns
	n1 := &figure{w: 100000, caption: capLine(colW)}
	n2 := &figure{w: 100000, caption: capLine(colW)}
	xs = rowXs([]*figure{n1, n2}, colW, gap, left, width, char)
	if xs[0] != left+(colW-n1.w)/2 || xs[1] != left+colW+gap+(colW-n2.w)/2 {
		t.Errorf("crowded captions: photos at %v, want centred in their columns", xs)
	}
}
