package segment

import "strings"

// boundSuffix are single characters that end a unit's or a place's name
// (交通委, 大宁路, 管理局): a break before one splits the name.
const boundSuffix = "委路局办站区市县镇乡村会部处厅院所队组省街港厂店室科司馆园署社团员者师"

// nameSuffix are words that end a unit's name (上海邮政国际业务分公司,
// 大宁路街道): a break before one is poor.
var nameSuffix = map[string]bool{
	"分公司": true, "公司": true, "街道": true, "委员会": true, "办公室": true, "管理局": true,
	"集团": true, "中心": true, "协会": true, "支部": true, "党委": true, "总支": true, "分局": true,
	"大队": true, "中队": true, "小组": true, "工作部": true, "服务站": true, "驿站": true, "网点": true,
}

// Rate rates every break position of text: the result has len(text)+1
// entries, entry i for the position before text[i] (Inside, Weak, Word or
// Phrase). Ends rate Phrase.
func Rate(text []rune) []uint8 {
	q := make([]uint8, len(text)+1)
	if len(text) == 0 {
		return q
	}
	q[0], q[len(text)] = Phrase, Phrase
	toks := Segment(text)
	// a word with a name suffix after it is a noun (快递 + 员)
	for k := 0; k+1 < len(toks); k++ {
		if b := toks[k+1]; b.End-b.Start == 1 && strings.ContainsRune(boundSuffix, text[b.Start]) && toks[k].Tag != "x" && toks[k].End-toks[k].Start > 1 {
			toks[k].Tag = "n"
		}
	}
	for k := 1; k < len(toks); k++ {
		a, b := toks[k-1], toks[k]
		q[b.Start] = rate(text, a, b)
	}
	// A unit's name (上海邮政国际业务分公司, 中国邮政集团有限公司): the
	// nouns before a name suffix hold together, back to the previous
	// name's end.
	for k := 1; k < len(toks); k++ {
		if !suffix(text, toks[k]) {
			continue
		}
		for m := k; m > 0; m-- {
			a := toks[m-1]
			if !noun(a.Tag) || suffix(text, a) {
				break
			}
			q[toks[m].Start] = min(q[toks[m].Start], Weak)
		}
	}
	return q
}

// suffix reports whether t ends a unit's name.
func suffix(text []rune, t Token) bool {
	w := string(text[t.Start:t.End])
	return nameSuffix[w] || (t.End-t.Start == 1 && strings.Contains(boundSuffix, w)) || strings.HasSuffix(w, "公司") || strings.HasSuffix(w, "局") || strings.HasSuffix(w, "委")
}

func noun(tag string) bool {
	return tag != "" && (tag[0] == 'n' || tag == "j" || tag == "s" || tag == "l" || tag == "i" || tag == "b")
}

func verb(tag string) bool { return tag == "v" || tag == "vd" || tag == "vi" }

// rate gives the quality of a break between the words a and b.
func rate(text []rune, a, b Token) uint8 {
	bw := string(text[b.Start:b.End])
	aw := string(text[a.Start:a.End])
	single := func(t Token) bool { return t.End-t.Start == 1 }
	switch {
	case a.Tag == "x" || b.Tag == "x":
		return Word // next to Latin, digits or punctuation (linebreak's rules decide)
	case single(b) && strings.Contains(boundSuffix, bw) && a.Tag != "p" && a.Tag != "c" && !(single(a) && verb(a.Tag)):
		return Inside // 交通|委, 大宁|路
	case single(a) && single(b) && a.Tag == "" && b.Tag == "":
		return Inside // characters of an unknown word
	case strings.HasPrefix(b.Tag, "u") || b.Tag == "y":
		return Inside // 的, 了, 着 stay with the word before
	case nameSuffix[bw] && !verb(a.Tag):
		return Weak // 国际业务|分公司
	case b.Tag == "p" || b.Tag == "c" || a.Tag == "c":
		return Phrase // before 与, 和, 在; after 和
	case verb(b.Tag) && (noun(a.Tag) || a.Tag == "d" || a.Tag == "t"):
		return Phrase // subject | predicate: 青浦邮政管理局|参加
	case verb(a.Tag) && (noun(b.Tag) || b.Tag == "vn" || b.Tag == "m"):
		return Weak // verb | object: 维护|快递员
	case aw == "的":
		return Word
	}
	return Word
}
