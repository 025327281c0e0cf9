package docx

import (
	"bytes"
	"strings"
	"testing"
)

func TestPictureSplit(t *testing.T) {
	body := p(r("第一段")) +
		pp(`<w:jc w:val="center"/>`, r("图前")+inlinePic("rIdImg")+r("图后")) +
		pp(`<w:jc w:val="center"/>`, inlinePic("rIdJpg")) +
		p(r("　　")+inlinePic("rIdImg")+r("　"))
	o := pkgParts{
		rels:  imageRel("rIdImg", "media/photo.png") + imageRel("rIdJpg", "/word/media/image2.bin"),
		files: map[string][]byte{"word/media/photo.png": tinyPNG, "word/media/image2.bin": tinyJPEG},
	}
	paras, _ := read(t, body, o)
	wantTexts(t, paras, "第一段", "图前", "[image photo.png]", "图后", "[image image2.bin]", "[image photo.png]")
	img := paras[2]
	if !bytes.Equal(img.Image.Data, tinyPNG) || len(img.Runs) != 0 || img.Pos.Line != 2 || img.Pos.Col != 1 || img.Align != 1 {
		t.Errorf("image para %+v", img)
	}
	after := paras[3]
	if after.Pos.Line != 2 || after.Runs[0].Pos.Col != 3 || after.Align != 1 {
		t.Errorf("text after the picture: %+v", after)
	}
	if !bytes.Equal(paras[4].Image.Data, tinyJPEG) || paras[4].Pos.Line != 3 {
		t.Errorf("JPEG para %+v", paras[4])
	}
}

func TestPictureVMLAndAlternate(t *testing.T) {
	// LibreOffice's mc:AlternateContent: a w:drawing and a VML fallback
	// pointing at the same picture through two relationships.
	body := p(`<w:r><mc:AlternateContent><mc:Choice Requires="wps">`+strings.TrimSuffix(strings.TrimPrefix(inlinePic("rId1"), "<w:r>"), "</w:r>")+
		`</mc:Choice><mc:Fallback><w:pict><v:shape><v:imagedata r:id="rId2"/></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`) +
		p(`<w:r><w:pict><v:shape><v:imagedata r:id="rId2" o:title=""/></v:shape></w:pict></w:r>`)
	o := pkgParts{
		rels:  imageRel("rId1", "media/image1.png") + imageRel("rId2", "media/image1.png"),
		files: map[string][]byte{"word/media/image1.png": tinyPNG},
	}
	paras, _ := read(t, body, o)
	wantTexts(t, paras, "[image image1.png]", "[image image1.png]")
}

func TestPictureErrors(t *testing.T) {
	body := p(r("图")+inlinePic("rIdEmf")) +
		p(inlinePic("rIdGif")) +
		p(`<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><pic:pic><pic:blipFill><a:blip r:link="rIdExt"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`) +
		p(inlinePic("rIdNone")) +
		p(inlinePic("rIdEscape")) +
		p(inlinePic("rIdMissing")) +
		p(`<w:r><w:drawing><wp:inline><a:graphic><a:graphicData><c:chart r:id="rIdChart"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`) +
		p(`<w:r><w:object><v:shape><v:imagedata r:id="rIdEmf"/></v:shape></w:object></w:r>`)
	o := pkgParts{
		rels: imageRel("rIdEmf", "media/image3.emf") + imageRel("rIdGif", "media/image4.png") +
			`<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file:///C:/照片/现场.jpg" TargetMode="External"/>` +
			imageRel("rIdEscape", "../../etc/passwd") + imageRel("rIdMissing", "media/nothere.png"),
		files: map[string][]byte{"word/media/image3.emf": tinyEMF, "word/media/image4.png": []byte("GIF89a\x01\x00")},
	}
	paras, notes, errs := Read("t.docx", makeDocx(t, body, o))
	wantTexts(t, paras, "图")
	want := []string{
		"t.docx:1:2: 第 1 段的图片 image3.emf 是 EMF 格式，jianbao 只能排印 JPEG 和 PNG 图片；请在 Word/WPS 中把图片另存为 JPEG 或 PNG 后重新插入",
		"t.docx:2:1: 第 2 段的图片 image4.png 是 GIF 格式",
		"t.docx:4:1: 第 4 段的图片在文件中找不到（关系 rIdNone 不存在）",
		"t.docx:5:1: 第 5 段的图片 passwd 在文件中找不到",
		"t.docx:6:1: 第 6 段的图片 nothere.png 在文件中找不到",
		"t.docx:7:1: 第 7 段有图表",
		"t.docx:8:1: 第 8 段嵌入的对象",
	}
	if len(errs) != len(want) {
		t.Fatalf("errors: %v", errs)
	}
	for i, w := range want {
		if !strings.HasPrefix(errs[i].Error(), w) {
			t.Errorf("error %d\n got %s\nwant %s…", i, errs[i].Error(), w)
		}
	}
	oneMessage(t, "notes", notes, "t.docx:3:1", "第 3 段链接的图片 file:///C:/照片/现场.jpg 未排印")
}

func TestTooManyPictures(t *testing.T) {
	body := strings.Repeat(p(inlinePic("rIdImg")), MaxPictures+5)
	o := pkgParts{rels: imageRel("rIdImg", "media/a.png"), files: map[string][]byte{"word/media/a.png": tinyPNG}}
	paras, _, errs := Read("t.docx", makeDocx(t, body, o))
	if len(paras) != MaxPictures {
		t.Errorf("%d pictures placed", len(paras))
	}
	oneMessage(t, "errors", errs, "图片超过 200 张", ":201:")
}

func TestImageFormat(t *testing.T) {
	cases := map[string]string{
		string(tinyPNG): "PNG", string(tinyJPEG): "JPEG", string(tinyEMF): "EMF", "GIF87a..": "GIF",
		"BM....": "BMP", "II*\x00": "TIFF", "\xd7\xcd\xc6\x9a": "WMF", "<?xml?><svg>": "SVG", "": "", "xx": "",
	}
	for data, want := range cases {
		if got := imageFormat([]byte(data)); got != want {
			t.Errorf("imageFormat(%q) = %q, want %q", data, got, want)
		}
	}
}
