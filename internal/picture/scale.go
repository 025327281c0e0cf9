package picture

import (
	"image"
	"image/color"

	"golang.org/x/image/draw"
)

// halve averages 2×2 blocks of pixels (an odd last row or column is
// dropped). YCbCr pictures, which every camera JPEG is, are averaged in
// YCbCr and converted once per output pixel.
func halve(src image.Image) image.Image {
	b := src.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	switch m := src.(type) {
	case *image.YCbCr:
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			sy := b.Min.Y + 2*y
			for x := 0; x < w; x++ {
				sx := b.Min.X + 2*x
				yi := m.YOffset(sx, sy)
				yy := int(m.Y[yi]) + int(m.Y[yi+1]) + int(m.Y[yi+m.YStride]) + int(m.Y[yi+m.YStride+1])
				var cb, cr int
				if m.SubsampleRatio == image.YCbCrSubsampleRatio420 {
					ci := m.COffset(sx, sy) // one chroma sample for the whole block
					cb, cr = 4*int(m.Cb[ci]), 4*int(m.Cr[ci])
				} else {
					for dy := 0; dy < 2; dy++ {
						for dx := 0; dx < 2; dx++ {
							ci := m.COffset(sx+dx, sy+dy)
							cb += int(m.Cb[ci])
							cr += int(m.Cr[ci])
						}
					}
				}
				r, g, bl := color.YCbCrToRGB(uint8((yy+2)/4), uint8((cb+2)/4), uint8((cr+2)/4))
				i := dst.PixOffset(x, y)
				dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = r, g, bl, 255
			}
		}
		return dst
	case *image.Gray:
		dst := image.NewGray(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				i := m.PixOffset(b.Min.X+2*x, b.Min.Y+2*y)
				v := int(m.Pix[i]) + int(m.Pix[i+1]) + int(m.Pix[i+m.Stride]) + int(m.Pix[i+m.Stride+1])
				dst.Pix[y*dst.Stride+x] = uint8((v + 2) / 4)
			}
		}
		return dst
	}
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var sum [4]uint32
			for dy := 0; dy < 2; dy++ {
				for dx := 0; dx < 2; dx++ {
					r, g, bl, a := src.At(b.Min.X+2*x+dx, b.Min.Y+2*y+dy).RGBA()
					sum[0] += r
					sum[1] += g
					sum[2] += bl
					sum[3] += a
				}
			}
			i := dst.PixOffset(x, y)
			for k := 0; k < 4; k++ {
				dst.Pix[i+k] = uint8((sum[k] + 2) / 4 >> 8)
			}
		}
	}
	return dst
}

// pixels returns src as an *image.RGBA or *image.Gray.
func pixels(src image.Image) image.Image {
	switch src.(type) {
	case *image.RGBA, *image.Gray:
		return src
	}
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(dst, dst.Bounds(), src, b.Min, draw.Src)
	return dst
}

// span is one source pixel's share of a destination pixel, in 1/65536.
type span struct {
	src, wt int
}

// areaWeights splits n source pixels over m destination pixels (m ≤ n) by
// the area each covers; the weights of one destination pixel sum to 65536.
func areaWeights(n, m int) [][]span {
	out := make([][]span, m)
	for d := 0; d < m; d++ {
		// the destination pixel covers [d·n/m, (d+1)·n/m) in source pixels,
		// in units of 1/m source pixel
		lo, hi := d*n, (d+1)*n
		total := 0
		for s := lo / m; s*m < hi && s < n; s++ {
			a, b := max(lo, s*m), min(hi, (s+1)*m)
			if b <= a {
				continue
			}
			wt := (b - a) * 65536 / n
			out[d] = append(out[d], span{s, wt})
			total += wt
		}
		if k := len(out[d]); k > 0 {
			out[d][k-1].wt += 65536 - total // rounding goes to the last share
		}
	}
	return out
}

// areaScale resamples an *image.RGBA or *image.Gray to w×h (no larger than
// it) by area averaging, rows first and then columns.
func areaScale(src image.Image, w, h int) image.Image {
	var pix []uint8
	var stride, ch int
	b := src.Bounds()
	switch m := src.(type) {
	case *image.RGBA:
		pix, stride, ch = m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, 4
	case *image.Gray:
		pix, stride, ch = m.Pix[m.PixOffset(b.Min.X, b.Min.Y):], m.Stride, 1
	}
	sw, sh := b.Dx(), b.Dy()
	w, h = min(w, sw), min(h, sh)
	xs, ys := areaWeights(sw, w), areaWeights(sh, h)
	var dpix []uint8
	var dst image.Image
	if ch == 4 {
		m := image.NewRGBA(image.Rect(0, 0, w, h))
		dpix, dst = m.Pix, m
	} else {
		m := image.NewGray(image.Rect(0, 0, w, h))
		dpix, dst = m.Pix, m
	}
	n := w * ch
	// Rows are resampled horizontally as the vertical pass first needs
	// them and dropped once it has passed them, so only a few rows of
	// 32-bit sums are held at a time.
	rows := make([][]uint32, sh)
	var free [][]uint32
	hrow := func(y int) []uint32 {
		if rows[y] != nil {
			return rows[y]
		}
		var out []uint32
		if k := len(free); k > 0 {
			out, free = free[k-1], free[:k-1]
			clear(out)
		} else {
			out = make([]uint32, n)
		}
		row := pix[y*stride : y*stride+sw*ch]
		for x, sp := range xs {
			if ch == 4 {
				var r, g, b, a uint32
				for _, s := range sp {
					px := row[s.src*4 : s.src*4+4]
					wt := uint32(s.wt)
					r += uint32(px[0]) * wt
					g += uint32(px[1]) * wt
					b += uint32(px[2]) * wt
					a += uint32(px[3]) * wt
				}
				o := out[x*4 : x*4+4]
				o[0], o[1], o[2], o[3] = r, g, b, a
				continue
			}
			var v uint32
			for _, s := range sp {
				v += uint32(row[s.src]) * uint32(s.wt)
			}
			out[x] = v
		}
		rows[y] = out
		return out
	}
	acc := make([]uint64, n)
	done := 0 // rows below this are no longer needed
	for y, sp := range ys {
		for ; done < sp[0].src; done++ {
			if rows[done] != nil {
				free = append(free, rows[done])
				rows[done] = nil
			}
		}
		clear(acc)
		for _, s := range sp {
			src := hrow(s.src)
			wt := uint64(s.wt)
			for i, v := range src {
				acc[i] += uint64(v) * wt
			}
		}
		out := dpix[y*n : (y+1)*n]
		for i, v := range acc {
			out[i] = uint8((v + 1<<31) >> 32)
		}
	}
	return dst
}
