package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// Limits against malicious or broken packages. A file that exceeds one is
// refused with a one-line error naming it.
const (
	MaxTotalSize  = 200 << 20 // uncompressed size of the whole archive
	MaxEntrySize  = 50 << 20  // uncompressed size of any one entry
	MaxRatio      = 200       // compression ratio refused for large entries…
	RatioMinSize  = 1 << 20   // …larger than this
	MaxPictures   = 200       // pictures placed in the document
	MaxEntries    = 10000     // entries in the archive
	maxSniffBytes = 1 << 20   // what Sniff reads of an entry
)

// Messages shared by several checks.
const (
	msgDamaged  = "不是有效的 Word 文档（文件已损坏或不完整）"
	hintDamaged = "请在 Word/WPS 中打开后另存为 .docx"
	hintSaveAs  = "请在 Word/WPS 中另存为 .docx"
	hintTooBig  = "请在 Word/WPS 中压缩图片（或删去过大的图片）后另存为 .docx"
)

// pkgError is a problem with the package itself; it stops reading.
type pkgError struct{ msg, hint string }

func (e *pkgError) Error() string { return e.msg }

var errDamaged = &pkgError{msgDamaged, hintDamaged}

// pkg is an opened Word package.
type pkg struct {
	parts map[string]*zip.File // by normalised, lower-cased name
	total int64                // bytes decompressed so far
}

// partKey normalises a part name for lookup: OPC part names are
// case-insensitive; some writers use backslashes.
func partKey(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// openPackage opens the zip and checks the declared sizes.
func openPackage(data []byte) (*pkg, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return nil, errDamaged
	}
	if len(zr.File) > MaxEntries {
		return nil, &pkgError{fmt.Sprintf("压缩包中有 %d 个部件（上限 %d），不像是正常的 Word 文档", len(zr.File), MaxEntries), hintDamaged}
	}
	p := &pkg{parts: make(map[string]*zip.File, len(zr.File))}
	var total uint64
	for _, f := range zr.File {
		size := f.UncompressedSize64
		if size > MaxEntrySize {
			return nil, tooBigEntry(f.Name)
		}
		if size > RatioMinSize && (f.CompressedSize64 == 0 || size/f.CompressedSize64 > MaxRatio) {
			return nil, badRatio(f.Name)
		}
		total += size
		if total > MaxTotalSize {
			return nil, tooBigTotal()
		}
		k := partKey(f.Name)
		if _, dup := p.parts[k]; !dup {
			p.parts[k] = f
		}
	}
	return p, nil
}

func tooBigEntry(name string) error {
	return &pkgError{fmt.Sprintf("文件中的 %s 解压后超过 %d MB", name, MaxEntrySize>>20), hintTooBig}
}

func tooBigTotal() error {
	return &pkgError{fmt.Sprintf("文件解压后超过 %d MB", MaxTotalSize>>20), hintTooBig}
}

func badRatio(name string) error {
	return &pkgError{fmt.Sprintf("文件中的 %s 压缩比超过 %d:1，可能是恶意构造的压缩包", name, MaxRatio), hintDamaged}
}

// has reports whether the package holds a part.
func (p *pkg) has(name string) bool { return p.parts[partKey(name)] != nil }

// read returns a part's bytes, or nil and no error when it is absent. The
// declared sizes are not trusted: the data is read through a limit.
func (p *pkg) read(name string) ([]byte, error) {
	f := p.parts[partKey(name)]
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, errDamaged
	}
	defer rc.Close()
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(rc, MaxEntrySize+1))
	switch {
	case n > MaxEntrySize:
		return nil, tooBigEntry(f.Name)
	case n > RatioMinSize && (f.CompressedSize64 == 0 || uint64(n)/f.CompressedSize64 > MaxRatio):
		return nil, badRatio(f.Name)
	case err != nil:
		return nil, errDamaged
	}
	p.total += n
	if p.total > MaxTotalSize {
		return nil, tooBigTotal()
	}
	return buf.Bytes(), nil
}

// rel is one relationship of a part.
type rel struct {
	typ      string
	target   string // resolved part name, or the raw target when external
	external bool
	escapes  bool // the target points outside the package
}

// relsOf reads the relationships of the part named part ("" for the
// package). A missing or damaged .rels part gives no relationships.
func (p *pkg) relsOf(part string) (map[string]rel, []rel, error) {
	dir, base := path.Split(part)
	data, err := p.read(dir + "_rels/" + base + ".rels")
	if err != nil || data == nil {
		return nil, nil, err
	}
	root, xerr := parseXML(data)
	if xerr != nil {
		return nil, nil, nil
	}
	byID := map[string]rel{}
	var list []rel
	find(root, func(n *node) bool {
		if n.name.Local != "Relationship" {
			return true
		}
		r := rel{typ: n.wattr("Type"), target: n.wattr("Target")}
		if strings.EqualFold(n.wattr("TargetMode"), "External") {
			r.external = true
		} else {
			r.target, r.escapes = resolveTarget(dir, r.target)
		}
		if id := n.wattr("Id"); id != "" {
			if _, dup := byID[id]; !dup {
				byID[id] = r
			}
		}
		list = append(list, r)
		return false
	})
	return byID, list, nil
}

// resolveTarget resolves a relationship target against the source part's
// folder. escapes is set when the target leaves the package.
func resolveTarget(dir, target string) (string, bool) {
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	target = strings.ReplaceAll(target, "\\", "/")
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	var p string
	if strings.HasPrefix(target, "/") {
		p = path.Clean(target[1:])
	} else {
		p = path.Clean(path.Join(dir, target))
	}
	if p == ".." || strings.HasPrefix(p, "../") || p == "." || p == "" || strings.Contains(target, ":") {
		return p, true
	}
	return p, false
}

// relOfType returns the first relationship whose type ends in /suffix.
func relOfType(list []rel, suffix string) (rel, bool) {
	for _, r := range list {
		if strings.HasSuffix(r.typ, "/"+suffix) && !r.external && !r.escapes {
			return r, true
		}
	}
	return rel{}, false
}

// mainPart finds the main document part: the officeDocument relationship
// of the package, else word/document.xml.
func (p *pkg) mainPart() (string, error) {
	_, list, err := p.relsOf("")
	if err != nil {
		return "", err
	}
	if r, ok := relOfType(list, "officeDocument"); ok && p.has(r.target) {
		return r.target, nil
	}
	if p.has("word/document.xml") {
		return "word/document.xml", nil
	}
	return "", nil
}

// mimetype returns the trimmed content of an OpenDocument mimetype entry.
func (p *pkg) mimetype() string {
	f := p.parts["mimetype"]
	if f == nil {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	b, _ := io.ReadAll(io.LimitReader(rc, 200))
	return strings.TrimSpace(string(b))
}

// rootElement returns the local name and namespace of a part's first
// element without reading the whole part.
func (p *pkg) rootElement(name string) (xml.Name, bool) {
	f := p.parts[partKey(name)]
	if f == nil {
		return xml.Name{}, false
	}
	rc, err := f.Open()
	if err != nil {
		return xml.Name{}, false
	}
	defer rc.Close()
	d := xml.NewDecoder(io.LimitReader(rc, maxSniffBytes))
	d.CharsetReader = func(string, io.Reader) (io.Reader, error) { return nil, errors.New("charset") }
	for {
		tok, err := d.Token()
		if err != nil {
			return xml.Name{}, false
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name, true
		}
	}
}
