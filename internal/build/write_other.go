//go:build !windows

package build

// isSharingViolation: only Windows has sharing violations; elsewhere a
// held-open file can always be replaced.
func isSharingViolation(error) bool { return false }
