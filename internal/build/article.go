package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/docx"
	"jianbao/internal/manuscript"
	"jianbao/internal/markup"
)

// MaxManuscriptBytes bounds an article file of any kind.
const MaxManuscriptBytes = 100 << 20

// Article kinds by file name.
const (
	KindMarkdown = "md"
	KindWord     = "docx"
	KindText     = "txt"
)

// ArticleKind tells how an article file is read, from its extension.
// Legacy Word and WPS files get their own kind, so the message can say
// what to do.
func ArticleKind(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return KindMarkdown
	case ".docx":
		return KindWord
	case ".txt", ".text":
		return KindText
	case ".doc", ".wps", ".dot", ".wpt":
		return "legacy"
	}
	return ""
}

// ReadArticle reads one article file of any supported kind. display names
// it in messages. Notes are the interpretations and repairs made reading a
// Word or text manuscript; a Markdown article is taken as written.
func ReadArticle(display string, data []byte) (*doc.Article, diag.List, diag.List) {
	var errs diag.List
	whole := diag.Pos{File: display}
	if len(data) > MaxManuscriptBytes {
		errs.Add(whole, fmt.Sprintf("文件过大（%d MB，上限 %d MB）", len(data)>>20, MaxManuscriptBytes>>20), "请拆分为多篇文章，或压缩其中的图片")
		return nil, nil, errs
	}
	kind := ArticleKind(display)
	sniff := docx.Sniff(data)
	switch {
	case kind == "legacy" || sniff == "ole":
		errs.Add(whole, "是旧版 Word/WPS 文件（.doc/.wps），jianbao 读不了", "请在 Word/WPS 中另存为 .docx 后列入清单")
		return nil, nil, errs
	case kind == KindWord:
		paras, notes, rerrs := docx.Read(display, data)
		if len(rerrs) > 0 {
			return nil, notes, rerrs
		}
		art, snotes, serrs := manuscript.Structure(display, paras)
		notes = append(notes, snotes...)
		if art != nil {
			notes = append(notes, manuscript.Repair(art)...)
		}
		notes.Sort()
		return art, notes, serrs
	case sniff != "" && sniff != "zip" || bytes.HasPrefix(data, []byte("%PDF")):
		what := map[string]string{"docx": "Word 文档（.docx）", "odt": "OpenDocument 文档（.odt）", "rtf": "RTF 文档", "": "PDF 文件"}[sniff]
		errs.Add(whole, fmt.Sprintf("内容是%s，但文件名不是 .docx", what), "Word 文档请以 .docx 结尾；PDF、.odt、RTF 请在 Word/WPS 中另存为 .docx")
		return nil, nil, errs
	case kind == KindText:
		s, notes, derrs := manuscript.Decode(display, data)
		if len(derrs) > 0 {
			return nil, nil, derrs
		}
		art, snotes, serrs := manuscript.Structure(display, manuscript.ReadText(display, s))
		notes = append(notes, snotes...)
		if art != nil {
			notes = append(notes, manuscript.Repair(art)...)
		}
		notes.Sort()
		return art, notes, serrs
	case kind == KindMarkdown:
		art, perrs := markup.Parse(display, data)
		return art, nil, perrs
	}
	errs.Add(whole, fmt.Sprintf("不认识文章文件的类型 %q", filepath.Ext(display)), "文章可以是 .md（Markdown）、.docx（Word）或 .txt（纯文本）")
	return nil, nil, errs
}

// readArticleFile reads an article from disk.
func readArticleFile(display, abs string, pos diag.Pos) (*doc.Article, diag.List, diag.List) {
	var errs diag.List
	st, err := os.Stat(abs)
	if err == nil && st.Size() > MaxManuscriptBytes {
		errs.Add(diag.Pos{File: display}, fmt.Sprintf("文件过大（%d MB，上限 %d MB）", st.Size()>>20, MaxManuscriptBytes>>20), "请拆分为多篇文章，或压缩其中的图片")
		return nil, nil, errs
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		errs.Add(pos, fmt.Sprintf("无法读取文章文件 %q", display), "请检查文件权限")
		return nil, nil, errs
	}
	return ReadArticle(display, data)
}
