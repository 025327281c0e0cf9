package main

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// debInfo is what a .deb's control file says beyond its files.
type debInfo struct {
	Package, Version, Arch, Maintainer, Summary, Description string
}

// deb builds a Debian binary package: an ar archive of debian-binary,
// control.tar.gz (control and md5sums) and data.tar.gz (the tree, rooted
// at ./). Every time in it is mtime and every owner root.
func deb(info debInfo, data []entry, mtime time.Time) ([]byte, error) {
	var sums strings.Builder
	size := int64(0)
	tree := []entry{{name: "./", dir: true}}
	for _, e := range data {
		e.name = "./" + e.name
		tree = append(tree, e)
		if !e.dir {
			h := md5.Sum(e.data)
			fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(h[:]), strings.TrimPrefix(e.name, "./"))
			size += (int64(len(e.data)) + 1023) / 1024
		} else {
			size++
		}
	}
	var ctl strings.Builder
	fmt.Fprintf(&ctl, "Package: %s\nVersion: %s\nArchitecture: %s\nMaintainer: %s\nInstalled-Size: %d\nSection: text\nPriority: optional\nDescription: %s\n",
		info.Package, info.Version, info.Arch, info.Maintainer, size, info.Summary)
	for _, l := range strings.Split(strings.TrimSpace(info.Description), "\n") {
		if l = strings.TrimSpace(l); l == "" {
			l = "."
		}
		fmt.Fprintf(&ctl, " %s\n", l)
	}
	control, err := tarGz([]entry{
		{name: "./", dir: true},
		{name: "./control", data: []byte(ctl.String())},
		{name: "./md5sums", data: []byte(sums.String())},
	}, mtime)
	if err != nil {
		return nil, err
	}
	dataTar, err := tarGz(tree, mtime)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("!<arch>\n")
	for _, m := range []struct {
		name string
		data []byte
	}{{"debian-binary", []byte("2.0\n")}, {"control.tar.gz", control}, {"data.tar.gz", dataTar}} {
		// name/16 mtime/12 uid/6 gid/6 mode/8 size/10 "`\n"
		fmt.Fprintf(&b, "%-16s%-12s%-6s%-6s%-8s%-10s`\n", m.name, strconv.FormatInt(mtime.Unix(), 10), "0", "0", "100644", strconv.Itoa(len(m.data)))
		b.Write(m.data)
		if len(m.data)%2 == 1 {
			b.WriteByte('\n')
		}
	}
	return b.Bytes(), nil
}
