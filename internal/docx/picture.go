package docx

import (
	"bytes"
	"fmt"
	"path"

	"jianbao/internal/manuscript"
)

const hintPicture = "请在 Word/WPS 中把图片另存为 JPEG 或 PNG 后重新插入"

// drawing reads a w:drawing, w:pict or w:object: its pictures become
// paragraphs of their own; text boxes, charts and diagrams are reported.
func (w *walker) drawing(d *node, b *builder) {
	object := d.w("object")
	find(d, func(k *node) bool {
		switch {
		case k.w("txbxContent"):
			w.paraNo += countParas(k)
			w.textBox(k, b)
			return false
		case k.name.Local == "blip":
			if id := k.rattr("embed"); id != "" {
				w.picture(id, b, object)
			} else if id := k.rattr("link"); id != "" {
				w.picture(id, b, object)
			}
			return false
		case k.name.Local == "imagedata":
			id := k.rattr("id")
			if id == "" {
				id = k.wattr("relid")
			}
			if id != "" {
				w.picture(id, b, object)
			}
			return false
		case k.name.Local == "chart" && k.rattr("id") != "":
			w.errs.Add(b.pos(b.col()), fmt.Sprintf("第 %d 段有图表，jianbao 不能排印图表", b.no), "请在 Word/WPS 中把图表另存为 JPEG 或 PNG 图片后重新插入")
			return false
		case k.name.Local == "relIds" && k.rattr("dm") != "":
			w.errs.Add(b.pos(b.col()), fmt.Sprintf("第 %d 段有 SmartArt 图形，jianbao 不能排印", b.no), "请把 SmartArt 改写为文字，或另存为 JPEG/PNG 图片后重新插入")
			return false
		}
		return true
	})
}

// textBox notes a text box that is not printed.
func (w *walker) textBox(t *node, b *builder) {
	text := quote(textOf(t))
	hasPicture := false
	find(t, func(k *node) bool {
		if k.name.Local == "blip" || k.name.Local == "imagedata" {
			hasPicture = true
		}
		return !hasPicture
	})
	switch {
	case text != "":
		w.notes.Add(b.pos(b.col()), fmt.Sprintf("文本框“%s”未排印", text), "如需排印，请把文本框中的文字移到正文段落中")
	case hasPicture:
		w.notes.Add(b.pos(b.col()), "文本框中的图片未排印", "如需排印，请把图片移出文本框，作为嵌入型图片插入正文")
	}
}

// picture places the picture of relationship id in the paragraph.
func (w *walker) picture(id string, b *builder, object bool) {
	pos := b.pos(b.col())
	if w.tbl != nil {
		if w.tbl.pictures == 0 {
			w.tbl.pictureAt = pos
		}
		w.tbl.pictures++
		return
	}
	r, ok := w.rels[id]
	if !ok {
		w.errs.Add(pos, fmt.Sprintf("第 %d 段的图片在文件中找不到（关系 %s 不存在）", b.no, id), "请在 Word/WPS 中重新插入图片后另存为 .docx")
		return
	}
	if r.external {
		w.notes.Add(pos, fmt.Sprintf("第 %d 段链接的图片 %s 未排印（jianbao 不读取文档以外的文件）", b.no, r.target), "请在 Word/WPS 中把图片嵌入文档：重新插入图片，不要选“链接到文件”")
		return
	}
	name := path.Base(r.target)
	if r.escapes || !w.p.has(r.target) {
		w.errs.Add(pos, fmt.Sprintf("第 %d 段的图片 %s 在文件中找不到", b.no, name), "请在 Word/WPS 中重新插入图片后另存为 .docx")
		return
	}
	w.pictures++
	if w.pictures > MaxPictures {
		if w.pictures == MaxPictures+1 {
			w.errs.Add(pos, fmt.Sprintf("文档中的图片超过 %d 张", MaxPictures), "请减少图片，或把文章分成几篇")
		}
		return
	}
	m, ok := w.images[r.target]
	if !ok {
		m.data, m.err = w.p.read(r.target)
		m.format = imageFormat(m.data)
		w.images[r.target] = m
	}
	switch {
	case m.err != nil:
		msg, hint := pkgMessage(m.err)
		w.errs.Add(pos, fmt.Sprintf("第 %d 段的图片 %s：%s", b.no, name, msg), hint)
	case m.format == "JPEG" || m.format == "PNG":
		b.image(&manuscript.Image{Name: name, Data: m.data})
	case object:
		w.errs.Add(pos, fmt.Sprintf("第 %d 段嵌入的对象（如 Excel 表格、公式、Visio 图）jianbao 不能排印", b.no), "请在 Word/WPS 中把它转换为 JPEG 或 PNG 图片后重新插入")
	case m.format == "":
		w.errs.Add(pos, fmt.Sprintf("第 %d 段的图片 %s 格式无法识别，jianbao 只能排印 JPEG 和 PNG 图片", b.no, name), hintPicture)
	default:
		w.errs.Add(pos, fmt.Sprintf("第 %d 段的图片 %s 是 %s 格式，jianbao 只能排印 JPEG 和 PNG 图片", b.no, name, m.format), hintPicture)
	}
}

// media is a picture part as read, kept for pictures placed twice.
type media struct {
	data   []byte
	format string
	err    error
}

// imageFormat names a picture format by its magic bytes; "" if unknown.
func imageFormat(d []byte) string {
	has := func(off int, magic string) bool {
		return len(d) >= off+len(magic) && string(d[off:off+len(magic)]) == magic
	}
	switch {
	case has(0, "\xff\xd8\xff"):
		return "JPEG"
	case has(0, "\x89PNG\r\n\x1a\n"):
		return "PNG"
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return "GIF"
	case has(0, "BM"):
		return "BMP"
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return "TIFF"
	case has(0, "\x01\x00\x00\x00") && has(40, " EMF"):
		return "EMF"
	case has(0, "\xd7\xcd\xc6\x9a"), has(0, "\x01\x00\x09\x00"), has(0, "\x02\x00\x09\x00"):
		return "WMF"
	case has(0, "\x1f\x8b"):
		return "EMZ/WMZ（压缩的 EMF/WMF）"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "WebP"
	case has(4, "ftypheic"), has(4, "ftypheix"), has(4, "ftypmif1"):
		return "HEIC"
	case has(4, "ftypavif"):
		return "AVIF"
	case has(0, "\x00\x00\x00\x0cjP  "):
		return "JPEG 2000"
	}
	head := d[:min(len(d), 512)]
	if bytes.Contains(head, []byte("<svg")) {
		return "SVG"
	}
	return ""
}
