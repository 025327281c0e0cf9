package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/markup"
)

// Imported is a manuscript converted to a Markdown article.
type Imported struct {
	Markdown string   // path of the article written
	Photos   []string // paths of the photos written beside it
	Blocks   int      // paragraphs, headings, photos and 落款 lines, title included
	Notes    diag.List
}

// Import converts a Word or text manuscript into a Markdown article that
// builds to the same PDF, with its photos written beside it as
// STEM-1.jpg, STEM-2.png…. out defaults to src with the extension .md.
// It never overwrites a file.
func Import(src, out string) (*Imported, diag.List) {
	var errs diag.List
	whole := diag.Pos{File: src}
	if ArticleKind(src) == KindMarkdown {
		errs.Add(whole, "已经是 Markdown 文章，不需要转换", "请直接列入清单")
		return nil, errs
	}
	data, err := os.ReadFile(src)
	if err != nil {
		errs.Add(whole, "无法读取这个文件", "请检查文件名和权限")
		return nil, errs
	}
	art, notes, errs := ReadArticle(src, data)
	if len(errs) > 0 {
		return &Imported{Notes: notes}, errs
	}
	if out == "" {
		out = strings.TrimSuffix(src, filepath.Ext(src)) + ".md"
	}
	stem := strings.TrimSuffix(filepath.Base(out), filepath.Ext(out))
	dir := filepath.Dir(out)
	res := &Imported{Markdown: out, Notes: notes, Blocks: len(art.Blocks) + 1}
	var photos [][]byte
	md, errs := markup.Write(art, func(i int, b *doc.Block) (string, error) {
		if b.ImageData == nil {
			return b.Image, nil
		}
		ext := ".jpg"
		if bytes.HasPrefix(b.ImageData, []byte("\x89PNG")) {
			ext = ".png"
		}
		name := fmt.Sprintf("%s-%d%s", stem, len(photos)+1, ext)
		photos = append(photos, b.ImageData)
		res.Photos = append(res.Photos, filepath.Join(dir, name))
		return name, nil
	})
	if len(errs) > 0 {
		return res, errs
	}
	for _, f := range append([]string{out}, res.Photos...) {
		if _, err := os.Lstat(f); err == nil {
			errs.Add(diag.Pos{File: f}, "文件已存在，import 不会覆盖", "请用 -o 指定新文件名，或先删除它")
		}
	}
	if len(errs) > 0 {
		return res, errs
	}
	for i, p := range res.Photos {
		if err := WriteAtomic(p, photos[i]); err != nil {
			errs.Add(diag.Pos{File: p}, "无法写入图片", "请检查文件夹是否存在、是否可写")
			return res, errs
		}
	}
	if err := WriteAtomic(out, md); err != nil {
		errs.Add(diag.Pos{File: out}, "无法写入 Markdown 文件", "请检查文件夹是否存在、是否可写")
		return res, errs
	}
	return res, nil
}
