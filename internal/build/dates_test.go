package build

import (
	"strings"
	"testing"
	"time"

	"jianbao/internal/diag"
	"jianbao/internal/doc"
)

// A date whose year differs from issue.year, or more than a year ahead,
// is a note, never an error.
func TestDateNotes(t *testing.T) {
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	pos := diag.Pos{File: "bulletin.yaml", Line: 7, Col: 7}
	for _, c := range []struct {
		year int
		date time.Time
		want string
	}{
		{2026, time.Date(2026, 3, 27, 0, 0, 0, 0, time.UTC), ""},
		{2026, time.Date(2025, 3, 27, 0, 0, 0, 0, time.UTC), "bulletin.yaml:7:7: 日期是 2025 年，期号却是 2026 年；请核对 date 和 issue.year"},
		{2028, time.Date(2028, 1, 5, 0, 0, 0, 0, time.UTC), "bulletin.yaml:7:7: 日期 2028-01-05 在一年以后；请核对 date"},
	} {
		got := dateNotes(&doc.Issue{Year: c.year, Date: c.date, DatePos: pos}, now)
		if c.want == "" && len(got) > 0 || c.want != "" && (len(got) != 1 || !strings.Contains(got.Error(), c.want)) {
			t.Errorf("%d %v: %v, want %q", c.year, c.date, got, c.want)
		}
	}
}
