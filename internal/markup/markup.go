// Package markup parses jianbao's Markdown subset into doc blocks with
// source positions, and rejects everything outside the subset with its line.
//
// The subset: one "# " title, "## " and "### " headings, paragraphs
// (soft line breaks join with no space between Chinese characters and one
// space between Latin words), **bold**, "> " editor's notes and
// "![caption](path)" images on a line of their own.
package markup

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
	"jianbao/internal/manuscript"
)

// Limits against resource exhaustion.
const (
	MaxArticleBytes = 10 << 20 // 10 MiB
	MaxParaRunes    = 20000
)

var (
	imageLine   = regexp.MustCompile(`^!\[([^\]]*)\]\(([^)]*)\)(?:\{\s*width\s*=\s*([^}]*)\})?$`)
	widthValue  = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*(%|mm|字)$`)
	orderedList = regexp.MustCompile(`^[0-9]+[.)][ \t]`)
	htmlTag     = regexp.MustCompile(`<(/?[A-Za-z][A-Za-z0-9-]*|!--)`)
	link        = regexp.MustCompile(`\[[^\]]*\]\([^)]*\)`)
)

// Parse parses one article file. file names it in messages.
func Parse(file string, data []byte) (*doc.Article, diag.List) {
	var errs diag.List
	pos := func(line, col int) diag.Pos { return diag.Pos{File: file, Line: line, Col: col} }
	if len(data) > MaxArticleBytes {
		errs.Add(diag.Pos{File: file}, fmt.Sprintf("文章过大（%d 字节，上限 %d）", len(data), MaxArticleBytes), "请拆分为多篇文章")
		return nil, errs
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		for i := 0; i < len(data); {
			r, size := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && size <= 1 {
				line := bytes.Count(data[:i], []byte("\n")) + 1
				errs.Add(pos(line, 0), fmt.Sprintf("不是有效的 UTF-8 编码（第 %d 字节）", i), "请将文件另存为 UTF-8 编码")
				return nil, errs
			}
			i += size
		}
	}
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines := strings.Split(text, "\n")

	art := &doc.Article{File: file}
	var nlines []int // source lines of each block in art.Blocks (0: not a plain paragraph)
	explicitClosing := false
	fence := "" // the open ::: block's kind
	var fencePos diag.Pos
	haveTitle := false
	titleEnd := 0      // the source line where the title ends
	lastImageLine := 0 // the source line of the last photo
	var para []lineRef // lines of the open paragraph
	paraKind := doc.Para

	flush := func() {
		if len(para) == 0 {
			return
		}
		b := doc.Block{Kind: paraKind, Pos: pos(para[0].line, para[0].col)}
		b.Runs = inline(file, para, &errs)
		if n := runeCount(b.Runs); n > MaxParaRunes {
			errs.Add(b.Pos, fmt.Sprintf("段落过长（%d 字，上限 %d）", n, MaxParaRunes), "请分段")
		}
		if !haveTitle {
			errs.Add(b.Pos, "文章缺少标题", "请在第一行写“# 标题”")
			haveTitle = true // report once
		}
		if len(b.Runs) > 0 {
			art.Blocks = append(art.Blocks, b)
			n := 0
			if paraKind == doc.Para {
				n = len(para)
			}
			nlines = append(nlines, n)
		}
		para = nil
		paraKind = doc.Para
	}

	closingLine := manuscript.ClosingLines(lines) // 0-based index of a 落款's first line, or -1
	var tbl []lineRef                             // the lines of an open pipe table
	var tblTitle lineRef                          // its title line, if any
	endTable := func() {
		if len(tbl) == 0 {
			return
		}
		b := parseTable(file, tbl, tblTitle, &errs)
		tbl, tblTitle = nil, lineRef{}
		if b == nil {
			return
		}
		if !haveTitle {
			errs.Add(b.Pos, "文章缺少标题", "请在第一行写“# 标题”")
			haveTitle = true
		}
		art.Blocks = append(art.Blocks, *b)
		nlines = append(nlines, 0)
	}
	inFence := false
	for i, raw := range lines {
		ln := i + 1
		if strings.ContainsRune(raw, 0) {
			errs.Add(pos(ln, runeCol(raw, strings.IndexRune(raw, 0))), "文件中有空字符（NUL）", "请删除该字符或重新保存为纯文本")
			continue
		}
		if c := badControl(raw); c >= 0 {
			r, _ := utf8.DecodeRuneInString(raw[c:])
			errs.Add(pos(ln, runeCol(raw, c)), fmt.Sprintf("有不可见的控制字符 U+%04X", r), "请删除该字符（常见于从其他软件粘贴的文字）")
			continue
		}
		// Leading indentation (ASCII or ideographic spaces) is dropped: the
		// layout indents paragraphs itself.
		trimmed := strings.TrimLeft(raw, " \t\u3000")
		indent := runeCol(raw, len(raw)-len(trimmed)) // 1-based col of first char
		line := strings.TrimRight(trimmed, " \t\u3000")
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			if !inFence {
				errs.Add(pos(ln, indent), "不支持代码块（```）", "简报正文请写成普通段落")
			}
			inFence = !inFence
			continue
		}
		if inFence {
			continue
		}
		if strings.HasPrefix(line, ":::") {
			flush()
			name := strings.TrimSpace(strings.TrimPrefix(line, ":::"))
			if name == "分页" && fence == "" {
				if !haveTitle {
					errs.Add(pos(ln, indent), "文章缺少标题", "请在第一行写“# 标题”")
					haveTitle = true
				}
				art.Blocks = append(art.Blocks, doc.Block{Kind: doc.PageBreak, Pos: pos(ln, indent)})
				nlines = append(nlines, 0)
				continue
			}
			switch {
			case fence != "" && name == "":
				fence = ""
			case fence != "":
				errs.Add(pos(ln, indent), "“:::”块不能嵌套", fmt.Sprintf("请先用一行“:::”结束第 %d 行开始的块", fencePos.Line))
			case fenceKinds[name] != 0:
				fence, fencePos = name, pos(ln, indent)
			default:
				errs.Add(pos(ln, indent), fmt.Sprintf("不认识的块“::: %s”", name), "可用“::: 落款”（右对齐的署名和日期）、“::: 副题”（标题下居中的副题、署名）或单独一行“::: 分页”")
			}
			continue
		}
		if fence != "" {
			if line == "" {
				continue
			}
			kind := fenceKinds[fence]
			if kind == doc.Closing {
				explicitClosing = true
			}
			b := doc.Block{Kind: kind, Pos: pos(ln, indent)}
			b.Runs = inline(file, []lineRef{{text: line, line: ln, col: indent}}, &errs)
			if d, ok := manuscript.DateLine(line); ok && kind == doc.Closing {
				// 2026-02-20 in a 落款 prints as 2026年2月20日, as in an
				// unmarked one
				b.Runs = []doc.Run{{Text: d, Pos: b.Pos}}
			}
			if !haveTitle {
				errs.Add(b.Pos, "文章缺少标题", "请在第一行写“# 标题”")
				haveTitle = true
			}
			art.Blocks = append(art.Blocks, b)
			nlines = append(nlines, 0)
			continue
		}
		if len(tbl) > 0 && !strings.HasPrefix(line, "|") {
			endTable()
		}
		if line == "" {
			flush()
			continue
		}
		// Pasted text: a line that opens with typed indentation or an
		// official number, a line after an unmarked heading, and the
		// lines of a 落款 at the end each start a paragraph.
		if len(para) > 0 && paraKind == doc.Para && !strings.HasPrefix(line, ">") && !strings.HasPrefix(line, "#") {
			prev := para[len(para)-1].text
			if manuscript.TypedIndent(raw) > 0 || manuscript.Numbering(strings.TrimPrefix(line, "**")) != 0 ||
				manuscript.HeadingLine(strings.ReplaceAll(prev, "**", "")) > 0 || (closingLine >= 0 && ln-1 >= closingLine) {
				flush()
			}
		}
		switch {
		case strings.HasPrefix(line, "#"):
			flush()
			level := len(line) - len(strings.TrimLeft(line, "#"))
			rest := line[level:]
			if rest != "" && !strings.HasPrefix(rest, " ") && !strings.HasPrefix(rest, "\t") {
				errs.Add(pos(ln, indent), "标题标记“#”后缺少空格", "请写成“# 标题”“## 一、小标题”的形式")
				continue
			}
			body := strings.TrimSpace(rest)
			bodyCol := indent + level + (utf8.RuneCountInString(rest) - utf8.RuneCountInString(strings.TrimLeft(rest, " \t")))
			if body == "" {
				errs.Add(pos(ln, indent), "标题是空的", "请在“#”后写出标题文字")
				continue
			}
			var kind doc.Kind
			switch level {
			case 1:
				kind = doc.Title
			case 2:
				kind = doc.Heading1
			case 3:
				kind = doc.Heading2
			case 4:
				kind = doc.Heading3
			default:
				errs.Add(pos(ln, indent), fmt.Sprintf("不支持 %d 级标题", level), "只能用“# 文章标题”“## 一级标题”“### 二级标题”“#### 三级标题”")
				continue
			}
			b := doc.Block{Kind: kind, Pos: pos(ln, bodyCol)}
			b.Runs = inline(file, []lineRef{{text: body, line: ln, col: bodyCol}}, &errs)
			if kind == doc.Title {
				if haveTitle && art.Title.Runs != nil && titleEnd == ln-1 && len(art.Blocks) == 0 {
					// "# " lines one after another: one title, broken where the editor broke it
					nl := doc.Run{Text: "\n", Pos: pos(ln, indent)}
					art.Title.Runs = append(append(art.Title.Runs, nl), b.Runs...)
					titleEnd = ln
					continue
				}
				if haveTitle && art.Title.Runs != nil {
					errs.Add(pos(ln, indent), "一篇文章只能有一个标题（“# ”）", fmt.Sprintf("第 %d 行已有标题；其他小标题请用“## ”或“### ”", art.Title.Pos.Line))
					continue
				}
				if haveTitle && art.Title.Runs == nil {
					continue // "missing title" already reported
				}
				haveTitle = true
				art.Title = b
				titleEnd = ln
				continue
			}
			if !haveTitle {
				errs.Add(b.Pos, "文章缺少标题", "请在第一行写“# 标题”")
				haveTitle = true
			}
			art.Blocks = append(art.Blocks, b)
			nlines = append(nlines, 0)
		case strings.HasPrefix(line, ">"):
			if len(para) > 0 && paraKind != doc.Note {
				flush()
			}
			paraKind = doc.Note
			body := strings.TrimPrefix(line, ">")
			col := indent + 1
			if strings.HasPrefix(body, " ") {
				body = body[1:]
				col++
			}
			body = strings.TrimLeft(body, " \u3000")
			if strings.HasPrefix(body, ">") {
				errs.Add(pos(ln, indent), "不支持嵌套引用（>>）", "编者按只需一个“> ”")
				continue
			}
			if body != "" {
				para = append(para, lineRef{text: body, line: ln, col: col})
			}
		case strings.HasPrefix(line, "!["):
			flush()
			m := imageLine.FindStringSubmatch(line)
			if m == nil {
				errs.Add(pos(ln, indent), "图片写法不正确", "请单独一行写成“![图片说明](photos/图片.jpg)”，可加宽度“{width=50%}”")
				continue
			}
			if strings.TrimSpace(m[2]) == "" {
				errs.Add(pos(ln, indent), "图片缺少路径", "请写成“![图片说明](photos/图片.jpg)”")
				continue
			}
			b := doc.Block{Kind: doc.Figure, Pos: pos(ln, indent), Image: strings.TrimSpace(m[2])}
			if w := strings.TrimSpace(m[3]); m[3] != "" {
				if wm := widthValue.FindStringSubmatch(w); wm == nil {
					errs.Add(pos(ln, indent), fmt.Sprintf("图片宽度 %q 写法不对", w), "请写成 {width=50%}（版心宽的百分比）、{width=60mm} 或 {width=12字}")
				} else {
					b.Width = wm[1] + wm[2]
				}
			}
			// photos on consecutive lines stand side by side
			if n := len(art.Blocks); n > 0 && art.Blocks[n-1].Kind == doc.Figure && lastImageLine == ln-1 {
				b.Beside = true
			}
			lastImageLine = ln
			if cap := strings.TrimSpace(m[1]); cap != "" {
				b.Runs = inline(file, []lineRef{{text: cap, line: ln, col: indent + 2}}, &errs)
			}
			if !haveTitle {
				errs.Add(b.Pos, "文章缺少标题", "请在第一行写“# 标题”")
				haveTitle = true
			}
			art.Blocks = append(art.Blocks, b)
			nlines = append(nlines, 0)
		case strings.HasPrefix(line, "|"):
			if len(tbl) == 0 {
				// a one-line paragraph right above opening with 表 is the title
				if len(para) == 1 && paraKind == doc.Para && manuscript.TableTitle(para[0].text) {
					tblTitle = para[0]
					para = nil
				} else {
					flush()
				}
			}
			tbl = append(tbl, lineRef{text: line, line: ln, col: indent})
		case isBullet(line):
			errs.Add(pos(ln, indent), "不支持列表", "请写成段落；需要序号时直接写“1.”“（1）”，后面不加空格")
		case orderedList.MatchString(line):
			errs.Add(pos(ln, indent), "不支持编号列表（“1. ”）", "需要序号时请直接写“1.”“（1）”，后面不加空格")
		case isRule(line):
			errs.Add(pos(ln, indent), "不支持分隔线或“===”“---”标题写法", "标题请用“# ”开头")
		default:
			if len(para) > 0 && paraKind == doc.Note {
				flush()
			}
			para = append(para, lineRef{text: line, line: ln, col: indent})
		}
	}
	endTable()
	flush()
	if fence != "" {
		errs.Add(fencePos, fmt.Sprintf("“::: %s”块没有结束", fence), "请在块的最后一行之后写一行“:::”")
	}
	interpret(art, nlines, explicitClosing)
	if !haveTitle {
		errs.Add(pos(1, 1), "文章缺少标题", "请在第一行写“# 标题”")
	} else if art.Title.Runs == nil && len(errs) == 0 {
		errs.Add(pos(1, 1), "文章缺少标题", "请在第一行写“# 标题”")
	}
	if haveTitle && art.Title.Runs != nil && len(art.Blocks) == 0 && len(errs) == 0 {
		errs.Add(art.Title.Pos, "文章只有标题，没有正文", "请写正文，或从清单中删去这篇文章")
	}
	if strings.TrimSpace(text) == "" {
		errs = diag.List{{Pos: diag.Pos{File: file}, Msg: "文章是空的", Hint: "请写入标题和正文，或从清单中删去这篇文章"}}
	}
	if len(errs) > 0 {
		errs.Sort()
		return nil, errs
	}
	return art, nil
}

type lineRef struct {
	text      string
	line, col int
}

func isBullet(s string) bool {
	return len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t')
}

func isRule(s string) bool {
	t := strings.ReplaceAll(s, " ", "")
	if len(t) < 3 {
		return false
	}
	for _, c := range []byte{'-', '=', '*', '_'} {
		if strings.Trim(t, string(c)) == "" {
			return true
		}
	}
	return false
}

func badControl(s string) int {
	for i, r := range s {
		if r == '\t' {
			continue
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return i
		}
	}
	return -1
}

func runeCol(s string, byteOff int) int {
	if byteOff > len(s) {
		byteOff = len(s)
	}
	return utf8.RuneCountInString(s[:byteOff]) + 1
}

func runeCount(runs []doc.Run) int {
	n := 0
	for _, r := range runs {
		n += utf8.RuneCountInString(r.Text)
	}
	return n
}

// inline joins the lines of a paragraph and splits it into runs at **.
func inline(file string, lines []lineRef, errs *diag.List) []doc.Run {
	var runs []doc.Run
	bold := false
	var cur strings.Builder
	var curPos diag.Pos
	var openPos diag.Pos
	emit := func() {
		if cur.Len() > 0 {
			runs = append(runs, doc.Run{Text: cur.String(), Bold: bold, Pos: curPos})
			cur.Reset()
		}
	}
	var prev rune // last character written, across lines
	for li, l := range lines {
		s := l.text
		if li > 0 {
			emit() // a run never spans source lines, so every rune's position is exact
		}
		if li > 0 && prev != 0 {
			first, _ := utf8.DecodeRuneInString(s)
			if manuscript.JoinWithSpace(prev, first) {
				if cur.Len() == 0 {
					// the joining space stands just before the line's first character
					curPos = diag.Pos{File: file, Line: l.line, Col: l.col - 1}
				}
				cur.WriteByte(' ')
			}
		}
		if m := htmlTag.FindStringIndex(s); m != nil {
			errs.Add(diag.Pos{File: file, Line: l.line, Col: l.col + utf8.RuneCountInString(s[:m[0]])}, "不支持 HTML 标记", "请删除“<…>”标记，只写文字")
		}
		if m := link.FindStringIndex(s); m != nil {
			errs.Add(diag.Pos{File: file, Line: l.line, Col: l.col + utf8.RuneCountInString(s[:m[0]])}, "不支持链接“[文字](网址)”", "请直接写出文字或网址")
		}
		if i := strings.IndexByte(s, '`'); i >= 0 {
			errs.Add(diag.Pos{File: file, Line: l.line, Col: l.col + utf8.RuneCountInString(s[:i])}, "不支持代码标记（`）", "请删除反引号")
		}
		col := l.col
		for i := 0; i < len(s); {
			if strings.HasPrefix(s[i:], "**") {
				emit()
				if !bold {
					openPos = diag.Pos{File: file, Line: l.line, Col: col}
				}
				bold = !bold
				i += 2
				col += 2
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			if cur.Len() == 0 {
				curPos = diag.Pos{File: file, Line: l.line, Col: col}
			}
			cur.WriteRune(r)
			prev = r
			i += size
			col++
		}
	}
	emit()
	if bold {
		errs.Add(openPos, "粗体标记“**”没有闭合", "请在粗体文字后再写一个“**”")
	}
	return runs
}
