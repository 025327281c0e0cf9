package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// needFile finds a file from a Debian package; under CI it must be there.
func needFile(t *testing.T, path, pkg string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is required under CI (apt-get install -y %s)", path, pkg)
		}
		t.Skipf("%s not installed (%s)", path, pkg)
	}
}

const (
	zenhei = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
	ukai   = "/usr/share/fonts/truetype/arphic/ukai.ttc"
	uming  = "/usr/share/fonts/truetype/arphic/uming.ttc"
	notoOT = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
)

// fontIssue writes an issue whose layout is based on jianbao and changes
// only the fonts given.
func fontIssue(t *testing.T, fontsYAML func(dir string) string) (dir, manifest string) {
	dir = t.TempDir()
	w := func(rel, s string) { writeFile(t, dir, rel, s) }
	w("office.yaml", "base: jianbao\nfonts:\n"+fontsYAML(dir))
	w("articles/01.md", "# 本机字体排印测试\n\n## 一、黑体标题\n\n### （一）楷体标题\n\n正文用仿宋排印，2026年3月。\n")
	w("bulletin.yaml", "layout: office.yaml\nmasthead: [工作简报]\nissue: {year: 2026, number: 1}\neditor: 办公室编\ndate: 2026-03-27\narticles: [articles/01.md]\n")
	return dir, filepath.Join(dir, "bulletin.yaml")
}

// Installed TrueType collections, chosen by family name (English and
// Chinese) and by file with an index, are embedded as subsets with
// ToUnicode, and the text extracts.
func TestInstalledFonts(t *testing.T) {
	for _, f := range [][2]string{{zenhei, "fonts-wqy-zenhei"}, {ukai, "fonts-arphic-ukai"}, {uming, "fonts-arphic-uming"}} {
		needFile(t, f[0], f[1])
	}
	_, m := fontIssue(t, func(dir string) string {
		return "  fangsong: {face: AR PL UMing CN}\n" +
			"  heiti: {face: 文泉驿正黑}\n" +
			"  kaiti: {file: " + relTo(t, dir, ukai) + ", index: 0}\n"
	})
	res, errs := Build(m)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	faces := map[string]bool{}
	for _, p := range res.Doc.Pages {
		for _, it := range p.Items {
			for _, g := range it.Glyphs {
				faces[g.Face] = true
			}
		}
	}
	want := []string{"UMing", "ZenHei", "UKai"}
	for _, w := range want {
		found := false
		for f := range faces {
			found = found || strings.Contains(f, w)
		}
		if !found {
			t.Errorf("no face like %q used; faces %v", w, faces)
		}
	}
	pdffonts := needTool(t, "pdffonts")
	pdf := filepath.Join(t.TempDir(), "b.pdf")
	os.WriteFile(pdf, res.PDF, 0o644)
	out, err := exec.Command(pdffonts, pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range want {
		ok := false
		for _, line := range strings.Split(string(out), "\n") {
			if strings.Contains(strings.ToLower(line), strings.ToLower(w)) {
				f := strings.Fields(line)
				// name type encoding emb sub uni object ID
				ok = len(f) >= 7 && f[len(f)-5] == "yes" && f[len(f)-4] == "yes" && f[len(f)-3] == "yes" && strings.Contains(f[0], "+")
			}
		}
		if !ok {
			t.Errorf("pdffonts does not show %s embedded, subset, with ToUnicode:\n%s\nfaces %v", w, out, faces)
		}
	}
	txt, err := exec.Command(needTool(t, "pdftotext"), pdf, "-").Output()
	if err != nil || !strings.Contains(strings.Join(strings.Fields(string(txt)), ""), "正文用仿宋排印，2026年3月。") {
		t.Errorf("text does not extract: %v\n%s", err, txt)
	}
}

func relTo(t *testing.T, from, to string) string {
	r, err := filepath.Rel(from, to)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Fonts that cannot be used are one-line errors at the layout's line.
func TestInstalledFontErrors(t *testing.T) {
	needFile(t, notoOT, "fonts-noto-cjk")
	needFile(t, ukai, "fonts-arphic-ukai")
	for name, c := range map[string]struct{ yaml, want string }{
		"CFF by name":  {"  fangsong: {face: Noto Serif CJK SC}\n", "office.yaml:3:13: 字体 Noto Serif CJK SC"},
		"CFF by file":  {"  fangsong: {file: " + notoOT + "}\n", "CFF"},
		"index":        {"  kaiti: {file: " + ukai + ", index: 9}\n", "office.yaml:3:10: 字体文件 " + ukai + " 只有"},
		"missing face": {"  heiti: {face: 方正黑体不存在}\n", "office.yaml:3:10: 字体角色 \"heiti\" 用了不存在的字体 \"方正黑体不存在\"（不是内置字体，也没有安装；已查找 "},
		"missing file": {"  heiti: {file: nothere.ttf}\n", "office.yaml:3:10: 找不到或无法读取字体文件"},
	} {
		_, m := fontIssue(t, func(string) string { return c.yaml })
		_, errs := Build(m)
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) || !strings.Contains(errs[0].Error(), "；") {
			t.Errorf("%s: %v\nwant one error containing %q", name, errs, c.want)
		}
	}
}

// A watched build follows the layout's base: chain and its font files.
func TestInputsFollowLayouts(t *testing.T) {
	dir := t.TempDir()
	w := func(rel, s string) { writeFile(t, dir, rel, s) }
	w("bulletin.yaml", "layout: office.yaml\narticles: [a.md]\n")
	w("office.yaml", "base: layouts/unit.yaml\nfonts:\n  kaiti: {file: fonts/kai.ttf}\n")
	w("layouts/unit.yaml", "base: jianbao\nfonts:\n  heiti: {file: ../fonts/hei.ttf}\n")
	got := strings.Join(Inputs(filepath.Join(dir, "bulletin.yaml")), "\n")
	for _, want := range []string{"office.yaml", "layouts/unit.yaml", "fonts/kai.ttf", "fonts/hei.ttf", "a.md"} {
		if !strings.Contains(got, filepath.Join(dir, want)) {
			t.Errorf("inputs lack %s:\n%s", want, got)
		}
	}
}

// writeFile writes a test file under dir, making its folders.
func writeFile(t *testing.T, dir, rel, s string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	os.MkdirAll(filepath.Dir(p), 0o755)
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}
