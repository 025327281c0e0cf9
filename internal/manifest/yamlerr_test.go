package manifest

import (
	"path/filepath"
	"strings"
	"testing"
)

// YAML syntax errors come out in Chinese with their line; a key followed
// by a full-width colon gets its own hint, also where YAML itself would
// quietly have joined the line to the value above.
func TestYAMLSyntaxInChinese(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"full-width colon", "masthead:\n  - 工作简报\neditor：党建办编\ndate: 2026-03-27\n",
			"3:7: YAML 格式错误：这里用了中文冒号“：”，YAML 需要英文冒号 “:”；请改成英文冒号并在后面空一格"},
		{"full-width colon YAML accepts", "masthead:\n  - 上海\n  - 简报\nissue：{year: 2026}\n",
			"4:6: YAML 格式错误：这里用了中文冒号“：”，YAML 需要英文冒号 “:”；请改成英文冒号并在后面空一格"},
		{"full-width colon in a list item", "distribution:\n  - label：报\n    to: [甲]\n",
			"2:10: YAML 格式错误：这里用了中文冒号“：”，YAML 需要英文冒号 “:”；请改成英文冒号并在后面空一格"},
		{"no colon", "masthead:\n  - 工作简报\neditor 党建办编\ndate: 2026-03-27\n",
			"3: YAML 格式错误：这一行缺少“字段: 值”中的冒号；每个字段写成“名称: 值”，冒号是英文冒号，后面空一格；一行只能是字段、列表项“- ”或注释“#”"},
		{"colon in a value", "masthead:\n  - 工作简报\neditor: 党建办: 编\n",
			"3: YAML 格式错误：这一行的值里又出现了“: ”，或缩进不对；值里含冒号时请给整个值加引号，如 editor: \"党建办: 编\"；否则请检查这一行的缩进"},
		{"tab before a list item", "masthead:\n\t- 工作简报\n",
			"2:1: YAML 格式错误：这一行用了制表符（Tab）缩进；YAML 只能用空格缩进；请把 Tab 换成空格"},
		{"tab before a key", "issue:\n  year: 2026\n\tnumber: 9\n",
			"3:1: YAML 格式错误：这一行用了制表符（Tab）缩进；YAML 只能用空格缩进；请把 Tab 换成空格"},
		{"misaligned", "issue:\n  year: 2026\n number: 9\n",
			"3: YAML 格式错误：缩进没有对齐；同一层的字段应左边对齐，下一层比上一层多缩进两个空格"},
		{"unclosed quote", "editor: \"党建办\ndate: 2026-03-27\n",
			"3: YAML 格式错误：引号没有配对，文件在引号中间结束了；请检查这一行或上面几行的引号，补上结尾的引号"},
		{"value starting with @", "editor: @党建办\n",
			"1: YAML 格式错误：值不能以“@”或“`”开头；请给这个值加引号"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "b.yaml")
			_, errs := Parse(file, []byte(c.src))
			if len(errs) != 1 {
				t.Fatalf("%d errors: %v", len(errs), errs)
			}
			got := strings.TrimPrefix(errs[0].Error(), file+":")
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			if strings.Contains(got, "\n") || strings.Contains(got, "expected") || strings.Contains(got, "found") {
				t.Errorf("not one Chinese line: %q", got)
			}
		})
	}
}
