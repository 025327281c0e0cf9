package docx

import (
	"testing"

	"jianbao/internal/manuscript"
)

const baseStyles = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312" w:ascii="Times New Roman"/><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="我的标题"/><w:basedOn w:val="Heading1"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="正文文本"/><w:basedOn w:val="MyHead"/><w:pPr><w:outlineLvl w:val="9"/><w:jc w:val="both"/></w:pPr><w:rPr><w:b w:val="0"/><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="h3"><w:name w:val="Heading 3"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="a5"><w:name w:val="标题"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="End"><w:name w:val="落款"/><w:pPr><w:jc w:val="end"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="LoopA"><w:name w:val="a"/><w:basedOn w:val="LoopB"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="LoopB"><w:name w:val="b"/><w:basedOn w:val="LoopA"/><w:pPr><w:jc w:val="right"/></w:pPr></w:style>` +
	`<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>` +
	`<w:style w:type="character" w:styleId="KaiChar"><w:name w:val="楷"/><w:basedOn w:val="Strong"/><w:rPr><w:rFonts w:eastAsia="KaiTi"/><w:sz w:val="28"/></w:rPr></w:style>`

func TestStyleInheritance(t *testing.T) {
	body := pp(pStyle("Heading1"), r("标题一")) +
		pp(pStyle("MyHead"), r("我的")) +
		pp(pStyle("Body"), r("正文")) +
		p(r("默认")) +
		pp(pStyle("Missing"), r("缺失样式")) +
		pp(pStyle("Body")+`<w:outlineLvl w:val="1"/><w:jc w:val="right"/>`, r("直接")) +
		pp(pStyle("End"), r("落款")) +
		pp(pStyle("LoopA"), r("循环"))
	paras, _ := read(t, body, pkgParts{styles: baseStyles})
	type want struct {
		align   manuscript.Align
		outline int
		bold    bool
		font    manuscript.Font
		size    int
	}
	wants := []want{
		{manuscript.AlignLeft, 1, true, manuscript.FontHei, 32},
		{manuscript.AlignCenter, 1, true, manuscript.FontHei, 32},
		{manuscript.AlignLeft, 0, false, manuscript.FontKai, 32},
		{manuscript.AlignLeft, 0, false, manuscript.FontFang, 32},
		{manuscript.AlignLeft, 0, false, manuscript.FontFang, 32},
		{manuscript.AlignRight, 2, false, manuscript.FontKai, 32},
		{manuscript.AlignRight, 0, false, manuscript.FontFang, 32},
		{manuscript.AlignRight, 0, true, manuscript.FontFang, 32},
	}
	if len(paras) != len(wants) {
		t.Fatalf("got %d paragraphs: %q", len(paras), texts(paras))
	}
	for i, w := range wants {
		p := paras[i]
		got := want{p.Align, p.Outline, p.Runs[0].Bold, p.Runs[0].Font, p.Runs[0].Size}
		if got != w {
			t.Errorf("%s: got %+v, want %+v", text(p), got, w)
		}
	}
}

func TestRunStylesAndDirect(t *testing.T) {
	body := p(`<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>强</w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="KaiChar"/></w:rPr><w:t>楷</w:t></w:r>` +
		`<w:r><w:rPr><w:rStyle w:val="KaiChar"/><w:b w:val="false"/><w:sz w:val="30"/></w:rPr><w:t>直</w:t></w:r>` +
		rp(`<w:b w:val="off"/>`, "非") + rp(`<w:b w:val="0"/>`, "粗") +
		rp(`<w:rFonts w:eastAsiaTheme="minorEastAsia" w:eastAsia="黑体"/>`, "主题") +
		rp(`<w:rFonts w:ascii="SimHei"/>`, "西文") +
		rp(`<w:b/><w:rFonts w:eastAsia="方正小标宋简体"/>`, "题"))
	paras, _ := read(t, body, pkgParts{styles: baseStyles})
	runs := paras[0].Runs
	type h struct {
		text string
		bold bool
		font manuscript.Font
		size int
		col  int
	}
	want := []h{
		{"强", true, manuscript.FontFang, 32, 1},
		{"楷", true, manuscript.FontKai, 28, 2},
		{"直", false, manuscript.FontKai, 30, 3},
		{"非粗", false, manuscript.FontFang, 32, 4}, // merged: same hints
		{"主题", false, manuscript.FontOther, 32, 6},
		{"西文", false, manuscript.FontFang, 32, 8}, // eastAsia from the defaults wins
		{"题", true, manuscript.FontBiaoSong, 32, 10},
	}
	if len(runs) != len(want) {
		t.Fatalf("runs %+v", runs)
	}
	for i, w := range want {
		g := runs[i]
		if (h{g.Text, g.Bold, g.Font, g.Size, g.Pos.Col}) != w {
			t.Errorf("run %d: got %+v, want %+v", i, g, w)
		}
	}
}

func TestHeadingNamesAndTitle(t *testing.T) {
	body := pp(pStyle("2"), r("二级")) + pp(pStyle("h3"), r("三级")) +
		pp(pStyle("Title"), r("大标题")) + pp(pStyle("a5"), r("中文标题")) +
		pp(pStyle("Subtitle"), r("副题"))
	paras, _ := read(t, body, pkgParts{styles: baseStyles})
	wantTexts(t, paras, "二级", "三级", "大标题", "中文标题", "副题")
	if paras[0].Outline != 2 || paras[1].Outline != 3 || paras[0].Title {
		t.Errorf("heading levels: %d %d", paras[0].Outline, paras[1].Outline)
	}
	if !paras[2].Title || paras[2].Align != manuscript.AlignCenter || !paras[3].Title || paras[2].Outline != 0 {
		t.Errorf("title: %+v %+v", paras[2], paras[3])
	}
	if paras[4].Title || paras[4].Align != manuscript.AlignCenter {
		t.Errorf("subtitle: %+v", paras[4])
	}
}

func TestFontHint(t *testing.T) {
	cases := map[string]manuscript.Font{
		"黑体": manuscript.FontHei, "SimHei": manuscript.FontHei, "方正黑体_GBK": manuscript.FontHei,
		"STHeiti": manuscript.FontHei, "Microsoft YaHei": manuscript.FontHei, "微软雅黑": manuscript.FontHei, "等线": manuscript.FontOther,
		"楷体_GB2312": manuscript.FontKai, "方正楷体_GBK": manuscript.FontKai, "STKaiti": manuscript.FontKai,
		"华文楷体": manuscript.FontKai, "KaiTi": manuscript.FontKai,
		"仿宋_GB2312": manuscript.FontFang, "方正仿宋_GBK": manuscript.FontFang, "FangSong": manuscript.FontFang,
		"华文仿宋":    manuscript.FontFang,
		"方正小标宋简体": manuscript.FontBiaoSong, "方正小标宋_GBK": manuscript.FontBiaoSong, "FZXiaoBiaoSong-B05S": manuscript.FontBiaoSong,
		"宋体": manuscript.FontSong, "SimSun": manuscript.FontSong, "NSimSun": manuscript.FontSong, "STSong": manuscript.FontSong,
		"Times New Roman": manuscript.FontOther, "Calibri": manuscript.FontOther, "": manuscript.FontOther,
	}
	for name, want := range cases {
		if got := fontHint(name); got != want {
			t.Errorf("fontHint(%q) = %v, want %v", name, got, want)
		}
	}
}
