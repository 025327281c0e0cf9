// Package picture reads the photos an article places (JPEG and PNG),
// honours their EXIF orientation and prepares them for print: scaled down
// to the layout's print resolution and re-encoded deterministically, so a
// camera photo printed 156 mm wide does not carry its full 12 megapixels
// into the PDF. It knows no pages and no PDF.
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"

	"golang.org/x/image/draw"
)

// MaxPixels bounds the decoded size of one picture (about 400 MB of RGBA at
// worst); larger files are refused before they are decoded.
const MaxPixels = 100_000_000

// Picture is a decoded photo.
type Picture struct {
	W, H   int     // pixels, after orientation
	DPI    float64 // declared horizontal density; 0 when the file declares none
	Format string  // "jpeg" or "png"
	Orient int     // EXIF orientation, 1–8 (1: as stored)

	data []byte
	img  image.Image // as stored, before orientation
}

// Errors a caller can tell apart.
var (
	ErrNotImage = errors.New("not a JPEG or PNG image")
	ErrTooLarge = errors.New("image too large")
	ErrDamaged  = errors.New("damaged image")
)

// Load reads a JPEG's or PNG's header and metadata. The pixels are decoded
// by Render, where a file damaged past its header is reported.
func Load(data []byte) (*Picture, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if format == "" && !looksLikeImage(data) {
			return nil, ErrNotImage
		}
		return nil, fmt.Errorf("%w: %s: %v", ErrDamaged, formatName(data), err)
	}
	if format != "jpeg" && format != "png" {
		return nil, ErrNotImage
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%w: %s: empty image", ErrDamaged, format)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, ErrTooLarge
	}
	p := &Picture{Format: format, data: data, Orient: 1, W: cfg.Width, H: cfg.Height}
	switch format {
	case "jpeg":
		p.Orient, p.DPI = jpegMeta(data)
	case "png":
		p.Orient, p.DPI = pngMeta(data)
	}
	if p.Orient >= 5 {
		p.W, p.H = p.H, p.W // 90° turns swap the sides
	}
	return p, nil
}

// decode decodes the pixels once.
func (p *Picture) decode() error {
	if p.img != nil {
		return nil
	}
	var err error
	if p.Format == "jpeg" {
		p.img, err = jpeg.Decode(bytes.NewReader(p.data))
	} else {
		p.img, err = png.Decode(bytes.NewReader(p.data))
	}
	if err != nil {
		return fmt.Errorf("%w: %s: %v", ErrDamaged, p.Format, err)
	}
	return nil
}

func looksLikeImage(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xFF, 0xD8}) || bytes.HasPrefix(data, []byte("\x89PNG"))
}

func formatName(data []byte) string {
	if bytes.HasPrefix(data, []byte("\x89PNG")) {
		return "png"
	}
	return "jpeg"
}

// Render returns the picture encoded for print at most maxW × maxH pixels
// (its aspect ratio kept), turned upright. A JPEG that needs neither turning
// nor scaling is passed through byte for byte; everything else is re-encoded
// (JPEG at quality 90, PNG losslessly with any transparency flattened on
// white, as paper is). The result depends only on the input bytes and the
// size asked for.
func (p *Picture) Render(maxW, maxH int) (data []byte, format string, err error) {
	key := cacheKey{sha256.Sum256(p.data), maxW, maxH}
	if r, ok := cache.get(key); ok {
		return r.data, r.format, nil
	}
	data, format, err = p.render(maxW, maxH)
	p.img = nil // the pixels are large; decode again if another size is asked for
	if err == nil {
		cache.put(key, rendered{data, format})
	}
	return data, format, err
}

func (p *Picture) render(maxW, maxH int) (data []byte, format string, err error) {
	if err := p.decode(); err != nil {
		return nil, "", err
	}
	w, h := p.W, p.H
	if maxW > 0 && w > maxW {
		h = max(1, int((int64(h)*int64(maxW)+int64(w)/2)/int64(w)))
		w = maxW
	}
	if maxH > 0 && h > maxH {
		w = max(1, int((int64(w)*int64(maxH)+int64(h)/2)/int64(h)))
		h = maxH
	}
	gray := isGray(p.img)
	if p.Format == "jpeg" && p.Orient == 1 && w == p.W && h == p.H && plainJPEG(p.img) {
		return p.data, "jpeg", nil
	}
	// Scale (and flatten on white) in the stored orientation, then turn the
	// smaller result upright.
	sw, sh := w, h
	if p.Orient >= 5 {
		sw, sh = h, w
	}
	src := p.img
	// Halve by averaging while the picture is at least twice the size asked
	// for, then average the remaining fraction by area: a box filter, which
	// is what downsampling a photo for print needs (no aliasing, no ringing)
	// and is exact integer arithmetic, so the bytes never vary.
	for src.Bounds().Dx() >= 2*sw && src.Bounds().Dy() >= 2*sh {
		src = halve(src)
	}
	var dst draw.Image
	r := image.Rect(0, 0, sw, sh)
	if gray {
		dst = image.NewGray(r)
	} else {
		rgba := image.NewRGBA(r)
		draw.Draw(rgba, r, image.NewUniform(color.White), image.Point{}, draw.Src)
		dst = rgba
	}
	if sw != src.Bounds().Dx() || sh != src.Bounds().Dy() {
		src = areaScale(pixels(src), sw, sh)
	}
	draw.Draw(dst, r, src, src.Bounds().Min, draw.Over)
	out := orient(dst, p.Orient)
	var buf bytes.Buffer
	if p.Format == "jpeg" {
		err = jpeg.Encode(&buf, out, &jpeg.Options{Quality: 90})
		return buf.Bytes(), "jpeg", err
	}
	// every pixel is opaque now, so image/png writes RGB without alpha
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	err = enc.Encode(&buf, out)
	return buf.Bytes(), "png", err
}

// plainJPEG reports whether a decoded JPEG prints as stored (YCbCr or gray;
// CMYK JPEGs are re-encoded, as PDF readers disagree on their inversion).
func plainJPEG(img image.Image) bool {
	switch img.(type) {
	case *image.YCbCr, *image.Gray:
		return true
	}
	return false
}

func isGray(img image.Image) bool {
	switch img.(type) {
	case *image.Gray, *image.Gray16:
		return true
	}
	return false
}

// orient turns an image upright per its EXIF orientation (1–8).
func orient(src image.Image, o int) image.Image {
	if o <= 1 || o > 8 {
		return src
	}
	b := src.Bounds()
	w, h := b.Dx(), b.Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	// src is an *image.RGBA or *image.Gray here (Render made it so)
	var spix, dpix []uint8
	var sstride, dstride, ch int
	var dst image.Image
	switch m := src.(type) {
	case *image.Gray:
		d := image.NewGray(image.Rect(0, 0, dw, dh))
		spix, sstride, ch = m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, 1
		dpix, dstride, dst = d.Pix, d.Stride, d
	default:
		m = pixels(src)
		r := m.(*image.RGBA)
		d := image.NewRGBA(image.Rect(0, 0, dw, dh))
		spix, sstride, ch = r.Pix, r.Stride, 4
		dpix, dstride, dst = d.Pix, d.Stride, d
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var dx, dy int
			switch o {
			case 2: // mirrored
				dx, dy = w-1-x, y
			case 3: // turned 180°
				dx, dy = w-1-x, h-1-y
			case 4: // mirrored vertically
				dx, dy = x, h-1-y
			case 5: // transposed
				dx, dy = y, x
			case 6: // turned 90° clockwise to view
				dx, dy = h-1-y, x
			case 7: // transversed
				dx, dy = h-1-y, w-1-x
			case 8: // turned 90° counter-clockwise to view
				dx, dy = y, w-1-x
			}
			copy(dpix[dy*dstride+dx*ch:dy*dstride+dx*ch+ch], spix[y*sstride+x*ch:])
		}
	}
	return dst
}

// jpegMeta reads the EXIF orientation and the JFIF density of a JPEG.
func jpegMeta(data []byte) (orientation int, dpi float64) {
	orientation = 1
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			break
		}
		marker := data[i+1]
		if marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01 {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 {
			break // image data: no more metadata
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			break
		}
		seg := data[i+4 : i+2+n]
		switch {
		case marker == 0xE0 && bytes.HasPrefix(seg, []byte("JFIF\x00")) && len(seg) >= 12:
			unit := seg[7]
			x := float64(binary.BigEndian.Uint16(seg[8:]))
			switch unit {
			case 1:
				dpi = x
			case 2:
				dpi = x * 2.54
			}
		case marker == 0xE1 && bytes.HasPrefix(seg, []byte("Exif\x00\x00")):
			if o := exifOrientation(seg[6:]); o != 0 {
				orientation = o
			}
		}
		i += 2 + n
	}
	return orientation, dpi
}

// pngMeta reads the eXIf orientation and the pHYs density of a PNG.
func pngMeta(data []byte) (orientation int, dpi float64) {
	orientation = 1
	i := 8
	for i+8 <= len(data) {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if n < 0 || i+12+n > len(data) {
			break
		}
		body := data[i+8 : i+8+n]
		switch typ {
		case "pHYs":
			if len(body) == 9 && body[8] == 1 {
				dpi = float64(binary.BigEndian.Uint32(body)) * 0.0254
			}
		case "eXIf":
			if o := exifOrientation(body); o != 0 {
				orientation = o
			}
		case "IDAT", "IEND":
			return orientation, dpi
		}
		i += 12 + n
	}
	return orientation, dpi
}

// exifOrientation reads tag 0x0112 from the first IFD of a TIFF structure;
// 0 when absent or malformed.
func exifOrientation(t []byte) int {
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	n := int(bo.Uint16(t[off:]))
	for k := 0; k < n; k++ {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 {
			v := int(bo.Uint16(t[e+8:]))
			if v >= 1 && v <= 8 {
				return v
			}
			return 0
		}
	}
	return 0
}
