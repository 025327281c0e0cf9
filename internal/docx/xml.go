package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"unicode/utf16"
)

// XML namespaces, transitional and strict. An undeclared prefix is kept by
// encoding/xml as the namespace, so the bare prefixes are accepted too.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsM       = "http://schemas.openxmlformats.org/officeDocument/2006/math"
	nsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math"
)

// Limits on the shape of one XML part.
const (
	maxXMLDepth = 1000
	maxXMLNodes = 2_000_000
)

var errTooComplex = errors.New("xml: too many elements")

func isW(space string) bool  { return space == nsW || space == nsWStrict || space == "w" }
func isR(space string) bool  { return space == nsR || space == nsRStrict || space == "r" }
func isMC(space string) bool { return space == nsMC || space == "mc" }
func isM(space string) bool  { return space == nsM || space == nsMStrict || space == "m" }

// node is an element of a parsed XML part. Only the character data of
// elements named "t" is kept (w:t, and a:t or m:t, which are not read).
type node struct {
	name xml.Name
	attr []xml.Attr
	kids []*node
	text string
}

// parseXML parses a whole part into a tree under a synthetic root.
func parseXML(data []byte) (*node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(data) >= 2 && (data[0] == 0xff && data[1] == 0xfe || data[0] == 0xfe && data[1] == 0xff) {
		data = fromUTF16(data)
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be", "us-ascii", "ascii":
			return r, nil
		}
		return nil, errors.New("xml: unsupported encoding " + label)
	}
	root := &node{}
	stack := []*node{root}
	count := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > maxXMLNodes {
				return nil, errTooComplex
			}
			if len(stack) > maxXMLDepth {
				return nil, errors.New("xml: nesting too deep")
			}
			n := &node{name: t.Name, attr: t.Attr}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if top := stack[len(stack)-1]; top.name.Local == "t" {
				top.text += string(t)
			}
		}
	}
	if len(stack) != 1 || len(root.kids) == 0 {
		return nil, errors.New("xml: no root element")
	}
	return root, nil
}

// fromUTF16 converts UTF-16 text with a byte-order mark to UTF-8.
func fromUTF16(b []byte) []byte {
	big := b[0] == 0xfe
	b = b[2:]
	u := make([]uint16, len(b)/2)
	for i := range u {
		if big {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return []byte(string(utf16.Decode(u)))
}

// w reports whether n is the WordprocessingML element local.
func (n *node) w(local string) bool { return n != nil && n.name.Local == local && isW(n.name.Space) }

// child returns the first WordprocessingML child named local, or nil.
func (n *node) child(local string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.w(local) {
			return k
		}
	}
	return nil
}

// wattr returns the attribute local, preferring the w: namespace, then no
// namespace, then any.
func (n *node) wattr(local string) string {
	if n == nil {
		return ""
	}
	v, found := "", false
	for _, a := range n.attr {
		if a.Name.Local != local {
			continue
		}
		if isW(a.Name.Space) {
			return a.Value
		}
		if a.Name.Space == "" || !found {
			v, found = a.Value, true
		}
	}
	return v
}

// hasAttr reports whether n has an attribute local in any namespace.
func (n *node) hasAttr(local string) bool {
	if n == nil {
		return false
	}
	for _, a := range n.attr {
		if a.Name.Local == local {
			return true
		}
	}
	return false
}

// rattr returns the relationship-namespace attribute local (r:id, r:embed).
func (n *node) rattr(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local && isR(a.Name.Space) {
			return a.Value
		}
	}
	return ""
}

func (n *node) val() string { return n.wattr("val") }

// choose returns the branch of an mc:AlternateContent that is read: the
// first mc:Choice, or the mc:Fallback when there is no Choice.
func choose(ac *node) *node {
	var fallback *node
	for _, k := range ac.kids {
		if !isMC(k.name.Space) {
			continue
		}
		if k.name.Local == "Choice" {
			return k
		}
		if k.name.Local == "Fallback" && fallback == nil {
			fallback = k
		}
	}
	return fallback
}

func isAltContent(n *node) bool { return n.name.Local == "AlternateContent" && isMC(n.name.Space) }

// countParas counts the w:p elements in n's subtree (n included), reading
// only the chosen branch of each mc:AlternateContent.
func countParas(n *node) int {
	if n == nil {
		return 0
	}
	if isAltContent(n) {
		return countParas(choose(n))
	}
	c := 0
	if n.w("p") {
		c = 1
	}
	for _, k := range n.kids {
		c += countParas(k)
	}
	return c
}

// find calls f for each element in n's subtree in document order (n
// excluded), following only the chosen branch of mc:AlternateContent; f
// returns false to skip an element's children.
func find(n *node, f func(*node) bool) {
	for _, k := range n.kids {
		if isAltContent(k) {
			if c := choose(k); c != nil {
				find(c, f)
			}
			continue
		}
		if f(k) {
			find(k, f)
		}
	}
}
