package cli

import (
	"fmt"
	"regexp"
	"strings"
)

// usageRules turn the command-line parser's English messages into Chinese.
var usageRules = []struct {
	re *regexp.Regexp
	zh func(m []string, cmd string) string
}{
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 至少需要 %s 个参数，只给了 %s 个", cmd, m[1], m[2])
	}},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 需要 %s 个参数，给了 %s 个", cmd, m[1], m[2])
	}},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 最多接受 %s 个参数，给了 %s 个", cmd, m[1], m[2])
	}},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 需要 %s 到 %s 个参数，给了 %s 个", cmd, m[1], m[2], m[3])
	}},
	{regexp.MustCompile(`^unknown command "(.*?)" for "(jianbao [^"]*)"`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 不接受参数，多给了“%s”", m[2], m[1])
	}},
	{regexp.MustCompile(`^unknown command "(.*?)" for "jianbao"`), func(m []string, cmd string) string {
		return fmt.Sprintf("没有“%s”这个命令", m[1])
	}},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 没有 -%s 这个选项", cmd, m[1])
	}},
	{regexp.MustCompile(`^unknown flag: (\S+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("%s 没有 %s 这个选项", cmd, m[1])
	}},
	{regexp.MustCompile(`^flag needs an argument: '(.)' in (.*)`), func(m []string, cmd string) string {
		return fmt.Sprintf("选项 -%s 后面要跟一个值", m[1])
	}},
	{regexp.MustCompile(`^flag needs an argument: (\S+)`), func(m []string, cmd string) string {
		return fmt.Sprintf("选项 %s 后面要跟一个值", m[1])
	}},
	{regexp.MustCompile(`^invalid argument "(.*?)" for "(.*?)" flag`), func(m []string, cmd string) string {
		return fmt.Sprintf("选项 %s 的值“%s”不对", m[2], m[1])
	}},
	{regexp.MustCompile(`^bad flag syntax: (.*)`), func(m []string, cmd string) string {
		return fmt.Sprintf("选项写法不对：%s", m[1])
	}},
}

var suggestion = regexp.MustCompile(`Did you mean this\?\s+(\S+)`)

// UsageMessage turns a command-line parsing error into one Chinese line:
// what is wrong, and where the usage is. cmd is the command that was
// being run ("jianbao build"), or "jianbao".
func UsageMessage(err error, cmd string) string {
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	help := "jianbao --help"
	if cmd != "" && cmd != "jianbao" {
		help = cmd + " --help"
	}
	for _, r := range usageRules {
		if m := r.re.FindStringSubmatch(first); m != nil {
			out := "jianbao: " + r.zh(m, cmd)
			if s := suggestion.FindStringSubmatch(msg); s != nil {
				return out + "；是不是要用 jianbao " + s[1] + "？用法见 " + help
			}
			return out + "；用法见 " + help
		}
	}
	return "jianbao: 命令行用法不对（" + first + "）；用法见 " + help
}

// UsageTemplate is the command-line parser's usage text, in Chinese.
const UsageTemplate = `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} 命令 …{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

通用选项：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

某个命令的用法：{{.CommandPath}} 命令 --help{{end}}
`

// HelpFlagUsage and HelpCommandShort replace the parser's English texts.
const (
	HelpFlagUsage    = "显示这个命令的用法"
	HelpCommandShort = "显示某个命令的用法 (help about a command)"
)
