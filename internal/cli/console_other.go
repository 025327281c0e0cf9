//go:build !windows

package cli

// consoleProcesses: only Windows shares consoles between processes.
func consoleProcesses() int { return 0 }

// consoleUTF8: terminals elsewhere take the UTF-8 jianbao writes.
func consoleUTF8() (restore func()) { return func() {} }
