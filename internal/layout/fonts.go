package layout

import (
	"errors"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"jianbao/fonts"
	"jianbao/internal/diag"
	"jianbao/internal/fontset"
	"jianbao/internal/manifest"
	"jianbao/internal/sysfont"
)

// UnmarshalYAML reads a font role and remembers where it was written.
func (r *Role) UnmarshalYAML(n *yaml.Node) error {
	type plain Role
	var p plain
	if err := n.Decode(&p); err != nil {
		return err
	}
	*r = Role(p)
	r.Line, r.Col = n.Line, n.Column
	return nil
}

var (
	scanOnce sync.Once
	scanned  []sysfont.Font
	scanDirs []string
)

// installed lists the fonts installed on this machine, scanned once per
// process and only when a layout names a font that is not embedded.
func installed() ([]sysfont.Font, []string) {
	scanOnce.Do(func() {
		scanDirs = sysfont.Dirs()
		scanned = sysfont.Scan(scanDirs)
	})
	return scanned, scanDirs
}

// resolveFonts makes every role's faces loadable by the rest of jianbao:
// an embedded face is used as named; fonts.ROLE.file (relative to the
// layout file, with index for a face in a collection) or an installed
// font's family name is opened, checked (TrueType outlines, embedding
// allowed) and registered with fontset under a key of its own.
func (s *Spec) resolveFonts(errs *diag.List) {
	names := make([]string, 0, len(s.Fonts))
	for n := range s.Fonts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		r := s.Fonts[name]
		pos := diag.Pos{File: s.File, Line: r.Line, Col: r.Col}
		if r.File != "" {
			path := manifest.Portable(r.File) // written on Windows or elsewhere
			if !filepath.IsAbs(path) {
				path = filepath.Join(filepath.Dir(s.File), path)
			}
			if key, ok := register(path, r.Index, pos, fmt.Sprintf("字体角色 %q 的字体文件", name), errs); ok {
				r.Face = key
			}
		} else if r.Face == "" {
			errs.Add(pos, fmt.Sprintf("字体角色 %q 缺少 face 或 file", name), "face 写内置字体名或已安装字体的名称，file 写字体文件路径")
		} else if key, ok := s.family(r.Face, pos, name, errs); ok {
			r.Face = key
		}
		if r.Fallback != "" {
			if key, ok := s.family(r.Fallback, pos, name, errs); ok {
				r.Fallback = key
			}
		}
		s.Fonts[name] = r
	}
	for _, f := range []*string{&s.Latin.Regular, &s.Latin.Bold} {
		if *f == "" {
			continue
		}
		if key, ok := s.family(*f, diag.Pos{File: s.File}, "latin", errs); ok {
			*f = key
		}
	}
}

// family resolves a face name: an embedded face, or the family name of an
// installed font in any of its name-table languages.
func (s *Spec) family(face string, pos diag.Pos, role string, errs *diag.List) (string, bool) {
	if _, ok := fonts.Faces[face]; ok {
		return face, true
	}
	if _, err := fontset.Load(face); err == nil {
		return face, true // registered already (a key made here)
	}
	all, dirs := installed()
	found := sysfont.Find(all, face)
	if len(found) == 0 {
		shown := dirs
		more := ""
		if len(shown) > 4 {
			shown, more = shown[:4], fmt.Sprintf(" 等 %d 处", len(dirs))
		}
		where := "没有可查找的字体文件夹"
		if len(dirs) > 0 {
			where = "已查找 " + strings.Join(shown, "、") + more
		}
		errs.Add(pos, fmt.Sprintf("字体角色 %q 用了不存在的字体 %q（不是内置字体，也没有安装；%s）", role, face, where),
			"内置字体见 jianbao fonts；已安装的字体请写它的名称（jianbao fonts 会列出），或用 file 写出字体文件路径，或把字体所在文件夹写进环境变量 JIANBAO_FONT_PATH")
		return "", false
	}
	pick := found[0]
	for _, f := range found {
		st := strings.ToLower(f.Style)
		if st == "regular" || st == "normal" || st == "book" || st == "常规" {
			pick = f
			break
		}
	}
	return register(pick.Path, pick.Index, pos, fmt.Sprintf("字体角色 %q 的字体 %q", role, face), errs)
}

// register opens a font file's face and registers it with fontset.
func register(path string, index int, pos diag.Pos, what string, errs *diag.List) (string, bool) {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s#%d", path, index)
	data, info, err := sysfont.Open(path, index)
	if err != nil {
		msg, hint, _ := strings.Cut(err.Error(), "；")
		var se *sysfont.Error
		if !errors.As(err, &se) {
			msg, hint = fmt.Sprintf("无法读取%s（%v）", what, err), "请检查路径"
		}
		errs.Add(pos, msg, hint)
		return "", false
	}
	key := fmt.Sprintf("%s-%08x", asciiName(info.PostScript, info.Name()), h.Sum32())
	if _, err := fontset.Load(key); err == nil {
		return key, true
	}
	fi := fonts.Info{File: path, Family: info.Name(), Style: info.Name(), License: "本机字体", Source: fmt.Sprintf("%s（第 %d 个）", path, index)}
	if _, err := fontset.Register(key, data, fi); err != nil {
		errs.Add(pos, fmt.Sprintf("%s无法使用（%v）", what, err), "请改用 TrueType（.ttf）字体")
		return "", false
	}
	return key, true
}

// asciiName makes a PDF-safe font name from a face's names.
func asciiName(names ...string) string {
	for _, n := range names {
		var b strings.Builder
		for _, r := range n {
			if r < 0x80 && (r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') {
				b.WriteRune(r)
			}
		}
		if b.Len() >= 2 {
			return b.String()
		}
	}
	return "Font"
}
