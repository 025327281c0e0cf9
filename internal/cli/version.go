package cli

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"sort"
	"sync"

	"jianbao/fonts"
)

// Version and Commit are stamped by the release build
// (tools/release.sh: -ldflags "-X jianbao/internal/cli.Version=…").
var (
	Version = "0.1.0"
	Commit  = ""
)

// commit is the stamped commit, else the one the Go toolchain recorded
// from the work tree, else "开发版".
func commit() string {
	if Commit != "" {
		return Commit
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", false
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				dirty = s.Value == "true"
			}
		}
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if rev != "" && dirty {
			rev += "（有未提交的改动）"
		}
		if rev != "" {
			return rev
		}
	}
	return "开发版"
}

var (
	fontSetOnce sync.Once
	fontSet     string
	fontFiles   int
)

// FontSetVersion names the embedded fonts: the first 12 hex digits of the
// SHA-256 of their checksum list, written as fonts/SHA256SUMS is ("HASH
// NAME" lines sorted by name), so `sha256sum fonts/SHA256SUMS` in the
// source tree gives the same digits. Two binaries with the same font set
// version print the same glyphs.
func FontSetVersion() (string, int) {
	fontSetOnce.Do(func() {
		var names []string
		for _, f := range fonts.Faces {
			names = append(names, f.File)
		}
		sort.Strings(names)
		sums := sha256.New()
		for _, n := range names {
			h := sha256.Sum256(fonts.Data(n))
			fmt.Fprintf(sums, "%s  %s\n", hex.EncodeToString(h[:]), n)
		}
		fontSet, fontFiles = hex.EncodeToString(sums.Sum(nil))[:12], len(names)
	})
	return fontSet, fontFiles
}

// PrintVersion writes what `jianbao version` prints: the version, the
// commit, the platform the binary is built for and the font set.
func PrintVersion(w io.Writer) int {
	fs, n := FontSetVersion()
	fmt.Fprintf(w, "jianbao %s\n提交：%s\n平台：%s/%s\n字体集：%s（%d 个内置字体文件）\n", Version, commit(), runtime.GOOS, runtime.GOARCH, fs, n)
	return ExitOK
}
