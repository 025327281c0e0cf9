package sysfont

import (
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
)

// Dirs returns the folders to search for fonts, in order: the entries of
// $JIANBAO_FONT_PATH, then the system's font folders (see the package
// comment). Only folders that exist are listed, each once.
func Dirs() []string {
	home, _ := os.UserHomeDir()
	conf := os.Getenv("FONTCONFIG_FILE")
	if conf == "" {
		conf = "/etc/fonts/fonts.conf"
	}
	return dirsFor(runtime.GOOS, os.Getenv, home, conf)
}

// dirsFor is Dirs for a given system, environment, home folder and
// fontconfig file (Linux and the BSDs only).
func dirsFor(goos string, getenv func(string) string, home, conf string) []string {
	var cand []string
	for _, d := range filepath.SplitList(getenv("JIANBAO_FONT_PATH")) {
		if d != "" {
			cand = append(cand, expandHome(d, home))
		}
	}
	inHome := func(p ...string) string {
		if home == "" {
			return ""
		}
		return filepath.Join(append([]string{home}, p...)...)
	}
	switch goos {
	case "windows":
		win := getenv("WINDIR")
		if win == "" {
			win = getenv("SystemRoot")
		}
		if win != "" {
			cand = append(cand, filepath.Join(win, "Fonts"))
		}
		if la := getenv("LOCALAPPDATA"); la != "" {
			cand = append(cand, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin", "ios":
		cand = append(cand, "/System/Library/Fonts", "/Library/Fonts", inHome("Library", "Fonts"))
	case "js", "wasip1", "plan9":
	default:
		if x := getenv("XDG_DATA_HOME"); x != "" {
			cand = append(cand, filepath.Join(x, "fonts"))
		}
		cand = append(cand, inHome(".local", "share", "fonts"), inHome(".fonts"),
			"/usr/local/share/fonts", "/usr/share/fonts")
		cand = append(cand, confDirs(conf, getenv, home)...)
	}
	var out []string
	seen := map[string]bool{}
	for _, d := range cand {
		if d == "" {
			continue
		}
		d = filepath.Clean(d)
		if seen[d] {
			continue
		}
		seen[d] = true
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	return out
}

func expandHome(p, home string) string {
	if home != "" && (p == "~" || strings.HasPrefix(p, "~/") || strings.HasPrefix(p, "~"+string(filepath.Separator))) {
		return filepath.Join(home, p[1:])
	}
	return p
}

// Bounds on reading fontconfig files.
const (
	maxConfFiles = 256
	maxConfDepth = 8
	maxConfSize  = 1 << 20
)

// confDirs returns the <dir> entries of a fontconfig file and of the files
// it <include>s (a folder includes its files whose names start with a digit
// and end in .conf, in name order), in document order. The XML is read
// loosely: a file stops at its first error, keeping what came before;
// missing files are skipped. Relative <dir> paths without a prefix depend
// on the current folder and are ignored.
func confDirs(conf string, getenv func(string) string, home string) []string {
	c := &confReader{getenv: getenv, home: home, seen: map[string]bool{}}
	c.file(conf, 0)
	return c.dirs
}

type confReader struct {
	getenv func(string) string
	home   string
	seen   map[string]bool
	dirs   []string
}

func (c *confReader) xdg(env, def string) string {
	if v := c.getenv(env); v != "" {
		return v
	}
	if c.home == "" {
		return ""
	}
	return filepath.Join(c.home, def)
}

// resolve turns a <dir> or <include> text into a path.
func (c *confReader) resolve(text, prefix, xdgBase, confDir string, relOK bool) string {
	p := strings.TrimSpace(text)
	if p == "" {
		return ""
	}
	switch prefix {
	case "xdg":
		base := c.xdg(xdgBase, map[string]string{"XDG_DATA_HOME": ".local/share", "XDG_CONFIG_HOME": ".config"}[xdgBase])
		if base == "" {
			return ""
		}
		return filepath.Join(base, p)
	case "relative":
		return filepath.Join(confDir, p)
	}
	if strings.HasPrefix(p, "~") {
		if c.home == "" {
			return ""
		}
		return expandHome(p, c.home)
	}
	if filepath.IsAbs(p) {
		return p
	}
	if relOK {
		return filepath.Join(confDir, p)
	}
	return ""
}

func (c *confReader) file(path string, depth int) {
	if depth > maxConfDepth || len(c.seen) >= maxConfFiles {
		return
	}
	path = filepath.Clean(path)
	if c.seen[path] {
		return
	}
	c.seen[path] = true
	st, err := os.Stat(path)
	if err != nil {
		return
	}
	if st.IsDir() {
		ents, err := os.ReadDir(path)
		if err != nil {
			return
		}
		var names []string
		for _, e := range ents {
			n := e.Name()
			if n != "" && n[0] >= '0' && n[0] <= '9' && strings.HasSuffix(n, ".conf") {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		for _, n := range names {
			c.file(filepath.Join(path, n), depth+1)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	dec := xml.NewDecoder(io.LimitReader(f, maxConfSize))
	dec.Strict = false
	dec.AutoClose = xml.HTMLAutoClose
	dec.Entity = xml.HTMLEntity
	confDir := filepath.Dir(path)
	var (
		elem, prefix string
		text         strings.Builder
	)
	for {
		tok, err := dec.Token()
		if err != nil {
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "dir" || t.Name.Local == "include" {
				elem, prefix = t.Name.Local, ""
				text.Reset()
				for _, a := range t.Attr {
					if a.Name.Local == "prefix" {
						prefix = a.Value
					}
				}
			}
		case xml.CharData:
			if elem != "" {
				text.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local != elem {
				continue
			}
			if elem == "dir" {
				if d := c.resolve(text.String(), prefix, "XDG_DATA_HOME", confDir, false); d != "" {
					c.dirs = append(c.dirs, d)
				}
			} else if p := c.resolve(text.String(), prefix, "XDG_CONFIG_HOME", confDir, true); p != "" {
				c.file(p, depth+1)
			}
			elem = ""
		}
	}
}
