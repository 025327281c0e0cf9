package compose

import (
	"strconv"
	"strings"
	"unicode"

	"jianbao/internal/display"
	"jianbao/internal/doc"
)

// outline records where each article's title and each heading were
// printed, for the PDF's bookmarks: the first line of a title (line id
// "aN.t.1") is a level-0 entry, the first line of a heading ("aN.pM.1",
// role h1–h3) one of level 1–3. The text is the source's, whole, however
// the lines were broken.
func (c *composer) outline(is *doc.Issue) {
	levels := map[string]int{"h1": 1, "h2": 2, "h3": 3}
	for pi, p := range c.out.Pages {
		for _, it := range p.Items {
			if it.Kind != display.Text || !strings.HasSuffix(it.Line, ".1") {
				continue
			}
			art, blk, ok := outlineID(it.Line)
			if !ok || art < 1 || art > len(is.Articles) {
				continue
			}
			a := is.Articles[art-1]
			var e display.OutlineEntry
			switch {
			case it.Role == "title" && blk == 0:
				e = display.OutlineEntry{Level: 0, Text: outlineText(a.Title.Runs)}
			case levels[it.Role] > 0 && blk >= 1 && blk <= len(a.Blocks):
				e = display.OutlineEntry{Level: levels[it.Role], Text: outlineText(a.Blocks[blk-1].Runs)}
			default:
				continue
			}
			if e.Text == "" {
				continue
			}
			e.Page, e.Y = pi+1, max(0, it.Y-it.Size)
			c.out.Outline = append(c.out.Outline, e)
		}
	}
}

// outlineID reads "aN.t.1" (block 0: the title) or "aN.pM.1".
func outlineID(id string) (art, blk int, ok bool) {
	parts := strings.Split(id, ".")
	if len(parts) != 3 || !strings.HasPrefix(parts[0], "a") {
		return 0, 0, false
	}
	art, err := strconv.Atoi(parts[0][1:])
	if err != nil {
		return 0, 0, false
	}
	if parts[1] == "t" {
		return art, 0, true
	}
	if !strings.HasPrefix(parts[1], "p") {
		return 0, 0, false
	}
	blk, err = strconv.Atoi(parts[1][1:])
	return art, blk, err == nil
}

// outlineText joins runs into one line: the editor's line breaks and
// full-width spaces (preferred breaks, never printed) go, and so do
// spaces, except that a break or a space between two Latin letters or
// digits becomes one space.
func outlineText(rs []doc.Run) string {
	var b strings.Builder
	pendingBreak := false
	for _, r := range rs {
		for _, ch := range r.Text {
			if ch == '\n' || ch == '\u3000' || unicode.IsSpace(ch) {
				pendingBreak = true
				continue
			}
			if pendingBreak && b.Len() > 0 {
				last := []rune(b.String())
				if latin(last[len(last)-1]) && latin(ch) {
					b.WriteByte(' ')
				}
			}
			pendingBreak = false
			b.WriteRune(ch)
		}
	}
	return strings.TrimSpace(b.String())
}

func latin(r rune) bool { return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) }
