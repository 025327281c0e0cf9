package proof

import "testing"

// negatives must produce no safe finding: Apply leaves them as they are.
var negatives = []string{
	// URLs, e-mail, entities
	"https://www.gov.cn/a,b;c:d!e?f(g).html",
	"详见https://www.gov.cn/zhengce/content/2026-03/27/content_123.htm",
	"http://example.com/path?a=1&b=2#frag",
	"ftp://files.example.org/pub/",
	"www.gov.cn",
	"详见www.gov.cn",
	"tjj@example.gov.cn",
	"发送至tjj@example.gov.cn",
	"first.last+tag@mail.example.co.uk",
	"中文&quot;引号&quot;文字&amp;符号&#34;",
	"&nbsp;中文",
	// numbers, dates, times, ratios, versions
	"3.5", "1,000", "12:30", "1:500", "2026-03-27", "v1.2.3",
	"共1,000人", "增长3.5%", "比例尺1:500", "时间12:30", "版本v1.2.3",
	"3.5亿元", "0.6个百分点", "第1.2条", "2026.03.27", "10:00-12:00",
	"第1-3条", "1-3月", "2026—2030年", "1—3", "1+1=2", "¥100", "$5",
	"GB/T 9704-2012", "ISO 9001:2015", "ISO9001:2015认证",
	"第1,2条", "第1, 2条",
	// Latin text
	"Hello, world!", "Hello world.", "Hello, world. This is fine.",
	"Wait... what?!", "It's fine.", "Jones' book", "He said \"yes\".",
	"the 'quoted' word", "Mr. Smith", "U.S. policy", "e.g.", "i.e., the",
	"10 a.m.", "Hello (world)", "(a) the first", "a) item",
	"COVID-19 (Omicron)", "COVID-19", "Smith · Jones", "a -- b", "x—y",
	"Without looking like it’s ‘been’ marked up with “formatting instructions”.",
	"The Exchange’s report",
	// code-like tokens and file names
	"report.pdf", "见report.pdf", "fmt.Println(\"hi\")", "x=1;y=2",
	"C:\\Users\\admin", "f(x)=x+1", "使用f(x)计算", "node.js", "Vue.js框架",
	"使用--help参数", "<!-- 注释 -->", "a/b/c", "foo_bar-baz",
	"工作方案.docx", "工作方案.docx已下发",
	// mixed Chinese tokens that are right as they are
	"使用COVID-19检测", "5G+工业互联网", "发展5G+工业互联网", "“1+3”",
	"实施“1+3”工程", "A/B", "A/B测试", "No.1", "No.1文件", "Q&A",
	"HTTP/2与HTTP/1.1", "C/C++", "iPhone 15 Pro", "例如e.g.北京",
	"阿里巴巴.US", "来自Yahoo!的文档", "1.加强组织领导", "（一）1.加强",
	"1.加强组织领导；2.落实工作责任", "北京—上海", "北京-上海", "一一对应",
	"第一条 为了规范", "2026年3月27日 星期五", "张三 李四 王五", "张\u3000三",
	"这是“正确”的用法。", "《中华人民共和国宪法》", "国办发〔2026〕3号",
	"他身高5'10\"", "屏幕为15.6\"", "事事有着落……确保落地", "长效机制——既要",
	"工作\n推进", "工作，\n推进", "工作 \n推进", "\u3000\u3000今年以来", "  今年以来",
	"今年以来 ", "请在（ ）内打勾", "（　）", "卡尔·马克思", "中●文",
	"Hello wait…, ok", "word—, other", "a · b, c", "the end…", "x — y",
	"", " ", "\n", ".", ",", "...", "--", "\"", "'", "“", "—",
}

func TestNegatives(t *testing.T) {
	for _, in := range negatives {
		fs := Check(in)
		for _, f := range fs {
			if f.Safe {
				t.Errorf("Check(%q): unexpected safe finding %s %q→%q (%s)", in, f.Rule, in[f.Start:f.End], f.Fix, f.Msg)
			}
		}
		if got := Apply(in, fs); got != in {
			t.Errorf("Apply(%q) = %q, want unchanged", in, got)
		}
	}
}
