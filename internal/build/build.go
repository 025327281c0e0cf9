// Package build runs the whole pipeline for one issue: manifest → articles
// → layout → composition → PDF. The command line and the tests both call it.
package build

import (
	"fmt"
	"os"
	"path/filepath"

	"jianbao/internal/compose"
	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/layout"
	"jianbao/internal/manifest"
	"jianbao/internal/markup"
	"jianbao/internal/pdfout"
)

// Result is a built issue.
type Result struct {
	Doc *display.Document
	PDF []byte
}

// Check runs everything build does except writing the PDF.
func Check(manifestFile string) (*display.Document, *layout.Spec, diag.List) {
	m, errs := manifest.Load(manifestFile)
	if len(errs) > 0 {
		return nil, nil, errs
	}
	spec, lerrs := layout.Load(m.Layout, m.Dir, m.LayoutPos)
	errs.Append(lerrs)
	for _, ref := range m.Articles {
		data, err := os.ReadFile(ref.Abs)
		if err != nil {
			errs.Add(ref.Pos, fmt.Sprintf("无法读取文章文件 %q", ref.Path), "请检查文件权限")
			continue
		}
		art, aerrs := markup.Parse(ref.Display, data)
		errs.Append(aerrs)
		if art != nil {
			for i := range art.Blocks {
				b := &art.Blocks[i]
				if b.Image != "" {
					abs, err := manifest.ResolveInside(filepath.Dir(ref.Abs), b.Image)
					if err != nil {
						errs.Add(b.Pos, fmt.Sprintf("找不到图片 %q", b.Image), "图片路径相对于文章所在文件夹，且须在清单文件夹内")
						continue
					}
					b.ImageAbs = abs
				}
			}
			m.Issue.Articles = append(m.Issue.Articles, art)
		}
	}
	if len(errs) > 0 || spec == nil {
		return nil, spec, errs
	}
	d, cerrs := compose.Compose(m.Issue, spec)
	if len(cerrs) > 0 {
		return nil, spec, cerrs
	}
	return d, spec, nil
}

// Build builds an issue in memory.
func Build(manifestFile string) (*Result, diag.List) {
	d, spec, errs := Check(manifestFile)
	if len(errs) > 0 {
		return nil, errs
	}
	pdf, err := pdfout.Write(d, pdfout.Options{FauxBoldMilliEm: spec.Text.FauxBold.MilliEm})
	if err != nil {
		var l diag.List
		l.Add(diag.Pos{File: manifestFile}, "生成 PDF 失败："+err.Error(), "这是 jianbao 的问题，请报告")
		return nil, l
	}
	return &Result{Doc: d, PDF: pdf}, nil
}

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename, so an existing file is replaced whole or not at all.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	ok = true
	return nil
}
