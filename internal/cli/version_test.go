package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The font set version is the hash of fonts/SHA256SUMS, so it names the
// exact font files; the version lines name the platform.
func TestVersion(t *testing.T) {
	sums, err := os.ReadFile("../../fonts/SHA256SUMS")
	if err != nil {
		t.Fatal(err)
	}
	h := sha256.Sum256(sums)
	want := hex.EncodeToString(h[:])[:12]
	got, n := FontSetVersion()
	if got != want || n != strings.Count(string(sums), "\n") {
		t.Fatalf("font set %s (%d files), want %s, the hash of fonts/SHA256SUMS (%d files)", got, n, want, strings.Count(string(sums), "\n"))
	}
	defer func(v, c string) { Version, Commit = v, c }(Version, Commit)
	Version, Commit = "1.2.3", "abcdef123456"
	var b bytes.Buffer
	PrintVersion(&b)
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	wantLines := []string{"jianbao 1.2.3", "提交：abcdef123456", "平台：" + runtime.GOOS + "/" + runtime.GOARCH, "字体集：" + want + "（" + strconv.Itoa(n) + " 个内置字体文件）"}
	if strings.Join(lines, "\n") != strings.Join(wantLines, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), strings.Join(wantLines, "\n"))
	}
}
