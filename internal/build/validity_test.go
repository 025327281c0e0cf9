package build

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Every example, as built now and as committed in golden/, passes
// qpdf --check, and pdffonts lists every font as embedded, as a subset
// (a six-letter tag) and with a ToUnicode map (so the text extracts).
func TestPDFValidity(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	pdffonts := needTool(t, "pdffonts")
	for _, m := range examples(t) {
		res := buildExample(t, m)
		built := filepath.Join(t.TempDir(), "built.pdf")
		os.WriteFile(built, res.PDF, 0o644)
		golden := filepath.Join(filepath.Dir(m), "golden", "bulletin.pdf")
		for _, pdf := range []string{built, golden} {
			out, err := exec.Command(qpdf, "--check", pdf).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "No syntax or stream encoding errors") {
				t.Errorf("%s: qpdf --check: %v\n%s", pdf, err, out)
			}
			out, err = exec.Command(pdffonts, pdf).Output()
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) < 3 {
				t.Fatalf("%s: no fonts listed:\n%s", pdf, out)
			}
			for _, l := range lines[2:] {
				f := strings.Fields(l)
				// name type... encoding emb sub uni object ID
				if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("%s: font not embedded as a subset with a ToUnicode map: %s", pdf, l)
				}
			}
		}
	}
}
