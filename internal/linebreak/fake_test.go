package linebreak

import (
	"strings"
	"testing"
)

// fakeFont: every full-width character is 1 em (1000 units at size 1000),
// Latin letters and digits are half an em, a space a quarter em.
type fakeFont struct{}

const em = Len(1000)

func (fakeFont) Advance(r rune, style int) Len {
	switch {
	case r == ' ':
		return em / 4
	case IsLatin(r):
		return em / 2
	}
	return em
}

func (fakeFont) Size(style int) Len { return em }

func breakStr(s string, width int, p Params) []Line {
	if p.Width == 0 {
		p.Width = Len(width) * em
	}
	return Break([]Run{{Text: s}}, fakeFont{}, p)
}

func joinLines(ls []Line) string {
	var parts []string
	for _, l := range ls {
		parts = append(parts, l.Text)
	}
	return strings.Join(parts, "|")
}

func TestSmoke(t *testing.T) {
	for _, s := range []string{
		"会议强调，要深刻领会习近平总书记重要讲话和指示精神，把思想和认识统一到中央部署上来。",
		"审议2026年市邮政业安全和应急、生态环保等各项工作要点。",
		"打造联动长三角、服务全中国、辐射全世界的“一基地两枢纽三体系五中心”现代邮政快递服务网络。",
	} {
		ls := breakStr(s, 10, Params{Indent: 2 * em, CJKLatinGap: 250})
		t.Log(joinLines(ls))
		for _, l := range ls {
			t.Logf("  w=%v last=%v x0=%v", l.Width, l.Last, l.Glyphs[0].X)
		}
	}
}
