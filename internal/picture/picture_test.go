package picture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math/rand"
	"testing"
)

// quadrants makes a w×h image whose four quadrants are red, green, blue
// and black (top-left, top-right, bottom-left, bottom-right), so a test can
// tell which way it was turned.
func quadrants(w, h int) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0, 0, 0, 255}
			switch {
			case x < w/2 && y < h/2:
				c = color.RGBA{255, 0, 0, 255}
			case y < h/2:
				c = color.RGBA{0, 255, 0, 255}
			case x < w/2:
				c = color.RGBA{0, 0, 255, 255}
			}
			m.Set(x, y, c)
		}
	}
	return m
}

func encJPEG(t testing.TB, m image.Image) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, m, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withExif inserts an APP1 segment carrying an orientation tag after SOI.
func withExif(j []byte, o uint16, bigEndian bool) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00")
	if bigEndian {
		bo = binary.BigEndian
		tiff = []byte("MM\x00*")
	}
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 1)       // one entry
	tiff = bo.AppendUint16(tiff, 0x0112)  // Orientation
	tiff = bo.AppendUint16(tiff, 3)       // SHORT
	tiff = bo.AppendUint32(tiff, 1)       // count
	tiff = bo.AppendUint16(tiff, o)       // value
	tiff = append(tiff, 0, 0, 0, 0, 0, 0) // padding, next IFD = 0
	seg := append([]byte("Exif\x00\x00"), tiff...)
	out := []byte{0xFF, 0xD8, 0xFF, 0xE1}
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(out, seg...)
	return append(out, j[2:]...)
}

func near(c color.Color, r, g, b uint8) bool {
	cr, cg, cb, _ := c.RGBA()
	d := func(a uint32, b uint8) bool { return int(a>>8)-int(b) < 60 && int(b)-int(a>>8) < 60 }
	return d(cr, r) && d(cg, g) && d(cb, b)
}

func TestOrientation(t *testing.T) {
	src := encJPEG(t, quadrants(64, 32))
	// corner colours of the upright picture: top-left, top-right, bottom-left
	type rgb [3]uint8
	red, green, blue, black := rgb{255, 0, 0}, rgb{0, 255, 0}, rgb{0, 0, 255}, rgb{0, 0, 0}
	cases := []struct {
		o       uint16
		w, h    int
		tl, tr  rgb
		bl      rgb
		bigEnd  bool
		comment string
	}{
		{1, 64, 32, red, green, blue, false, "as stored"},
		{3, 64, 32, black, blue, green, true, "turned 180°"},
		{6, 32, 64, blue, red, black, false, "camera held turned right: turn 90° clockwise"},
		{8, 32, 64, green, black, red, true, "turn 90° counter-clockwise"},
		{2, 64, 32, green, red, black, false, "mirrored"},
	}
	for _, c := range cases {
		p, err := Load(withExif(src, c.o, c.bigEnd))
		if err != nil {
			t.Fatal(err)
		}
		if p.Orient != int(c.o) || p.W != c.w || p.H != c.h {
			t.Fatalf("%s: orientation %d size %dx%d, want %d %dx%d", c.comment, p.Orient, p.W, p.H, c.o, c.w, c.h)
		}
		data, _, err := p.Render(0, 0)
		if err != nil {
			t.Fatal(err)
		}
		m, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		b := m.Bounds()
		if b.Dx() != c.w || b.Dy() != c.h {
			t.Fatalf("%s: rendered %v", c.comment, b)
		}
		for _, k := range []struct {
			x, y int
			want rgb
		}{{2, 2, c.tl}, {b.Dx() - 3, 2, c.tr}, {2, b.Dy() - 3, c.bl}} {
			if !near(m.At(k.x, k.y), k.want[0], k.want[1], k.want[2]) {
				t.Errorf("%s: pixel (%d,%d) is %v, want %v", c.comment, k.x, k.y, m.At(k.x, k.y), k.want)
			}
		}
	}
}

func TestPassThroughAndDownsample(t *testing.T) {
	small := encJPEG(t, quadrants(40, 30))
	p, err := Load(small)
	if err != nil {
		t.Fatal(err)
	}
	out, f, _ := p.Render(100, 100)
	if f != "jpeg" || !bytes.Equal(out, small) {
		t.Fatal("an upright JPEG within the size asked for should pass through unchanged")
	}
	// A noisy camera-sized photo: scaled to the width asked for, smaller
	// bytes, and the same bytes every time.
	big := noisy(2400, 1800)
	data := encJPEG(t, big)
	p, err = Load(data)
	if err != nil {
		t.Fatal(err)
	}
	a, _, err := p.Render(600, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := p.Render(600, 0)
	if !bytes.Equal(a, b) {
		t.Fatal("rendering is not deterministic")
	}
	cfg, _ := jpeg.DecodeConfig(bytes.NewReader(a))
	if cfg.Width != 600 || cfg.Height != 450 {
		t.Fatalf("scaled to %dx%d, want 600x450", cfg.Width, cfg.Height)
	}
	if len(a)*8 > len(data) {
		t.Fatalf("scaled photo is %d bytes from %d: not much smaller", len(a), len(data))
	}
	// a height limit keeps the aspect ratio
	c, _, _ := p.Render(600, 300)
	cfg, _ = jpeg.DecodeConfig(bytes.NewReader(c))
	if cfg.Width != 400 || cfg.Height != 300 {
		t.Fatalf("scaled to %dx%d, want 400x300", cfg.Width, cfg.Height)
	}
}

func noisy(w, h int) *image.RGBA {
	rng := rand.New(rand.NewSource(1))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = uint8(rng.Intn(256))
		if i%4 == 3 {
			m.Pix[i] = 255
		}
	}
	return m
}

func TestPNGAlphaAndDensity(t *testing.T) {
	m := image.NewNRGBA(image.Rect(0, 0, 20, 10))
	m.Set(0, 0, color.NRGBA{0, 0, 0, 255}) // one black pixel; the rest transparent
	var b bytes.Buffer
	png.Encode(&b, m)
	data := withPHYs(b.Bytes(), 11811) // 300 dpi in pixels per metre
	p, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	if p.DPI < 299.9 || p.DPI > 300.1 {
		t.Fatalf("density %v, want 300 dpi", p.DPI)
	}
	out, f, err := p.Render(0, 0)
	if err != nil || f != "png" {
		t.Fatal(f, err)
	}
	r, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := r.At(5, 5).RGBA(); a != 0xffff {
		t.Fatal("transparency was not flattened")
	}
	if !near(r.At(5, 5), 255, 255, 255) || !near(r.At(0, 0), 0, 0, 0) {
		t.Fatalf("flattened on %v / %v, want white with the black pixel kept", r.At(5, 5), r.At(0, 0))
	}
	if r.ColorModel() == color.NRGBAModel || r.ColorModel() == color.NRGBA64Model {
		t.Fatal("the print PNG still carries an alpha channel")
	}
}

// withPHYs inserts a pHYs chunk after IHDR.
func withPHYs(p []byte, ppm uint32) []byte {
	body := binary.BigEndian.AppendUint32(nil, ppm)
	body = binary.BigEndian.AppendUint32(body, ppm)
	body = append(body, 1)
	chunk := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	chunk = append(chunk, "pHYs"...)
	chunk = append(chunk, body...)
	chunk = binary.BigEndian.AppendUint32(chunk, crc32.ChecksumIEEE(chunk[4:]))
	at := 8 + 25 // signature + IHDR
	return append(append(append([]byte{}, p[:at]...), chunk...), p[at:]...)
}

func TestJFIFDensity(t *testing.T) {
	j := encJPEG(t, quadrants(8, 8))
	seg := []byte("JFIF\x00\x01\x02\x01\x00\x96\x00\x96\x00\x00") // 150 dpi
	out := []byte{0xFF, 0xD8, 0xFF, 0xE0}
	out = binary.BigEndian.AppendUint16(out, uint16(len(seg)+2))
	out = append(append(out, seg...), j[2:]...)
	p, err := Load(out)
	if err != nil {
		t.Fatal(err)
	}
	if p.DPI != 150 {
		t.Fatalf("density %v, want 150", p.DPI)
	}
}

func TestBadImages(t *testing.T) {
	good := encJPEG(t, quadrants(64, 64))
	var pb bytes.Buffer
	png.Encode(&pb, quadrants(16, 16))
	corruptPNG := append([]byte{}, pb.Bytes()...)
	corruptPNG[len(corruptPNG)-20] ^= 0xFF // inside IDAT: checksum fails
	huge := append([]byte{}, pb.Bytes()...)
	binary.BigEndian.PutUint32(huge[16:], 20000)
	binary.BigEndian.PutUint32(huge[20:], 20000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	cases := []struct {
		name string
		data []byte
		want error // nil: any "damaged" error
	}{
		{"text", []byte("这不是图片\n"), ErrNotImage},
		{"empty", nil, ErrNotImage},
		{"gif", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), ErrNotImage},
		{"truncated jpeg", good[:len(good)/2], nil},
		{"jpeg header only", good[:20], nil},
		{"corrupt png", corruptPNG, nil},
		{"huge png", huge, ErrTooLarge},
	}
	for _, c := range cases {
		p, err := Load(c.data)
		if err == nil {
			// a file damaged past its header is found when decoded
			_, _, err = p.Render(0, 0)
		}
		if err == nil {
			t.Errorf("%s: loaded and rendered", c.name)
			continue
		}
		if c.want == nil {
			c.want = ErrDamaged
		}
		if !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", c.name, err, c.want)
		}
	}
}

func FuzzPicture(f *testing.F) {
	f.Add(encJPEG(f, quadrants(16, 8)))
	f.Add(withExif(encJPEG(f, quadrants(16, 8)), 6, true))
	var pb bytes.Buffer
	png.Encode(&pb, quadrants(8, 8))
	f.Add(withPHYs(pb.Bytes(), 3000))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Load(data)
		if err != nil {
			return
		}
		if p.W*p.H > 1<<22 {
			return // keep each run fast
		}
		out, _, err := p.Render(32, 32)
		if errors.Is(err, ErrDamaged) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := image.DecodeConfig(bytes.NewReader(out)); err != nil {
			t.Fatalf("rendered picture does not decode: %v", err)
		}
	})
}

// BenchmarkCameraPhoto loads a 12-megapixel camera JPEG and renders it for
// print at 156 mm wide and 300 dpi (1843 pixels).
func BenchmarkCameraPhoto(b *testing.B) {
	data := encJPEG(b, noisy(4032, 3024))
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p, err := Load(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := p.render(1843, 0); err != nil { // not the cache
			b.Fatal(err)
		}
	}
}
