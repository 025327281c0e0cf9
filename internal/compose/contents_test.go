package compose

import "testing"

// A title's editor spaces and full-width spaces do not print in the
// contents, as they do not inside a title line; Latin words keep theirs.
func TestDropTitleSpaces(t *testing.T) {
	for in, want := range map[string]string{
		"快递小哥“随手报” 处置险情显成效": "快递小哥“随手报”处置险情显成效",
		"上海市邮政管理局　党组召开会议":   "上海市邮政管理局党组召开会议",
		"推广 Open Source 软件": "推广Open Source软件",
		" 标题 ":              "标题",
		"App  上线":           "App上线",
	} {
		if got := dropTitleSpaces(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}
