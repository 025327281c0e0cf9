package manifest

import (
	"path/filepath"
	"strings"
)

// Paths in manifests, articles and layouts are portable: a manifest
// written on Windows (articles\01.docx, .\照片\a.jpg) builds unchanged on
// Linux and macOS, and the other way round. Both "\" and "/" separate
// folders, on every system; a file name that contains a backslash cannot
// be named in a manifest (no office file manager makes one).

// Portable turns a path as written in an input file into this system's
// form: "\" and "/" both separate folders, "." and repeated separators
// are removed. An absolute path stays absolute where this system has that
// form (see IsAbsAny for refusing every form).
func Portable(p string) string {
	if p == "" {
		return ""
	}
	return filepath.Clean(filepath.FromSlash(strings.ReplaceAll(p, `\`, "/")))
}

// IsAbsAny says whether p is absolute, or bound to a drive, on any system:
// "/x", "\x", "C:\x", "C:x", "D:/x", "\\server\share", "//server/share".
// Inputs that must stay inside the folder refuse all of them, so
// a manifest means the same on Windows and elsewhere.
func IsAbsAny(p string) bool {
	if p == "" {
		return false
	}
	if p[0] == '/' || p[0] == '\\' {
		return true
	}
	if len(p) >= 2 && p[1] == ':' && ('a' <= p[0] && p[0] <= 'z' || 'A' <= p[0] && p[0] <= 'Z') {
		return true
	}
	return filepath.IsAbs(p)
}
