// Command jianbao typesets a Chinese government work bulletin (工作简报)
// from an issue manifest and Markdown articles into a print-ready PDF.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"jianbao/internal/cli"
)

func main() {
	os.Exit(cli.Launch(os.Args[1:], run, os.Stdin, os.Stderr))
}

type usageError struct{ error }

func run(args []string) int {
	code := cli.ExitOK
	// cobra's own Explorer check would refuse a manifest dropped onto
	// jianbao.exe; cli.Launch handles Explorer starts instead
	cobra.MousetrapHelpText = ""
	var opt cli.BuildOptions
	var watch, fix bool
	var importOut string
	root := &cobra.Command{
		Use:           "jianbao",
		Short:         "jianbao 简报排版：把清单和文章排成可付印的工作简报 PDF (typesets a work bulletin as PDF)",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	buildCmd := &cobra.Command{
		Use:   "build [MANIFEST...] [-o OUT.pdf] [--dump FILE] [--watch] [--copies 1-120]",
		Short: "排版并生成 PDF；不给清单时用当前文件夹的 bulletin.yaml (typeset the issue)",
		Args:  cobra.ArbitraryArgs,
		Run: func(c *cobra.Command, a []string) {
			if a, code = cli.ManifestArgs("build", a, os.Stderr); code != cli.ExitOK {
				return
			}
			if !watch {
				code = cli.Build(a, opt, os.Stdout, os.Stderr)
				return
			}
			if len(a) != 1 {
				fmt.Fprintln(os.Stderr, "jianbao: --watch 一次只监视一期；请只给一个清单")
				code = cli.ExitUsage
				return
			}
			if opt.Copies != "" {
				fmt.Fprintln(os.Stderr, "jianbao: --watch 与 --copies 不能同时使用；编号印制时请去掉 --watch")
				code = cli.ExitUsage
				return
			}
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			code = cli.Watch(ctx, a[0], opt, cli.WatchInterval, os.Stdout, os.Stderr)
		},
	}
	buildCmd.Flags().BoolVarP(&watch, "watch", "w", false, "文件改动后自动重新生成（监视清单、文章、图片和版式）")
	buildCmd.Flags().StringVarP(&opt.Out, "output", "o", "", "把 PDF 写到 `OUT.pdf`（默认与清单同名）")
	buildCmd.Flags().StringVar(&opt.Dump, "dump", "", "同时把排版记录写到 `FILE`（每行一个排印项）")
	buildCmd.Flags().StringVar(&opt.Copies, "copies", "", "编号印制：份号范围 `RANGE` 如 1-120、5、1-3,7，每份一个 PDF（OUT-000001.pdf …），第 1 页左上角印六位份号")
	checkCmd := &cobra.Command{
		Use:   "check [MANIFEST] [--fix]",
		Short: "检查清单、文章、字体和版式，并给出校对提示；不写文件 (validate and proofread)",
		Args:  cobra.MaximumNArgs(1),
		Run: func(c *cobra.Command, a []string) {
			if a, code = cli.ManifestArgs("check", a, os.Stderr); code == cli.ExitOK {
				code = cli.Check(a[0], fix, os.Stdout, os.Stderr)
			}
		},
	}
	checkCmd.Flags().BoolVar(&fix, "fix", false, "就地改正 Markdown 文章中可安全改正的标点和空格，并逐条列出")
	importCmd := &cobra.Command{
		Use:   "import FILE.docx|FILE.txt [-o OUT.md]",
		Short: "把 Word 或纯文本稿件转换为可继续编辑的 Markdown 文章 (convert a manuscript to Markdown)",
		Args:  cobra.ExactArgs(1),
		Run:   func(c *cobra.Command, a []string) { code = cli.Import(a[0], importOut, os.Stdout, os.Stderr) },
	}
	importCmd.Flags().StringVarP(&importOut, "output", "o", "", "把 Markdown 写到 `OUT.md`（默认与稿件同名，扩展名 .md）；图片写在它旁边")
	root.AddCommand(buildCmd,
		checkCmd,
		importCmd,
		&cobra.Command{
			Use:   "init DIR",
			Short: "新建一期简报的文件夹 (scaffold a new issue)",
			Args:  cobra.ExactArgs(1),
			Run:   func(c *cobra.Command, a []string) { code = cli.Init(a[0], os.Stdout, os.Stderr) },
		},
		&cobra.Command{
			Use:   "diff OLD NEW",
			Short: "比较两次排版（排版记录或 jianbao 生成的 PDF），逐页列出变化；相同返回 0，不同返回 1，文件读不了或没有排版记录返回 2 (compare two layouts)",
			Args:  cobra.ExactArgs(2),
			Run:   func(c *cobra.Command, a []string) { code = cli.Diff(a[0], a[1], os.Stdout, os.Stderr) },
		},
		&cobra.Command{
			Use:   "fonts",
			Short: "列出内置字体 (list embedded fonts)",
			Args:  cobra.NoArgs,
			Run:   func(c *cobra.Command, a []string) { code = cli.Fonts(os.Stdout) },
		},
		&cobra.Command{
			Use:   "layouts",
			Short: "列出内置版式 (list built-in layouts)",
			Args:  cobra.NoArgs,
			Run:   func(c *cobra.Command, a []string) { code = cli.Layouts(os.Stdout) },
		},
		&cobra.Command{
			Use:   "version",
			Short: "显示版本、提交、平台和字体集 (print the version)",
			Args:  cobra.NoArgs,
			Run:   func(c *cobra.Command, a []string) { code = cli.PrintVersion(os.Stdout) },
		},
	)
	chinese(root)
	root.SetArgs(args)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error { return usageError{err} })
	if c, err := root.ExecuteC(); err != nil {
		fmt.Fprintln(os.Stderr, cli.UsageMessage(err, c.CommandPath()))
		return cli.ExitUsage
	}
	return code
}

// chinese puts the parser's own texts (usage, -h, help) in Chinese.
func chinese(root *cobra.Command) {
	root.SetUsageTemplate(cli.UsageTemplate)
	root.CompletionOptions.DisableDefaultCmd = true
	root.InitDefaultHelpCmd()
	for _, c := range append(root.Commands(), root) {
		c.InitDefaultHelpFlag()
		c.DisableFlagsInUseLine = true
		c.Flags().Lookup("help").Usage = cli.HelpFlagUsage
		if c.Name() == "help" {
			c.Short = cli.HelpCommandShort
		}
	}
}
