// Command mkphoto draws the example photo of examples/2026-zk1: a street
// scene with a service tent under a red banner, stored as a phone camera
// stores it (4032 × 3024 pixels turned on their side, EXIF orientation 6,
// sensor grain), so the example exercises orientation and downsampling.
// It is deterministic: the same binary writes the same bytes.
//
//	go run ./tools/mkphoto examples/2026-zk1/photos/fuwu.jpg
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand"
	"os"
)

const w, h = 4032, 3024

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: mkphoto OUT.jpg")
		os.Exit(2)
	}
	scene := draw()
	// store it turned 90° counter-clockwise: a viewer turns it back
	// clockwise, as orientation 6 asks
	stored := image.NewRGBA(image.Rect(0, 0, h, w))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			stored.SetRGBA(y, w-1-x, scene.RGBAAt(x, y))
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, stored, &jpeg.Options{Quality: 92}); err != nil {
		panic(err)
	}
	out := append(exif6(), buf.Bytes()[2:]...)
	if err := os.WriteFile(os.Args[1], out, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// exif6 is SOI plus an APP1 segment holding Orientation = 6.
func exif6() []byte {
	t := []byte("MM\x00*\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00")
	seg := append([]byte("Exif\x00\x00"), t...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	return append(out, seg...)
}

func draw() *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewSource(20260415))
	horizon := h * 55 / 100
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			var c [3]float64
			if y < horizon {
				t := float64(y) / float64(horizon)
				c = mix([3]float64{120, 170, 225}, [3]float64{205, 222, 238}, t)
			} else {
				t := float64(y-horizon) / float64(h-horizon)
				c = mix([3]float64{150, 150, 146}, [3]float64{110, 108, 104}, t)
			}
			set(m, x, y, c)
		}
	}
	// buildings along the street
	for i := 0; i < 7; i++ {
		bx := i * w / 7
		bw := w/7 - 40
		bh := 700 + rng.Intn(600)
		top := horizon - bh
		base := [3]float64{float64(170 + rng.Intn(50)), float64(160 + rng.Intn(40)), float64(150 + rng.Intn(40))}
		rect(m, bx+20, top, bx+20+bw, horizon, base)
		for wy := top + 60; wy < horizon-120; wy += 150 {
			for wx := bx + 70; wx < bx+bw-60; wx += 130 {
				rect(m, wx, wy, wx+70, wy+90, [3]float64{90, 110, 135})
			}
		}
	}
	// the service tent: red roof, white body, red banner
	tx0, tx1 := w*22/100, w*78/100
	ty := h * 48 / 100
	for y := ty - 260; y < ty; y++ {
		inset := (ty - y) * 3 / 4
		for x := tx0 + inset - 260; x < tx1-inset+260; x++ {
			set(m, x, y, [3]float64{200, 30, 35})
		}
	}
	rect(m, tx0, ty, tx1, ty+520, [3]float64{238, 238, 232})
	rect(m, tx0+80, ty+40, tx1-80, ty+190, [3]float64{205, 25, 30})
	// the banner's lettering, as light strokes (no real text)
	for k := 0; k < 14; k++ {
		lx := tx0 + 180 + k*(tx1-tx0-360)/14
		rect(m, lx, ty+80, lx+70, ty+150, [3]float64{250, 225, 120})
	}
	// tables and people
	rect(m, tx0+100, ty+420, tx1-100, ty+470, [3]float64{60, 80, 140})
	for k := 0; k < 11; k++ {
		px := tx0 - 200 + k*(tx1-tx0+400)/10 + rng.Intn(80)
		py := horizon + 380 + rng.Intn(300)
		coat := [][3]float64{{40, 60, 120}, {200, 40, 40}, {230, 230, 230}, {60, 110, 70}, {240, 170, 40}}[rng.Intn(5)]
		disc(m, px, py-330, 70, [3]float64{225, 190, 160}) // face
		rect(m, px-95, py-250, px+95, py+120, coat)        // coat
		rect(m, px-70, py+120, px-15, py+420, [3]float64{45, 45, 55})
		rect(m, px+15, py+120, px+70, py+420, [3]float64{45, 45, 55})
	}
	// sensor grain and a soft vignette
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := m.PixOffset(x, y)
			dx, dy := float64(x-w/2)/float64(w), float64(y-h/2)/float64(h)
			v := 1 - 0.35*(dx*dx+dy*dy)
			n := rng.NormFloat64() * 6
			for k := 0; k < 3; k++ {
				m.Pix[i+k] = clamp(float64(m.Pix[i+k])*v + n)
			}
		}
	}
	return m
}

func mix(a, b [3]float64, t float64) [3]float64 {
	return [3]float64{a[0] + (b[0]-a[0])*t, a[1] + (b[1]-a[1])*t, a[2] + (b[2]-a[2])*t}
}

func set(m *image.RGBA, x, y int, c [3]float64) {
	if image.Pt(x, y).In(m.Rect) {
		m.SetRGBA(x, y, color.RGBA{clamp(c[0]), clamp(c[1]), clamp(c[2]), 255})
	}
}

func rect(m *image.RGBA, x0, y0, x1, y1 int, c [3]float64) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			set(m, x, y, c)
		}
	}
}

func disc(m *image.RGBA, cx, cy, r int, c [3]float64) {
	for y := cy - r; y <= cy+r; y++ {
		for x := cx - r; x <= cx+r; x++ {
			if math.Hypot(float64(x-cx), float64(y-cy)) <= float64(r) {
				set(m, x, y, c)
			}
		}
	}
}

func clamp(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v))))
}
