package build

import (
	"errors"
	"os"
	"path/filepath"
)

// ErrLocked: the final rename of WriteAtomic failed while the temporary
// file was written whole, which on Windows means another program (a PDF
// reader: Acrobat and WPS lock the file they show) holds the target open.
// The target is unchanged and no temporary file is left.
var ErrLocked = errors.New("output file is held open by another program")

// rename is os.Rename; tests replace it to simulate a target held open.
var rename = os.Rename

// WriteAtomic writes data to path through a temporary file in the same
// folder and a rename, so an existing file is replaced whole or not at all.
// When only the rename fails and the target exists, the error wraps
// ErrLocked (and the original error); the temporary file is removed in
// every failure.
//
// A target that exists and is not a regular file — a device such as
// /dev/null or /dev/stdout, a named pipe — is written to in place: a
// rename would replace the device with a file.
func WriteAtomic(path string, data []byte) error {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	ok := false
	defer func() {
		if !ok {
			os.Remove(tmp)
		}
	}()
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp, 0o644); err != nil {
		return err
	}
	if err := rename(tmp, path); err != nil {
		if renameLocked(path, err) {
			return &lockedError{err}
		}
		return err
	}
	ok = true
	return nil
}

// renameLocked says whether a failed rename onto path means the target is
// held open: the target exists as a regular file, and the error is a
// permission or sharing error (Windows reports a locked target as
// "Access is denied" or ERROR_SHARING_VIOLATION).
func renameLocked(path string, err error) bool {
	st, serr := os.Stat(path)
	if serr != nil || !st.Mode().IsRegular() {
		return false
	}
	return errors.Is(err, os.ErrPermission) || isSharingViolation(err)
}

// sharingViolation says whether a Windows error code is one a rename
// onto a file held open by another program ends with (winerror.h:
// ERROR_SHARING_VIOLATION 32, ERROR_LOCK_VIOLATION 33).
func sharingViolation(code uint32) bool { return code == 32 || code == 33 }

type lockedError struct{ err error }

func (e *lockedError) Error() string   { return ErrLocked.Error() + ": " + e.err.Error() }
func (e *lockedError) Unwrap() []error { return []error{ErrLocked, e.err} }
