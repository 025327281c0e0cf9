package proof

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var ruleIDs = map[string]bool{hp: true, sq: true, ub: true, ts: true, da: true, el: true, rp: true}

// checkProperties verifies what Check and Apply promise for one text.
func checkProperties(t *testing.T, text string, strict bool) {
	t.Helper()
	before := netTrips.Load()
	fs := Check(text)
	bounds := map[int]bool{len(text): true}
	for i := range text {
		bounds[i] = true
	}
	end := 0
	for k, f := range fs {
		if f.Start < 0 || f.End > len(text) || f.Start > f.End {
			t.Fatalf("Check(%q): finding %d out of range: %+v", text, k, f)
		}
		if !bounds[f.Start] || !bounds[f.End] {
			t.Fatalf("Check(%q): finding %d not on rune boundaries: %+v", text, k, f)
		}
		if k > 0 && fs[k-1].Start > f.Start {
			t.Fatalf("Check(%q): findings not sorted by Start", text)
		}
		if !ruleIDs[f.Rule] || f.Msg == "" || f.Hint == "" ||
			strings.ContainsAny(f.Msg+f.Hint, "\n\r") || !strings.Contains(f.Msg, "“") {
			t.Fatalf("Check(%q): bad finding %+v", text, f)
		}
		if f.Safe {
			if f.Start < end {
				t.Fatalf("Check(%q): safe findings overlap: %+v", text, f)
			}
			end = f.End
		}
	}
	out := Apply(text, fs)
	// Nothing outside the safe findings' ranges changes.
	pos, rest := 0, out
	for _, f := range fs {
		if !f.Safe {
			continue
		}
		keep := text[pos:f.Start]
		if !strings.HasPrefix(rest, keep+f.Fix) {
			t.Fatalf("Apply(%q) = %q changes text outside the findings", text, out)
		}
		rest = rest[len(keep)+len(f.Fix):]
		pos = f.End
	}
	if rest != text[pos:] {
		t.Fatalf("Apply(%q) = %q changes text after the last finding", text, out)
	}
	// Idempotent: nothing more to repair.
	for _, f := range Check(out) {
		if f.Safe {
			t.Fatalf("Check(Apply(%q)) = Check(%q) has safe finding %s %q→%q", text, out, f.Rule, out[f.Start:f.End], f.Fix)
		}
	}
	if strict && netTrips.Load() != before {
		t.Fatalf("Check(%q): the safe repairs were not final and were withdrawn", text)
	}
}

func prose(t testing.TB) []string {
	data, err := os.ReadFile("testdata/prose.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}

func TestProperties(t *testing.T) {
	before := unsettled.Load()
	defer func() {
		if unsettled.Load() != before {
			t.Errorf("the rounds did not settle on a realistic text")
		}
	}()
	var texts []string
	for _, tc := range cases {
		texts = append(texts, tc.in, tc.want)
	}
	texts = append(texts, negatives...)
	texts = append(texts, prose(t)...)
	texts = append(texts, strings.Join(prose(t), "\n"))
	for _, s := range texts {
		checkProperties(t, s, true)
	}
}

func FuzzCheck(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	for _, s := range negatives {
		f.Add(s)
	}
	for _, s := range prose(f) {
		f.Add(s)
	}
	f.Add("\xe5 \x8a,工作\xff.")
	f.Fuzz(func(t *testing.T, text string) {
		checkProperties(t, text, true)
		if utf8.ValidString(text) && !utf8.ValidString(Apply(text, Check(text))) {
			t.Fatalf("Apply(%q) made invalid UTF-8", text)
		}
		// The same bytes read as tokens of Chinese prose reach the rules'
		// interactions far more often than random bytes do.
		checkProperties(t, tokens(text), true)
	})
}

// vocabulary holds the pieces of text the rules care about.
var vocabulary = strings.Fields(`工 作 推 进 第 一 条 日 星 期 周 年 ` +
	`, . : ; ! ? ( ) " ' ， 。 ： ； ！ ？ 、 （ ） “ ” ‘ ’ 《 》 【 】 ` +
	`- -- — —— ― ─ － … ⋯ · ... 。。。 1 3 0 5% a A it s e.g Inc ` +
	`http://a.cn/x www.a.cn a@b.cn &amp; docx 〔 〕`)

var spaces = []string{" ", " ", "  ", "\u3000", "\u00a0", "\n", "\t"}

// tokens maps each byte to a token of the vocabulary or a space.
func tokens(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		k := int(s[i])
		if k < 40 {
			b.WriteString(spaces[k%len(spaces)])
			continue
		}
		b.WriteString(vocabulary[k%len(vocabulary)])
	}
	return b.String()
}

func TestRandomTokens(t *testing.T) {
	seed := uint64(1)
	next := func() byte {
		seed ^= seed << 13
		seed ^= seed >> 7
		seed ^= seed << 17
		return byte(seed)
	}
	n := 30000
	if testing.Short() {
		n = 3000
	}
	if v, err := strconv.Atoi(os.Getenv("PROOF_RANDOM")); err == nil {
		n = v // for a long run: PROOF_RANDOM=1000000
	}
	if v, err := strconv.ParseUint(os.Getenv("PROOF_SEED"), 10, 64); err == nil && v != 0 {
		seed = v
	}
	before := unsettled.Load()
	maxLen := 16
	if v, err := strconv.Atoi(os.Getenv("PROOF_LEN")); err == nil && v > 0 {
		maxLen = v
	}
	for range n {
		buf := make([]byte, 1+int(next())%maxLen)
		for i := range buf {
			buf[i] = next()
		}
		checkProperties(t, tokens(string(buf)), true)
	}
	t.Logf("%d of %d texts did not settle", unsettled.Load()-before, n)
}

func BenchmarkCheck(b *testing.B) {
	paras := prose(b)
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range paras {
			Check(p)
		}
	}
}
