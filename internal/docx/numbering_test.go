package docx

import (
	"testing"
)

// numDefs: num 1 is an official outline (一、 （一） 1. （1） ①), num 2 a
// bullet list, num 3 uses abstract 1 again with its first level restarted
// at 5, num 4 is a legal multi-level list, num 5 is tied to style ListH.
const numDefs = `<w:abstractNum w:abstractNumId="1">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>` +
	`<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>` +
	`<w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%5"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="3">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%3、"/><w:lvlRestart w:val="0"/></w:lvl>` +
	`</w:abstractNum>` +
	`<w:abstractNum w:abstractNumId="4"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="第%1条"/></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/><w:pStyle w:val="ListH2"/></w:lvl></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
	`<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>` +
	`<w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>`

const numStyles = `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListH"><w:name w:val="条"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListH2"><w:name w:val="款"/><w:basedOn w:val="ListH"/></w:style>`

func num(id, lvl int, text string) string {
	return pp(`<w:numPr><w:ilvl w:val="`+itoa(lvl)+`"/><w:numId w:val="`+itoa(id)+`"/></w:numPr>`, r(text))
}

func TestNumberingLabels(t *testing.T) {
	body := num(1, 0, "总体") + num(1, 1, "甲") + num(1, 2, "子") + num(1, 2, "丑") + num(1, 3, "寅") + num(1, 4, "卯") +
		num(1, 1, "乙") + num(1, 2, "重新") + num(1, 0, "二级") + num(1, 1, "又一") +
		num(2, 0, "圆点") + num(2, 0, "圆点二") +
		num(3, 0, "另起") + num(3, 1, "下级") +
		num(4, 0, "罗马") + num(4, 1, "法律") + num(4, 2, "天干") + num(4, 1, "法律二") + num(4, 2, "不重置") +
		pp(pStyle("ListH"), r("样式")) + pp(pStyle("ListH2"), r("样式二")) +
		pp(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>`, r("取消")) +
		num(9, 0, "未定义")
	paras, notes := read(t, body, pkgParts{numbering: numDefs, styles: numStyles})
	wantTexts(t, paras,
		"一、总体", "（一）甲", "1.子", "2.丑", "（1）寅", "①卯",
		"（二）乙", "1.重新", "二、二级", "（一）又一",
		"圆点", "圆点二",
		"五、另起", "（一）下级",
		"I.罗马", "1.a法律", "甲、天干", "1.b法律二", "乙、不重置",
		"第1条样式", "1)样式二",
		"取消", "未定义")
	if n := len(notes); n != 1 {
		t.Fatalf("notes: %v", notes)
	}
	oneMessage(t, "bullet note", notes, "t.docx:11:1", "项目符号")
	// The label takes the first run's hints, then the level's own font.
	if f := paras[0].Runs[0]; f.Text != "一、" || f.Font != 3 /* Hei */ || f.Pos.Col != 1 {
		t.Errorf("label run %+v", f)
	}
	if f := paras[1].Runs[0]; f.Text != "（一）甲" || f.Pos.Col != 1 {
		t.Errorf("label merged with its run: %+v", paras[1].Runs)
	}
}

func TestNumberingMarkHints(t *testing.T) {
	body := pp(`<w:numPr><w:ilvl w:val="2"/><w:numId w:val="1"/></w:numPr><w:rPr><w:b/></w:rPr>`, r("正文"))
	paras, _ := read(t, body, pkgParts{numbering: numDefs, styles: numStyles})
	runs := paras[0].Runs
	if len(runs) != 2 || runs[0].Text != "1." || !runs[0].Bold || runs[1].Bold || runs[1].Pos.Col != 3 {
		t.Errorf("runs %+v", runs)
	}
}

func TestFormatNumber(t *testing.T) {
	cases := []struct {
		v      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"}, {10, "chineseCounting", "十"}, {11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"}, {35, "chineseCounting", "三十五"},
		{105, "chineseCountingThousand", "一百零五"}, {110, "chineseCountingThousand", "一百一十"},
		{1001, "chineseCountingThousand", "一千零一"}, {10, "chineseLegalSimplified", "壹拾"},
		{3, "ideographTraditional", "丙"}, {11, "ideographTraditional", "甲"},
		{1, "decimalEnclosedCircle", "①"}, {20, "decimalEnclosedCircle", "⑳"}, {21, "decimalEnclosedCircle", "㉑"},
		{51, "decimalEnclosedCircle", "51"},
		{3, "upperLetter", "C"}, {27, "lowerLetter", "aa"}, {4, "upperRoman", "IV"}, {14, "lowerRoman", "xiv"},
		{12, "decimalFullWidth", "１２"}, {7, "decimal", "7"}, {7, "decimalZero", "07"}, {7, "none", ""},
		{7, "unknownFormat", "7"},
	}
	for _, c := range cases {
		if got := formatNumber(c.v, c.format); got != c.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", c.v, c.format, got, c.want)
		}
	}
}
