package sysfont

import (
	"bytes"
	"errors"
	"testing"
)

// FuzzOpen: no input makes Open, Scan's reader, Coverage or the name
// parser panic; whatever Open accepts is a well-formed single font.
func FuzzOpen(f *testing.F) {
	tiny := tinyFont(f, "Tiny", 0)
	f.Add(tiny, uint8(0))
	f.Add(collection(0x00010000, tinyTables("A", 0), tinyTables("B", 0x0008)), uint8(1))
	cff := tinyTables("C", 0)
	delete(cff, "glyf")
	cff["CFF "] = []byte{1, 0, 4, 4}
	f.Add(collection(0x4F54544F, cff), uint8(0))
	f.Add(tiny[:len(tiny)/2], uint8(0))
	f.Add([]byte("ttcf\x00\x01\x00\x00\x00\x00\x00\x02"), uint8(1))
	f.Add(collection(0x00010000, tinyTables("R", 0x0002))[16:], uint8(0)) // unaligned, offsets off
	f.Fuzz(func(t *testing.T, data []byte, index uint8) {
		i := int(index % 4)
		out, font, err := openBytes(data, i)
		var e *Error
		switch {
		case err == nil:
			if _, _, err := openBytes(out, 0); err != nil {
				t.Fatalf("accepted font does not reopen: %v", err)
			}
			if string(data[:4]) == "ttcf" {
				if len(out)%4 != 0 || checksum(out) != 0xB1B0AFBA {
					t.Fatalf("rebuilt font: length %d, checksum %08x", len(out), checksum(out))
				}
			} else if !bytes.Equal(out, data) {
				t.Fatal("single font changed")
			}
		case !errors.As(err, &e):
			t.Fatalf("untyped error %v", err)
		case e.Error() == "":
			t.Fatal("empty message")
		}
		if font.Index != i {
			t.Fatalf("index %d, want %d", font.Index, i)
		}
		scanSource(source{bytes.NewReader(data), int64(len(data))}, "fuzz")
		Coverage(data, []rune("A中\U00020000"))
		parseNames(data)
	})
}
