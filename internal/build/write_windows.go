//go:build windows

package build

import (
	"errors"
	"syscall"
)

// isSharingViolation says whether err is Windows' "the process cannot
// access the file because it is being used by another process".
func isSharingViolation(err error) bool {
	var no syscall.Errno
	return errors.As(err, &no) && sharingViolation(uint32(no))
}
