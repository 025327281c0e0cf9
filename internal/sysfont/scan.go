package sysfont

import (
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/width"
)

// Bounds on a scan.
const (
	maxFiles    = 20000     // font files read
	maxFileSize = 100 << 20 // bytes; larger files are skipped
	maxEntries  = 1000000   // folder entries looked at
	maxDepth    = 64        // folder nesting
)

// fontExt says whether a file name has a font extension we read.
func fontExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".ttc", ".otf", ".otc":
		return true
	}
	return false
}

// Scan lists every face of every .ttf, .ttc, .otf and .otc file below dirs
// (an entry may also be a font file), sorted by path and index. Symbolic
// links are followed, but no folder or file is read twice, so loops end.
// At most 20,000 files are read and files over 100 MB are skipped, as are
// damaged files and faces. Only the table directory and the name, OS/2 and
// maxp tables of each face are read.
func Scan(dirs []string) []Font {
	w := &walker{seenDirs: map[string]bool{}, seenFiles: map[string]bool{}}
	for _, d := range dirs {
		st, err := os.Stat(d)
		if err != nil {
			continue
		}
		if st.IsDir() {
			w.dir(d, 0)
		} else if st.Mode().IsRegular() && fontExt(d) {
			w.file(d)
		}
	}
	results := make([][]Font, len(w.files))
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), 8) {
		wg.Go(func() {
			for i := range work {
				results[i] = scanFile(w.files[i])
			}
		})
	}
	for i := range w.files {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []Font
	for _, r := range results {
		out = append(out, r...)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Index < out[j].Index
	})
	return out
}

type walker struct {
	seenDirs, seenFiles map[string]bool // by real path
	files               []string
	entries             int
}

func (w *walker) full() bool { return len(w.files) >= maxFiles || w.entries >= maxEntries }

// dir walks one folder, path as given, once per real folder.
func (w *walker) dir(path string, depth int) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil || w.seenDirs[real] || depth > maxDepth || w.full() {
		return
	}
	w.seenDirs[real] = true
	ents, err := os.ReadDir(path)
	if err != nil {
		return
	}
	for _, e := range ents {
		if w.full() {
			return
		}
		w.entries++
		p := filepath.Join(path, e.Name())
		switch t := e.Type(); {
		case t.IsDir():
			w.dir(p, depth+1)
		case t&os.ModeSymlink != 0:
			st, err := os.Stat(p)
			if err != nil {
				continue
			}
			if st.IsDir() {
				w.dir(p, depth+1)
			} else if st.Mode().IsRegular() && fontExt(e.Name()) {
				if r, err := filepath.EvalSymlinks(p); err == nil {
					w.add(p, r)
				}
			}
		case t.IsRegular() && fontExt(e.Name()):
			w.add(p, filepath.Join(real, e.Name()))
		}
	}
}

func (w *walker) file(path string) {
	if r, err := filepath.EvalSymlinks(path); err == nil {
		w.add(path, r)
	}
}

func (w *walker) add(path, real string) {
	if !w.seenFiles[real] && len(w.files) < maxFiles {
		w.seenFiles[real] = true
		w.files = append(w.files, path)
	}
}

// scanFile lists the faces of one file, skipping damaged ones.
func scanFile(path string) []Font {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() > maxFileSize {
		return nil
	}
	return scanSource(source{f, st.Size()}, path)
}

func scanSource(s source, path string) []Font {
	offs, err := s.faceOffsets()
	if err != nil {
		return nil
	}
	var out []Font
	for i, off := range offs {
		d, err := s.dir(off)
		if err != nil {
			continue
		}
		font, err := s.info(d)
		if err != nil {
			continue
		}
		font.Path, font.Index = path, i
		out = append(out, font)
	}
	return out
}

// Find returns the faces with a family name equal to name, in three tiers:
// exact matches; then matches ignoring case and full-width forms (Ａ = A);
// then matches that also ignore spaces, '-' and '_', but only if every face
// matched that way (including those of the first tiers) belongs to one
// family (Families[0], up to case) — so "仿宋GB2312" finds 仿宋_GB2312, while
// "foo_bar" finds nothing when both "Foo Bar" and "FooBar" are installed.
// Within a tier faces keep the order of fonts.
func Find(fonts []Font, name string) []Font {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil
	}
	qf, ql := fold(name), loose(name)
	var exact, folded, looseOnly []Font
	looseNames := map[string]bool{}
	for _, f := range fonts {
		tier := 3
		for _, fam := range f.Families {
			switch {
			case fam == name:
				tier = min(tier, 0)
			case fold(fam) == qf:
				tier = min(tier, 1)
			case loose(fam) == ql:
				tier = min(tier, 2)
			}
			if loose(fam) == ql {
				looseNames[fold(f.Name())] = true
			}
		}
		switch tier {
		case 0:
			exact = append(exact, f)
		case 1:
			folded = append(folded, f)
		case 2:
			looseOnly = append(looseOnly, f)
		}
	}
	out := append(exact, folded...)
	if len(looseNames) == 1 {
		out = append(out, looseOnly...)
	}
	return out
}

// fold lowercases and narrows full-width forms.
func fold(s string) string {
	return strings.ToLower(width.Narrow.String(strings.TrimSpace(s)))
}

// loose is fold without spaces, '-' and '_'.
func loose(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\u3000':
			return -1
		}
		return r
	}, fold(s))
}
