package diff

import (
	"bytes"
	"errors"
	"os"

	"jianbao/internal/pdfout"
)

// ErrNotJianbao says a PDF has no layout record: another program made it.
var ErrNotJianbao = errors.New("a PDF without a jianbao layout record")

// ErrDamaged says a PDF jianbao made has a layout record that cannot be
// read: the file is damaged or cut short.
var ErrDamaged = errors.New("a jianbao PDF whose layout record is damaged")

// Load reads a layout record from a file: a record written by
// `jianbao build --dump`, or the one inside a PDF jianbao made. isPDF
// says which; raw is the file's bytes.
func Load(path string) (record, raw []byte, isPDF bool, err error) {
	raw, err = os.ReadFile(path)
	if err != nil {
		return nil, nil, false, err
	}
	if bytes.HasPrefix(raw, []byte("%PDF-")) {
		rec, err := pdfout.Record(raw)
		if errors.Is(err, pdfout.ErrDamagedRecord) {
			return nil, raw, true, ErrDamaged
		}
		if err != nil {
			return nil, raw, true, ErrNotJianbao
		}
		return rec, raw, true, nil
	}
	if _, err := Parse(raw); err != nil {
		return nil, raw, false, err
	}
	return raw, raw, false, nil
}
