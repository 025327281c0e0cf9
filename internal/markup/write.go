package markup

import (
	"fmt"
	"strings"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// Write writes an article in the Markdown subset, so that Parse reads it
// back to the same article: one line per paragraph, blank lines between
// blocks, ::: blocks for subtitles and the 落款, **bold** for bold runs
// and run-in headings. photo names the file a figure's photo is written
// to (a path relative to the Markdown file). Text the subset cannot hold
// (such as "**" or a line opening with "#") is an error naming its block.
func Write(art *doc.Article, photo func(i int, b *doc.Block) (string, error)) ([]byte, diag.List) {
	var errs diag.List
	var out strings.Builder
	line := func(b *doc.Block, prefix string) {
		t, ok := inlineText(b.Runs)
		if !ok || unsafeLine(t) {
			errs.Add(b.Pos, "这段文字含有 Markdown 标记符号（如“**”“`”“<标签>”，或以“#”“>”“-”开头），转换后会被误读", "请在原文件中改写这些符号后再转换")
		}
		out.WriteString(prefix + t + "\n")
	}
	// a title broken by the editor: one "# " line per part
	part := doc.Block{Pos: art.Title.Pos}
	for _, r := range art.Title.Runs {
		if r.Text == "\n" {
			line(&part, "# ")
			part.Runs = nil
			continue
		}
		part.Runs = append(part.Runs, r)
	}
	line(&part, "# ")
	fence := ""
	for i := range art.Blocks {
		b := &art.Blocks[i]
		name := map[doc.Kind]string{doc.Subtitle: "副题", doc.Closing: "落款"}[b.Kind]
		if fence != "" && name != fence {
			out.WriteString(":::\n")
			fence = ""
		}
		if name != "" {
			if fence == "" {
				out.WriteString("\n::: " + name + "\n")
				fence = name
			}
			line(b, "")
			continue
		}
		out.WriteString("\n")
		switch b.Kind {
		case doc.Heading1:
			line(b, "## ")
		case doc.Heading2:
			line(b, "### ")
		case doc.Heading3:
			line(b, "#### ")
		case doc.Note:
			line(b, "> ")
		case doc.PageBreak:
			out.WriteString("::: 分页\n")
		case doc.Table:
			writeTable(&out, b, &errs)
		case doc.Figure:
			path, err := photo(i, b)
			if err != nil {
				errs.Add(b.Pos, "无法写出图片："+err.Error(), "请检查输出文件夹是否可写")
				continue
			}
			cap, ok := inlineText(b.Runs)
			if !ok || strings.ContainsAny(cap, "[]") {
				errs.Add(b.Pos, "图片说明含有 Markdown 标记符号（“**”“[]”等）", "请在原文件中改写图片说明后再转换")
			}
			w := ""
			if b.Width != "" {
				w = "{width=" + b.Width + "}"
			}
			if b.Beside {
				// side by side: on the line right after the photo before
				o := strings.TrimSuffix(out.String(), "\n\n")
				out.Reset()
				out.WriteString(o + "\n")
			}
			out.WriteString("![" + cap + "](" + path + ")" + w + "\n")
		default:
			line(b, "")
		}
	}
	if fence != "" {
		out.WriteString(":::\n")
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return []byte(out.String()), nil
}

// inlineText writes runs with ** around bold runs and run-in headings.
func inlineText(rs []doc.Run) (string, bool) {
	var b strings.Builder
	ok := true
	for _, r := range rs {
		if strings.Contains(r.Text, "**") || strings.Contains(r.Text, "`") || htmlTag.MatchString(r.Text) || link.MatchString(r.Text) ||
			strings.ContainsAny(r.Text, "\n\r") {
			ok = false
		}
		if r.Bold || r.RunIn > 0 {
			fmt.Fprintf(&b, "**%s**", r.Text)
			continue
		}
		b.WriteString(r.Text)
	}
	return b.String(), ok
}

// unsafeLine says whether a paragraph line would be read as markup.
func unsafeLine(t string) bool {
	for _, p := range []string{"#", ">", "![", "|", ":::", "```", "~~~"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return isBullet(t) || orderedList.MatchString(t) || isRule(t)
}

// writeTable writes a pipe table: its title line, the header row, the
// alignment row, the body rows. Merged cells from Word become plain cells
// (the text in the first, the rest empty).
func writeTable(out *strings.Builder, b *doc.Block, errs *diag.List) {
	t := b.Table
	if len(b.Runs) > 0 {
		title, _ := inlineText(b.Runs)
		out.WriteString(title + "\n")
	}
	ncol := t.Columns()
	cell := func(c doc.Cell) string {
		s, ok := inlineText(c.Runs)
		if !ok {
			errs.Add(c.Pos, "表格中的文字含有 Markdown 标记符号（如“**”“`”）", "请在原文件中改写后再转换")
		}
		return strings.ReplaceAll(s, "|", "\\|")
	}
	row := func(r []doc.Cell) {
		var parts []string
		for _, c := range r {
			parts = append(parts, cell(c))
			for k := 1; k < c.Span; k++ {
				parts = append(parts, "")
			}
		}
		for len(parts) < ncol {
			parts = append(parts, "")
		}
		out.WriteString("| " + strings.Join(parts, " | ") + " |\n")
	}
	for i, r := range t.Rows {
		row(r)
		if i == 0 {
			var al []string
			for k := 0; k < ncol; k++ {
				a := byte(0)
				if k < len(t.Align) {
					a = t.Align[k]
				}
				al = append(al, map[byte]string{'c': ":---:", 'r': "---:", 'l': ":---"}[a]+map[bool]string{true: "---"}[a == 0])
			}
			out.WriteString("|" + strings.Join(al, "|") + "|\n")
		}
	}
}
