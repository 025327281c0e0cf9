// Package build runs the whole pipeline for one issue: manifest → articles
// → layout → composition → PDF. The command line and the tests both call it.
package build

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"jianbao/internal/compose"
	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/doc"
	"jianbao/internal/layout"
	"jianbao/internal/manifest"
	"jianbao/internal/pdfout"
	"jianbao/internal/picture"
)

// Result is a built issue.
type Result struct {
	Doc *display.Document
	PDF []byte
	// Notes are the interpretations and repairs made reading Word and
	// text manuscripts (提示); they never fail a build.
	Notes diag.List
}

// Check runs everything build does except writing the PDF; the result
// has no PDF.
func Check(manifestFile string) (*Result, *layout.Spec, diag.List) {
	return check(manifestFile, nil)
}

// check is Check with edit, when not nil, applied to the issue as loaded
// from the manifest (numbered copies set the 份号).
func check(manifestFile string, edit func(*doc.Issue)) (*Result, *layout.Spec, diag.List) {
	m, errs := manifest.Load(manifestFile)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	if edit != nil {
		edit(m.Issue)
	}
	// Articles (and their photos) are read in parallel with the layout and
	// with each other; the results are collected in manifest order.
	type read struct {
		art         *doc.Article
		notes, errs diag.List
	}
	reads := make([]read, len(m.Articles))
	var spec *layout.Spec
	var lerrs diag.List
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		spec, lerrs = layout.Load(m.Layout, m.Dir, m.LayoutPos)
	}()
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, ref := range m.Articles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r := &reads[i]
			r.art, r.notes, r.errs = readArticleFile(ref.Display, ref.Abs, ref.Pos)
			if r.art == nil {
				return
			}
			for k := range r.art.Blocks {
				if b := &r.art.Blocks[k]; b.Kind == doc.Figure {
					r.errs.Append(loadPicture(b, filepath.Dir(ref.Abs), m.Dir))
				}
			}
		}()
	}
	wg.Wait()
	errs.Append(lerrs)
	notes := dateNotes(m.Issue, time.Now())
	if spec != nil {
		notes.Append(spec.Notes) // a grid derived from the body size, colours converted, tight lines
	}
	for i, r := range reads {
		if r.art != nil {
			r.art.NewPage = m.Articles[i].NewPage
			r.art.Section, r.art.SectionPos = m.Articles[i].Section.S, m.Articles[i].Section.Pos
		}
		notes.Append(r.notes)
		errs.Append(r.errs)
		if r.art != nil {
			m.Issue.Articles = append(m.Issue.Articles, r.art)
		}
	}
	if len(errs) > 0 || spec == nil {
		return nil, spec, errs
	}
	d, cnotes, cerrs := compose.ComposeNotes(m.Issue, spec)
	if len(cerrs) > 0 {
		return nil, spec, cerrs
	}
	notes.Append(cnotes)
	return &Result{Doc: d, Notes: notes}, spec, nil
}

// MaxImageBytes bounds the size of one photo file.
const MaxImageBytes = 50 << 20

// loadPicture finds a figure's file (relative to the article's folder, or
// else to the manifest's; never outside the manifest's folder) and decodes it.
func loadPicture(b *doc.Block, articleDir, manifestDir string) diag.List {
	var errs diag.List
	if b.ImageData != nil { // a photo inside a Word file
		if len(b.ImageData) > MaxImageBytes {
			errs.Add(b.Pos, fmt.Sprintf("图片 %q 有 %d MB，超过 %d MB 的上限", b.Image, len(b.ImageData)>>20, MaxImageBytes>>20), "请在 Word/WPS 中压缩图片后再保存")
			return errs
		}
		return decodePicture(b, "", b.ImageData)
	}
	abs, err := manifest.ResolveWithin(manifestDir, articleDir, b.Image)
	if err != nil && !manifest.IsAbsAny(b.Image) {
		if a, err2 := manifest.ResolveWithin(manifestDir, manifestDir, b.Image); err2 == nil {
			abs, err = a, nil
		}
	}
	if err != nil {
		if errors.Is(err, manifest.ErrEscape) {
			errs.Add(b.Pos, fmt.Sprintf("图片 %q 在清单所在文件夹之外", b.Image), "请把图片放进本期文件夹（如 photos/）再引用")
		} else {
			errs.Add(b.Pos, fmt.Sprintf("找不到图片 %q", b.Image), "图片路径相对于文章所在文件夹或清单所在文件夹，如 photos/图片.jpg")
		}
		return errs
	}
	st, err := os.Stat(abs)
	if err != nil || !st.Mode().IsRegular() {
		errs.Add(b.Pos, fmt.Sprintf("图片 %q 不是普通文件", b.Image), "请引用一个 JPEG 或 PNG 文件")
		return errs
	}
	if st.Size() > MaxImageBytes {
		errs.Add(b.Pos, fmt.Sprintf("图片 %q 有 %d MB，超过 %d MB 的上限", b.Image, st.Size()>>20, MaxImageBytes>>20), "请先把图片缩小或另存为较小的 JPEG")
		return errs
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		errs.Add(b.Pos, fmt.Sprintf("无法读取图片 %q", b.Image), "请检查文件权限")
		return errs
	}
	return decodePicture(b, abs, data)
}

// decodePicture decodes a figure's photo.
func decodePicture(b *doc.Block, abs string, data []byte) diag.List {
	var errs diag.List
	pic, err := picture.Load(data)
	switch {
	case errors.Is(err, picture.ErrNotImage):
		errs.Add(b.Pos, fmt.Sprintf("%q 不是 JPEG 或 PNG 图片", b.Image), "请把图片另存为 JPEG（照片）或 PNG（图表）")
	case errors.Is(err, picture.ErrTooLarge):
		errs.Add(b.Pos, fmt.Sprintf("图片 %q 超过 %d 万像素", b.Image, picture.MaxPixels/10000), "请先把图片缩小")
	case err != nil: // picture.ErrDamaged
		errs.Add(b.Pos, fmt.Sprintf("图片 %q 已损坏，无法解码", b.Image), "请重新导出或另存这张图片")
	default:
		b.ImageAbs, b.Picture = abs, pic
	}
	return errs
}

// Build builds an issue in memory.
func Build(manifestFile string) (*Result, diag.List) {
	res, spec, errs := Check(manifestFile)
	if len(errs) > 0 {
		return nil, errs
	}
	d := res.Doc
	pdf, err := pdfout.Write(d, pdfout.Options{FauxBoldMilliEm: spec.Text.FauxBold.MilliEm})
	if err != nil {
		var l diag.List
		l.Add(diag.Pos{File: manifestFile}, "生成 PDF 失败："+err.Error(), "这是 jianbao 的问题，请报告")
		return nil, l
	}
	res.PDF = pdf
	return res, nil
}
