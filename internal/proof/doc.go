// Package proof holds the copy-editing rules (校对) that find typing
// problems in Chinese prose and make the repairs that are safe.
//
// Check looks at one paragraph and reports Findings; Apply makes the safe
// ones. Each Finding has a stable rule id:
//
//   - halfwidth-punct: half-width , . : ; ! ? ( ) in Chinese context:
//     "工作,推进" → "工作，推进", "(一)" → "（一）", "（2026)" → "（2026）".
//   - straight-quote: straight " and ' in Chinese context → “” and ‘’,
//     paired by alternation together with the curly ones already there.
//   - unbalanced: “” ‘’ 《》 （） 【】 〔〕 〈〉 「」 『』 〖〗 that do not pair
//     up or nest wrongly ("“《”》"); only reported.
//   - typed-space: hand-typed spaces (space, NBSP, U+3000, tab) between Han
//     and a Latin letter or digit, between two Han characters, or next to
//     full-width punctuation: the typesetter adds its own spacing.
//   - dash: "--", "—", "－－", "――", "──" for the dash "——".
//   - ellipsis: "...", "......", "。。。", "…", "⋯⋯", "···" for "……".
//   - repeated-punct: "，，" "。。" "、、" "；；" "：：" "，," become one mark;
//     "！！" "？？" "?!" and mixed runs like "，。" are only reported.
//
// Context. A mark is in Chinese context when what it touches on the side
// that matters is a Han character or full-width punctuation. Quotation
// marks are looked through ("好".→“好”。), and typed spaces too, but
// only within a source line: "\n" stops the look and is never changed.
// A single "—", "…" or "·" is Western typography as well and does not
// make its neighbour Chinese; "——" and "……" do.
//
// Not prose, never changed: URLs (scheme://…, www.…, trailing sentence
// marks excluded), e-mail addresses, HTML entities (&amp; &#34;). Marks
// between two letters or digits (3.5, 1,000, 12:30, 1:500, v1.2.3, No.1,
// report.pdf, a;b). Single hyphens (2026-03-27, 1-3, COVID-19, 北京-上海).
//
// The careful cases, each decided on purpose:
//   - "." after a digit enumerator stays: "1.加强组织领导", "。2.落实";
//     after Han and before one, it is a full stop: "领导.2.落实" → "领导。2.落实".
//   - "." after a word is a full stop only when the word is a number
//     ("增长12.3%.", "达到4.9%.经济"), a link or dotted name ("www.gov.cn.",
//     "report.pdf."); after a letter word ("GPT.", "阿里巴巴.US") or a digit
//     before Han ("增长3.下一步") it is only reported; abbreviations
//     (Inc. e.g. U.S. etc.) and Chinese file names ("方案.docx") keep it.
//   - "!" after a Latin word and before Han ("Yahoo!的") and ":" after a
//     word with a space or quote before Han are only reported.
//   - "(…)" with Latin or digits inside becomes full-width only when it
//     stands in Chinese on both sides ("引进了(ABC)系统", "(1)加强");
//     "COVID-19 (Omicron)" and "f(x)" stay.
//   - straight quotes are repaired only when every quote of their kind in
//     the paragraph pairs up; apostrophes (it's, Jones') and foot and inch
//     marks (5'10") are not quotes.
//   - one "—" directly between two short Han names ("北京—上海") may be the
//     one-em connector of GB/T 15834 and is only reported; next to digits
//     ("2026—2030年") it is left alone; "--help" is left alone; "一一" is a
//     word.
//   - spaces stay after "第一条" and the like, between a date and its
//     weekday, before a digit enumerator ("任务 1.加强"), inside a blank
//     "（ ）", between a quote and a Latin letter, and between two dashes or
//     two dots; leading spaces (indentation) and spaces at a line end stay.
//     A space between two Han characters is removed only when it is the
//     only one in the paragraph and not between two single characters
//     (several look like a list of names: "张三 李四 王五").
//
// What was taken from huacnlee/autocorrect (Rust; rule/fullwidth.rs,
// rule/word.rs, rule/halfwidth.rs, rule/mod.rs): the split between the
// safer "," "?" (full-width when Han is on the left, or on the right with a
// word on the left: "iPhone,好开心") and the riskier "." ":" "!" (need Han
// on the left; "阿里巴巴.US", "Yahoo!的" are left); skipping strings that
// look like paths and URLs, and HTML entities (its reason for refusing
// "中文;中文"); removing spaces next to full-width punctuation
// (no-space-fullwidth); its space-word pairs Han–Latin/digit and "+5"/"-5"
// as numbers, which we remove instead of add; its CJK test cases.
//
// What was taken from zhlint (TypeScript; src/rules, src/parser): skip a
// half-width mark between half-width content without spaces, and do not
// fix successive half-width marks one by one ("?!", "..."); the skipAbbrs
// list (Mr. Dr. etc. e.g. i.e. a.k.a.); skipping pure Western sentences,
// where curly quotes alone do not make text Chinese; the shorthand test
// for apostrophes; pairing neutral quotes on a stack with the curly ones
// and reporting, never repairing, unmatched brackets and quotes; removing
// spaces between full-width content and inside/outside full-width quotes
// and brackets; "⋯" as a variant of "…", "——"/"……" as the Chinese forms;
// and from skipZhUnits the idea that number–unit spacing is the
// typesetter's business.
//
// Every safe repair is meant to be final: checking the repaired text finds
// nothing more to repair. The punctuation rules depend on each other's
// repairs and run in rounds until they settle; a paragraph that does not
// settle in eight rounds (only long chains of marks do), or whose repairs
// would leave something new to repair, gets all its findings as unsafe.
package proof
