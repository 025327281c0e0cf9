package sysfont

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func mkdirs(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := os.MkdirAll(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestDirsLinux(t *testing.T) {
	tmp := t.TempDir()
	home, etc := filepath.Join(tmp, "home"), filepath.Join(tmp, "etc", "fonts")
	a, b, missing := filepath.Join(tmp, "a"), filepath.Join(tmp, "b"), filepath.Join(tmp, "missing")
	xdgData := filepath.Join(tmp, "xdg")
	mkdirs(t, a, b, home+"/.fonts", home+"/myfonts", xdgData+"/fonts", etc+"/conf.d",
		etc+"/relfonts", tmp+"/fromconfd", tmp+"/beforebreak", tmp+"/xdgconf/fontconfig", tmp+"/userdir")
	writeFile(t, etc, "fonts.conf", []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
	<!-- <dir>`+tmp+`/commented</dir> -->
	<dir>`+tmp+`/b</dir>
	<dir prefix="xdg">fonts</dir>
	<dir>~/myfonts</dir>
	<dir prefix="relative">relfonts</dir>
	<dir>relative-without-prefix</dir>
	<dir>`+missing+`</dir>
	<dir salt="x"> `+tmp+`/a </dir>
	<include ignore_missing="yes">conf.d</include>
	<include ignore_missing="yes">fonts.conf</include>
	<include ignore_missing="yes" prefix="xdg">fontconfig/fonts.conf</include>
	<include ignore_missing="yes">/nonexistent/dir</include>
	<cachedir>`+tmp+`/cache</cachedir>
</fontconfig>`))
	writeFile(t, etc, "conf.d/10-extra.conf", []byte(`<fontconfig><dir>`+tmp+`/fromconfd</dir></fontconfig>`))
	writeFile(t, etc, "conf.d/20-broken.conf", []byte(`<fontconfig><dir>`+tmp+`/beforebreak</dir><dir>unterminated`))
	writeFile(t, etc, "conf.d/README", []byte(`<fontconfig><dir>`+tmp+`/notaconf</dir></fontconfig>`))
	writeFile(t, etc, "conf.d/extra.conf", []byte(`<fontconfig><dir>`+tmp+`/nodigit</dir></fontconfig>`))
	writeFile(t, tmp, "xdgconf/fontconfig/fonts.conf", []byte(`<fontconfig><dir>`+tmp+`/userdir</dir></fontconfig>`))
	mkdirs(t, tmp+"/notaconf", tmp+"/nodigit", tmp+"/commented")

	env := envOf(map[string]string{
		"JIANBAO_FONT_PATH": strings.Join([]string{b, missing, "", a, b}, string(os.PathListSeparator)),
		"XDG_DATA_HOME":     xdgData,
		"XDG_CONFIG_HOME":   filepath.Join(tmp, "xdgconf"),
	})
	var got []string
	for _, d := range dirsFor("linux", env, home, filepath.Join(etc, "fonts.conf")) {
		if d != "/usr/local/share/fonts" && d != "/usr/share/fonts" { // this machine's
			got = append(got, d)
		}
	}
	want := []string{b, a, xdgData + "/fonts", home + "/.fonts", home + "/myfonts", etc + "/relfonts",
		tmp + "/fromconfd", tmp + "/beforebreak", tmp + "/userdir"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dirs\n got %q\nwant %q", got, want)
	}

	// no environment, no home: only the system folders that exist
	got = dirsFor("freebsd", envOf(nil), "", filepath.Join(tmp, "none.conf"))
	for _, d := range got {
		if d != "/usr/local/share/fonts" && d != "/usr/share/fonts" {
			t.Errorf("unexpected %s", d)
		}
	}
}

func TestDirsOther(t *testing.T) {
	tmp := t.TempDir()
	mkdirs(t, tmp+"/win/Fonts", tmp+"/la/Microsoft/Windows/Fonts", tmp+"/home/Library/Fonts", tmp+"/mine")
	got := dirsFor("windows", envOf(map[string]string{"WINDIR": tmp + "/win", "LOCALAPPDATA": tmp + "/la", "JIANBAO_FONT_PATH": tmp + "/mine"}), tmp+"/home", "")
	want := []string{tmp + "/mine", filepath.Join(tmp, "win", "Fonts"), filepath.Join(tmp, "la", "Microsoft", "Windows", "Fonts")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("windows\n got %q\nwant %q", got, want)
	}
	got = dirsFor("windows", envOf(map[string]string{"SystemRoot": tmp + "/win"}), "", "")
	if !reflect.DeepEqual(got, want[1:2]) {
		t.Errorf("windows via SystemRoot: %q", got)
	}
	got = dirsFor("darwin", envOf(nil), tmp+"/home", "")
	if len(got) == 0 || got[len(got)-1] != filepath.Join(tmp, "home", "Library", "Fonts") {
		t.Errorf("darwin: %q", got)
	}
	for _, d := range got[:len(got)-1] {
		if d != "/System/Library/Fonts" && d != "/Library/Fonts" {
			t.Errorf("darwin: unexpected %s", d)
		}
	}
}

func TestDirsEnv(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("JIANBAO_FONT_PATH", tmp+string(os.PathListSeparator)+filepath.Join(tmp, "missing"))
	got := Dirs()
	if len(got) == 0 || got[0] != tmp {
		t.Fatalf("Dirs() = %q, want %s first", got, tmp)
	}
	seen := map[string]bool{}
	for _, d := range got {
		if st, err := os.Stat(d); err != nil || !st.IsDir() || seen[d] {
			t.Errorf("%s listed but not an existing folder, or listed twice", d)
		}
		seen[d] = true
	}
}
