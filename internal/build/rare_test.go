package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jianbao/fonts"
	"jianbao/internal/fontset"
)

// rareText holds names' characters beyond GB 2312 (some only in the
// fallback face), CJK Ext A, and characters outside the BMP from the
// 通用规范汉字表 and beyond.
const rareText = "镕喆堃珺昇燊赟〇，䶮㐀䴀，𠮷𫖯𬌗𬘡𬇙𫓶𬭚。"

// Rare characters print in every role that sets text, with a real glyph,
// and extract as themselves: those outside the BMP through private-use
// codes with /ActualText.
func TestRareCharacters(t *testing.T) {
	dir := t.TempDir()
	w := func(rel, s string) { writeFile(t, dir, rel, s) }
	w("articles/01.md", "# 标题"+rareText+"\n\n## 一、黑体"+rareText+"\n\n### （一）楷体"+rareText+"\n\n正文"+rareText+"\n\n> 编者按："+rareText+"\n")
	w("bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\neditor: 办公室编\ndate: 2026-03-27\narticles: [articles/01.md]\n")
	res, errs := Build(filepath.Join(dir, "bulletin.yaml"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	n := 0
	for _, p := range res.Doc.Pages {
		for _, it := range p.Items {
			for _, g := range it.Glyphs {
				if !strings.ContainsRune(rareText, g.R) {
					continue
				}
				n++
				fc, err := fontset.Load(g.Face)
				if err != nil || !fc.Covers(g.R) {
					t.Errorf("%c (U+%04X) in %s: no glyph", g.R, g.R, g.Face)
				}
			}
		}
	}
	if want := 5 * len([]rune(rareText)); n != want {
		t.Errorf("%d rare glyphs placed, want %d", n, want)
	}
	pdf := filepath.Join(dir, "b.pdf")
	os.WriteFile(pdf, res.PDF, 0o644)
	out, err := exec.Command(needTool(t, "pdftotext"), pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(string(out)), "")
	if c := strings.Count(txt, rareText); c != 5 {
		t.Errorf("the rare text extracts %d times, want 5:\n%s", c, txt)
	}
	if strings.ContainsAny(txt, "\uE000\uE001\uE002") {
		t.Error("private-use codes leak into the extracted text")
	}
}

// Every role of the default layout covers, with its face or fallback, all
// 8,105 characters of the 通用规范汉字表 and all of CJK Ext A.
func TestRolesCoverTongyongAndExtA(t *testing.T) {
	spec := defaultSpec(t)
	list, err := fonts.FS.ReadFile("tongyong-8105.txt")
	if err != nil {
		t.Fatal(err)
	}
	var want []rune
	for _, line := range strings.Split(string(list), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			want = append(want, []rune(line)...)
		}
	}
	if len(want) != 8105 {
		t.Fatalf("the list has %d characters", len(want))
	}
	for r := rune(0x3400); r <= 0x4DBF; r++ {
		want = append(want, r)
	}
	for name, role := range spec.Fonts {
		var faces []*fontset.Face
		for _, n := range []string{role.Face, role.Fallback} {
			if fc, err := fontset.Load(n); err == nil {
				faces = append(faces, fc)
			}
		}
		var missing []rune
		for _, r := range want {
			ok := false
			for _, fc := range faces {
				ok = ok || fc.Covers(r)
			}
			if !ok {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("role %s misses %d characters, e.g. %q", name, len(missing), string(missing[:min(20, len(missing))]))
		}
	}
}

// Every cell of a table reaches the PDF, row by row (pdftotext).
func TestTableText(t *testing.T) {
	dir := t.TempDir()
	w := func(rel, s string) { writeFile(t, dir, rel, s) }
	var rows strings.Builder
	var want []string
	for i := 1; i <= 35; i++ {
		cells := []string{fmt.Sprintf("第%d快递网点（含分拣中心）", i), fmt.Sprintf("%d,%03d", i, i*13), fmt.Sprintf("%d.%d%%", i, i%7)}
		fmt.Fprintf(&rows, "| %s |\n", strings.Join(cells, " | "))
		want = append(want, cells...)
	}
	w("articles/01.md", "# 表格测试\n\n正文。\n\n表1 各网点业务量\n| 网点 | 件数 | 占比 |\n|---|--:|--:|\n"+rows.String()+"\n其后。\n")
	w("bulletin.yaml", "masthead: [工作简报]\nissue: {year: 2026, number: 1}\neditor: 办公室编\ndate: 2026-03-27\narticles: [articles/01.md]\n")
	res, errs := Build(filepath.Join(dir, "bulletin.yaml"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	pdf := filepath.Join(dir, "b.pdf")
	os.WriteFile(pdf, res.PDF, 0o644)
	out, err := exec.Command(needTool(t, "pdftotext"), "-raw", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	txt := strings.Join(strings.Fields(string(out)), "")
	at := 0
	for _, c := range append([]string{"表1各网点业务量", "网点", "件数", "占比"}, want...) {
		i := strings.Index(txt[at:], c)
		if i < 0 {
			t.Fatalf("cell %q not found in order after byte %d", c, at)
		}
		at += i + len(c)
	}
	if len(res.Doc.Pages) < 2 {
		t.Errorf("35 rows should break across pages")
	}
}
