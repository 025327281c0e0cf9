package cli

import (
	"runtime"
	"sort"

	"jianbao/internal/diag"
)

func maxProcs() int { return max(1, runtime.GOMAXPROCS(0)) }

func fontsPos() diag.Pos { return diag.Pos{File: "jianbao"} }

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
