package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strings"
)

// list prints the entries of a .zip, .tar.gz or .deb (its data.tar.gz),
// one "MODE NAME" line each, for checks in CI that need no unzip.
func list(w io.Writer, file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	switch {
	case strings.HasSuffix(file, ".zip"):
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return err
		}
		for _, f := range z.File {
			fmt.Fprintf(w, "%o %s\n", f.Mode().Perm(), f.Name)
		}
		return nil
	case strings.HasSuffix(file, ".deb"):
		i := bytes.Index(b, []byte("\ndata.tar.gz"))
		if !bytes.HasPrefix(b, []byte("!<arch>\n")) || i < 0 || i+1+60 > len(b) {
			return fmt.Errorf("%s: no data.tar.gz member", file)
		}
		b = b[i+1+60:]
	}
	g, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return err
	}
	t := tar.NewReader(g)
	for {
		h, err := t.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%o %s\n", h.Mode, h.Name)
	}
}
