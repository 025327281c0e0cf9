package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// DefaultManifest is the manifest `build` and `check` use in an issue
// folder when none is named.
const DefaultManifest = "bulletin.yaml"

// ManifestArgs returns the manifests named on the command line of cmd
// (build or check) or, when
// there are none, the one in the current folder: ./bulletin.yaml, or else
// the only YAML file there that is a manifest (a layout file is not).
// Without one, or with several, it writes a usage error and returns
// ExitUsage.
func ManifestArgs(cmd string, args []string, stderr io.Writer) ([]string, int) {
	if len(args) > 0 {
		return args, ExitOK
	}
	m, msg := FindManifest(".")
	msg = strings.ReplaceAll(msg, "jianbao build", "jianbao "+cmd)
	if msg != "" {
		fmt.Fprintln(stderr, "jianbao: "+msg)
		return nil, ExitUsage
	}
	return []string{m}, ExitOK
}

// FindManifest finds the manifest of the issue folder dir, or says in a
// Chinese usage message why there is none to take.
func FindManifest(dir string) (string, string) {
	if st, err := os.Stat(filepath.Join(dir, DefaultManifest)); err == nil && st.Mode().IsRegular() {
		return filepath.Join(dir, DefaultManifest), ""
	}
	var found []string
	for _, pat := range []string{"*.yaml", "*.yml"} {
		ms, _ := filepath.Glob(filepath.Join(dir, pat))
		for _, m := range ms {
			if isManifest(m) {
				found = append(found, m)
			}
		}
	}
	sort.Strings(found)
	switch len(found) {
	case 1:
		return found[0], ""
	case 0:
		return "", "当前文件夹里没有清单（bulletin.yaml）；请进入一期简报的文件夹，或写出清单路径，如 jianbao build 2026-09/bulletin.yaml"
	}
	names := make([]string, len(found))
	for i, f := range found {
		names[i] = filepath.Base(f)
	}
	return "", fmt.Sprintf("当前文件夹里有 %d 个清单：%s；请写明用哪一个，如 jianbao build %s", len(found), strings.Join(names, "、"), names[0])
}

// isManifest says whether a YAML file looks like an issue manifest: a
// mapping with articles: or masthead: at the top (a layout has neither).
// A file that does not parse counts when its text has such a key, so that
// build reports its syntax error.
func isManifest(path string) bool {
	data, err := os.ReadFile(path)
	if err != nil || len(data) > 1<<20 {
		return false
	}
	var top map[string]any
	if err := yaml.Unmarshal(data, &top); err != nil {
		for _, ln := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(ln, "articles") || strings.HasPrefix(ln, "masthead") {
				return true
			}
		}
		return false
	}
	_, a := top["articles"]
	_, m := top["masthead"]
	return a || m
}
