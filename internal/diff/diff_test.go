package diff

import (
	_ "jianbao/internal/golden"
	"strings"
	"testing"
)

const rec1 = "page\t1\tno=1\t595.28x841.89\tfill=22/22\n" +
	"text\tmasthead\tm1\tx=183.47\ty=161.78\tw=234.00\tsize=26.00\tblack\t(工作简报)\n" +
	"text\teditor\tx=95.37\ty=283.02\tw=256.00\tsize=16.00\tblack\t(某某办编)\n" +
	"text\tdate\tx=381.58\ty=283.02\tw=124.00\tsize=16.00\tblack\t(2026年3月27日)\n" +
	"rule\tredrule\tx=79.37\ty=296.28\tw=442.21\tt=1.50\tcmyk(0,100,100,0)\n" +
	"text\tbody\ta1.p1.1\tx=79.37\ty=444.35\tw=442.20\tsize=16.00\tblack\t(第一行)\n" +
	"text\tbody\ta1.p1.2\tx=79.37\ty=473.34\tw=442.20\tsize=16.00\tblack\t(第二行)\n" +
	"text\tpageno\tx=468.89\ty=767.14\tw=38.68\tsize=14.00\tblack\t(— 1 —)\n"

func TestParseNumbersLines(t *testing.T) {
	r, err := Parse([]byte(rec1))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"m1": 1, "editor#1": 2, "date#1": 2, "a1.p1.1": 3, "a1.p1.2": 4, "pageno#1": 0, "redrule#1": 0}
	for _, it := range r.Items {
		if it.Line != want[it.ID] {
			t.Errorf("%s: line %d, want %d", it.ID, it.Line, want[it.ID])
		}
	}
}

func TestCompare(t *testing.T) {
	if cs, err := Compare([]byte(rec1), []byte(rec1)); err != nil || len(cs) != 0 {
		t.Fatalf("identical records: %v %v", cs, err)
	}
	// the second line changes, a third is added and moves to page 2
	rec2 := strings.Replace(rec1, "(第二行)", "(第二行改)", 1) +
		"page\t2\tno=2\t595.28x841.89\tfill=1/22\n" +
		"text\tbody\ta1.p1.3\tx=79.37\ty=125.46\tw=442.20\tsize=16.00\tblack\t(第三行)\n"
	cs, err := Compare([]byte(rec1), []byte(rec2))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cs {
		got = append(got, c.Msg)
	}
	want := []string{"第 1 页第 4 行改动：“第二行” → “第二行改”", "新增第 2 页", "第 2 页第 1 行新增：“第三行”"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	lines, pages := Summary(cs, 1)
	if len(pages) != 2 || lines[0] != "第 1 页：1 处变化" || lines[2] != "第 2 页：2 处变化" || lines[4] != "  ……另有 1 处" {
		t.Errorf("summary %q pages %v", lines, pages)
	}
	// a line that moves down without changing
	rec3 := strings.Replace(rec1, "y=473.34", "y=502.33", 1)
	cs, _ = Compare([]byte(rec1), []byte(rec3))
	if len(cs) != 1 || cs[0].Msg != "第 1 页第 4 行位置或样式改变（x=79.37 y=473.34 → x=79.37 y=502.33）：“第二行”" {
		t.Errorf("moved line: %+v", cs)
	}
	// a line inserted above: the two body lines move down together
	rec4 := strings.Replace(strings.Replace(strings.Replace(rec1, "y=473.34", "y=502.33", 1), "y=444.35", "y=473.34", 1),
		"text\tbody\ta1.p1.1", "text\tbody\ta1.p0.1\tx=79.37\ty=444.35\tw=442.20\tsize=16.00\tblack\t(新一行)\ntext\tbody\ta1.p1.1", 1)
	rec4 = strings.Replace(rec4, "fill=22/22", "fill=21/22", 1)
	cs, _ = Compare([]byte(rec1), []byte(rec4))
	var msgs []string
	for _, c := range cs {
		msgs = append(msgs, c.Msg)
	}
	want = []string{"第 1 页用去的行数 22/22 → 21/22", "第 1 页第 3—4 行下移 1 行（共 2 行，首行“第一行”）", "第 1 页第 3 行新增：“新一行”"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines moved down:\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
	if _, err := Compare([]byte(rec1), []byte("会议纪要\n")); err == nil {
		t.Error("a text that is no record compares")
	}
}

// The bullet, title, leader and page number of a contents entry share
// its id: a change elsewhere must not pair them with one another.
func TestContentsEntryUnchanged(t *testing.T) {
	entry := "text\tcontents.bullet\tc1.1\tx=95.16\ty=402.61\tw=9.07\tsize=14.00\tblack\t(※ )\n" +
		"text\tcontents\tc1.1\tx=104.24\ty=402.61\tw=196.00\tsize=14.00\tblack\t(上海市邮政管理局党组召开会议)\n" +
		"text\tcontents.leader\tc1.1\tx=315.08\ty=402.61\tw=196.00\tsize=14.00\tblack\t(……………)\n" +
		"text\tcontents.page\tc1.1\tx=514.58\ty=402.61\tw=7.00\tsize=14.00\tblack\t(1)\n"
	old := strings.Replace(rec1, "text\tbody\ta1.p1.1", entry+"text\tbody\ta1.p1.1", 1)
	cs, err := Compare([]byte(old), []byte(strings.Replace(old, "(第二行)", "(第二行改)", 1)))
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || !strings.Contains(cs[0].Msg, "“第二行” → “第二行改”") {
		t.Errorf("changes: %+v", cs)
	}
}
