package proof

import (
	"strings"
	"testing"
)

// A case lists the findings expected, in order, by rule id; a trailing
// "?" means the finding is reported but not safe. want is Apply's result.
type tcase struct {
	in    string
	rules string
	want  string
}

const (
	hp = "halfwidth-punct"
	sq = "straight-quote"
	ub = "unbalanced"
	ts = "typed-space"
	da = "dash"
	el = "ellipsis"
	rp = "repeated-punct"
)

func rules(ids ...string) string { return strings.Join(ids, " ") }

var cases = []tcase{
	// halfwidth-punct: pause and stop marks
	{"工作,推进", rules(hp), "工作，推进"},
	{"完成了.下一步", rules(hp), "完成了。下一步"},
	{"具体要求如下:", rules(hp), "具体要求如下："},
	{"一是加强领导;二是落实责任", rules(hp), "一是加强领导；二是落实责任"},
	{"是否存在问题?请核实.", rules(hp, hp), "是否存在问题？请核实。"},
	{"这是一次难得的机遇!", rules(hp), "这是一次难得的机遇！"},
	{"使用iPhone,好开心!", rules(hp, hp), "使用iPhone，好开心！"},
	{"他说:“我们要坚持下去.”", rules(hp, hp), "他说：“我们要坚持下去。”"},
	{"（见附件）.", rules(hp), "（见附件）。"},
	{"附件1:工作方案", rules(hp), "附件1：工作方案"},
	{"时间:2026年3月27日", rules(hp), "时间：2026年3月27日"},
	{"网址:http://www.gov.cn", rules(hp), "网址：http://www.gov.cn"},
	{"同比增长12.3%.", rules(hp), "同比增长12.3%。"},
	{"固定资产投资增长4.9%.经济运行总体平稳", rules(hp), "固定资产投资增长4.9%。经济运行总体平稳"},
	{"增长5%,全年", rules(hp), "增长5%，全年"},
	{"共完成3项.", rules(hp), "共完成3项。"},
	{"请访问www.gov.cn.", rules(hp), "请访问www.gov.cn。"},
	{"联系邮箱abc@gov.cn.", rules(hp), "联系邮箱abc@gov.cn。"},
	{"请访问https://www.gov.cn/a,b.html,了解详情.", rules(hp, hp), "请访问https://www.gov.cn/a,b.html，了解详情。"},
	{"包括:1.加强组织领导", rules(hp), "包括：1.加强组织领导"},
	{"Thank you, 我们收到了", rules(hp, ts), "Thank you，我们收到了"},
	{"工作 , 推进", rules(ts, hp, ts), "工作，推进"},
	{"北京,2026年", rules(hp), "北京，2026年"},
	{"来自Yahoo!的文档", rules(hp + "?"), "来自Yahoo!的文档"},
	{"阿里巴巴.US上市", rules(hp + "?"), "阿里巴巴.US上市"},
	{"增长3.下一步", rules(hp + "?"), "增长3.下一步"},
	{"合作方为Apple Inc.", "", "合作方为Apple Inc."},
	{"采用了GPT.", rules(hp + "?"), "采用了GPT."},
	{"他说：Hello world.", "", "他说：Hello world."},
	{"1.加强组织领导.2.落实工作责任.", rules(hp, hp), "1.加强组织领导。2.落实工作责任。"},
	{"今年以来,\n全市上下", rules(hp), "今年以来，\n全市上下"},
	{"工作\n,推进", rules(hp), "工作\n，推进"},
	{"本次会议于上午9:00召开,时长2小时.", rules(hp, hp), "本次会议于上午9:00召开，时长2小时。"},
	{"电话:010-12345678,传真:010-87654321.", rules(hp, hp, hp, hp), "电话：010-12345678，传真：010-87654321。"},
	{"王某某(男,1975年生)", rules(hp, hp, hp), "王某某（男，1975年生）"},
	{"见表1.", rules(hp), "见表1。"},
	{"详见report.pdf.", rules(hp), "详见report.pdf。"},
	{"前端使用Node.js.", rules(hp), "前端使用Node.js。"},
	{"详见www.gov.cn.下一步", rules(hp), "详见www.gov.cn。下一步"},
	{"例如Ph.D.学位", "", "例如Ph.D.学位"},
	{"附件1:\"工作方案\"", rules(hp+"?", sq, sq), "附件1:“工作方案”"},
	{"Note: 请注意", rules(hp + "?"), "Note: 请注意"},

	// halfwidth-punct: round brackets
	{"(一)总体要求", rules(hp, hp), "（一）总体要求"},
	{"要求如下:(1)加强领导;(2)落实责任.", rules(hp, hp, hp, hp, hp, hp, hp), "要求如下：（1）加强领导；（2）落实责任。"},
	{"(1) 加强组织领导", rules(hp, hp, ts), "（1）加强组织领导"},
	{"这是（2026)年的事", rules(hp), "这是（2026）年的事"},
	{"印发(2026]3号文", rules(ub + "?"), "印发(2026]3号文"},
	{"引进了(ABC)系统", rules(hp, hp), "引进了（ABC）系统"},
	{"世界贸易组织(WTO)", rules(hp, hp), "世界贸易组织（WTO）"},
	{"蚂蚁集团是阿里巴巴 (BABA.N) 旗下公司", rules(ts, hp, hp, ts), "蚂蚁集团是阿里巴巴（BABA.N）旗下公司"},
	{"iPhone(苹果手机)", rules(hp, hp), "iPhone（苹果手机）"},
	{"(详见附件)", rules(hp, hp), "（详见附件）"},
	{"(一),", rules(hp, hp, hp), "（一），"},
	{"(a)加强领导(b)落实责任", rules(hp, hp, hp, hp), "（a）加强领导（b）落实责任"},
	{"工作（一)和(二）", rules(hp, hp), "工作（一）和（二）"},
	{"f(x)=1,然后", rules(hp), "f(x)=1，然后"},
	{"请在( )内打勾", rules(hp, hp), "请在（ ）内打勾"},
	{"1)加强组织领导", rules(ub + "?"), "1)加强组织领导"},
	{"COVID-19 (Omicron)变种", "", "COVID-19 (Omicron)变种"},

	// straight-quote
	{"他说\"好的\",然后走了.", rules(sq, sq, hp, hp), "他说“好的”，然后走了。"},
	{"实施\"1+3\"工程", rules(sq, sq), "实施“1+3”工程"},
	{"深化\"放管服\"改革,推行\"一件事一次办\"", rules(sq, sq, hp, sq, sq), "深化“放管服”改革，推行“一件事一次办”"},
	{"聚焦群众办事\"难点\"\"堵点\"", rules(sq, sq, sq, sq), "聚焦群众办事“难点”“堵点”"},
	{"“工作\"和\"学习”", rules(sq, sq), "“工作”和“学习”"},
	{"他说\"好的,然后走了.", rules(sq+"?", hp, hp), "他说\"好的，然后走了。"},
	{"群众说:'干部干、群众看'", rules(hp, sq, sq), "群众说：‘干部干、群众看’"},
	{"他说:\"以前是'干部干',现在是'大家办'.\"", rules(hp, sq, sq, sq, hp, sq, sq, hp, sq), "他说：“以前是‘干部干’，现在是‘大家办’。”"},
	{"依托\"i某区\"APP", rules(sq, sq), "依托“i某区”APP"},
	{"他说 \"好\" 然后", rules(ts, sq, sq, ts), "他说“好”然后"},
	{"他身高5'10\"，it's fine", "", "他身高5'10\"，it's fine"},
	{"英文\"Hello\"和中文", rules(sq, sq), "英文“Hello”和中文"},
	{"他说'好'", rules(sq, sq), "他说‘好’"},
	{"这是Jones' book的内容", "", "这是Jones' book的内容"},

	// unbalanced
	{"“工作《方案”》", rules(ub+"?", ub+"?"), "“工作《方案”》"},
	{"“第一段引文没有闭合，下一段继续", rules(ub + "?"), "“第一段引文没有闭合，下一段继续"},
	{"（一加强领导", rules(ub + "?"), "（一加强领导"},
	{"加强领导）", rules(ub + "?"), "加强领导）"},
	{"”工作”", rules(ub+"?", ub+"?"), "”工作”"},
	{"《关于印发〈实施方案〉的通知》", "", "《关于印发〈实施方案〉的通知》"},
	{"【通知】", "", "【通知】"},

	// typed-space
	{"使用 iPhone 手机", rules(ts, ts), "使用iPhone手机"},
	{"推进 工作", rules(ts), "推进工作"},
	{"全年粮食播种面积稳定在 320 万亩以上", rules(ts, ts), "全年粮食播种面积稳定在320万亩以上"},
	{"工作， 推进", rules(ts), "工作，推进"},
	{"工作 ，推进", rules(ts), "工作，推进"},
	{"一、 总体要求", rules(ts), "一、总体要求"},
	{"深化改革\u3000推进发展", rules(ts), "深化改革推进发展"},
	{"使用\u00a0Word\u00a0文档", rules(ts, ts), "使用Word文档"},
	{"PM2.5 平均浓度", rules(ts), "PM2.5平均浓度"},
	{"气温 -5℃", rules(ts), "气温-5℃"},
	{"增长 5% 以上", rules(ts, ts), "增长5%以上"},
	{"“十五五” 规划", rules(ts), "“十五五”规划"},
	{"张三 李四 王五", rules(ts+"?", ts+"?"), "张三 李四 王五"},
	{"张\u3000三", rules(ts + "?"), "张\u3000三"},
	{"全面 推进 高质量 发展", rules(ts+"?", ts+"?", ts+"?"), "全面 推进 高质量 发展"},
	{"第一条 为了规范行政行为", "", "第一条 为了规范行政行为"},
	{"第3条\u3000本办法适用于", "", "第3条\u3000本办法适用于"},
	{"2026年3月27日 星期五", "", "2026年3月27日 星期五"},
	{"\u3000\u3000今年以来，全市", "", "\u3000\u3000今年以来，全市"},
	{"今年以来，\n全市上下", "", "今年以来，\n全市上下"},
	{"今年以来， \n全市 \n上下", "", "今年以来， \n全市 \n上下"},
	{"请在（ ）内打勾", "", "请在（ ）内打勾"},
	{"他说 Hello world 很好", rules(ts, ts), "他说Hello world很好"},
	{"主要任务 1.加强组织 2.落实责任", "", "主要任务 1.加强组织 2.落实责任"},
	{"主要任务 1、加强组织", "", "主要任务 1、加强组织"},

	// dash
	{"工作--推进", rules(da), "工作——推进"},
	{"推进高质量发展—这是关键", rules(da), "推进高质量发展——这是关键"},
	{"他说—“好”", rules(da), "他说——“好”"},
	{"工作－－推进", rules(da), "工作——推进"},
	{"工作――推进", rules(da), "工作——推进"},
	{"工作──推进", rules(da), "工作——推进"},
	{"工作 -- 推进", rules(ts, da, ts), "工作——推进"},
	{"北京—上海高铁", rules(da + "?"), "北京—上海高铁"},
	{"工作---推进", rules(da + "?"), "工作---推进"},
	{"2026年--2030年", rules(da + "?"), "2026年--2030年"},
	{"工作———推进", rules(da + "?"), "工作———推进"},
	{"工作——推进", "", "工作——推进"},
	{"工作 — 推进", rules(ts, da, ts), "工作——推进"},
	{"--工作", rules(da), "——工作"},
	{"— — —", "", "— — —"},

	// ellipsis
	{"等等...下一步", rules(el), "等等……下一步"},
	{"完成了。。。", rules(el), "完成了……"},
	{"省略号…", rules(el), "省略号……"},
	{"经济、社会、文化......等方面", rules(el), "经济、社会、文化……等方面"},
	{"Hello...你好", rules(el), "Hello……你好"},
	{"完成了···下一步", rules(el), "完成了……下一步"},
	{"完成了⋯⋯", rules(el), "完成了……"},
	{"完成了....", rules(el + "?"), "完成了...."},
	{"等等...,下一步", rules(el, hp), "等等……，下一步"},
	{"事事有着落……确保落地", "", "事事有着落……确保落地"},
	{"件件有回音……,事事有着落", rules(hp), "件件有回音……，事事有着落"},
	{"建立长效机制——,既要", rules(hp), "建立长效机制——，既要"},

	// repeated-punct
	{"完成，，推进", rules(rp), "完成，推进"},
	{"工作，,推进", rules(rp), "工作，推进"},
	{"工作,，推进", rules(rp), "工作，推进"},
	{"工作。。下一步", rules(rp), "工作。下一步"},
	{"工作.。下一步", rules(rp), "工作。下一步"},
	{"工作、、推进", rules(rp), "工作、推进"},
	{"工作；；推进", rules(rp), "工作；推进"},
	{"要求：：如下", rules(rp), "要求：如下"},
	{"工作， ，推进", rules(rp), "工作，推进"},
	{"真的吗?!", rules(rp + "?"), "真的吗?!"},
	{"好!!", rules(rp + "?"), "好!!"},
	{"好！！", rules(rp + "?"), "好！！"},
	{"难道不是吗？！", rules(rp + "?"), "难道不是吗？！"},
	{"工作，。推进", rules(rp + "?"), "工作，。推进"},
	{"工作..下一步", rules(rp + "?"), "工作..下一步"},

	// paragraphs as pasted from Word and WeChat
	{
		"今年以来,全市实现地区生产总值1,286.5亿元,同比增长5.8%,增速高于全省平均水平0.6个百分点;规模以上工业增加值增长7.2%.",
		rules(hp, hp, hp, hp, hp),
		"今年以来，全市实现地区生产总值1,286.5亿元，同比增长5.8%，增速高于全省平均水平0.6个百分点；规模以上工业增加值增长7.2%。",
	},
	{
		"(二)聚焦改革创新.深化\"放管服\"改革,企业开办时间压缩至1个工作日以内.",
		rules(hp, hp, hp, sq, sq, hp, hp),
		"（二）聚焦改革创新。深化“放管服”改革，企业开办时间压缩至1个工作日以内。",
	},
	{
		"附件:1.重点项目推进情况表.docx(详见http://www.example.gov.cn/a.html,或发送邮件至tjj@example.gov.cn索取.)",
		rules(hp, hp, hp, hp, hp),
		"附件：1.重点项目推进情况表.docx（详见http://www.example.gov.cn/a.html，或发送邮件至tjj@example.gov.cn索取。）",
	},
	{
		"一是认识不足,工作推进缓慢 ;二是要素保障不到位 ; 三是\"数据孤岛\"问题依然存在.",
		rules(hp, ts, hp, ts, hp, ts, sq, sq, hp),
		"一是认识不足，工作推进缓慢；二是要素保障不到位；三是“数据孤岛”问题依然存在。",
	},
	{
		"各地各部门于每季度末前 5 个工作日内报送（联系人：张三，电话：0123-12345678）。",
		rules(ts, ts),
		"各地各部门于每季度末前5个工作日内报送（联系人：张三，电话：0123-12345678）。",
	},
	{
		"要建立长效机制--既要解决当前问题,又要着眼长远...确保落地见效!!",
		rules(da, hp, el, rp+"?"),
		"要建立长效机制——既要解决当前问题，又要着眼长远……确保落地见效!!",
	},
}

func describe(fs []Finding) string {
	var ids []string
	for _, f := range fs {
		id := f.Rule
		if !f.Safe {
			id += "?"
		}
		ids = append(ids, id)
	}
	return strings.Join(ids, " ")
}

func TestCases(t *testing.T) {
	for _, tc := range cases {
		fs := Check(tc.in)
		if got := describe(fs); got != tc.rules {
			t.Errorf("Check(%q)\n got rules %q\nwant rules %q", tc.in, got, tc.rules)
			for _, f := range fs {
				t.Logf("   %s %v %q→%q %s；%s", f.Rule, f.Safe, tc.in[f.Start:f.End], f.Fix, f.Msg, f.Hint)
			}
		}
		if got := Apply(tc.in, fs); got != tc.want {
			t.Errorf("Apply(%q)\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestMessages(t *testing.T) {
	fs := Check("工作,推进")
	if len(fs) != 1 {
		t.Fatalf("want one finding, got %v", fs)
	}
	f := fs[0]
	want := Finding{Start: 6, End: 7, Rule: hp, Msg: "中文中使用了半角逗号“,”", Hint: "应为全角“，”", Fix: "，", Safe: true}
	if f != want {
		t.Errorf("got %+v\nwant %+v", f, want)
	}
	for _, tc := range []struct{ in, msg, hint string }{
		{"完成了.下一步", "中文中使用了半角句号“.”", "应为全角“。”"},
		{"他说\"好\"", "中文中使用了直引号“\"”", "应为中文左引号（“）"},
		{"使用 Word", "汉字与字母数字之间有手工输入的空格“用 W”", "删除空格（排版时会自动加间距）"},
		{"工作--推进", "破折号写成了“--”", "应为“——”"},
		{"等等...", "省略号写成了“...”", "应为“……”"},
		{"完成，，推进", "标点重复“，，”", "只保留一个“，”"},
		{"《方案", "“《”没有配对的“》”", "请检查是否漏写、多写或套错"},
	} {
		fs := Check(tc.in)
		if len(fs) == 0 || fs[0].Msg != tc.msg || fs[0].Hint != tc.hint {
			t.Errorf("Check(%q) = %+v, want Msg %q Hint %q", tc.in, fs, tc.msg, tc.hint)
		}
	}
}

func TestApplyIgnoresBadFindings(t *testing.T) {
	text := "工作,推进"
	fs := []Finding{
		{Start: 6, End: 7, Fix: "，", Safe: true},
		{Start: 6, End: 7, Fix: "X", Safe: true},   // overlaps the first
		{Start: 3, End: 100, Fix: "Y", Safe: true}, // out of range
		{Start: 0, End: 3, Fix: "Z", Safe: false},  // not safe
		{Start: 5, End: 4, Fix: "W", Safe: true},   // reversed
	}
	if got := Apply(text, fs); got != "工作，推进" {
		t.Errorf("got %q", got)
	}
	if got := Apply(text, nil); got != text {
		t.Errorf("got %q", got)
	}
}
