package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Launch runs the command line as Windows users start it: it sets the
// console up for UTF-8 text (and restores it after), treats a manifest
// dropped onto jianbao.exe as `build`, and, when Explorer started the
// program rather than a console, waits for Enter before the window
// closes so the result can be read. Elsewhere it only does the second.
func Launch(args []string, run func([]string) int, stdin io.Reader, stderr io.Writer) int {
	restore := consoleUTF8()
	defer restore()
	return launch(args, run, startedByExplorer(), stdin, stderr)
}

func launch(args []string, run func([]string) int, explorer bool, stdin io.Reader, stderr io.Writer) int {
	if explorer && len(args) == 0 {
		fmt.Fprintln(stderr, "jianbao 是命令行程序：把简报清单（bulletin.yaml）拖到 jianbao.exe 上即生成 PDF；其他用法请在命令提示符中运行 jianbao --help")
	}
	var code int
	if msg := droppedArticle(args); msg != "" {
		fmt.Fprintln(stderr, msg)
		code = ExitUsage
	} else {
		code = run(DroppedArgs(args))
	}
	if explorer {
		fmt.Fprint(stderr, "按回车键关闭窗口……")
		bufio.NewReader(stdin).ReadString('\n')
	}
	return code
}

// DroppedArgs turns a lone manifest argument (what Explorer passes when a
// bulletin.yaml is dropped onto jianbao.exe) into `build MANIFEST`; any
// other command line is returned as it is.
func DroppedArgs(args []string) []string {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		return args
	}
	lower := strings.ToLower(args[0])
	if strings.HasSuffix(lower, ".yaml") || strings.HasSuffix(lower, ".yml") {
		return []string{"build", args[0]}
	}
	// an issue folder dropped onto the program builds its manifest
	if st, err := os.Stat(args[0]); err == nil && st.IsDir() && !commands[args[0]] {
		if m, msg := FindManifest(args[0]); msg == "" {
			return []string{"build", m}
		}
		return []string{"build", args[0]} // build says what the folder lacks
	}
	return args
}

// commands are the subcommands, which a folder of the same name does not
// hide.
var commands = map[string]bool{"build": true, "check": true, "import": true, "init": true, "fonts": true,
	"layouts": true, "version": true, "diff": true, "help": true}

// droppedArticle is the message for an article file dropped onto the
// program (or given alone): it is the manifest that builds an issue.
func droppedArticle(args []string) string {
	if len(args) != 1 {
		return ""
	}
	switch strings.ToLower(filepath.Ext(args[0])) {
	case ".md", ".docx", ".txt", ".doc", ".wps":
	default:
		return ""
	}
	if st, err := os.Stat(args[0]); err != nil || !st.Mode().IsRegular() {
		return ""
	}
	return fmt.Sprintf("jianbao: %s 是文章文件；请把这一期的清单 bulletin.yaml 拖到 jianbao 上（或运行 jianbao build 清单），要把稿件转成 Markdown 请用 jianbao import %s", args[0], args[0])
}

// startedByExplorer: on Windows, a console window that holds only our
// process was opened for us (by Explorer, a drop or a double click) and
// closes when we end; see consoleProcesses.
func startedByExplorer() bool { return explorerConsole(consoleProcesses()) }

// explorerConsole says whether a console shared by n processes was made
// for this process alone (n == 1). 0 means no console or not Windows.
func explorerConsole(n int) bool { return n == 1 }

// switchCodePage sets the console's output code page to UTF-8 (65001)
// through set when get reports another, and returns the function that
// puts the old one back. get returning 0 means no console: nothing to do.
func switchCodePage(get func() uint32, set func(uint32) bool) (restore func()) {
	const utf8CodePage = 65001
	old := get()
	if old == 0 || old == utf8CodePage || !set(utf8CodePage) {
		return func() {}
	}
	return func() { set(old) }
}
