package build

import (
	"os"
	"path/filepath"
	"sort"

	"gopkg.in/yaml.v3"

	"jianbao/internal/doc"
	"jianbao/internal/manifest"
	"jianbao/internal/markup"
)

// Inputs lists the files a build of the manifest reads: the manifest, its
// articles, their photos, a layout file with the layouts it is based on
// and the font files it names. It reads what it can and never
// fails: files that are missing or broken are listed too, so a watcher sees
// them appear or get fixed.
func Inputs(manifestFile string) []string {
	files := map[string]bool{manifestFile: true}
	data, err := os.ReadFile(manifestFile)
	if err != nil {
		return []string{manifestFile}
	}
	// a loose reading: the manifest may be half-written
	var m struct {
		Layout   string      `yaml:"layout"`
		Articles []yaml.Node `yaml:"articles"`
	}
	if len(data) > manifest.MaxManifestBytes || yaml.Unmarshal(data, &m) != nil {
		return []string{manifestFile}
	}
	dir := filepath.Dir(manifestFile)
	if l := manifest.Portable(m.Layout); l != "" && (filepath.Ext(l) == ".yaml" || filepath.Ext(l) == ".yml" || filepath.Base(l) != l) {
		if !filepath.IsAbs(l) {
			l = filepath.Join(dir, l)
		}
		layoutInputs(l, files, 0)
	}
	if len(m.Articles) > manifest.MaxArticles {
		m.Articles = m.Articles[:manifest.MaxArticles]
	}
	for _, n := range m.Articles {
		rel := n.Value
		if n.Kind == yaml.MappingNode {
			var e struct {
				File string `yaml:"file"`
			}
			if n.Decode(&e) != nil {
				continue
			}
			rel = e.File
		}
		if rel == "" {
			continue
		}
		path := filepath.Join(dir, manifest.Portable(rel))
		files[path] = true
		if ArticleKind(path) != KindMarkdown {
			continue // Word and text manuscripts hold their photos inside
		}
		text, err := os.ReadFile(path)
		if err != nil || len(text) > markup.MaxArticleBytes {
			continue
		}
		art, _ := markup.Parse(path, text)
		if art == nil {
			continue
		}
		for _, b := range art.Blocks {
			if b.Kind != doc.Figure || b.Image == "" {
				continue
			}
			// both places a photo may be found
			img := manifest.Portable(b.Image)
			files[filepath.Join(filepath.Dir(path), img)] = true
			files[filepath.Join(dir, img)] = true
		}
	}
	out := make([]string, 0, len(files))
	for f := range files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// layoutInputs adds a layout file, its base: chain and its fonts.*.file
// entries, read loosely.
func layoutInputs(file string, files map[string]bool, depth int) {
	if depth > 8 || files[file] {
		return
	}
	files[file] = true
	data, err := os.ReadFile(file)
	if err != nil || len(data) > 1<<20 {
		return
	}
	var l struct {
		Base  string `yaml:"base"`
		Fonts map[string]struct {
			File string `yaml:"file"`
		} `yaml:"fonts"`
	}
	if yaml.Unmarshal(data, &l) != nil {
		return
	}
	dir := filepath.Dir(file)
	for _, f := range l.Fonts {
		if f.File != "" {
			p := manifest.Portable(f.File)
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			files[p] = true
		}
	}
	if b := manifest.Portable(l.Base); b != "" && (filepath.Ext(b) == ".yaml" || filepath.Ext(b) == ".yml" || filepath.Base(b) != b) {
		if !filepath.IsAbs(b) {
			b = filepath.Join(dir, b)
		}
		layoutInputs(b, files, depth+1)
	}
}
