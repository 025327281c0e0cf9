package compose

import (
	"strings"
	"testing"

	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/layout"
)

// editorBox is what the editor and date lines of page 1 look like.
type editorBox struct {
	editor []display.Item
	date   display.Item
	rule   display.Item
	title  display.Item
	issue  display.Item
}

func editorOf(t *testing.T, sp *layout.Spec, editor string) editorBox {
	t.Helper()
	is := issueWith("正文。")
	is.Editor = doc.Text{S: editor, Pos: diag.Pos{File: "b.yaml", Line: 6, Col: 9}}
	d, errs := Compose(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var b editorBox
	b.editor, _ = items(d, "editor")
	dates, _ := items(d, "date")
	rules, _ := items(d, "redrule")
	titles, _ := items(d, "title")
	issues, _ := items(d, "issue")
	if len(dates) != 1 || len(rules) != 1 || len(titles) == 0 || len(issues) != 1 {
		t.Fatalf("%d dates, %d red rules, %d titles, %d issue lines", len(dates), len(rules), len(titles), len(issues))
	}
	b.date, b.rule, b.title, b.issue = dates[0], rules[0], titles[0], issues[0]
	return b
}

// checkEditor checks what holds for every editor: the lines flush left at
// the inset inside the text block, one grid line apart below the issue
// line, the date on the last line flush right at the inset with an em of
// air before it, the red rule below the last line, and every character
// printed once, in order.
func checkEditor(t *testing.T, sp *layout.Spec, b editorBox, editor string) {
	t.Helper()
	el := sp.EditorLine
	inset := el.Inset.Of(el.Size.Abs)
	left, right := sp.Left()+inset, sp.Left()+sp.BlockW()-inset
	if len(b.editor) == 0 {
		t.Fatal("no editor line")
	}
	var text strings.Builder
	for i, ln := range b.editor {
		text.WriteString(ln.Text)
		if ln.X != left || ln.X+ln.W > right {
			t.Errorf("editor line %d spans %v..%v, outside %v..%v", i+1, ln.X, ln.X+ln.W, left, right)
		}
		if want := b.issue.Y + Len(i+1)*sp.LinePitch(); ln.Y != want {
			t.Errorf("editor line %d at baseline %v, want %v (grid lines below the issue line)", i+1, ln.Y, want)
		}
	}
	if got := strings.ReplaceAll(text.String(), " ", ""); got != strings.ReplaceAll(editor, " ", "") {
		t.Errorf("editor lines print %q, want %q", text.String(), editor)
	}
	last := b.editor[len(b.editor)-1]
	if b.date.Y != last.Y || b.date.Size != last.Size {
		t.Errorf("date at baseline %v size %v, want the last editor line's %v, %v", b.date.Y, b.date.Size, last.Y, last.Size)
	}
	if b.date.X+b.date.W != right {
		t.Errorf("date ends at %v, want the block's right edge less the inset, %v", b.date.X+b.date.W, right)
	}
	if b.date.X < last.X+last.W+last.Size {
		t.Errorf("date starts at %v, less than an em after the editor's end %v", b.date.X, last.X+last.W)
	}
	if b.rule.Y <= last.Y+el.Size.Abs*(1000-ascentMilli)/1000 {
		t.Errorf("red rule at %v is not below the last editor line (baseline %v)", b.rule.Y, last.Y)
	}
}

// A one-line editor is where it always was: one item, no line id, at the
// editor size, one grid line below the issue line, the rule red_rule.gap
// below its descent.
func TestEditorOneLine(t *testing.T) {
	sp := spec(t)
	ed := "上海市邮政管理局党建办、文明办编"
	b := editorOf(t, sp, ed)
	checkEditor(t, sp, b, ed)
	if len(b.editor) != 1 || b.editor[0].Line != "" || b.editor[0].Size != sp.EditorLine.Size.Abs || b.editor[0].Text != ed {
		t.Fatalf("editor %+v", b.editor)
	}
	el := sp.EditorLine
	if want := b.editor[0].Y + el.Size.Abs*(1000-ascentMilli)/1000 + sp.RedRule.Gap.Abs; b.rule.Y != want {
		t.Errorf("red rule at %v, want %v", b.rule.Y, want)
	}
}

// An editor a little too long for one line shrinks, with the date, in half
// points, at most to 0.9 of the editor size; a longer one wraps instead.
func TestEditorShrinks(t *testing.T) {
	sp := spec(t)
	sp.EditorLine.Inset = layout.Length{Set: true} // the counts below are for a line flush to both edges
	size := sp.EditorLine.Size.Abs
	one := editorOf(t, sp, "上海市邮政管理局党建办、文明办编")
	for _, n := range []int{19, 20, 21} { // 16 pt leaves no room for the date; 15.5, 15, 14.5 pt do
		ed := strings.Repeat("某", n-1) + "编"
		b := editorOf(t, sp, ed)
		checkEditor(t, sp, b, ed)
		if len(b.editor) != 1 {
			t.Fatalf("%d characters: %d lines, want one", n, len(b.editor))
		}
		got := b.editor[0].Size
		if got >= size || got < size*editorMinMilli/1000 || (size-got)%editorStep != 0 {
			t.Errorf("%d characters at %v pt, want a half-point step below %v and not below 0.9 of it", n, got, size)
		}
		if b.date.Size != got {
			t.Errorf("%d characters: date at %v pt, editor at %v", n, b.date.Size, got)
		}
		if b.rule.Y != one.rule.Y || b.title.Y != one.title.Y {
			t.Errorf("%d characters: a shrunk editor moved the red rule or the body", n)
		}
	}
	ed := strings.Repeat("某", 21) + "编" // would need 14.4 pt: wraps at 16
	b := editorOf(t, sp, ed)
	checkEditor(t, sp, b, ed)
	if len(b.editor) != 2 || b.editor[0].Size != size {
		t.Errorf("22 characters: %d lines at %v pt, want 2 at %v", len(b.editor), b.editor[0].Size, size)
	}
}

// A long official name wraps: left-aligned lines, the break after “、”,
// the date at the right of the last line, the red rule and the first
// title one grid line lower than with a one-line editor.
func TestEditorWraps(t *testing.T) {
	sp := spec(t)
	one := editorOf(t, sp, "上海市邮政管理局党建办、文明办编")
	ed := "中共某某市某某区委教育工作委员会办公室、某某区教育局办公室编"
	b := editorOf(t, sp, ed)
	checkEditor(t, sp, b, ed)
	var got []string
	for _, ln := range b.editor {
		got = append(got, ln.Text)
		if ln.Size != sp.EditorLine.Size.Abs {
			t.Errorf("wrapped line %q at %v pt, want the editor size", ln.Text, ln.Size)
		}
	}
	if want := []string{"中共某某市某某区委教育工作委员会办公室、", "某某区教育局办公室编"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("editor lines %q, want %q", got, want)
	}
	if b.editor[0].Line != "e1" || b.editor[1].Line != "e2" {
		t.Errorf("line ids %q %q", b.editor[0].Line, b.editor[1].Line)
	}
	pitch := sp.LinePitch()
	if d := b.rule.Y - one.rule.Y; d != pitch {
		t.Errorf("red rule moved %v, want one grid line %v", d, pitch)
	}
	if d := b.title.Y - one.title.Y; d != pitch {
		t.Errorf("first title moved %v, want one grid line %v", d, pitch)
	}
	if b.title.Y-b.title.Size <= b.rule.Y {
		t.Error("first title overlaps the red rule")
	}
}

// Breaks fall between units and never inside a run of Latin letters or
// digits, and the last line is never a lone “编”.
func TestEditorBreaks(t *testing.T) {
	sp := spec(t)
	cases := []struct{ editor, firstEnd string }{
		// a space between units is the break, and is not printed
		{"中共某某市某某区委教育工作委员会办公室 某某区教育局办公室编", "办公室"},
		// no separator: after a unit's name rather than inside one
		{"中共某某市某某区委教育工作委员会办公室某某区教育局办公室编", "办公室"},
		// a number and a Latin word stay whole
		{"某某市某某区某某街道某某社区第2026ABCDEFG工作委员会联合办公室编", ""},
		{strings.Repeat("某", 26) + "ABCDEFGHIJ" + "办公室编", ""},
		// the final 编 never stands alone before the date
		{strings.Repeat("某", 26) + "编", ""},
	}
	for _, c := range cases {
		b := editorOf(t, sp, c.editor)
		checkEditor(t, sp, b, c.editor)
		if len(b.editor) < 2 {
			t.Fatalf("%q: %d line", c.editor, len(b.editor))
		}
		for i := 1; i < len(b.editor); i++ {
			prev := []rune(b.editor[i-1].Text)
			next := []rune(b.editor[i].Text)
			if isLatinRune(prev[len(prev)-1]) && isLatinRune(next[0]) {
				t.Errorf("%q: broken inside a Latin run: %q | %q", c.editor, b.editor[i-1].Text, b.editor[i].Text)
			}
		}
		if c.firstEnd != "" && !strings.HasSuffix(b.editor[0].Text, c.firstEnd) {
			t.Errorf("%q: first line %q does not end with %q", c.editor, b.editor[0].Text, c.firstEnd)
		}
		if last := b.editor[len(b.editor)-1].Text; len([]rune(last)) <= 2 {
			t.Errorf("%q: last line %q stands nearly alone", c.editor, last)
		}
	}
}

func isLatinRune(r rune) bool { return r < 0x80 && r > ' ' }

// A name that cannot be set is an error at the editor, with what to do.
func TestEditorTooLong(t *testing.T) {
	sp := spec(t)
	for _, ed := range []string{
		strings.Repeat("某某单位办公室、", 20) + "编",
		"办公室" + strings.Repeat("X", 80) + "编",
	} {
		is := issueWith("正文。")
		is.Editor = doc.Text{S: ed, Pos: diag.Pos{File: "b.yaml", Line: 6, Col: 9}}
		_, errs := Compose(is, sp)
		if len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "b.yaml:6:9: 编印单位名称") || !strings.Contains(errs[0].Error(), "；请") {
			t.Errorf("%q: %v", ed, errs)
		}
	}
}

func mastheadItems(t *testing.T, sp *layout.Spec, lines ...string) []display.Item {
	t.Helper()
	is := issueWith("正文。")
	is.Masthead = nil
	for i, s := range lines {
		is.Masthead = append(is.Masthead, doc.Text{S: s, Pos: diag.Pos{File: "b.yaml", Line: 3 + i, Col: 5}})
	}
	d, errs := Compose(is, sp)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m, _ := items(d, "masthead")
	if len(m) != len(lines) {
		t.Fatalf("%d masthead items for %d lines", len(m), len(lines))
	}
	for _, it := range m {
		if it.W > sp.BlockW() {
			t.Errorf("masthead line %q is %v wide, wider than the block", it.Text, it.W)
		}
		if l, r := it.X-sp.Left(), sp.Left()+sp.BlockW()-(it.X+it.W); l-r > 1 || r-l > 1 {
			t.Errorf("masthead line %q not centred", it.Text)
		}
	}
	return m
}

// The organisation lines share one size, and the bulletin name stays the
// largest line: the organisation lines at most 0.8 of it.
func TestMastheadSizes(t *testing.T) {
	sp := spec(t)
	// Two organisation lines (the second fits only at 24.5 pt) and a main
	// name that fits only at 26 pt: the issue's 26 / 24.5 / 26.
	m := mastheadItems(t, sp, "某某省某某市", "中共某某市某某区委教育工作委员会机关", "某某区教育系统党建思政宣传工作简报")
	main := m[2].Size
	if main != 26*display.Pt {
		t.Errorf("main name at %v pt, want 26 (as large as fits)", main)
	}
	if m[0].Size != m[1].Size {
		t.Errorf("organisation lines at %v and %v pt, want one size", m[0].Size, m[1].Size)
	}
	if main <= m[0].Size || m[0].Size > main*mastheadOrgMilli/1000 {
		t.Errorf("main name at %v pt, organisation lines at %v: want at most %d‰ of the main name", main, m[0].Size, mastheadOrgMilli)
	}
	if main < sp.Masthead.MinSize.Abs || main >= sp.Masthead.Size.Abs {
		t.Errorf("main name at %v pt: the test wants it shrunk", main)
	}

	// Organisation lines that fit at first_size keep it under a large
	// main name (the examples' masthead).
	m = mastheadItems(t, sp, "上海市邮政快递行业", "党建、文明创建工作简报")
	if m[0].Size != sp.Masthead.FirstSize.Abs || m[1].Size <= m[0].Size {
		t.Errorf("sizes %v / %v, want first_size %v over a larger name", m[0].Size, m[1].Size, sp.Masthead.FirstSize.Abs)
	}

	// Unequal organisation lines take the smaller size.
	m = mastheadItems(t, sp, "某某市", strings.Repeat("某", 18), "工作简报")
	if m[0].Size != m[1].Size || m[0].Size >= sp.Masthead.FirstSize.Abs {
		t.Errorf("organisation lines at %v and %v pt, want the size the longer one needs", m[0].Size, m[1].Size)
	}

	// Without first_size the organisation line is still smaller.
	sp2 := spec(t)
	sp2.Masthead.FirstSize = layout.Length{}
	m = mastheadItems(t, sp2, "某某市", "工作简报")
	if m[1].Size != sp2.Masthead.Size.Abs || m[0].Size != tenth(m[1].Size*mastheadOrgMilli/1000) {
		t.Errorf("without first_size: %v / %v", m[0].Size, m[1].Size)
	}
}

// A masthead line that does not fit at min_size is an error whose advice
// fits the line.
func TestMastheadAdvice(t *testing.T) {
	sp := spec(t)
	cases := []struct {
		lines  []string
		line   int
		advice string
	}{
		{[]string{strings.Repeat("很长的简报名称", 4)}, 3, "请把报头分成两行（masthead 下写两项）"},
		{[]string{strings.Repeat("某", 21), "工作简报"}, 3, "请把这一行分成两行（masthead 下多写一项），或缩短这一行"},
		{[]string{"某某市", strings.Repeat("很长的简报名称", 4)}, 4, "请缩短简报名称，或把机关名称移到上一行"},
	}
	for _, c := range cases {
		is := issueWith("正文。")
		is.Masthead = nil
		for i, s := range c.lines {
			is.Masthead = append(is.Masthead, doc.Text{S: s, Pos: diag.Pos{File: "b.yaml", Line: 3 + i, Col: 5}})
		}
		_, errs := Compose(is, sp)
		if len(errs) != 1 {
			t.Errorf("%q: %v, want one error", c.lines, errs)
			continue
		}
		msg := errs[0].Error()
		if !strings.HasPrefix(msg, "b.yaml:"+string(rune('0'+c.line))+":5: 报头“") || !strings.HasSuffix(msg, "；"+c.advice) ||
			!strings.Contains(msg, "缩到最小字号 22.00 pt 仍超出版心宽度") {
			t.Errorf("%q: %q, want line %d and %q", c.lines, msg, c.line, c.advice)
		}
	}
}
