// Package diag carries positioned, user-facing errors: FILE:LINE:COL: message.
//
// Every stage of jianbao returns a List rather than stopping at the first
// problem, so that `jianbao check` reports everything at once.
package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a position in a user's file. Line and Col are 1-based; Col counts
// characters (runes), not bytes. A zero Line means "the whole file".
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.File == "":
		return ""
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one problem in the user's input. Msg says what is wrong, Hint
// what to do about it; both are shown on one line.
type Error struct {
	Pos  Pos
	Msg  string
	Hint string
}

func (e *Error) Error() string {
	var b strings.Builder
	if s := e.Pos.String(); s != "" {
		b.WriteString(s)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Hint != "" {
		b.WriteString("；")
		b.WriteString(e.Hint)
	}
	return oneLine(b.String())
}

func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// List collects errors.
type List []*Error

// Add appends an error.
func (l *List) Add(pos Pos, msg, hint string) {
	*l = append(*l, &Error{Pos: pos, Msg: msg, Hint: hint})
}

// Addf appends an error with a formatted message and no hint.
func (l *List) Addf(pos Pos, format string, args ...any) {
	l.Add(pos, fmt.Sprintf(format, args...), "")
}

// Append adds all errors of another list.
func (l *List) Append(o List) { *l = append(*l, o...) }

// Err returns the list as an error, or nil when it is empty.
func (l List) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Error joins the errors, one per line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort orders errors by file, line and column, keeping the original order
// among equal positions.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Pos, l[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
