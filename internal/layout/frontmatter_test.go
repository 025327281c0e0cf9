package layout

import (
	"regexp"
	"strings"
	"testing"

	"jianbao/layouts"
)

// A layout written before the page-1 and back-matter fields loads, with
// the defaults the built-in layouts spell out.
func TestOldLayoutGetsFrontDefaults(t *testing.T) {
	src, _ := layouts.FS.ReadFile("jianbao.yaml")
	full, errs := Parse("layouts/jianbao.yaml", src)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	s := string(src)
	for _, key := range []string{"copy_number", "contents", "section", "staff_line"} {
		re := regexp.MustCompile(`(?m)^` + key + `:.*\n(  .*\n)*`)
		if !re.MatchString(s) {
			t.Fatalf("%s not in the built-in layout", key)
		}
		s = re.ReplaceAllString(s, "")
	}
	s = regexp.MustCompile(`(?m)^  extra_label:.*\n`).ReplaceAllString(s, "")
	if strings.Contains(s, "本期要目") || strings.Contains(s, "extra_label") {
		t.Fatal("new fields left in the old layout")
	}
	old, errs := Parse("old.yaml", []byte(s))
	if len(errs) > 0 {
		t.Fatalf("an old layout no longer loads: %v", errs)
	}
	if old.Contents.Title != "本期要目" || old.Contents.Bullet != "※" || old.Contents.Leader != "…" || old.Contents.Heading.Font != "heiti" || old.Contents.Item.Font != "fangsong" {
		t.Errorf("contents defaults: %+v", old.Contents)
	}
	if old.Section.Format != full.Section.Format || old.Section.Font != "heiti" || old.CopyNumber.Size.Abs != 16000 {
		t.Errorf("section / copy number defaults: %+v %+v", old.Section, old.CopyNumber)
	}
	if old.Distribution.ExtraLabel != "本期增发" || old.StaffLine.Position != "inside" || old.StaffLine.Format != full.StaffLine.Format || old.StaffLine.Separator != full.StaffLine.Separator {
		t.Errorf("back matter defaults: %q %+v", old.Distribution.ExtraLabel, old.StaffLine)
	}
}

func TestFrontFieldErrors(t *testing.T) {
	for _, c := range []struct{ add, want string }{
		{"section: {format: 栏目}\n", "section.format 应包含 {name}"},
		{"staff_line: {position: below}\n", "staff_line.position 应是 inside 或 above"},
		{"contents: {leader: \"..\"}\n", "contents.leader 应是一个字符"},
		{"contents: {item: {font: nosuch}}\n", `contents.item.font 为 "nosuch"，不是已定义的字体角色`},
		{"contents: {leading: 10pt}\n", "contents.leading 应不小于"},
	} {
		_, errs := Parse("x.yaml", []byte("base: jianbao\n"+c.add))
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) {
			t.Errorf("%q: %v", c.add, errs)
		}
	}
}
