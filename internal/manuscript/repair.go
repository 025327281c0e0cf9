package manuscript

import (
	"fmt"
	"sort"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/proof"
)

// Edit is one safe repair at a position in the source: Old is replaced
// by New.
type Edit struct {
	Pos      diag.Pos
	Old, New string
}

// Proofread runs the copy-editing rules (package proof) over every text
// of an article: title, blocks, captions. With apply, the safe repairs
// that lie within one run are made in the article itself. It returns one
// message per finding (a repair made, or a warning with what to do) and
// the safe edits with their source positions.
func Proofread(art *doc.Article, apply bool) (msgs diag.List, edits []Edit) {
	do := func(b *doc.Block) {
		if len(b.Runs) == 0 {
			return
		}
		var text []byte
		starts := make([]int, len(b.Runs))
		for i, r := range b.Runs {
			starts[i] = len(text)
			text = append(text, r.Text...)
		}
		fs := proof.Check(string(text))
		// later findings first, so earlier offsets stay valid when applying
		for k := len(fs) - 1; k >= 0; k-- {
			f := fs[k]
			ri := 0
			for ri+1 < len(starts) && starts[ri+1] <= f.Start {
				ri++
			}
			r := &b.Runs[ri]
			off := f.Start - starts[ri]
			end := f.End - starts[ri]
			pos := r.Pos
			pos.Col += utf8.RuneCountInString(r.Text[:min(off, len(r.Text))])
			within := end <= len(r.Text)
			if f.Safe && within {
				old := r.Text[off:end]
				edits = append(edits, Edit{Pos: pos, Old: old, New: f.Fix})
				if apply {
					r.Text = r.Text[:off] + f.Fix + r.Text[end:]
					did := fmt.Sprintf("“%s”改为“%s”", old, f.Fix)
					if f.Fix == "" {
						did = "已删去"
					}
					msgs.Add(pos, fmt.Sprintf("已改正：%s（%s）", f.Msg, did), "")
					continue
				}
			}
			msgs.Add(pos, f.Msg, f.Hint)
		}
	}
	drop := func(b *doc.Block) {
		rs := b.Runs[:0]
		for _, r := range b.Runs {
			if r.Text != "" {
				rs = append(rs, r)
			}
		}
		b.Runs = rs
	}
	do(&art.Title)
	drop(&art.Title)
	for i := range art.Blocks {
		do(&art.Blocks[i])
		drop(&art.Blocks[i])
	}
	msgs.Sort()
	sort.SliceStable(edits, func(i, j int) bool {
		a, b := edits[i].Pos, edits[j].Pos
		return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
	})
	return msgs, edits
}

// Repair makes the safe copy-editing repairs in an article read from a
// Word or text manuscript, and lists them (and the warnings) as notes.
func Repair(art *doc.Article) diag.List {
	msgs, _ := Proofread(art, true)
	return msgs
}
