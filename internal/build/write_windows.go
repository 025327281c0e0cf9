//go:build windows

package build

import (
	"errors"
	"syscall"
)

// Windows error codes a rename onto a file held open by another program
// ends with (winerror.h).
const (
	errorSharingViolation syscall.Errno = 32
	errorLockViolation    syscall.Errno = 33
)

// isSharingViolation says whether err is Windows' "the process cannot
// access the file because it is being used by another process".
func isSharingViolation(err error) bool {
	return errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation)
}
