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
// articles, their photos and a layout file. It reads what it can and never
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
	if l := m.Layout; l != "" && (filepath.Ext(l) == ".yaml" || filepath.Ext(l) == ".yml" || filepath.Base(l) != l) {
		if !filepath.IsAbs(l) {
			l = filepath.Join(dir, l)
		}
		files[l] = true
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
		path := filepath.Join(dir, rel)
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
			files[filepath.Join(filepath.Dir(path), b.Image)] = true
			files[filepath.Join(dir, b.Image)] = true
		}
	}
	out := make([]string, 0, len(files))
	for f := range files {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}
