package manifest

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"jianbao/internal/diag"
)

// FullWidthColonHint is the advice for a key followed by “：”.
const FullWidthColonHint = "这里用了中文冒号“：”，YAML 需要英文冒号 “:”"

// keyFullWidth matches a line whose key (ASCII, as every manifest and
// layout key is) is followed by a full-width colon: "editor：…",
// "  - label：报".
var keyFullWidth = regexp.MustCompile(`^(\s*(?:-\s+)?)[A-Za-z_][A-Za-z0-9_.-]*\s*：`)

// FullWidthColon finds the first line of a YAML text that uses a
// full-width colon “：” after a key. YAML does not take it for a
// separator: the line either breaks the syntax or, worse, silently joins
// the value above it, so it is looked for before parsing.
func FullWidthColon(file string, data []byte) (diag.Pos, bool) {
	for i, ln := range strings.Split(string(data), "\n") {
		if m := keyFullWidth.FindString(ln); m != "" {
			col := utf8.RuneCountInString(m) // the colon's column, from 1
			return diag.Pos{File: file, Line: i + 1, Col: col}, true
		}
	}
	return diag.Pos{}, false
}

// yamlMessages translate yaml.v3's syntax errors: the problem, and what
// to do. what is "清单" or "版式文件".
var yamlMessages = []struct{ en, problem, fix string }{
	{"could not find expected ':'", "这一行缺少“字段: 值”中的冒号", "每个字段写成“名称: 值”，冒号是英文冒号，后面空一格；一行只能是字段、列表项“- ”或注释“#”"},
	{"mapping values are not allowed in this context", "这一行的值里又出现了“: ”，或缩进不对", "值里含冒号时请给整个值加引号，如 editor: \"党建办: 编\"；否则请检查这一行的缩进"},
	{"found a tab character that violates indentation", "这一行用了制表符（Tab）缩进", "YAML 只能用空格缩进；请把 Tab 换成空格"},
	{"block sequence entries are not allowed in this context", "列表项“- ”和字段写在了同一行", "请把列表项另起一行，缩进两个空格，写成“  - 第一项”"},
	{"did not find expected ',' or ']'", "方括号 [ ] 没有配对，或列表项之间缺少逗号", "请补上“]”，列表项之间用英文逗号分隔"},
	{"did not find expected ',' or '}'", "花括号 { } 没有配对，或字段之间缺少逗号", "请补上“}”，字段之间用英文逗号分隔"},
	{"did not find expected '-' indicator", "列表项没有对齐", "同一列表的每一项都以“- ”开头，并且左边对齐"},
	{"did not find expected key", "缩进没有对齐", "同一层的字段应左边对齐，下一层比上一层多缩进两个空格"},
	{"did not find expected node content", "这里缺少值", "请在冒号或“- ”后面写出值"},
	{"found unexpected end of stream", "引号没有配对，文件在引号中间结束了", "请检查这一行或上面几行的引号，补上结尾的引号"},
	{"found unknown escape character", "双引号里的反斜杠“\\”后面不是合法的转义", "请改用单引号，或把“\\”写成“\\\\”"},
	{"did not find expected alphabetic or numeric character", "“&”或“*”在 YAML 中有特殊含义", "以它开头的值请加引号"},
	{"control characters are not allowed", "文件中有控制字符", "请删除这些不可见字符，或重新保存为纯文本"},
}

// YAMLSyntax translates a syntax error yaml.v3 gave for file (whose text
// is data) into a position, a problem and a fix, in Chinese. A tab in
// the indentation and a full-width colon after a key get their own
// advice wherever yaml.v3 noticed the trouble.
func YAMLSyntax(file string, data []byte, err error) (diag.Pos, string, string) {
	s := err.Error()
	pos := yamlErrPos(file, err)
	lines := strings.Split(string(data), "\n")
	if pos.Line > len(lines) {
		pos.Line = len(lines)
	}
	if p, ok := FullWidthColon(file, data); ok {
		return p, "YAML 格式错误：" + FullWidthColonHint, "请改成英文冒号并在后面空一格"
	}
	if strings.Contains(s, "cannot start any token") || strings.Contains(s, "tab character") {
		for i, ln := range lines {
			if indent := ln[:len(ln)-len(strings.TrimLeft(ln, " \t-"))]; strings.Contains(indent, "\t") {
				return diag.Pos{File: file, Line: i + 1, Col: strings.IndexByte(ln, '\t') + 1}, "YAML 格式错误：这一行用了制表符（Tab）缩进", "YAML 只能用空格缩进；请把 Tab 换成空格"
			}
		}
		for i, ln := range lines {
			if _, v, ok := strings.Cut(ln, ": "); ok && strings.ContainsAny(strings.TrimSpace(v)[:min(1, len(strings.TrimSpace(v)))], "@`") {
				return diag.Pos{File: file, Line: i + 1}, "YAML 格式错误：值不能以“@”或“`”开头", "请给这个值加引号"
			}
		}
		return pos, "YAML 格式错误：这里有 YAML 不认识的字符", "请检查这一行：缩进只能用空格，以特殊符号开头的值请加引号"
	}
	for _, m := range yamlMessages {
		if strings.Contains(s, m.en) {
			if pos.Line == 0 && m.en == "found unknown escape character" {
				for i, ln := range lines {
					if strings.Contains(ln, "\"") && strings.Contains(ln, "\\") {
						pos.Line = i + 1
						break
					}
				}
			}
			return pos, "YAML 格式错误：" + m.problem, m.fix
		}
	}
	return pos, "YAML 格式错误：" + yamlErrMsg(err), "请检查缩进和冒号"
}

// yamlErrPos reads the line from a yaml.v3 error.
func yamlErrPos(file string, err error) diag.Pos {
	s := err.Error()
	if i := strings.Index(s, "line "); i >= 0 {
		j := i + 5
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if n, e := strconv.Atoi(s[i+5 : j]); e == nil {
			// yaml.v3 numbers the lines of parser errors ("did not find
			// expected …") from 0 and those of scanner errors from 1
			if strings.Contains(s, "did not find expected") {
				n++
			}
			return diag.Pos{File: file, Line: n}
		}
	}
	return diag.Pos{File: file}
}

func yamlErrMsg(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "yaml: ")
	if i := strings.Index(s, ": "); i >= 0 && strings.HasPrefix(s, "line ") {
		s = s[i+2:]
	}
	return s
}
