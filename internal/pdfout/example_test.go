package pdfout_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"jianbao/internal/build"
	_ "jianbao/internal/golden"
)

// The second example (titles, 一、 and （一） headings): its bookmarks,
// read back with qpdf, are the articles' titles with their headings
// nested below, each pointing at the page where pdftotext finds it.
func TestExampleBookmarks(t *testing.T) {
	for _, tool := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip(tool + " not installed")
		}
	}
	res, errs := build.Build(filepath.Join("..", "..", "examples", "2026-zk1", "bulletin.yaml"))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	f := filepath.Join(t.TempDir(), "b.pdf")
	if err := os.WriteFile(f, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("qpdf", "--json", "--json-key=outlines", f).Output()
	if err != nil {
		t.Fatal(err)
	}
	var j struct {
		Outlines []node `json:"outlines"`
	}
	if err := json.Unmarshal(out, &j); err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func([]node, string)
	walk = func(ns []node, indent string) {
		for _, n := range ns {
			if n.Page == nil {
				t.Errorf("bookmark %q points at no page", n.Title)
				continue
			}
			got = append(got, indent+n.Title)
			p := strconv.Itoa(*n.Page)
			txt, err := exec.Command("pdftotext", "-f", p, "-l", p, f, "-").Output()
			if err != nil {
				t.Fatal(err)
			}
			flat := strings.Join(strings.Fields(string(txt)), "")
			if !strings.Contains(flat, strings.Join(strings.Fields(n.Title), "")) {
				t.Errorf("bookmark %q points at page %s, which does not hold it", n.Title, p)
			}
			walk(n.Kids, indent+"  ")
		}
	}
	walk(j.Outlines, "")
	want := []string{
		"上海市邮政快递行业启动“暖蜂驿站”关爱服务月活动",
		"  一、聚焦“急难愁盼”，把关爱送到一线",
		"    （一）织密服务网络",
		"    （二）办好暖心实事",
		"  二、发挥党建引领作用，凝聚行业文明力量",
		"各区关爱快递小哥经验做法选编",
		"  一、静安区：“红色驿站”融入“15分钟社区生活圈”",
		"  二、浦东新区：数字赋能，让服务“找得到、用得上”",
		"  三、闵行区：以“小切口”推动文明行车",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("bookmarks:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

type node struct {
	Title string `json:"title"`
	Page  *int   `json:"destpageposfrom1"`
	Kids  []node `json:"kids"`
}
