// Package diff compares two layout records (the text display.Dump writes,
// which every PDF jianbao makes also carries) and describes the
// differences page by page in Chinese: which lines changed their text,
// which moved, which were added or removed.
package diff

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// ErrNotRecord says a text is not a layout record.
var ErrNotRecord = errors.New("not a layout record")

// Item is one printed item of a record.
type Item struct {
	Kind string // text, rule, image
	Role string
	ID   string // the source line ("a2.p3.4"), or role#n for items without one
	Page int    // from 1
	Line int    // line on the page, from 1: items on one baseline share it
	X, Y string // as written in the record (points, two decimals)
	Text string // the text of a text item; the rest of the record line otherwise
	Raw  string // the record line
}

// Record is a parsed layout record.
type Record struct {
	Pages []string // the page lines
	Items []Item
}

// Parse reads a layout record.
func Parse(data []byte) (*Record, error) {
	r := &Record{}
	seen := map[string]int{}
	lines := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "page\t") {
		return nil, ErrNotRecord
	}
	for _, ln := range lines {
		f := strings.Split(ln, "\t")
		switch f[0] {
		case "page":
			r.Pages = append(r.Pages, ln)
			continue
		case "text", "rule", "image":
		default:
			return nil, ErrNotRecord
		}
		if len(f) < 3 {
			return nil, ErrNotRecord
		}
		it := Item{Kind: f[0], Role: f[1], Page: len(r.Pages), Raw: ln}
		rest := f[2:]
		if !strings.HasPrefix(rest[0], "x=") {
			it.ID, rest = rest[0], rest[1:]
		}
		for k, v := range rest {
			switch {
			case strings.HasPrefix(v, "x="):
				it.X = v[2:]
			case strings.HasPrefix(v, "y="):
				it.Y = v[2:]
			case strings.HasPrefix(v, "(") && it.Kind == "text":
				it.Text = strings.TrimSuffix(strings.TrimPrefix(strings.Join(rest[k:], "\t"), "("), ")")
			}
			if it.Text != "" {
				break
			}
		}
		if it.Kind != "text" {
			it.Text = strings.Join(rest, " ")
		}
		if it.ID == "" {
			seen[it.Kind+it.Role]++
			it.ID = fmt.Sprintf("%s#%d", it.Role, seen[it.Kind+it.Role])
		}
		r.Items = append(r.Items, it)
	}
	if len(r.Pages) == 0 {
		return nil, ErrNotRecord
	}
	numberLines(r)
	return r, nil
}

// numberLines numbers the text lines of each page from the top: the
// items on one baseline (the editor and the date) share a number; page
// numbers are left out.
func numberLines(r *Record) {
	ys := map[int]map[float64]bool{}
	for _, it := range r.Items {
		if it.Kind == "text" && it.Role != "pageno" {
			if ys[it.Page] == nil {
				ys[it.Page] = map[float64]bool{}
			}
			ys[it.Page][num(it.Y)] = true
		}
	}
	order := map[int]map[float64]int{}
	for p, set := range ys {
		vs := make([]float64, 0, len(set))
		for y := range set {
			vs = append(vs, y)
		}
		sort.Float64s(vs)
		order[p] = map[float64]int{}
		for i, y := range vs {
			order[p][y] = i + 1
		}
	}
	for i := range r.Items {
		if it := &r.Items[i]; it.Kind == "text" && it.Role != "pageno" {
			it.Line = order[it.Page][num(it.Y)]
		}
	}
}

func num(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }

// Change is one difference, placed on a page of the old record (or of the
// new one, for an item only the new record has).
type Change struct {
	Page, Line int
	Msg        string
}

// Compare returns the differences between two records, in page and line
// order; none when they are identical.
func Compare(oldData, newData []byte) ([]Change, error) {
	if bytes.Equal(oldData, newData) {
		return nil, nil
	}
	o, err := Parse(oldData)
	if err != nil {
		return nil, fmt.Errorf("old: %w", err)
	}
	n, err := Parse(newData)
	if err != nil {
		return nil, fmt.Errorf("new: %w", err)
	}
	var out []Change
	add := func(page, line int, format string, a ...any) {
		out = append(out, Change{Page: page, Line: line, Msg: fmt.Sprintf(format, a...)})
	}
	// An item is known by its role and source id: the bullet, title,
	// leader and page number of one contents entry share the id.
	key := func(it Item) string { return it.Role + "\t" + it.ID }
	newByID := map[string]*Item{}
	for i := range n.Items {
		newByID[key(n.Items[i])] = &n.Items[i]
	}
	oldIDs := map[string]bool{}
	var moves []move
	for _, a := range o.Items {
		oldIDs[key(a)] = true
		b, ok := newByID[key(a)]
		switch {
		case !ok:
			add(a.Page, a.Line, "%s删去：%s", where(a), show(a))
		case a.Text != b.Text && a.Kind == "text":
			if a.Page != b.Page || a.Line != b.Line {
				add(a.Page, a.Line, "%s改为%s：%s → %s", where(a), where(*b), show(a), show(*b))
			} else {
				add(a.Page, a.Line, "%s改动：%s → %s", where(a), show(a), show(*b))
			}
		case a.Page != b.Page || a.Line != b.Line:
			moves = append(moves, move{a, *b})
		case a.Raw != b.Raw:
			add(a.Page, a.Line, "%s位置或样式改变（x=%s y=%s → x=%s y=%s）：%s", where(a), a.X, a.Y, b.X, b.Y, show(a))
		}
	}
	out = append(out, moveRuns(moves)...)
	for _, b := range n.Items {
		if !oldIDs[key(b)] {
			add(b.Page, b.Line, "%s新增：%s", where(b), show(b))
		}
	}
	for i := 0; i < max(len(o.Pages), len(n.Pages)); i++ {
		switch {
		case i >= len(n.Pages):
			add(i+1, 0, "第 %d 页没有了", i+1)
		case i >= len(o.Pages):
			add(i+1, 0, "新增第 %d 页", i+1)
		case o.Pages[i] != n.Pages[i]:
			add(i+1, 0, "第 %d 页%s", i+1, pageChange(o.Pages[i], n.Pages[i]))
		}
	}
	if len(out) == 0 { // same items, other bytes: say where the records part
		ol, nl := strings.Split(string(oldData), "\n"), strings.Split(string(newData), "\n")
		k := 0
		for k < len(ol) && k < len(nl) && ol[k] == nl[k] {
			k++
		}
		add(1, 0, "排版记录第 %d 行起不同", k+1)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Line < out[j].Line
	})
	return out, nil
}

// pageChange says what changed in a page's line of the record: its
// printed number, its size, how many grid rows it uses.
func pageChange(o, n string) string {
	fo, fn := strings.Split(o, "\t"), strings.Split(n, "\t")
	var parts []string
	for k := 2; k < max(len(fo), len(fn)); k++ {
		a, b := "", ""
		if k < len(fo) {
			a = fo[k]
		}
		if k < len(fn) {
			b = fn[k]
		}
		if a == b {
			continue
		}
		switch {
		case strings.HasPrefix(a, "no=") || strings.HasPrefix(b, "no="):
			parts = append(parts, "页码 "+strings.TrimPrefix(a, "no=")+" → "+strings.TrimPrefix(b, "no="))
		case strings.HasPrefix(a, "fill=") || strings.HasPrefix(b, "fill="):
			parts = append(parts, "用去的行数 "+strings.TrimPrefix(a, "fill=")+" → "+strings.TrimPrefix(b, "fill="))
		default:
			parts = append(parts, "页面尺寸 "+a+" → "+b)
		}
	}
	return strings.Join(parts, "，")
}

// move is a line that kept its text and changed its place.
type move struct{ a, b Item }

// moveRuns describes moves, a run of consecutive lines that moved the
// same way in one change: “第 2 页第 1—11 行下移 1 行”.
func moveRuns(ms []move) []Change {
	var out []Change
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && ms[j].a.Page == ms[i].a.Page && ms[j].b.Page == ms[i].b.Page &&
			ms[j].a.Line == ms[j-1].a.Line+1 && ms[j].b.Line-ms[j].a.Line == ms[i].b.Line-ms[i].a.Line {
			j++
		}
		a, b, last := ms[i].a, ms[i].b, ms[j-1]
		c := Change{Page: a.Page, Line: a.Line}
		lines := func(p, from, to int) string {
			if from == to {
				return fmt.Sprintf("第 %d 页第 %d 行", p, from)
			}
			return fmt.Sprintf("第 %d 页第 %d—%d 行", p, from, to)
		}
		switch d := b.Line - a.Line; {
		case a.Line == 0: // not a line of text
			c.Msg = fmt.Sprintf("%s移到%s：%s", where(a), where(b), show(a))
		case a.Page == b.Page && d > 0:
			c.Msg = fmt.Sprintf("%s下移 %d 行：%s", lines(a.Page, a.Line, last.a.Line), d, show(a))
		case a.Page == b.Page:
			c.Msg = fmt.Sprintf("%s上移 %d 行：%s", lines(a.Page, a.Line, last.a.Line), -d, show(a))
		default:
			c.Msg = fmt.Sprintf("%s移到%s：%s", lines(a.Page, a.Line, last.a.Line), lines(b.Page, b.Line, last.b.Line), show(a))
		}
		if j-i > 1 {
			c.Msg = strings.TrimSuffix(c.Msg, "："+show(a)) + fmt.Sprintf("（共 %d 行，首行%s）", j-i, show(a))
		}
		out = append(out, c)
		i = j
	}
	return out
}

// where names an item's place: 第 3 页第 5 行, or its role for an item
// that is not a line of text.
func where(it Item) string {
	if it.Line > 0 {
		return fmt.Sprintf("第 %d 页第 %d 行", it.Page, it.Line)
	}
	return fmt.Sprintf("第 %d 页的%s", it.Page, roleName(it))
}

func roleName(it Item) string {
	names := map[string]string{"pageno": "页码", "rule": "线", "image": "图片"}
	if it.Kind == "text" {
		return names["pageno"]
	}
	return names[it.Kind] + "（" + it.Role + "）"
}

// show quotes an item's text, shortened to 40 characters.
func show(it Item) string {
	t := it.Text
	if it.Kind != "text" {
		return it.Kind + " " + t
	}
	if r := []rune(t); len(r) > 40 {
		t = string(r[:40]) + "……"
	}
	return "“" + t + "”"
}

// Summary writes the changes grouped by page, at most perPage lines for a
// page, and a closing line; it returns the number of pages with changes.
func Summary(changes []Change, perPage int) (lines []string, pages []int) {
	byPage := map[int][]Change{}
	for _, c := range changes {
		if len(byPage[c.Page]) == 0 {
			pages = append(pages, c.Page)
		}
		byPage[c.Page] = append(byPage[c.Page], c)
	}
	for _, p := range pages {
		cs := byPage[p]
		lines = append(lines, fmt.Sprintf("第 %d 页：%d 处变化", p, len(cs)))
		for i, c := range cs {
			if i == perPage {
				lines = append(lines, fmt.Sprintf("  ……另有 %d 处", len(cs)-perPage))
				break
			}
			lines = append(lines, "  "+c.Msg)
		}
	}
	return lines, pages
}
