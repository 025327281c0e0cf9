package compose

import (
	"fmt"
	"strings"

	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/linebreak"
)

// figure sizes a photo and breaks its caption. The photo is as wide as the
// text block, or its natural size if smaller, and never taller than a page
// can hold with its caption; it is scaled to the layout's print resolution.
func (c *composer) figure(art, n int, b doc.Block) (block, bool) {
	return c.figureIn(art, n, b, c.spec.BlockW(), 0)
}

// figureIn sizes a photo for a column colW wide: its width as written
// (a share of the text block, mm or characters) or its natural size,
// never wider than the column.
func (c *composer) figureIn(art, n int, b doc.Block, colW, width Len) (block, bool) {
	sp := c.spec
	pic := b.Picture
	if pic == nil {
		return block{}, false // the loader has reported why
	}
	cs := sp.Caption
	f := &figure{capSize: cs.Size.Abs, capColor: c.color(cs.Color)}
	f.capLead = cs.Leading.Abs
	if !cs.Leading.Set || f.capLead <= 0 {
		f.capLead = f.capSize * 3 / 2
	}
	if len(b.Runs) > 0 {
		f.capGap = cs.Gap.Abs
		capW := colW - 4*f.capSize
		if colW < sp.BlockW() {
			capW = colW // side by side: the caption as wide as its column
		}
		f.caption = linebreak.Break(c.runs(b.Runs, cs.Style), c.f, c.display(capW))
	}
	capH := f.capGap + Len(len(f.caption))*f.capLead
	nat, ok := c.sizeOnly(b, colW)
	if !ok {
		return block{}, false
	}
	f.w, f.h = nat.w, nat.h
	if width > 0 {
		f.w = min(colW, width)
		f.h = display.Round(float64(f.w) * float64(pic.H) / float64(pic.W))
	}
	maxRows := c.rows
	if c.figMax > 0 && c.figMax < maxRows {
		// a photo right under a title or heading fits on a page with it
		maxRows = max(c.figMax, c.rows/3)
	}
	maxH := Len(maxRows-1)*c.pitch - capH
	if maxH < c.pitch {
		c.errs.Add(b.Pos, "图片说明太长，与图片一起放不进一页", "请缩短图片说明")
		return block{}, false
	}
	if f.h > maxH {
		f.w = f.w * maxH / f.h
		f.h = maxH
	}
	if f.w < Len(1000) || f.h < Len(1000) {
		c.errs.Add(b.Pos, fmt.Sprintf("图片 %q 太窄或太扁，印出来不足 1 pt", b.Image), "请换一张比例正常的图片")
		return block{}, false
	}
	content := f.h + capH
	f.rows = int((content+c.pitch-1)/c.pitch) + 1 // at least half a line of air above and below
	px := func(l Len) int { return int((int64(l)*int64(sp.Image.DPI) + 71999) / 72000) }
	data, format, err := pic.Render(px(f.w), px(f.h))
	if err != nil {
		c.errs.Add(b.Pos, fmt.Sprintf("图片 %q 已损坏，无法解码", b.Image), "请重新导出或另存这张图片")
		return block{}, false
	}
	f.data, f.format = data, format
	return block{kind: b.Kind, role: "figure", id: fmt.Sprintf("a%d.p%d", art, n), fig: f, x: sp.Left()}, true
}

// width reads a photo's width as written: "50%" of the text block,
// "60mm", "12字".
func (c *composer) width(s string) (Len, bool) {
	var v float64
	var unit string
	for _, u := range []string{"%", "mm", "字"} {
		if strings.HasSuffix(s, u) {
			if _, err := fmt.Sscanf(strings.TrimSuffix(s, u), "%g", &v); err != nil || v <= 0 {
				return 0, false
			}
			unit = u
		}
	}
	switch unit {
	case "%":
		return display.Round(float64(c.spec.BlockW()) * min(v, 100) / 100), true
	case "mm":
		return display.MM(v), true
	case "字":
		return display.Round(float64(c.spec.CharPitch()) * v), true
	}
	return 0, false
}

// figureRow sets photos side by side in equal columns two characters
// apart, each with its own caption; the row takes the rows of the
// tallest.
func (c *composer) figureRow(art, n int, bs []doc.Block) (block, bool) {
	sp := c.spec
	gap := 2 * sp.CharPitch()
	colW := (sp.BlockW() - Len(len(bs)-1)*gap) / Len(len(bs))
	// the photos take one height, the lowest any of them has in its column
	height := Len(0)
	var keep []doc.Block
	var sizes []*figure
	for _, b := range bs {
		if fs, ok := c.sizeOnly(b, colW); ok {
			if height == 0 || fs.h < height {
				height = fs.h
			}
			keep, sizes = append(keep, b), append(sizes, fs)
		}
	}
	var figs []*figure
	first := block{}
	for i, b := range keep {
		w := Len(0)
		if sizes[i].h > 0 {
			w = sizes[i].w * height / sizes[i].h
		}
		fb, ok := c.figureIn(art, n+i, b, colW, w)
		if !ok {
			continue
		}
		if len(figs) == 0 {
			first = fb
		}
		figs = append(figs, fb.fig)
	}
	if len(figs) == 0 {
		return block{}, false
	}
	row := *first.fig
	for _, f := range figs {
		row.rows = max(row.rows, f.rows)
	}
	first.fig = &row
	first.row = figs
	first.colW, first.gap = colW, gap
	return first, true
}

// sizeOnly is a photo's printed size in a column, before any rendering.
func (c *composer) sizeOnly(b doc.Block, colW Len) (*figure, bool) {
	pic := b.Picture
	if pic == nil || pic.W <= 0 || pic.H <= 0 {
		return nil, false
	}
	dpi := pic.DPI
	if dpi < 10 || dpi > 10000 {
		dpi = float64(c.spec.Image.DefaultDPI)
	}
	f := &figure{w: min(colW, display.Round(float64(pic.W)*72000/dpi))}
	if w, ok := c.width(b.Width); ok {
		f.w = min(colW, w)
	}
	f.h = display.Round(float64(f.w) * float64(pic.H) / float64(pic.W))
	return f, true
}

// figureFlow places a photo where it is written, or, when it does not
// fit on the rest of the page, lets it float to the top of the next page
// while the text after it goes on filling this one. One photo floats at a
// time, and never past the end of its article; the layout's
// image.no_float keeps photos where they are written.
func (c *composer) figureFlow(b block) {
	if c.float != nil {
		c.newPage() // the waiting photo goes first, at the top
	}
	if c.spec.Image.NoFloat || c.row == 0 || c.rows-c.row >= b.fig.rows || c.afterHeading() {
		c.placeFigure(b)
		return
	}
	c.float = &b
}

// flushFloat places a photo still waiting at the end of its article.
func (c *composer) flushFloat() {
	if c.float != nil {
		c.newPage()
	}
}

// placeFigure puts a photo and its caption on whole grid rows, centred
// between them, on a new page when the rest of this one is too short; the
// text after it goes back on the grid.
func (c *composer) placeFigure(b block) {
	f := b.fig
	if c.rows-c.row < f.rows && c.row > 0 {
		c.newPage()
	}
	sp := c.spec
	if len(b.row) > 0 {
		// side by side: photos top-aligned, centred in their columns,
		// each caption under its photo; the row centred in its rows
		var tallest Len
		for _, g := range b.row {
			tallest = max(tallest, g.h+g.capGap+Len(len(g.caption))*g.capLead)
		}
		top := c.rowTop(c.row) + (Len(f.rows)*c.pitch-tallest)/2
		xs := rowXs(b.row, b.colW, b.gap, sp.Left(), sp.BlockW(), sp.CharPitch())
		for i, g := range b.row {
			id := fmt.Sprintf("%s.%d", b.id, i+1)
			c.page.Items = append(c.page.Items, display.Item{Kind: display.Image, Role: "figure", Line: id,
				X: xs[i], Y: top, W: g.w, H: g.h, Image: g.data, ImgFmt: g.format})
			y := top + g.h + g.capGap
			for k, ln := range g.caption {
				x := min(max(xs[i]+(g.w-ln.Width)/2, sp.Left()), sp.Left()+sp.BlockW()-ln.Width)
				c.emit(ln, "caption", fmt.Sprintf("%s.c%d", id, k+1), x, baseline(y, g.capLead, g.capSize), g.capSize, g.capColor)
				y += g.capLead
			}
		}
		c.row = min(c.row+f.rows, c.rows)
		return
	}
	capH := f.capGap + Len(len(f.caption))*f.capLead
	top := c.rowTop(c.row) + (Len(f.rows)*c.pitch-f.h-capH)/2
	c.page.Items = append(c.page.Items, display.Item{Kind: display.Image, Role: "figure", Line: b.id,
		X: sp.Left() + (sp.BlockW()-f.w)/2, Y: top, W: f.w, H: f.h, Image: f.data, ImgFmt: f.format})
	y := top + f.h + f.capGap
	for i, ln := range f.caption {
		c.emit(ln, "caption", fmt.Sprintf("%s.c%d", b.id, i+1), sp.Left()+(sp.BlockW()-ln.Width)/2, baseline(y, f.capLead, f.capSize), f.capSize, f.capColor)
		y += f.capLead
	}
	c.row = min(c.row+f.rows, c.rows)
}

// rowXs places photos set side by side: as one group, gap apart and
// centred on the text block, each caption centred under its photo; when
// captions wider than their photos would then come closer than one
// character, each photo is centred in its own column instead.
func rowXs(figs []*figure, colW, gap, left, width, char Len) []Len {
	total := Len(len(figs)-1) * gap
	for _, g := range figs {
		total += g.w
	}
	xs := make([]Len, len(figs))
	x := left + (width-total)/2
	for i, g := range figs {
		xs[i] = x
		x += g.w + gap
	}
	capW := func(g *figure) Len {
		w := g.w
		for _, ln := range g.caption {
			w = max(w, ln.Width)
		}
		return w
	}
	for i := 1; i < len(figs); i++ {
		a, b := figs[i-1], figs[i]
		ca, cb := xs[i-1]+a.w/2, xs[i]+b.w/2
		if cb-ca-(capW(a)+capW(b))/2 < char {
			for k, g := range figs {
				xs[k] = left + Len(k)*(colW+gap) + (colW-g.w)/2
			}
			break
		}
	}
	return xs
}

// afterHeading reports whether the last thing set on the page is a
// heading, which keeps the photo after it where it is.
func (c *composer) afterHeading() bool {
	for i := len(c.page.Items) - 1; i >= 0; i-- {
		it := c.page.Items[i]
		if it.Kind == display.Text && it.Role != "pageno" {
			return headingRole[it.Role]
		}
		if it.Kind == display.Image {
			return false
		}
	}
	return false
}

var headingRole = map[string]bool{"title": true, "subtitle": true, "h1": true, "h2": true, "h3": true}
