package sysfont

import (
	"reflect"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

func gbk(s string) []byte {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

// wide stores legacy bytes in 16-bit units, as old Windows fonts do.
func wide(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			out = append(out, 0, b[i])
		} else if i+1 < len(b) {
			out = append(out, b[i], b[i+1])
			i++
		}
	}
	return out
}

func TestFamilyNames(t *testing.T) {
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte("仿宋體"))
	tbl := nameTable([]nameEntry{
		winName(0x0411, 1, "ＦＳ明朝"),            // Japanese
		winName(0x0404, 1, "仿宋（繁）"),           // Traditional Chinese
		winName(0x0804, 1, "仿宋_GB2312"),       // Simplified Chinese
		winName(0x0409, 1, "FangSong_GB2312"), // English
		winName(0x0409, 16, "FangSong"),       // typographic family: first
		winName(0x0409, 2, "Regular"),
		winName(0x0804, 2, "常规"),
		{1, 0, 0, 1, []byte("FangSong_GB2312")},    // Mac Roman duplicate
		{1, 25, 33, 1, gbk("仿宋GB")},                // Mac Simplified Chinese
		{1, 2, 19, 1, big5},                        // Mac Traditional Chinese
		{3, 3, 0x0804, 1, wide(gbk("旧仿宋_GB2312"))}, // Windows PRC encoding
		{3, 1, 0x0409, 1, []byte{0xD8, 0x00}},      // lone surrogate: dropped
		{7, 0, 0, 1, []byte("unknown platform")},
		winName(0x8000, 1, "Tagged Name"), // format 1 language tag "en-US"
		winName(0x8001, 1, "标签名"),         // "zh-Hans"
		winName(0x0409, 6, "FangSong-GB2312"),
		{1, 0, 0, 1, gbk("方正小标宋简体")},       // GB 2312 in a Mac Roman record
		{1, 0, 0, 1, []byte("Pok\x8Emon")}, // Mac Roman é
	}, "en-US", "zh-Hans")
	ns := parseNames(tbl)
	want := []string{"FangSong", "FangSong_GB2312", "Tagged Name", "Pokémon",
		"仿宋_GB2312", "旧仿宋_GB2312", "标签名", "仿宋GB", "方正小标宋简体", "仿宋（繁）", "仿宋體", "ＦＳ明朝"}
	if got := ns.families(); !reflect.DeepEqual(got, want) {
		t.Errorf("families\n got %q\nwant %q", got, want)
	}
	if s := ns.first(17, 2); s != "Regular" {
		t.Errorf("style %q", s)
	}
	if s := ns.first(6); s != "FangSong-GB2312" {
		t.Errorf("PostScript %q", s)
	}
	for _, b := range [][]byte{nil, {0, 0}, {0, 0, 0, 200, 0, 6}, tbl[:len(tbl)/2]} {
		parseNames(b) // no panic
	}
}

func TestFind(t *testing.T) {
	f := func(path string, names ...string) Font { return Font{Path: path, Families: names} }
	fonts := []Font{
		f("a", "FangSong_GB2312", "仿宋_GB2312"),
		f("b", "fangsong_gb2312"),
		f("c", "SimHei", "黑体"),
		f("d", "Foo Bar"),
		f("e", "FooBar"),
		f("g", "ＫａｉＴｉ", "楷体"),
		f("h", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong B05S", "方正小标宋简体"),
		f("i", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK"),
	}
	paths := func(fs []Font) (out []string) {
		for _, x := range fs {
			out = append(out, x.Path)
		}
		return out
	}
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"FangSong_GB2312", []string{"a", "b"}}, // exact first, then case
		{"fangsong_gb2312", []string{"b", "a"}},
		{"FANGSONG GB2312", []string{"a", "b"}}, // loose, one name up to case
		{"仿宋GB2312", []string{"a"}},
		{"仿宋 _GB2312", []string{"a"}},
		{"黑体", []string{"c"}},
		{"simhei", []string{"c"}},
		{"Sim-Hei", []string{"c"}},
		{"Foo Bar", []string{"d"}}, // the loose tier would mix two families
		{"FooBar", []string{"e"}},
		{"foo_bar", nil}, // ambiguous
		{"KaiTi", []string{"g"}},
		{"kaiti", []string{"g"}},
		{"楷体", []string{"g"}},
		{"fzxiaobiaosong_b05s", []string{"h", "i"}}, // one family, two spellings
		{"方正小标宋简体", []string{"h"}},
		{"", nil},
		{"Song", nil},
	} {
		if got := paths(Find(fonts, c.q)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Find(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}
