package markup

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// Limits of a table.
const (
	MaxTableColumns = 20
	MaxTableRows    = 2000
)

// parseTable reads a pipe table: a header row, an alignment row
// (|---|:--:|--:|), then body rows; "\|" is a bar inside a cell. title,
// when its text is set, is the line above (表1 …).
func parseTable(file string, lines []lineRef, title lineRef, errs *diag.List) *doc.Block {
	at := func(l lineRef) diag.Pos { return diag.Pos{File: file, Line: l.line, Col: l.col} }
	if len(lines) < 2 {
		errs.Add(at(lines[0]), "表格只有一行", "表格至少要有表头行和对齐行，如“| 项目 | 数量 |”下一行写“|---|--:|”")
		return nil
	}
	cells := func(l lineRef) ([]string, []int) {
		s := strings.TrimSpace(l.text)
		s = strings.TrimPrefix(s, "|")
		if strings.HasSuffix(s, "|") && !strings.HasSuffix(s, "\\|") {
			s = s[:len(s)-1]
		}
		var out []string
		var cols []int
		var cur strings.Builder
		col := l.col + 1
		start := col
		for i := 0; i < len(s); {
			if strings.HasPrefix(s[i:], "\\|") {
				cur.WriteByte('|')
				i += 2
				col += 2
				continue
			}
			if s[i] == '|' {
				out, cols = append(out, cur.String()), append(cols, start)
				cur.Reset()
				i++
				col++
				start = col
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			cur.WriteRune(r)
			i += size
			col++
		}
		return append(out, cur.String()), append(cols, start)
	}
	head, _ := cells(lines[0])
	aligns, _ := cells(lines[1])
	if len(aligns) != len(head) || !alignRow(aligns) {
		errs.Add(at(lines[1]), "表格第二行应是对齐行，格数与表头相同", "如“|---|:--:|--:|”：--- 左对齐，:--: 居中，--: 右对齐（数字）")
		return nil
	}
	ncol := len(head)
	if ncol > MaxTableColumns || len(lines) > MaxTableRows {
		errs.Add(at(lines[0]), fmt.Sprintf("表格过大（%d 列，%d 行；上限 %d 列，%d 行）", ncol, len(lines)-1, MaxTableColumns, MaxTableRows), "请拆分表格")
		return nil
	}
	t := &doc.TableData{Header: 1, Align: make([]byte, ncol)}
	for i, a := range aligns {
		a = strings.TrimSpace(a)
		switch {
		case strings.HasPrefix(a, ":") && strings.HasSuffix(a, ":"):
			t.Align[i] = 'c'
		case strings.HasSuffix(a, ":"):
			t.Align[i] = 'r'
		case strings.HasPrefix(a, ":"):
			t.Align[i] = 'l'
		}
	}
	for li, l := range lines {
		if li == 1 {
			continue
		}
		texts, cols := cells(l)
		if len(texts) > ncol {
			errs.Add(diag.Pos{File: file, Line: l.line, Col: cols[ncol]}, fmt.Sprintf("这一行有 %d 格，表头只有 %d 格", len(texts), ncol), "请删去多余的“|”，或在表头补上一列")
			continue
		}
		row := make([]doc.Cell, ncol)
		for i := range row {
			row[i].Span = 1
			if i >= len(texts) {
				continue
			}
			raw := texts[i]
			trimmed := strings.TrimLeft(raw, " \t\u3000")
			col := cols[i] + utf8.RuneCountInString(raw) - utf8.RuneCountInString(trimmed)
			text := strings.TrimRight(trimmed, " \t\u3000")
			row[i].Pos = diag.Pos{File: file, Line: l.line, Col: col}
			if text != "" {
				row[i].Runs = inline(file, []lineRef{{text: text, line: l.line, col: col}}, errs)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	b := &doc.Block{Kind: doc.Table, Pos: at(lines[0]), Table: t}
	if title.text != "" {
		b.Runs = inline(file, []lineRef{title}, errs)
	}
	return b
}

// alignRow says whether cells are an alignment row: ---, :--, --:, :-:.
func alignRow(cells []string) bool {
	for _, c := range cells {
		c = strings.TrimSpace(c)
		c = strings.TrimSuffix(strings.TrimPrefix(c, ":"), ":")
		if len(c) < 1 || strings.Trim(c, "-") != "" {
			return false
		}
	}
	return true
}
