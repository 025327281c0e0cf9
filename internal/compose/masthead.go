package compose

import (
	"fmt"
	"strconv"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
)

func (c *composer) issueLine(is *doc.Issue) string {
	il := c.spec.IssueLine
	f := il.Format
	switch {
	case is.Special != "":
		f = il.SpecialFormat
	case is.Total == 0:
		f = il.FormatNoTotal
	}
	r := strings.NewReplacer("{year}", strconv.Itoa(is.Year), "{number}", strconv.Itoa(is.Number),
		"{total}", strconv.Itoa(is.Total), "{special}", is.Special)
	return r.Replace(f)
}

func (c *composer) masthead(is *doc.Issue) {
	sp := c.spec
	left, w := sp.Left(), sp.BlockW()
	red := c.color(sp.Masthead.Color)
	if is.Classification.S != "" {
		cs := sp.Classification
		ln := c.single(is.Classification.S, is.Classification.Pos, c.st(cs))
		c.emit(ln, "classification", "", left, baseline(c.rowTop(0), c.pitch, cs.Size.Abs), cs.Size.Abs, c.color(cs.Color))
	}
	top := sp.Top() + sp.Masthead.Top.Abs
	var lastBase Len
	for i, m := range is.Masthead {
		maxSize := sp.Masthead.Size.Abs
		if len(is.Masthead) > 1 && i < len(is.Masthead)-1 && sp.Masthead.FirstSize.Set {
			maxSize = sp.Masthead.FirstSize.Abs
		}
		probe := c.f.style(styleKey{role: sp.Masthead.Font, size: maxSize})
		ln := c.single(m.S, m.Pos, probe)
		size := maxSize
		if ln.Width > w {
			size = maxSize * w / ln.Width
			size -= size % 100 // a tenth of a point, rounded down
		}
		if size < sp.Masthead.MinSize.Abs {
			c.errs.Add(m.Pos, fmt.Sprintf("报头“%s”太长，缩到最小字号 %s pt 仍超出版心宽度", m.S, sp.Masthead.MinSize.Abs), "请把报头分成两行（masthead 下写两项）")
			continue
		}
		st := c.f.style(styleKey{role: sp.Masthead.Font, size: size})
		ln = c.measureLine(m.S, st)
		if i > 0 {
			top += sp.Masthead.LineGap.Of(size)
		}
		base := top + size*ascentMilli/1000
		c.emit(ln, "masthead", fmt.Sprintf("m%d", i+1), left+(w-ln.Width)/2, base, size, red)
		top += size
		lastBase = base
	}
	// Issue line, centred.
	il := sp.IssueLine
	base := lastBase + il.Gap.Abs
	ln := c.single(c.issueLine(is), diag.Pos{}, c.st(il.Style))
	c.emit(ln, "issue", "", left+(w-ln.Width)/2, base, il.Size.Abs, c.color(il.Color))
	// Editor left, date right.
	el := sp.EditorLine
	base += c.pitch
	inset := el.Inset.Of(el.Size.Abs)
	est := c.st(el.Style)
	edW := Len(0)
	if is.Editor.S != "" {
		ln := c.single(is.Editor.S, is.Editor.Pos, est)
		c.emit(ln, "editor", "", left+inset, base, el.Size.Abs, c.color(el.Color))
		edW = ln.Width
	}
	date := strings.NewReplacer("{year}", strconv.Itoa(is.Date.Year()), "{month}", strconv.Itoa(int(is.Date.Month())), "{day}", strconv.Itoa(is.Date.Day())).Replace(el.Date)
	dl := c.single(date, is.DatePos, est)
	if edW+dl.Width+2*inset+el.Size.Abs > w {
		c.errs.Add(is.Editor.Pos, "编印单位和日期在一行中放不下", "请缩短编印单位名称")
	}
	c.emit(dl, "date", "", left+w-inset-dl.Width, base, el.Size.Abs, c.color(el.Color))
	// The red rule.
	rr := sp.RedRule
	y := base + el.Size.Abs*(1000-ascentMilli)/1000 + rr.Gap.Abs
	c.rule("redrule", y, rr.Thickness.Abs, c.color(rr.Color))
	if rr.Double.Abs > 0 {
		c.rule("redrule2", y+rr.Thickness.Abs+display.MM(0.1)*10/10+rr.Double.Abs/2, rr.Double.Abs, c.color(rr.Color))
		y += rr.Thickness.Abs + rr.Double.Abs
	}
	bottom := y + rr.Thickness.Abs
	r := int((bottom - sp.Top() + c.pitch - 1) / c.pitch)
	c.row = r
}
