package build

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/manifest"
	"jianbao/internal/manuscript"
	"jianbao/internal/markup"
)

// Proofread reports the copy-editing warnings of an issue's Markdown
// articles (Word and text manuscripts are repaired while building and
// reported as notes). It returns the safe repairs per Markdown file, by
// absolute path.
func Proofread(manifestFile string) (warnings diag.List, fixes map[string][]manuscript.Edit) {
	m, errs := manifest.Load(manifestFile)
	if len(errs) > 0 {
		return nil, nil
	}
	fixes = map[string][]manuscript.Edit{}
	for _, ref := range m.Articles {
		if ArticleKind(ref.Display) != KindMarkdown {
			continue
		}
		data, err := os.ReadFile(ref.Abs)
		if err != nil {
			continue
		}
		art, perrs := markup.Parse(ref.Display, data)
		if len(perrs) > 0 {
			continue
		}
		msgs, edits := manuscript.Proofread(art, false)
		warnings.Append(msgs)
		if len(edits) > 0 {
			fixes[ref.Abs] = edits
		}
	}
	return warnings, fixes
}

// ApplyEdits applies safe repairs to a source file's text. An edit whose
// old text is not at its position (a character the parser made, such as
// the space joining two lines of Latin words) is skipped. It returns the
// new text and the edits applied.
func ApplyEdits(src string, edits []manuscript.Edit) (string, []manuscript.Edit) {
	bom := strings.HasPrefix(src, "\ufeff")
	body := strings.TrimPrefix(src, "\ufeff")
	lines := strings.SplitAfter(body, "\n")
	// later edits first within a line, so columns stay valid
	sorted := append([]manuscript.Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, b := sorted[i].Pos, sorted[j].Pos
		return a.Line > b.Line || a.Line == b.Line && a.Col > b.Col
	})
	var done []manuscript.Edit
	for _, e := range sorted {
		if e.Pos.Line < 1 || e.Pos.Line > len(lines) || e.Pos.Col < 1 {
			continue
		}
		l := lines[e.Pos.Line-1]
		off, col := 0, 1
		for off < len(l) && col < e.Pos.Col {
			_, size := utf8.DecodeRuneInString(l[off:])
			off += size
			col++
		}
		if col != e.Pos.Col || !strings.HasPrefix(l[off:], e.Old) {
			continue
		}
		lines[e.Pos.Line-1] = l[:off] + e.New + l[off+len(e.Old):]
		done = append(done, e)
	}
	out := strings.Join(lines, "")
	if bom {
		out = "\ufeff" + out
	}
	for i, j := 0, len(done)-1; i < j; i, j = i+1, j-1 {
		done[i], done[j] = done[j], done[i]
	}
	return out, done
}

// dateNotes warns about an issue date whose year differs from issue.year,
// or that lies more than a year after now.
func dateNotes(is *doc.Issue, now time.Time) diag.List {
	var notes diag.List
	if is.Date.IsZero() {
		return nil
	}
	if is.Year != 0 && is.Date.Year() != is.Year {
		notes.Add(is.DatePos, fmt.Sprintf("日期是 %d 年，期号却是 %d 年", is.Date.Year(), is.Year), "请核对 date 和 issue.year")
	}
	if is.Date.After(now.AddDate(1, 0, 0)) {
		notes.Add(is.DatePos, fmt.Sprintf("日期 %s 在一年以后", is.Date.Format("2006-01-02")), "请核对 date")
	}
	return notes
}
