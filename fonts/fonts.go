// Package fonts embeds jianbao's open-licence font files and their licences.
// It does no parsing; see internal/fontset. Provenance is in README.md and
// every file can be regenerated with build.sh.
package fonts

import (
	"embed"
	_ "embed"
)

// FS holds the LICENSES folder and the list of the 8,105 characters of the
// 通用规范汉字表 (tongyong-8105.txt).
//
//go:embed LICENSES tongyong-8105.txt
var FS embed.FS

// The font files, each embedded as a byte slice: the bytes are part of the
// binary's data and are paged in as they are read, never copied, so a build
// that uses four faces touches only the parts of them it reads.
var (
	//go:embed FandolFang-Regular.ttf
	fandolFang []byte
	//go:embed NotoSerifSC-Bold.ttf
	notoSerifBold []byte
	//go:embed NotoSerifCJKsc-Regular.ttf
	notoSerifCJKRegular []byte
	//go:embed NotoSansSC-Medium.ttf
	notoSansMedium []byte
	//go:embed gkai00mp.ttf
	gkai []byte
	//go:embed LiberationSerif-Regular.ttf
	liberationRegular []byte
	//go:embed LiberationSerif-Bold.ttf
	liberationBold []byte
)

var data = map[string][]byte{
	"FandolFang-Regular.ttf":      fandolFang,
	"NotoSerifSC-Bold.ttf":        notoSerifBold,
	"NotoSerifCJKsc-Regular.ttf":  notoSerifCJKRegular,
	"NotoSansSC-Medium.ttf":       notoSansMedium,
	"gkai00mp.ttf":                gkai,
	"LiberationSerif-Regular.ttf": liberationRegular,
	"LiberationSerif-Bold.ttf":    liberationBold,
}

// Data returns the bytes of an embedded font file (nil if there is none).
// Callers must not modify them.
func Data(file string) []byte { return data[file] }

// TotalBytes is the size of all embedded font files.
func TotalBytes() int {
	n := 0
	for _, d := range data {
		n += len(d)
	}
	return n
}

// Info describes one embedded face.
type Info struct {
	File    string // file name in FS
	Family  string // printed name
	Style   string // 仿宋, 宋体, 黑体, 楷体, Latin
	License string
	Source  string // package it comes from
}

// Faces lists the embedded faces, by the name layouts use for them.
var Faces = map[string]Info{
	"FandolFang-Regular":      {"FandolFang-Regular.ttf", "FandolFang Regular", "仿宋", "GPL-3.0 + font exception", "Debian texlive-lang-chinese 2022.20230122-1 (converted to glyf)"},
	"NotoSerifSC-Bold":        {"NotoSerifSC-Bold.ttf", "Noto Serif SC Bold", "小标宋", "OFL-1.1", "npm @expo-google-fonts/noto-serif-sc 0.4.3 (GB 2312 subset)"},
	"NotoSerifCJKsc-Regular":  {"NotoSerifCJKsc-Regular.ttf", "Noto Serif CJK SC Subset", "宋体", "OFL-1.1", "Debian fonts-noto-cjk 1:20240730+repack1-1 (Noto Serif CJK 2.003; GB 18030 level 1 + 通用规范汉字表 subset, glyf)"},
	"NotoSansSC-Medium":       {"NotoSansSC-Medium.ttf", "Noto Sans SC Medium", "黑体", "OFL-1.1", "npm @expo-google-fonts/noto-sans-sc 0.4.3 (GB 2312 subset)"},
	"gkai00mp":                {"gkai00mp.ttf", "AR PL KaitiM GB", "楷体", "Arphic Public License", "Debian fonts-arphic-gkai00mp 2.11-16"},
	"LiberationSerif-Regular": {"LiberationSerif-Regular.ttf", "Liberation Serif", "Latin", "OFL-1.1", "Debian fonts-liberation2 2.1.5-1"},
	"LiberationSerif-Bold":    {"LiberationSerif-Bold.ttf", "Liberation Serif Bold", "Latin", "OFL-1.1", "Debian fonts-liberation2 2.1.5-1"},
}
