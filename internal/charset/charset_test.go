package charset

import "testing"

// The sizes are those of the standards: GB 2312 has 6,763 hanzi; GBK
// decodes to 21,886 characters outside its user-defined areas (x/text
// maps a few codes to PUA, which are left out); level 1 of GB 18030-2022
// adds the rest of Ext A and the URO up to U+9FEF.
func TestSizes(t *testing.T) {
	if n := len(GB2312Hanzi()); n != 6763 {
		t.Errorf("GB 2312 hanzi: %d, want 6763", n)
	}
	gbk := GBK()
	if n := len(gbk); n < 21800 || n > 21900 {
		t.Errorf("GBK: %d characters", n)
	}
	seen := map[rune]bool{}
	for _, r := range gbk {
		if seen[r] {
			t.Fatalf("GBK lists %U twice", r)
		}
		seen[r] = true
	}
	for _, r := range []rune("中国邮政快递丽骊") {
		if !seen[r] {
			t.Errorf("GBK lacks %c", r)
		}
	}
	l1 := GB18030Level1()
	if len(l1) < 27000 {
		t.Errorf("GB 18030 level 1: %d characters", len(l1))
	}
}
