// Command pack writes jianbao's release archives and Debian packages
// from staged folders, byte for byte the same on every run: entries
// sorted by name, every time set to one given moment (the commit's,
// SOURCE_DATE_EPOCH), owner root, modes 0755 for folders and executables
// and 0644 for the rest, gzip headers without name or time. The standard
// library's archive/zip, archive/tar and compress/gzip do the writing;
// a .deb is an ar archive of three members, written here. tools/release.sh
// calls it:
//
//	go run ./tools/pack zip -mtime 1700000000 -o OUT.zip STAGE/NAME
//	go run ./tools/pack tgz -mtime 1700000000 -o OUT.tar.gz STAGE/NAME
//	go run ./tools/pack deb -mtime 1700000000 -version 0.1.0 -arch arm64 -o OUT.deb ROOT
//
// zip and tgz put the folder's contents under its own name; deb packs
// the tree under ROOT (usr/bin/jianbao, usr/share/doc/jianbao/…).
// `pack list FILE` prints the entries of any of them, "MODE NAME" a line.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: pack zip|tgz|deb [flags] DIR, or pack list FILE")
	}
	if args[0] == "list" && len(args) == 2 {
		return list(os.Stdout, args[1])
	}
	fl := flag.NewFlagSet("pack "+args[0], flag.ContinueOnError)
	out := fl.String("o", "", "output file")
	epoch := fl.Int64("mtime", -1, "time of every entry, seconds since 1970 (SOURCE_DATE_EPOCH)")
	version := fl.String("version", "", "deb: package version")
	arch := fl.String("arch", "", "deb: Debian architecture (amd64, arm64, loong64)")
	maint := fl.String("maintainer", "jianbao developers <jianbao@localhost>", "deb: Maintainer field")
	if err := fl.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" || *epoch < 0 || fl.NArg() != 1 {
		return fmt.Errorf("%s needs -o, -mtime and one folder", args[0])
	}
	dir, mtime := fl.Arg(0), time.Unix(*epoch, 0).UTC()
	var data []byte
	switch args[0] {
	case "zip", "tgz":
		es, err := collect(dir, filepath.Base(dir))
		if err != nil {
			return err
		}
		if args[0] == "tgz" {
			data, err = tarGz(es, mtime)
		} else {
			data, err = zipped(es, mtime)
		}
		if err != nil {
			return err
		}
	case "deb":
		if *version == "" || *arch == "" {
			return fmt.Errorf("deb needs -version and -arch")
		}
		es, err := collect(dir, "")
		if err != nil {
			return err
		}
		data, err = deb(debInfo{
			Package: "jianbao", Version: *version, Arch: *arch, Maintainer: *maint,
			Summary:     "typesets Chinese government work bulletins (工作简报) as PDF",
			Description: description,
		}, es, mtime)
		if err != nil {
			return err
		}
	default:
		return fmt.Errorf("unknown kind %q: zip, tgz or deb", args[0])
	}
	return os.WriteFile(*out, data, 0o644)
}

const description = `jianbao turns an issue manifest (YAML) and articles (Markdown, Word .docx,
plain text) into a print-ready PDF of a work bulletin: the red masthead,
the issue and editor lines, the articles on the GB/T 9704-2012 grid
(28 characters x 22 lines, 3号仿宋) and the 报/送 block. Fonts are inside.
jianbao 把简报清单和文章排成可付印的工作简报 PDF；字体已内置。
See /usr/share/doc/jianbao/使用说明.txt.`
