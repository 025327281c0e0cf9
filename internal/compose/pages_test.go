package compose

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/layout"
	"jianbao/internal/picture"
)

func docBlock(kind doc.Kind, text string) doc.Block {
	pos := diag.Pos{File: "a.md", Line: 5, Col: 1}
	return doc.Block{Kind: kind, Pos: pos, Runs: []doc.Run{{Text: text, Pos: pos}}}
}

// lastText is the last article item on a page (page numbers and the
// 报/送 block aside).
func lastText(p display.Page) (display.Item, bool) {
	for i := len(p.Items) - 1; i >= 0; i-- {
		it := p.Items[i]
		if it.Kind == display.Rule || it.Role == "pageno" || it.Role == "dist" {
			continue
		}
		return it, true
	}
	return display.Item{}, false
}

var headingRoles = map[string]bool{"title": true, "subtitle": true, "h1": true, "h2": true, "h3": true}

// filler is body text of n characters.
func filler(n int) string {
	s := strings.Repeat("推进基层治理工作，服务群众取得实效。", n/18+1)
	return string([]rune(s)[:n])
}

// A heading followed by a subheading never ends a page: with two rows
// free at the foot, 一、 and （一） and two lines of text go together to
// the next page.
func TestHeadingChainKept(t *testing.T) {
	sp := spec(t)
	for lead := 8; lead <= 30; lead++ {
		is := issueWith(filler(28 * lead))
		is.Articles[0].Blocks = append(is.Articles[0].Blocks, docBlock(doc.Heading1, "一、聚焦重点领域，守牢安全底线"), docBlock(doc.Heading2, "（一）排查隐患"), para(filler(200)))
		d := compose(t, is)
		for i, p := range d.Pages {
			if it, ok := lastText(p); ok && headingRoles[it.Role] {
				t.Errorf("lead %d: page %d ends on %s %q", lead, i+1, it.Role, it.Text)
			}
		}
		_ = sp
	}
}

func distIssue(text string, units int) *doc.Issue {
	is := issueWith(text)
	var to []doc.Text
	for i := 0; i < units; i++ {
		to = append(to, doc.Text{S: fmt.Sprintf("上海市第%d单位", i+1)})
	}
	is.Distribution = []doc.Group{{Label: "报", List: true, To: to}}
	return is
}

// distPage returns the page holding the 报/送 block and whether it has
// article text too.
func distPage(d *display.Document) (int, bool) {
	for i, p := range d.Pages {
		dist, text := false, false
		for _, it := range p.Items {
			switch {
			case it.Role == "dist":
				dist = true
			case it.Kind == display.Image || it.Kind == display.Text && it.Role != "pageno":
				text = true
			}
		}
		if dist {
			return i + 1, text
		}
	}
	return 0, false
}

// The 报/送 block shares the last page with the end of the text: the page
// before breaks earlier, within the widow and orphan rules; a credit line
// stays with its article; a 落款 stays with its text.
func TestDistributionNeverAlone(t *testing.T) {
	sp := spec(t)
	for n := 200; n <= 900; n += 7 {
		for _, tail := range []string{"", "credit", "closing"} {
			is := distIssue(filler(n), 5)
			switch tail {
			case "credit":
				is.Articles[0].Blocks = append(is.Articles[0].Blocks, para("（浦东新区教育局供稿）"))
			case "closing":
				is.Articles[0].Blocks = append(is.Articles[0].Blocks, docBlock(doc.Closing, "浦东新区教育局"), docBlock(doc.Closing, "2026年2月20日"))
			}
			d, notes, errs := ComposeNotes(is, sp)
			if len(errs) > 0 {
				t.Fatal(errs)
			}
			pg, text := distPage(d)
			if !text {
				t.Errorf("%d characters, %s: the block stands alone on page %d (notes %v)", n, tail, pg, notes)
			}
			if tail != "" {
				last := d.Pages[pg-1]
				body := 0
				for _, it := range last.Items {
					if it.Role == "body" {
						body++
					}
				}
				if tail == "credit" && body < 2 || tail == "closing" && body < 1 {
					t.Errorf("%d characters, %s: the %s is not with the text (%d body lines on page %d)", n, tail, tail, body, pg)
				}
			}
		}
	}
}

// With distribution.even_page the block goes to the foot of an even page,
// adding a page where needed, and says so.
func TestDistributionEvenPage(t *testing.T) {
	sp := spec(t)
	sp.Distribution.EvenPage = true
	d, notes, errs := ComposeNotes(distIssue(filler(100), 3), sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if pg, _ := distPage(d); pg != 2 || len(d.Pages) != 2 {
		t.Errorf("block on page %d of %d, want 2 of 2", pg, len(d.Pages))
	}
	if !strings.Contains(notes.Error(), "报/送栏放在第 2 页（偶数页）页脚") {
		t.Errorf("no note: %v", notes)
	}
}

// A photo that does not fit floats to the top of the next page and the
// text after it fills the current page; with image.no_float it stays
// where written.
func TestFloatingPhoto(t *testing.T) {
	for _, noFloat := range []bool{false, true} {
		sp := spec(t)
		sp.Image.NoFloat = noFloat
		is := issueWith(filler(28 * 10))
		is.Articles[0].Blocks = append(is.Articles[0].Blocks, figBlock(t, 1600, 1200, "图为现场"), para(filler(100)))
		d, errs := Compose(is, sp)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		_, figPages := items(d, "figure")
		body, bodyPages := items(d, "body")
		first := -1 // the first line of the paragraph after the photo
		for i, it := range body {
			if it.Line == "a1.p3.1" {
				first = i
			}
		}
		if first < 0 {
			t.Fatal("no text after the photo")
		}
		switch {
		case !noFloat && (figPages[0] != 2 || bodyPages[first] != 1 || d.Pages[1].Items[0].Kind != display.Image):
			t.Errorf("float: photo on page %d (first on its page: %v), the text after it starts on page %d", figPages[0], d.Pages[1].Items[0].Kind == display.Image, bodyPages[first])
		case noFloat && bodyPages[first] != 2:
			t.Errorf("no_float: the text after the photo starts on page %d, want 2", bodyPages[first])
		}
		if !noFloat && 3*d.Pages[0].Fill < 2*d.Pages[0].Rows {
			t.Errorf("float: page 1 is only %d/%d full", d.Pages[0].Fill, d.Pages[0].Rows)
		}
	}
}

// A title that would leave more than a third of a page empty drops its
// blank line before, then sets its lines one per grid row.
func TestTightTitle(t *testing.T) {
	sp := spec(t)
	for lead := 6; lead <= 14; lead++ {
		is := issueWith(filler(28 * lead))
		is.Articles = append(is.Articles, &doc.Article{
			Title:  docBlock(doc.Title, "浦东邮政管理局参加浦东新区深化产业工人队伍建设改革工作推进会推动行业技能人才队伍建设"),
			Blocks: []doc.Block{para(filler(28 * 3))},
		})
		d := compose(t, is)
		if len(d.Pages) > 1 && 3*d.Pages[0].Fill < 2*d.Pages[0].Rows {
			t.Errorf("%d lines of text: page 1 only %d/%d full before the second title", lead, d.Pages[0].Fill, d.Pages[0].Rows)
		}
		_ = sp
	}
}

// The issue date: a year that differs from issue.year is a note in
// build (tested there); composition reports nothing about it.
var _ = time.Now

// TestCorpus composes 200 random issues and checks every page: no page
// ends on a heading; the 报/送 block is never alone unless reported; no
// text or photo overlaps another or leaves the text block; no page but
// the last is less than half full unless a photo waiting for the next
// page explains it.
func TestCorpus(t *testing.T) {
	sp := spec(t)
	pics := []*picture.Picture{photo(t, 240, 180), photo(t, 900, 600), photo(t, 600, 900)}
	n := 200
	if testing.Short() {
		n = 40
	}
	for seed := 0; seed < n; seed++ {
		r := rand.New(rand.NewPCG(uint64(seed), 9704))
		is := randomIssue(r, pics)
		d, notes, errs := ComposeNotes(is, sp)
		if len(errs) > 0 {
			t.Fatalf("seed %d: %v", seed, errs)
		}
		checkPages(t, seed, d, notes, sp.Left(), sp.Top(), sp.Left()+sp.BlockW(), sp.Top()+sp.BlockH())
	}
}

func randomIssue(r *rand.Rand, pics []*picture.Picture) *doc.Issue {
	is := issueWith("x")
	is.Articles = nil
	for a := 0; a < 1+r.IntN(5); a++ {
		art := &doc.Article{Title: docBlock(doc.Title, filler(8+r.IntN(32)))}
		if r.IntN(4) == 0 {
			art.Blocks = append(art.Blocks, docBlock(doc.Note, "编者按："+filler(30+r.IntN(150))))
		}
		for k := 0; k < 1+r.IntN(8); k++ {
			switch r.IntN(10) {
			case 0:
				art.Blocks = append(art.Blocks, docBlock(doc.Heading1, "一、"+filler(4+r.IntN(14))))
			case 1:
				art.Blocks = append(art.Blocks, docBlock(doc.Heading2, "（一）"+filler(4+r.IntN(10))))
			case 2:
				b := doc.Block{Kind: doc.Figure, Image: "p.jpg", Picture: pics[r.IntN(len(pics))]}
				if r.IntN(2) == 0 {
					b.Runs = []doc.Run{{Text: "图为" + filler(4+r.IntN(30))}}
				}
				art.Blocks = append(art.Blocks, b)
			default:
				art.Blocks = append(art.Blocks, para(filler(10+r.IntN(400))))
			}
		}
		if k := art.Blocks[len(art.Blocks)-1].Kind; k == doc.Heading1 || k == doc.Heading2 {
			art.Blocks = append(art.Blocks, para(filler(10+r.IntN(200)))) // an article does not end on a heading
		}
		switch r.IntN(4) {
		case 0:
			art.Blocks = append(art.Blocks, para("（某区某局供稿）"))
		case 1:
			art.Blocks = append(art.Blocks, docBlock(doc.Closing, "某区某局"), docBlock(doc.Closing, "2026年2月20日"))
		}
		is.Articles = append(is.Articles, art)
	}
	if units := r.IntN(12); units > 0 {
		var to []doc.Text
		for i := 0; i < units; i++ {
			to = append(to, doc.Text{S: filler(4 + r.IntN(20))})
		}
		is.Distribution = []doc.Group{{Label: "报", List: r.IntN(2) == 0, To: to}}
	}
	return is
}

func checkPages(t *testing.T, seed int, d *display.Document, notes diag.List, left, top, right, bottom Len) {
	t.Helper()
	const eps = 1000 // 1 pt
	type box struct {
		x0, y0, x1, y1 Len
		what           string
	}
	for pi, p := range d.Pages {
		var boxes []box
		for _, it := range p.Items {
			var b box
			switch {
			case it.Kind == display.Image:
				b = box{it.X, it.Y, it.X + it.W, it.Y + it.H, "photo"}
			case it.Kind == display.Text && it.Role != "pageno":
				b = box{it.X, it.Y - it.Size*880/1000, it.X + it.W, it.Y + it.Size*120/1000, it.Role + " " + it.Text}
			default:
				continue
			}
			if b.x0 < left-eps || b.x1 > right+eps || b.y0 < top-eps || b.y1 > bottom+eps {
				t.Errorf("seed %d page %d: %q leaves the text block", seed, pi+1, b.what)
			}
			for _, o := range boxes {
				if b.x0 < o.x1-eps && o.x0 < b.x1-eps && b.y0 < o.y1-eps && o.y0 < b.y1-eps {
					t.Errorf("seed %d page %d: %q overlaps %q", seed, pi+1, b.what, o.what)
				}
			}
			boxes = append(boxes, b)
		}
		if it, ok := lastText(p); ok && headingRoles[it.Role] {
			t.Errorf("seed %d page %d ends on %s %q", seed, pi+1, it.Role, it.Text)
		}
		if pi < len(d.Pages)-1 && 2*p.Fill < p.Rows {
			float := false // a photo that did not fit here opens the next page (after its title)
			for _, it := range d.Pages[pi+1].Items {
				if it.Kind == display.Image {
					float = true
				}
				if it.Kind == display.Image || it.Role == "body" || it.Role == "note" {
					break
				}
			}
			if !float {
				t.Errorf("seed %d page %d is only %d/%d full", seed, pi+1, p.Fill, p.Rows)
			}
		}
	}
	if pg, text := distPage(d); pg > 0 && !text && !strings.Contains(notes.Error(), "只有报/送栏") {
		t.Errorf("seed %d: the 报/送 block stands alone on page %d, unreported", seed, pg)
	}
}

// An article marked new_page and an explicit page break start new pages.
func TestNewPageAndPageBreak(t *testing.T) {
	is := issueWith("第一篇正文。")
	is.Articles = append(is.Articles, &doc.Article{Title: docBlock(doc.Title, "第二篇"), NewPage: true,
		Blocks: []doc.Block{para("分页之前。"), {Kind: doc.PageBreak}, para("分页之后。")}})
	d := compose(t, is)
	titles, tp := items(d, "title")
	body, bp := items(d, "body")
	if len(d.Pages) != 3 || len(titles) != 2 || tp[1] != 2 {
		t.Fatalf("%d pages; second title on page %v", len(d.Pages), tp)
	}
	for i, it := range body {
		want := map[string]int{"第一篇正文。": 1, "分页之前。": 2, "分页之后。": 3}[it.Text]
		if bp[i] != want {
			t.Errorf("%q on page %d, want %d", it.Text, bp[i], want)
		}
	}
}

// An editor's line break in a title is kept; a full-width space is a
// preferred break, never printed; more than three lines is noted.
func TestTitleBreaks(t *testing.T) {
	title := func(runs ...string) *doc.Issue {
		is := issueWith("正文。")
		var rs []doc.Run
		for _, r := range runs {
			rs = append(rs, doc.Run{Text: r})
		}
		is.Articles[0].Title = doc.Block{Kind: doc.Title, Runs: rs}
		return is
	}
	lines := func(is *doc.Issue) ([]string, diag.List) {
		d, notes, errs := ComposeNotes(is, spec(t))
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		ts, _ := items(d, "title")
		var out []string
		for _, it := range ts {
			out = append(out, it.Text)
		}
		return out, notes
	}
	if got, _ := lines(title("上海市邮政快递行业启动", "\n", "关爱服务月活动")); strings.Join(got, "|") != "上海市邮政快递行业启动|关爱服务月活动" {
		t.Errorf("forced break: %q", got)
	}
	if got, _ := lines(title("短标题\u3000不断")); strings.Join(got, "|") != "短标题不断" {
		t.Errorf("a space in a title that fits one line: %q", got)
	}
	if got, _ := lines(title("浦东邮政管理局参加浦东新区深化产业工人队伍建设改革工作推进会\u3000推动行业技能人才队伍建设")); len(got) < 2 || got[len(got)-1] != "推动行业技能人才队伍建设" {
		t.Errorf("preferred break: %q", got)
	}
	_, notes := lines(title("一", "\n", "二", "\n", "三", "\n", "四"))
	if !strings.Contains(notes.Error(), "标题排成了 4 行") {
		t.Errorf("no note for a 4-line title: %v", notes)
	}
}

// A photo's width as written (share of the block, mm, characters); two
// photos side by side, top-aligned in equal columns, each caption under
// its own photo, nothing overlapping.
func TestPhotoWidthsAndRows(t *testing.T) {
	sp := spec(t)
	for w, want := range map[string]Len{"50%": sp.BlockW() / 2, "60mm": display.MM(60), "12字": 12 * sp.CharPitch()} {
		is := issueWith("正文。")
		fb := figBlock(t, 4000, 3000, "图为现场")
		fb.Width = w
		is.Articles[0].Blocks = append(is.Articles[0].Blocks, fb)
		imgs, _ := items(compose(t, is), "figure")
		if d := imgs[0].W - want; d > 1 || d < -1 {
			t.Errorf("width %s: printed %v, want %v", w, imgs[0].W, want)
		}
	}
	is := issueWith("正文。")
	left, right := figBlock(t, 1600, 1200, "图为左边的照片"), figBlock(t, 1200, 1600, "图为右边的照片，说明较长需要转行排")
	right.Beside = true
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, left, right, para("其后正文。"))
	d := compose(t, is)
	imgs, ip := items(d, "figure")
	caps, _ := items(d, "caption")
	if len(imgs) != 2 || ip[0] != ip[1] || imgs[0].Y != imgs[1].Y || imgs[0].X+imgs[0].W >= imgs[1].X {
		t.Fatalf("not side by side: %+v", imgs)
	}
	for _, c := range caps {
		owner := imgs[0]
		if c.X > imgs[0].X+imgs[0].W {
			owner = imgs[1]
		}
		if c.Y <= owner.Y+owner.H || c.X < owner.X-sp.CharPitch()*2 || c.X+c.W > owner.X+owner.W+sp.CharPitch()*2 {
			t.Errorf("caption %q not under its photo", c.Text)
		}
	}
	checkPages(t, 0, d, nil, sp.Left(), sp.Top(), sp.Left()+sp.BlockW(), sp.Top()+sp.BlockH())
}

func cellRuns(s string) []doc.Run { return []doc.Run{{Text: s}} }

func tableDoc(rows int, cols []string, wide string) doc.Block {
	t := &doc.TableData{Header: 1, Align: []byte{0, 'r', 'r'}}
	var head []doc.Cell
	for _, h := range cols {
		head = append(head, doc.Cell{Runs: cellRuns(h), Span: 1})
	}
	t.Rows = append(t.Rows, head)
	for i := 0; i < rows; i++ {
		name := fmt.Sprintf("第%d区", i+1)
		if i == 0 {
			name = wide
		}
		t.Rows = append(t.Rows, []doc.Cell{{Runs: cellRuns(name), Span: 1}, {Runs: cellRuns(fmt.Sprintf("%d,%03d.5", i+1, i*7)), Span: 1}, {Runs: cellRuns(fmt.Sprintf("%d.%d%%", i, i%10)), Span: 1}})
	}
	return doc.Block{Kind: doc.Table, Table: t, Runs: cellRuns("表1 各区快递业务量")}
}

// A table: title above, header in 黑体, numbers right-aligned, long cells
// wrapped, broken between rows with the header repeated; every cell's
// text placed; nothing outside the block or overlapping.
func TestTable(t *testing.T) {
	sp := spec(t)
	is := issueWith(filler(28 * 6))
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, tableDoc(40, []string{"区", "业务量（万件）", "同比"}, "浦东新区（含临港新片区）邮政快递业务合计"), para("表后正文。"))
	d, notes, errs := ComposeNotes(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	heads, hp := items(d, "table.head")
	cells, _ := items(d, "table")
	titles, _ := items(d, "table.title")
	if len(titles) != 1 || titles[0].Text != "表1 各区快递业务量" {
		t.Errorf("title: %+v", titles)
	}
	if len(hp) < 6 || hp[len(hp)-1] == hp[0] {
		t.Errorf("the header is not repeated on the next page: pages %v", hp)
	}
	for _, h := range heads {
		if h.Glyphs[0].Face != "NotoSansSC-Medium" {
			t.Errorf("header %q in %s, want 黑体", h.Text, h.Glyphs[0].Face)
		}
	}
	text := ""
	for _, c := range cells {
		text += c.Text
	}
	for i := 1; i <= 40; i++ {
		if !strings.Contains(text, fmt.Sprintf("%d,%03d.5", i, (i-1)*7)) {
			t.Errorf("row %d's number is missing", i)
		}
	}
	if !strings.Contains(text, "浦东新区（含临港新片区）") {
		t.Error("the long cell is missing")
	}
	// numbers flush right in their column: the right edges of column 2 agree
	right := map[Len]int{}
	for _, c := range cells {
		if strings.Contains(c.Text, ",") {
			right[c.X+c.W]++
		}
	}
	if len(right) != 1 {
		t.Errorf("column 2 is not right-aligned: %v", right)
	}
	checkPages(t, 0, d, notes, sp.Left(), sp.Top(), sp.Left()+sp.BlockW(), sp.Top()+sp.BlockH())
	// too wide: 20 columns of long numbers
	wide := &doc.TableData{Header: 1}
	var row []doc.Cell
	for i := 0; i < 20; i++ {
		row = append(row, doc.Cell{Runs: cellRuns("12345678.90"), Span: 1})
	}
	wide.Rows = [][]doc.Cell{row, row}
	is = issueWith("正文。")
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, doc.Block{Kind: doc.Table, Table: wide, Pos: diag.Pos{File: "a.md", Line: 9, Col: 1}})
	if _, errs := Compose(is, sp); len(errs) != 1 || !strings.Contains(errs[0].Error(), "a.md:9:1: 表格太宽：20 列至少要") {
		t.Errorf("too wide: %v", errs)
	}
}

// A three-line table has no vertical rules, and thicker outer rules.
func TestThreeLineTable(t *testing.T) {
	sp := spec(t)
	sp.Table.Rules = "three-line"
	is := issueWith("正文。")
	is.Articles[0].Blocks = append(is.Articles[0].Blocks, tableDoc(3, []string{"区", "件数", "同比"}, "浦东"))
	d, errs := Compose(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	rules, _ := items(d, "table.rule")
	thick := 0
	for _, r := range rules {
		if r.W < r.H {
			t.Fatalf("a vertical rule in a three-line table: %+v", r)
		}
		if r.H == 2*sp.Table.Rule.Abs {
			thick++
		}
	}
	if thick != 2 || len(rules) != 3 {
		t.Errorf("%d rules, %d thick; want top and bottom thick and one under the header", len(rules), thick)
	}
}

// An inline 报/送 group breaks between units; only a unit longer than a
// line is broken inside.
func TestDistributionUnits(t *testing.T) {
	units := []string{"上海市文明办", "上海市建交党委办公室", "上海市建交系统文明办", "上海市交通委文明办", "上海市邮政管理局局领导、各处室、派出机构、文明办", "上海市快递行业协会", "各快递企业", "中共上海市某某区委某某工作委员会某某某某某某某办公室某某某某某某科"}
	is := issueWith("正文。")
	var to []doc.Text
	for _, u := range units {
		to = append(to, doc.Text{S: u})
	}
	is.Distribution = []doc.Group{{Label: "送", To: to}}
	d := compose(t, is)
	dist, _ := items(d, "dist")
	all := ""
	for _, it := range dist {
		line := strings.TrimPrefix(it.Text, "送：")
		all += line
		for _, u := range units[:len(units)-1] {
			for k := 1; k < len([]rune(u)); k++ {
				head, tail := string([]rune(u)[:k]), string([]rune(u)[k:])
				if strings.HasSuffix(line, head) && !strings.HasSuffix(line, u) && !strings.HasSuffix(line, "，") {
					_ = tail
					t.Errorf("unit %q split: line %q", u, line)
				}
			}
		}
	}
	if all != strings.Join(units, "，") {
		t.Errorf("units lost: %q", all)
	}
}

// When the 报/送 block would take a page of its own, or make the text
// break off short above it, its rows are set closer (1.5 × its size) if
// that saves the page, and a note says so; a block that fits at the grid
// pitch keeps it.
func TestDistributionTightensToSavePage(t *testing.T) {
	sp := spec(t)
	tightened, kept := 0, 0
	for n := 200; n <= 900; n += 7 {
		is := distIssue(filler(n), 5)
		d, notes, errs := ComposeNotes(is, sp)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		plain := sp.LinePitch()
		var leads []Len
		var prevY Len
		for _, it := range d.Pages[len(d.Pages)-1].Items {
			if it.Role == "dist" {
				if prevY != 0 {
					leads = append(leads, it.Y-prevY)
				}
				prevY = it.Y
			}
		}
		note := strings.Contains(notes.Error(), "报/送栏行距由")
		if len(leads) == 0 {
			t.Fatalf("%d characters: no block rows", n)
		}
		switch leads[0] {
		case plain:
			kept++
			if note {
				t.Errorf("%d characters: a note on tightening, but the rows are at the grid pitch", n)
			}
		case sp.Distribution.Size.Abs * 3 / 2:
			tightened++
			if !note {
				t.Errorf("%d characters: rows tightened without a note", n)
			}
			// the plain composition must have needed one more page
			loose := *sp
			loose.Distribution.Leading = layout.Length{Abs: plain, Set: true}
			d0, _, _ := composeIssue(is, &loose)
			if len(d0.Pages) != len(d.Pages)+1 || !blockCostsAPage(d0) {
				t.Errorf("%d characters: tightened although the grid pitch gives %d pages against %d", n, len(d0.Pages), len(d.Pages))
			}
		default:
			t.Errorf("%d characters: block rows %v apart", n, leads[0])
		}
	}
	if tightened == 0 || kept == 0 {
		t.Errorf("tightened %d, kept %d: the sweep should see both", tightened, kept)
	}
}

// A one-line title takes one grid row rather than leave four or more rows
// of a page empty: whenever the rows left after the first article hold the
// blank line, the title, the blank line after it and two lines of text,
// the second article starts on that page.
func TestOneLineTitleSavesRows(t *testing.T) {
	for lines := 10; lines <= 40; lines++ {
		is := issueWith(filler(28 * lines))
		is.Articles = append(is.Articles, &doc.Article{
			Title:  doc.Block{Kind: doc.Title, Runs: []doc.Run{{Text: "快递小哥处置险情显成效"}}},
			Blocks: []doc.Block{para(filler(200))},
		})
		d := compose(t, is)
		titlePage := 0
		for i, p := range d.Pages {
			for _, it := range p.Items {
				if it.Role == "title" && it.Text == "快递小哥处置险情显成效" {
					titlePage = i + 1
				}
			}
		}
		if titlePage < 2 {
			continue
		}
		prev := d.Pages[titlePage-2]
		if free := prev.Rows - prev.Fill; free >= 5 {
			t.Errorf("%d lines: page %d leaves %d rows empty before a one-line title", lines, titlePage-1, free)
		}
	}
}

// After a 本期要目, which ends in its own rule, the first title is spaced
// like any other (not with title.first_lines_before): in the gbt9704
// layout, with two blank lines after the red rule, an issue with five
// listed articles then starts its first article on page 1.
func TestContentsThenFirstTitle(t *testing.T) {
	sp, errs := layout.Load("gbt9704", ".", diag.Pos{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if sp.Title.FirstBefore <= sp.Title.LinesBefore {
		t.Skip("gbt9704 no longer sets more blank lines before the first title")
	}
	is := issueWith(filler(600))
	is.Contents = true
	is.Articles[0].Title.Runs[0].Text = "上海市邮政管理局党组召开会议"
	for i := range 4 {
		is.Articles = append(is.Articles, &doc.Article{
			Title:  doc.Block{Kind: doc.Title, Runs: []doc.Run{{Text: fmt.Sprintf("第%d篇文章的标题写得长一些", i+2)}}},
			Blocks: []doc.Block{para(filler(400))},
		})
	}
	// page 1 as in examples/2026-10: two masthead lines, 份号 and 密级
	is.Masthead = []doc.Text{{S: "上海市邮政快递行业"}, {S: "党建、文明创建工作简报"}}
	is.Editor = doc.Text{S: "上海市邮政管理局党建办、文明办编"}
	is.Classification, is.SecrecyPeriod, is.CopyNumber = doc.Text{S: "秘密"}, doc.Text{S: "1年"}, 1
	for i, sec := range []string{"工作动态", "工作动态", "基层信息", "基层信息", "经验交流"} {
		is.Articles[i].Section = sec
	}
	d, _, errs := ComposeNotes(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	onFirst := false
	for _, it := range d.Pages[0].Items {
		if it.Role == "title" {
			onFirst = true
		}
	}
	if !onFirst {
		t.Errorf("the first article does not start on page 1 (fill %d/%d)", d.Pages[0].Fill, d.Pages[0].Rows)
	}
}
