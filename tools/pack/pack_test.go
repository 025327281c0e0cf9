package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stage writes a small release folder; perm and when vary what the file
// system holds beyond the contents, which must not reach the archives.
func stage(t *testing.T, perm os.FileMode, when time.Time, reverse bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "jianbao-1.0-linux-arm64")
	files := []struct {
		name string
		exec bool
	}{{"jianbao", true}, {"使用说明.txt", false}, {"examples/2026-09/bulletin.yaml", false}, {"examples/2026-09/articles/01.md", false}, {"LICENSES/OFL.txt", false}}
	if reverse {
		for i, j := 0, len(files)-1; i < j; i, j = i+1, j-1 {
			files[i], files[j] = files[j], files[i]
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		os.MkdirAll(filepath.Dir(p), 0o700)
		mode := perm
		if f.exec {
			mode |= 0o100
		}
		if err := os.WriteFile(p, []byte("内容 of "+f.name+"\n"), mode); err != nil {
			t.Fatal(err)
		}
		os.Chmod(p, mode)
		os.Chtimes(p, when, when)
	}
	return dir
}

func packBoth(t *testing.T, kind string, extra ...string) (a, b []byte) {
	t.Helper()
	var outs [][]byte
	for i, s := range []string{stage(t, 0o644, time.Unix(1e9, 0), false), stage(t, 0o600, time.Now(), true)} {
		out := filepath.Join(t.TempDir(), "out")
		args := append([]string{kind, "-mtime", "1795949317", "-o", out}, extra...)
		if err := run(append(args, s)); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b)
	}
	return outs[0], outs[1]
}

var wantNames = []string{
	"jianbao-1.0-linux-arm64/",
	"jianbao-1.0-linux-arm64/LICENSES/",
	"jianbao-1.0-linux-arm64/LICENSES/OFL.txt",
	"jianbao-1.0-linux-arm64/examples/",
	"jianbao-1.0-linux-arm64/examples/2026-09/",
	"jianbao-1.0-linux-arm64/examples/2026-09/articles/",
	"jianbao-1.0-linux-arm64/examples/2026-09/articles/01.md",
	"jianbao-1.0-linux-arm64/examples/2026-09/bulletin.yaml",
	"jianbao-1.0-linux-arm64/jianbao",
	"jianbao-1.0-linux-arm64/使用说明.txt",
}

var when = time.Unix(1795949317, 0).UTC()

func TestZip(t *testing.T) {
	a, b := packBoth(t, "zip")
	if !bytes.Equal(a, b) {
		t.Fatal("two zips of the same contents differ")
	}
	z, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(when) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
		want := os.FileMode(0o644)
		if strings.HasSuffix(f.Name, "/") {
			want = os.ModeDir | 0o755
		} else if strings.HasSuffix(f.Name, "/jianbao") {
			want = 0o755
		}
		if f.Mode() != want {
			t.Errorf("%s: mode %v, want %v", f.Name, f.Mode(), want)
		}
		if strings.Contains(f.Name, "使用说明") && f.Flags&0x800 == 0 {
			t.Errorf("%s: the UTF-8 name flag is not set", f.Name)
		}
		if !f.FileInfo().IsDir() {
			r, _ := f.Open()
			body, _ := io.ReadAll(r)
			if !strings.HasSuffix(string(body), strings.SplitN(f.Name, "/", 2)[1]+"\n") {
				t.Errorf("%s holds %q", f.Name, body)
			}
		}
	}
	if strings.Join(names, "\n") != strings.Join(wantNames, "\n") {
		t.Fatalf("entries:\n%s", strings.Join(names, "\n"))
	}
}

func readTarGz(t *testing.T, data []byte) []*tar.Header {
	t.Helper()
	g, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if g.Name != "" || !g.ModTime.IsZero() {
		t.Errorf("gzip header holds name %q, time %v", g.Name, g.ModTime)
	}
	tr := tar.NewReader(g)
	var hs []*tar.Header
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return hs
		}
		if err != nil {
			t.Fatal(err)
		}
		hs = append(hs, h)
	}
}

func TestTarGz(t *testing.T) {
	a, b := packBoth(t, "tgz")
	if !bytes.Equal(a, b) {
		t.Fatal("two tar.gz of the same contents differ")
	}
	var names []string
	for _, h := range readTarGz(t, a) {
		names = append(names, h.Name)
		want := int64(0o644)
		if h.Typeflag == tar.TypeDir || strings.HasSuffix(h.Name, "/jianbao") {
			want = 0o755
		}
		if h.Mode != want || h.Uid != 0 || h.Gid != 0 || h.Uname != "root" || !h.ModTime.Equal(when) {
			t.Errorf("%s: mode %o, %d:%d %s, time %v", h.Name, h.Mode, h.Uid, h.Gid, h.Uname, h.ModTime)
		}
	}
	if strings.Join(names, "\n") != strings.Join(wantNames, "\n") {
		t.Fatalf("entries:\n%s", strings.Join(names, "\n"))
	}
}

// A .deb reads back with dpkg-deb: its fields, and its files at their
// places with their modes.
func TestDeb(t *testing.T) {
	a, b := packBoth(t, "deb", "-version", "1.0", "-arch", "loong64")
	if !bytes.Equal(a, b) {
		t.Fatal("two .deb of the same contents differ")
	}
	if !bytes.HasPrefix(a, []byte("!<arch>\ndebian-binary   ")) {
		t.Fatalf("not an ar archive starting with debian-binary: %q", a[:24])
	}
	if _, err := exec.LookPath("dpkg-deb"); err != nil {
		t.Skip("dpkg-deb is not installed")
	}
	f := filepath.Join(t.TempDir(), "j.deb")
	os.WriteFile(f, a, 0o644)
	fields, err := exec.Command("dpkg-deb", "-f", f, "Package", "Version", "Architecture").CombinedOutput()
	if err != nil || string(fields) != "Package: jianbao\nVersion: 1.0\nArchitecture: loong64\n" {
		t.Fatalf("dpkg-deb -f: %v\n%s", err, fields)
	}
	cmd := exec.Command("dpkg-deb", "-c", f)
	cmd.Env = append(os.Environ(), "TZ=UTC")
	list, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("dpkg-deb -c: %v\n%s", err, list)
	}
	s := string(list)
	day := when.Format("2006-01-02 15:04")
	for _, want := range []string{
		"drwxr-xr-x root/root         0 " + day + " ./\n",
		"-rwxr-xr-x root/root        18 " + day + " ./jianbao\n", // "内容 of jianbao\n"
		"-rw-r--r-- root/root        27 " + day + " ./使用说明.txt\n",
		"./examples/2026-09/articles/01.md\n",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("dpkg-deb -c lacks %q:\n%s", want, s)
		}
	}
}
