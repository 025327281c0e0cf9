// Package layouts embeds the built-in layout files; internal/layout parses them.
package layouts

import "embed"

// FS holds the built-in layouts, one YAML file each.
//
//go:embed *.yaml
var FS embed.FS
