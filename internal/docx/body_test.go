package docx

import (
	"strings"
	"testing"
)

func TestSoftBreaks(t *testing.T) {
	body := p(r("联合检")+`<w:r><w:br/></w:r>`+r("查组")) +
		p(r("Hello")+`<w:r><w:br/></w:r>`+r("world")) +
		p(r("2026")+`<w:r><w:cr/></w:r>`+r("年")) +
		p(r("文字")+`<w:r><w:br/></w:r>`+r("，标点")) +
		p(r("page")+`<w:r><w:br w:type="page"/><w:lastRenderedPageBreak/></w:r>`+r("break")) +
		p(`<w:r><w:t>A</w:t><w:br/><w:t>B</w:t><w:tab/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t><w:softHyphen/><w:t>E</w:t><w:br/></w:r>`) +
		p(r("　　缩进 ")+`<w:r><w:tab/></w:r>`)
	paras, notes := read(t, body, pkgParts{})
	wantTexts(t, paras, "联合检查组", "Hello world", "2026年", "文字，标点", "pagebreak", "A B\tC-DE", "　　缩进 \t")
	if len(notes) != 0 {
		t.Errorf("notes: %v", notes)
	}
}

func TestContainersAndFields(t *testing.T) {
	body := p(r("见")+`<w:hyperlink r:id="rIdLink" w:history="1">`+rp(`<w:rStyle w:val="Hyperlink"/>`, "网站")+`</w:hyperlink>`+r("。")) +
		p(`<w:fldSimple w:instr=" PAGE ">`+r("7")+`</w:fldSimple>`) +
		p(`<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>`+r("控件内容")+`</w:sdtContent></w:sdt>`) +
		`<w:sdt><w:sdtContent>` + p(r("块级控件")) + `</w:sdtContent></w:sdt>` +
		p(`<w:smartTag w:uri="u" w:element="date">`+r("3月")+`</w:smartTag><w:customXml w:element="x">`+r("20日")+`</w:customXml>`) +
		p(r("日期：")+`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy年M月d日" </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("2026年3月20日")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`) +
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>NESTED</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("隐藏")+
			`<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>`+r("结果")+`<w:r><w:fldChar w:fldCharType="end"/></w:r>`+r("后")) +
		p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF x</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`+r("无结果")) +
		p(`<w:r><w:ruby><w:rubyPr/><w:rt>`+r("zhù")+`</w:rt><w:rubyBase>`+r("注")+`</w:rubyBase></w:ruby></w:r>`)
	paras, _ := read(t, body, pkgParts{rels: `<Relationship Id="rIdLink" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://example.cn" TargetMode="External"/>`})
	wantTexts(t, paras, "见网站。", "7", "控件内容", "块级控件", "3月20日", "日期：2026年3月20日", "结果后", "无结果", "注")
	for _, p := range paras {
		if strings.Contains(text(p), "DATE") || strings.Contains(text(p), "HYPERLINK") {
			t.Errorf("instruction text printed: %q", text(p))
		}
	}
}

func TestTrackedChanges(t *testing.T) {
	body := p(r("同时")+`<w:ins w:id="1" w:author="a">`+r("，各校")+`</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删掉的</w:delText></w:r></w:del>`+r("开展")) +
		p(r("无修订")) +
		p(`<w:moveFrom w:id="3">`+r("搬走")+`</w:moveFrom>`+r("原地")+`<w:moveTo w:id="4">`+r("搬来")+`</w:moveTo>`) +
		p(r("格式")+`<w:r><w:rPr><w:b/><w:rPrChange w:id="5"><w:rPr/></w:rPrChange></w:rPr><w:t>历史</w:t></w:r>`) +
		pp(`<w:rPr><w:del w:id="6"/></w:rPr>`, `<w:del w:id="7">`+r("整段删除")+`</w:del>`) +
		p(r("下一段")) +
		pp(`<w:jc w:val="center"/><w:rPr><w:del w:id="8"/></w:rPr>`, r("前半")) +
		pp(`<w:jc w:val="right"/>`, r("后半"))
	paras, notes := read(t, body, pkgParts{})
	wantTexts(t, paras, "同时，各校开展", "无修订", "原地搬来", "格式历史", "下一段", "前半后半")
	n := oneMessage(t, "notes", notes, "接受所有修订", "7 处修订", "在 4 段中")
	if n.Pos.Line != 1 {
		t.Errorf("note at %v", n.Pos)
	}
	merged := paras[5]
	if merged.Pos.Line != 7 || merged.Align != 2 || merged.Runs[0].Pos.Line != 7 {
		t.Errorf("merged paragraph %+v", merged)
	}
}

func TestCommentsFootnotesTextBoxes(t *testing.T) {
	comments := `<w:comment w:id="0" w:author="张"><w:p>` + r("数据请与安全管理科再核对一次，谢谢各位同事的辛苦") + `</w:p></w:comment>`
	footnotes := `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
		`<w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r>` + r(" 一岗双责") + `</w:p></w:footnote>`
	txbx := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent>` +
		p(r("文本框里的字")) + p(r("第二段")) + `</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` + p(r("文本框里的字")) + p(r("第二段")) + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	body := p(r("共87处")+`<w:commentRangeStart w:id="0"/>`+r("整改")+`<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>`+r("。")) +
		p(r("一岗双责")+`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="2"/></w:r>`+r("确保")) +
		p(r("前")+txbx+r("后")) +
		p(r("再后")) +
		p(`<w:r><w:pict><v:shape><v:textbox><w:txbxContent>`+p(r("VML 文本框"))+`</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`)
	paras, notes := read(t, body, pkgParts{comments: comments, footnotes: footnotes})
	wantTexts(t, paras, "共87处整改。", "一岗双责确保", "前后", "再后")
	if paras[3].Pos.Line != 6 {
		t.Errorf("paragraph after a text box with 2 paragraphs: line %d, want 6", paras[3].Pos.Line)
	}
	want := []string{
		"t.docx:1:7: 批注“数据请与安全管理科再核对一次，谢谢各位同…”未排印",
		"t.docx:2:5: 脚注“一岗双责”未排印",
		"t.docx:3:2: 文本框“文本框里的字第二段”未排印",
		"t.docx:7:1: 文本框“VML 文本框”未排印",
	}
	if len(notes) != len(want) {
		t.Fatalf("notes: %v", notes)
	}
	for i, w := range want {
		if !strings.HasPrefix(notes[i].Error(), w) {
			t.Errorf("note %d\n got %s\nwant %s…", i, notes[i].Error(), w)
		}
	}
}

func TestAlternateContentNotDoubled(t *testing.T) {
	body := p(r("甲") + `<w:r><mc:AlternateContent><mc:Choice Requires="w14"><w:t>选择</w:t></mc:Choice><mc:Fallback><w:t>后备</w:t></mc:Fallback></mc:AlternateContent></w:r>` +
		`<mc:AlternateContent><mc:Choice Requires="x">` + r("乙") + `</mc:Choice><mc:Choice Requires="y">` + r("丙") + `</mc:Choice><mc:Fallback>` + r("丁") + `</mc:Fallback></mc:AlternateContent>` +
		`<mc:AlternateContent><mc:Fallback>` + r("戊") + `</mc:Fallback></mc:AlternateContent>`)
	paras, _ := read(t, body, pkgParts{})
	wantTexts(t, paras, "甲选择乙戊")
}

func TestPositions(t *testing.T) {
	body := p("") + p(r("　　")) + `<w:p/>` +
		p(r("第一")+rp("<w:b/>", "粗体")+r("，")+r("普通")) +
		pp(`<w:jc w:val="center"/>`, r("居中"))
	paras, _ := read(t, body, pkgParts{})
	wantTexts(t, paras, "第一粗体，普通", "居中")
	runs := paras[0].Runs
	if paras[0].Pos.Line != 4 || paras[0].Pos.Col != 1 || paras[0].Pos.File != "t.docx" {
		t.Errorf("para pos %v", paras[0].Pos)
	}
	cols := []int{1, 3, 5}
	texts := []string{"第一", "粗体", "，普通"}
	if len(runs) != 3 {
		t.Fatalf("runs %+v", runs)
	}
	for i := range runs {
		if runs[i].Pos.Col != cols[i] || runs[i].Text != texts[i] || runs[i].Pos.Line != 4 {
			t.Errorf("run %d: %+v", i, runs[i])
		}
	}
	if paras[1].Pos.Line != 5 || paras[1].Align != 1 {
		t.Errorf("second %+v", paras[1])
	}
}

func TestSymHiddenMath(t *testing.T) {
	body := p(r("勾")+`<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>`+`<w:r><w:sym w:font="Symbol" w:char="2605"/></w:r>`+r("星")) +
		p(r("显示")+rp(`<w:vanish/>`, "隐藏")) +
		p(r("公式")+`<m:oMath><m:r><m:t>x</m:t></m:r></m:oMath>`)
	paras, notes, errs := Read("t.docx", makeDocx(t, body, pkgParts{}))
	wantTexts(t, paras, "勾★星", "显示", "公式")
	if len(notes) != 2 || !strings.Contains(notes[0].Error(), "t.docx:1:2: Wingdings 字体的符号（代码 F0FC）未排印") || !strings.Contains(notes[1].Error(), "t.docx:2:3: 文档中的隐藏文字未排印") {
		t.Errorf("notes: %v", notes)
	}
	oneMessage(t, "errors", errs, "t.docx:3:3", "第 3 段有公式")
}
