// Package cli implements jianbao's commands; cmd/jianbao only wires them
// to cobra. Every function writes user messages to stderr and returns the
// process exit code: 0 success, 1 a problem in the user's input, 2 usage.
package cli

import (
	"bytes"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"
	"time"

	"jianbao/fonts"
	"jianbao/internal/build"
	"jianbao/internal/charset"
	"jianbao/internal/diag"
	"jianbao/internal/display"
	"jianbao/internal/fontset"
	"jianbao/internal/layout"
	"jianbao/internal/manuscript"
	"jianbao/internal/sysfont"
)

// Exit codes.
const (
	ExitOK    = 0
	ExitInput = 1
	ExitUsage = 2
)

// BuildOptions are the flags of `jianbao build`.
type BuildOptions struct {
	Out  string // only with one manifest
	Dump string // layout dump file; only with one manifest
	// Copies numbers copies (1-120, 5, 1-3,7): one PDF per copy, each
	// with its 份号; only with one manifest.
	Copies string
}

// Build builds one or more issues, in parallel; the exit status is the worst.
func Build(manifests []string, opt BuildOptions, stdout, stderr io.Writer) int {
	if opt.Copies != "" {
		return buildCopies(manifests, opt, stdout, stderr)
	}
	if len(manifests) > 1 && (opt.Out != "" || opt.Dump != "") {
		fmt.Fprintln(stderr, "jianbao: 同时构建多期时不能使用 -o 或 --dump；每期的 PDF 写在各自清单旁边")
		return ExitUsage
	}
	codes := make([]int, len(manifests))
	outs := make([]bytes.Buffer, len(manifests))
	errs := make([]bytes.Buffer, len(manifests))
	var wg sync.WaitGroup
	sem := make(chan struct{}, maxProcs())
	for i, m := range manifests {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			codes[i] = buildOne(m, opt, &outs[i], &errs[i])
		}()
	}
	wg.Wait()
	worst := ExitOK
	for i := range manifests {
		stdout.Write(outs[i].Bytes())
		stderr.Write(errs[i].Bytes())
		worst = max(worst, codes[i])
	}
	return worst
}

func buildOne(manifest string, opt BuildOptions, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "%s: jianbao 内部错误（%v）；请报告这个问题并附上清单和文章\n", manifest, r)
			code = ExitInput
		}
	}()
	start := time.Now()
	out, ok := outputFile(manifest, opt.Out, stderr)
	if !ok {
		return ExitInput
	}
	res, errs := build.Build(manifest)
	var notes diag.List
	if res != nil {
		notes = res.Notes
	}
	if inputProblems(manifest, notes, errs, stderr) || !writeDump(opt.Dump, res.Doc, stderr) {
		return ExitInput
	}
	if err := writeOutput(out, res.PDF); err != nil {
		fmt.Fprintln(stderr, outputError(out, " PDF", err))
		return ExitInput
	}
	fmt.Fprintf(stdout, "%s: %d 页，%d 字节，用时 %d 毫秒%s\n", out, len(res.Doc.Pages), len(res.PDF), time.Since(start).Milliseconds(), sparse(res.Doc))
	return ExitOK
}

// sparse names the pages, other than the last, that are less than two
// thirds full, for the build's summary line.
func sparse(d *display.Document) string {
	var ps []string
	for i, p := range d.Pages[:max(0, len(d.Pages)-1)] {
		if p.Rows > 0 && 3*p.Fill < 2*p.Rows {
			ps = append(ps, strconv.Itoa(i+1))
		}
	}
	if len(ps) == 0 {
		return ""
	}
	return "；第 " + strings.Join(ps, "、") + " 页不足三分之二"
}

func pathErr(err error) string {
	if pe, ok := err.(*fs.PathError); ok {
		if os.IsPermission(pe.Err) {
			return "没有写入权限"
		}
		return pe.Err.Error()
	}
	return err.Error()
}

// printNotes writes notes to w, one line each, as "FILE:LINE:COL: 提示：…".
func printNotes(w io.Writer, notes diag.List) {
	for _, n := range notes {
		e := *n
		e.Msg = "提示：" + e.Msg
		fmt.Fprintln(w, e.Error())
	}
}

// Check validates an issue and writes nothing, except with fix: then the
// safe copy-editing repairs are made in the Markdown articles, in place
// and atomically, and listed. Copy-editing warnings never change the exit
// status.
func Check(manifest string, fix bool, stdout, stderr io.Writer) int {
	res, _, errs := build.Check(manifest)
	if res != nil {
		printNotes(stderr, res.Notes)
	}
	warnings, fixes := build.Proofread(manifest)
	fixed := 0
	if fix {
		files := make([]string, 0, len(fixes))
		for f := range fixes {
			files = append(files, f)
		}
		sort.Strings(files)
		for _, f := range files {
			n, err := fixFile(f, fixes[f], stdout)
			if err != nil {
				fmt.Fprintf(stderr, "%s: 无法改写文件（%v）；请检查文件权限\n", f, pathErr(err))
				return ExitInput
			}
			fixed += n
		}
		if fixed > 0 {
			// report what is left after the repairs
			warnings, _ = build.Proofread(manifest)
			res, _, errs = build.Check(manifest)
		}
	}
	printNotes(stderr, warnings)
	if len(errs) > 0 {
		fmt.Fprintln(stderr, errs.Error())
		fmt.Fprintf(stderr, "%s: 共 %d 处问题\n", manifest, len(errs))
		return ExitInput
	}
	var extra []string
	if fixed > 0 {
		extra = append(extra, fmt.Sprintf("已改正 %d 处", fixed))
	}
	if len(warnings) > 0 {
		extra = append(extra, fmt.Sprintf("%d 条校对提示", len(warnings)))
		if !fix && len(fixes) > 0 {
			extra = append(extra, "可安全改正的部分可用 jianbao check --fix 改正")
		}
	}
	tail := ""
	if len(extra) > 0 {
		tail = "；" + strings.Join(extra, "，")
	}
	fmt.Fprintf(stdout, "%s: 没有问题，共 %d 页%s\n", manifest, len(res.Doc.Pages), tail)
	return ExitOK
}

// fixFile applies safe repairs to one Markdown file atomically and lists
// them on stdout.
func fixFile(path string, edits []manuscript.Edit, stdout io.Writer) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	out, done := build.ApplyEdits(string(data), edits)
	if len(done) == 0 {
		return 0, nil
	}
	if err := build.WriteAtomic(path, []byte(out)); err != nil {
		return 0, err
	}
	for _, e := range done {
		fmt.Fprintf(stdout, "%s: 已改正：“%s”改为“%s”\n", e.Pos, e.Old, e.New)
	}
	return len(done), nil
}

// Fonts lists the embedded faces.
func Fonts(stdout io.Writer) int {
	hanzi := charset.GB2312Hanzi()
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "字体\t风格\t字族\t许可\t字形数\tGB 2312 汉字\t来源")
	for _, n := range fontset.Names() {
		f, err := fontset.Load(n)
		if err != nil {
			fmt.Fprintf(tw, "%s\t\t\t\t\t\t%v\n", n, err)
			continue
		}
		cov := 0
		for _, r := range hanzi {
			if f.Covers(r) {
				cov++
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d/%d\t%s\n", n, f.Info.Style, f.Family(), f.Info.License, f.NumGlyphs(), cov, len(hanzi), f.Info.Source)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\n版式中的字体角色（jianbao 版式）：")
	spec, errs := layout.Load("jianbao", ".", fontsPos())
	if len(errs) == 0 {
		tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		for _, role := range sortedKeys(spec.Fonts) {
			r := spec.Fonts[role]
			fmt.Fprintf(tw, "%s\t%s\t%s\t后备：%s\n", role, r.Name, r.Face, r.Fallback)
		}
		fmt.Fprintf(tw, "latin\tLatin\t%s\t粗体：%s\n", spec.Latin.Regular, spec.Latin.Bold)
		tw.Flush()
	}
	fmt.Fprintf(stdout, "\n内置字体共 %.1f MB；许可证见 fonts/LICENSES\n", float64(fonts.TotalBytes())/1e6)
	installedFonts(stdout)
	return ExitOK
}

// installedFonts lists the installed CJK families jianbao can see, the
// roles they may serve and their coverage, so an editor can check what
// is there before writing a layout.
func installedFonts(stdout io.Writer) {
	dirs := sysfont.Dirs()
	gb2312, gbk, gb18030 := charset.GB2312Hanzi(), charset.GBK(), charset.GB18030Level1()
	fams := sysfont.CJKFamilies(sysfont.Scan(dirs), gb2312, gbk, gb18030)
	fmt.Fprintf(stdout, "\n本机已安装的中文字体（查找了 %s；可用环境变量 JIANBAO_FONT_PATH 增加文件夹）：\n", strings.Join(dirs, "、"))
	if len(fams) == 0 {
		fmt.Fprintln(stdout, "（没有找到）")
		return
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "字族\t可作\t文件\t能否嵌入\tGB 2312 汉字\tGBK\tGB 18030 一级\n")
	for _, f := range fams {
		for _, fc := range f.Faces {
			ok := "可以"
			if fc.Err != nil {
				msg, _, _ := strings.Cut(fc.Err.Error(), "；")
				ok = "不能：" + reason(msg)
			}
			file := fc.Path
			if strings.HasSuffix(strings.ToLower(file), ".ttc") || strings.HasSuffix(strings.ToLower(file), ".otc") {
				file += fmt.Sprintf("（index: %d）", fc.Index)
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d/%d\t%d/%d\t%d/%d\n", strings.Join(f.Names, " / "), roleGuess(f.Names), file, ok,
				fc.Coverage[0], len(gb2312), fc.Coverage[1], len(gbk), fc.Coverage[2], len(gb18030))
		}
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\n在版式中使用：base: jianbao，再写 fonts: {fangsong: {face: 字族名}}，或 {file: 字体文件, index: N}")
}

// reason shortens a refusal for the listing.
func reason(msg string) string {
	switch {
	case strings.Contains(msg, "CFF"):
		return "CFF 轮廓"
	case strings.Contains(msg, "许可"):
		return "许可禁止嵌入"
	case strings.Contains(msg, "点阵"):
		return "只有点阵"
	}
	return msg
}

// roleGuess says which font roles a family's names suggest.
func roleGuess(names []string) string {
	all := strings.ToLower(strings.Join(names, " "))
	var roles []string
	for _, g := range []struct {
		role string
		keys []string
	}{
		{"xiaobiaosong", []string{"小标宋", "xiaobiaosong", "标宋"}},
		{"fangsong", []string{"仿宋", "fangsong", "fang song"}},
		{"heiti", []string{"黑体", "hei", "正黑", "gothic", "sans"}},
		{"kaiti", []string{"楷", "kai"}},
		{"songti", []string{"宋体", "song", "ming", "明", "serif"}},
	} {
		for _, k := range g.keys {
			if strings.Contains(all, k) {
				roles = append(roles, g.role)
				break
			}
		}
	}
	if len(roles) == 0 {
		return "-"
	}
	return strings.Join(roles, "、")
}

// Layouts lists the built-in layouts.
func Layouts(stdout io.Writer) int {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	for _, n := range layout.BuiltinNames() {
		spec, errs := layout.Load(n, ".", fontsPos())
		if len(errs) > 0 {
			fmt.Fprintf(tw, "%s\t%v\n", n, errs)
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\n", n, spec.Description)
	}
	tw.Flush()
	fmt.Fprintln(stdout, "\n自定义版式：复制 layouts/ 下的文件修改后，在清单中写 layout: 路径/文件.yaml")
	return ExitOK
}

//go:embed all:scaffold
var scaffold embed.FS

// Init creates a new issue folder that builds as is; it never overwrites.
func Init(dir string, stdout, stderr io.Writer) int {
	var files []string
	fs.WalkDir(scaffold, "scaffold", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		dst := filepath.Join(dir, strings.TrimPrefix(f, "scaffold/"))
		if _, err := os.Lstat(dst); err == nil {
			fmt.Fprintf(stderr, "%s: 文件已存在，init 不会覆盖；请换一个空文件夹\n", dst)
			return ExitInput
		}
	}
	for _, f := range files {
		dst := filepath.Join(dir, strings.TrimPrefix(f, "scaffold/"))
		data, _ := scaffold.ReadFile(f)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			fmt.Fprintf(stderr, "%s: 无法创建文件夹（%v）\n", filepath.Dir(dst), pathErr(err))
			return ExitInput
		}
		data = bytes.ReplaceAll(data, []byte("{{DATE}}"), []byte(time.Now().Format("2006-01-02")))
		data = bytes.ReplaceAll(data, []byte("{{YEAR}}"), []byte(time.Now().Format("2006")))
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			fmt.Fprintf(stderr, "%s: 无法写入（%v）\n", dst, pathErr(err))
			return ExitInput
		}
	}
	fmt.Fprintf(stdout, "已在 %s 创建新的一期。构建：jianbao build %s\n", dir, filepath.Join(dir, "bulletin.yaml"))
	return ExitOK
}
