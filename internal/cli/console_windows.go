//go:build windows

package cli

import (
	"syscall"
	"unsafe"
)

var (
	kernel32               = syscall.NewLazyDLL("kernel32.dll")
	procGetConsoleOutputCP = kernel32.NewProc("GetConsoleOutputCP")
	procSetConsoleOutputCP = kernel32.NewProc("SetConsoleOutputCP")
	procGetConsoleProcList = kernel32.NewProc("GetConsoleProcessList")
)

// consoleUTF8 switches the console's output code page to UTF-8 for the
// run (cmd.exe and PowerShell default to 936, GBK, on Chinese Windows),
// so UTF-8 text piped through the console reads right; the returned
// function restores it. Text written straight to the console goes through
// WriteConsoleW in Go's os package and is right at any code page; text
// redirected to a file is UTF-8 bytes, untouched.
func consoleUTF8() (restore func()) {
	return switchCodePage(
		func() uint32 {
			cp, _, _ := procGetConsoleOutputCP.Call()
			return uint32(cp)
		},
		func(cp uint32) bool {
			ok, _, _ := procSetConsoleOutputCP.Call(uintptr(cp))
			return ok != 0
		})
}

// consoleProcesses is the number of processes attached to our console
// (GetConsoleProcessList); 0 when there is none.
func consoleProcesses() int {
	var ids [4]uint32
	n, _, _ := procGetConsoleProcList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return int(n)
}
