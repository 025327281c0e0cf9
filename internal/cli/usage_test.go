package cli

import (
	"errors"
	"testing"
)

// The parser's messages that no command of today produces on its own
// are translated too; an unknown one is still one Chinese line.
func TestUsageMessage(t *testing.T) {
	for _, c := range []struct{ en, cmd, want string }{
		{"requires at least 1 arg(s), only received 0", "jianbao build", "jianbao: jianbao build 至少需要 1 个参数，只给了 0 个；用法见 jianbao build --help"},
		{"accepts between 1 and 2 arg(s), received 3", "jianbao x", "jianbao: jianbao x 需要 1 到 2 个参数，给了 3 个；用法见 jianbao x --help"},
		{`invalid argument "abc" for "--copies" flag: strconv.ParseInt: parsing "abc": invalid syntax`, "jianbao build", "jianbao: 选项 --copies 的值“abc”不对；用法见 jianbao build --help"},
		{"flag needs an argument: --dump", "jianbao build", "jianbao: 选项 --dump 后面要跟一个值；用法见 jianbao build --help"},
		{"bad flag syntax: ---x", "jianbao build", "jianbao: 选项写法不对：---x；用法见 jianbao build --help"},
		{"something new", "jianbao", "jianbao: 命令行用法不对（something new）；用法见 jianbao --help"},
	} {
		if got := UsageMessage(errors.New(c.en), c.cmd); got != c.want {
			t.Errorf("%q:\n got %s\nwant %s", c.en, got, c.want)
		}
	}
}
