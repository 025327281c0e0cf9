// Package sysfont finds and opens the fonts installed on the machine, so that
// an office can typeset with the faces it owns (方正小标宋简体, 仿宋_GB2312,
// 黑体, 楷体_GB2312 …) instead of the open-licence faces embedded in jianbao.
//
// It never uses cgo, fontconfig's library or fc-list; it reads font files
// itself, and only the parts it needs:
//
//	Dirs() []string
//		The folders to search, in order: $JIANBAO_FONT_PATH (a list
//		separated by os.PathListSeparator), then the system's folders —
//		Linux and the BSDs: $XDG_DATA_HOME/fonts, ~/.local/share/fonts,
//		~/.fonts, /usr/local/share/fonts, /usr/share/fonts and the <dir>
//		entries of /etc/fonts/fonts.conf (or $FONTCONFIG_FILE) and the files
//		it <include>s; Windows: %WINDIR%\Fonts and
//		%LOCALAPPDATA%\Microsoft\Windows\Fonts; macOS: /System/Library/Fonts,
//		/Library/Fonts, ~/Library/Fonts. Only folders that exist, each once.
//
//	Scan(dirs []string) []Font
//		Every face of every .ttf, .ttc, .otf and .otc file below the folders
//		(recursively; symlinks followed, loops not; at most 20,000 files;
//		files over 100 MB skipped; damaged files and faces skipped), sorted
//		by path and index. Only the table directory and the name, OS/2 and
//		maxp tables are read.
//
//	Find(fonts []Font, name string) []Font
//		The faces with a family name equal to name: exact matches first,
//		then matches ignoring case and full-width letters, then — only if
//		they all name one family — matches that also ignore spaces, '-' and
//		'_' (so "仿宋GB2312" finds 仿宋_GB2312).
//
//	Open(path string, index int) ([]byte, Font, error)
//		One face as the bytes of a standalone TrueType font, usable exactly
//		like an embedded .ttf: a single-font file is returned as is; a face
//		of a collection (.ttc), or a font whose tables are not 4-byte
//		aligned, is rebuilt as a font of its own (tables copied, 4-byte
//		aligned, checksums and head.checkSumAdjustment recomputed, DSIG
//		dropped). The result has been parsed with x/image/font/sfnt. Errors are *Error values that match,
//		with errors.Is, one of ErrNotFound, ErrIndex, ErrCFF, ErrBitmap,
//		ErrRestricted, ErrDamaged; Error() is a one-line Chinese message in
//		the “问题；怎么办” form.
//
//	Coverage(data []byte, runes []rune) int
//		How many of runes the font's cmap maps to a real glyph.
//
//	CJKFamilies(fonts []Font, sets ...[]rune) []Family
//		The families that cover the CJK Unified Ideographs broadly (at least
//		MinHan of U+4E00–U+9FFF), with their faces, whether each can be
//		embedded and how many runes of each caller-supplied set (GB 2312,
//		GBK, GB 18030 …) each face covers.
//
// Embedding rules (OS/2 fsType): a face is refused when it has CFF or CFF2
// outlines (the PDF writer embeds TrueType glyf outlines only), no outlines
// at all (bitmap fonts), a restricted licence (bit 0x0002 without a less
// restrictive bit 0x0004 or 0x0008 beside it, which in fonts before OS/2
// version 3 takes precedence), or permission to embed bitmaps only (0x0200).
// Preview & Print (0x0004) and Editable (0x0008) are fine. Bit 0x0100 (no
// subsetting) is reported by Font.NoSubsetting but not refused.
package sysfont

import (
	"errors"
	"fmt"
	"path/filepath"
)

// Font is one face found on the system or in a file.
type Font struct {
	Path  string // file
	Index int    // face index in a collection (0 for a single font)
	// Families holds every family name of the name table (IDs 16 and 1, all
	// platforms and languages), deduplicated, English names first, then
	// Chinese, then others; within a language the typographic family (16)
	// comes before the legacy family (1). Families[0] names the family.
	Families   []string
	Style      string // subfamily (ID 17, else 2), English if there is one: Regular, Bold …
	PostScript string // PostScript name (ID 6), "" if none
	Outline    string // "glyf", "cff" (CFF or CFF2) or "bitmap" (no outlines)
	FsType     uint16 // OS/2 fsType (0 when there is no OS/2 table)
	NumGlyphs  int    // maxp numGlyphs
}

// Name is the face's first family name, or its file name if it has none.
func (f Font) Name() string {
	if len(f.Families) > 0 {
		return f.Families[0]
	}
	if f.PostScript != "" {
		return f.PostScript
	}
	return filepath.Base(f.Path)
}

// fsType bits.
const (
	fsRestricted = 0x0002
	fsPrint      = 0x0004
	fsEditable   = 0x0008
	fsNoSubset   = 0x0100
	fsBitmapOnly = 0x0200
)

// Restricted reports whether the licence forbids embedding the outlines:
// restricted-licence embedding (with no less restrictive bit beside it) or
// bitmap-only embedding.
func (f Font) Restricted() bool {
	if f.FsType&fsBitmapOnly != 0 {
		return true
	}
	return f.FsType&fsRestricted != 0 && f.FsType&(fsPrint|fsEditable) == 0
}

// NoSubsetting reports fsType bit 0x0100: the licence asks that the font
// be embedded whole, not subset.
func (f Font) NoSubsetting() bool { return f.FsType&fsNoSubset != 0 }

// Check says whether Open would accept the face as far as the listing can
// tell without reading its outlines: nil, or an *Error matching ErrRestricted,
// ErrCFF or ErrBitmap (in that order of precedence).
func (f Font) Check() error {
	switch {
	case f.Restricted():
		return &Error{Kind: ErrRestricted, Path: f.Path, Index: f.Index, Family: f.Name(), FsType: f.FsType}
	case f.Outline == "cff":
		return &Error{Kind: ErrCFF, Path: f.Path, Index: f.Index, Family: f.Name()}
	case f.Outline == "bitmap":
		return &Error{Kind: ErrBitmap, Path: f.Path, Index: f.Index, Family: f.Name()}
	}
	return nil
}

// The kinds of error Open returns; match them with errors.Is.
var (
	ErrNotFound   = errors.New("sysfont: font file not found")
	ErrIndex      = errors.New("sysfont: face index out of range")
	ErrCFF        = errors.New("sysfont: CFF outlines cannot be embedded; use a TrueType (.ttf) version of the font")
	ErrBitmap     = errors.New("sysfont: bitmap font without outlines")
	ErrRestricted = errors.New("sysfont: the font's licence forbids embedding")
	ErrDamaged    = errors.New("sysfont: damaged font file")
)

// Error is the error Open returns. Kind is one of the Err… values above.
type Error struct {
	Kind   error
	Path   string
	Index  int
	Faces  int    // ErrIndex: how many faces the file has
	Family string // the face's family name, when known
	FsType uint16 // ErrRestricted: the OS/2 fsType
	Detail string // ErrDamaged, ErrNotFound: what failed
}

func (e *Error) Unwrap() error { return e.Kind }

// Error is a one-line message in Chinese: the problem, then what to do.
func (e *Error) Error() string {
	// what names the face: "Family（path）" or "path "
	what := e.Path + " "
	switch {
	case e.Family != "" && e.Index > 0:
		what = fmt.Sprintf("%s（%s 中的第 %d 号字体）", e.Family, e.Path, e.Index)
	case e.Family != "":
		what = fmt.Sprintf("%s（%s）", e.Family, e.Path)
	}
	switch e.Kind {
	case ErrNotFound:
		return fmt.Sprintf("找不到或无法读取字体文件 %s（%s）；请检查路径", e.Path, e.Detail)
	case ErrIndex:
		return fmt.Sprintf("字体文件 %s 只有 %d 个字体，没有第 %d 个（从 0 数起）；请改用 0 到 %d", e.Path, e.Faces, e.Index, e.Faces-1)
	case ErrCFF:
		return fmt.Sprintf("字体 %s是 CFF（PostScript）轮廓，jianbao 不能嵌入；请改用该字体的 TrueType（.ttf）版本", what)
	case ErrBitmap:
		return fmt.Sprintf("字体 %s只有点阵字形、没有轮廓，不能嵌入 PDF；请改用该字体的 TrueType（.ttf）版本", what)
	case ErrRestricted:
		return fmt.Sprintf("字体 %s的许可禁止嵌入（OS/2 fsType 0x%04X）；请改用许可嵌入的字体或内置字体", what, e.FsType)
	case ErrDamaged:
		return fmt.Sprintf("字体 %s已损坏或无法解析（%s）；请重新安装该字体或改用其他字体", what, e.Detail)
	}
	return fmt.Sprintf("字体 %s：%v", what, e.Kind)
}

func damaged(path string, format string, args ...any) *Error {
	return &Error{Kind: ErrDamaged, Path: path, Detail: fmt.Sprintf(format, args...)}
}
