package layout

import (
	"os"
	"path/filepath"
	"testing"

	"jianbao/internal/diag"
)

// A layout file's YAML syntax errors are translated like the manifest's,
// with the file and line, and the full-width colon hint.
func TestLayoutYAMLSyntax(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct{ src, want string }{
		"full-width colon": {"base: jianbao\nbody：{size: 15pt}\n", "bad.yaml:2:5: 版式 YAML 格式错误：这里用了中文冒号“：”，YAML 需要英文冒号 “:”；请改成英文冒号并在后面空一格"},
		"tab":              {"base: jianbao\nbody:\n\tsize: 15pt\n", "bad.yaml:3:1: 版式 YAML 格式错误：这一行用了制表符（Tab）缩进；YAML 只能用空格缩进；请把 Tab 换成空格"},
		"colon in value":   {"base: jianbao\nname: a: b\n", "bad.yaml:2: 版式 YAML 格式错误：这一行的值里又出现了“: ”，或缩进不对；值里含冒号时请给整个值加引号，如 editor: \"党建办: 编\"；否则请检查这一行的缩进"},
	} {
		p := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(p, []byte(c.src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, errs := Load("bad.yaml", dir, diag.Pos{})
		if len(errs) != 1 || errs[0].Error() != filepath.Join(dir, c.want) {
			t.Errorf("%s: got %v\nwant %s", name, errs, filepath.Join(dir, c.want))
		}
	}
}
