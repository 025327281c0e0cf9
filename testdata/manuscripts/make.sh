#!/bin/sh
# Regenerates the manuscript fixtures in this folder from the sources in src/
# with the real producers (LibreOffice, pandoc). See README.md for what each
# fixture is. Safe to run again: every output is rewritten from src/.
#
# Needs these Debian packages (bookworm names):
#   libreoffice-writer-nogui   soffice (or libreoffice-writer)
#   pandoc                     pandoc
#   python3                    src/zipstamp.py, nodoc.docx, src/photos.py
#   libc-bin                   iconv (always installed)
#   libjpeg-turbo-progs        cjpeg, only for `sh make.sh photos`
#   apt-get install -y --no-install-recommends libreoffice-writer-nogui pandoc python3
#
# Usage: sh make.sh          regenerate every fixture
#        sh make.sh photos   first redraw src/photo-*.png/.jpg and embed the
#                            PNG in src/lo-anquan.fodt, then regenerate
set -eu

cd "$(dirname "$0")"

need() {
	command -v "$1" >/dev/null 2>&1 || {
		echo "make.sh: $1 not found; install the Debian package $2 (apt-get install -y --no-install-recommends $2)" >&2
		exit 1
	}
}
need soffice libreoffice-writer-nogui
need pandoc pandoc
need python3 python3
need iconv libc-bin

# Fixed time: pandoc stamps zip entries and docProps with it; src/zipstamp.py
# applies it to LibreOffice's zips (2026-03-20 00:00:00 UTC).
SOURCE_DATE_EPOCH=1773964800
TZ=UTC
LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH TZ LC_ALL

EXAMPLES=../../examples/2026-09
BENCH="01-dangzu-huiyi 03-pudong-jufengyi 05-huangpu 08-guoji-jinqi"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

if [ "${1:-}" = photos ]; then
	need cjpeg libjpeg-turbo-progs
	python3 src/photos.py src
	cjpeg -quality 85 -optimize -outfile src/photo-jiedao.jpg src/photo-jiedao.ppm
	rm -f src/photo-jiedao.ppm
elif [ $# -gt 0 ]; then
	echo "usage: sh make.sh [photos]" >&2
	exit 2
fi

# lo FORMAT: convert src/lo-anquan.fodt with LibreOffice into $tmp/lo/.
# A private profile keeps a running LibreOffice (or its first-start dialogs)
# out of the way; SAL_RAND_REPEATABLE makes its rsids repeatable.
lo() {
	SAL_RAND_REPEATABLE=1 soffice -env:UserInstallation="file://$tmp/profile" \
		--headless --convert-to "$1" --outdir "$tmp/lo" src/lo-anquan.fodt \
		>"$tmp/lo.log" 2>&1 || true
	[ -s "$tmp/lo/lo-anquan.${1%%:*}" ] || {
		cat "$tmp/lo.log" >&2
		echo "make.sh: soffice did not write lo-anquan.${1%%:*}" >&2
		exit 1
	}
}

# manifest OUT COMMENT ARTICLE...: the examples' manifest with another
# first-line comment and another article list.
manifest() {
	out=$1
	comment=$2
	shift 2
	{
		echo "# $comment"
		awk -v list="$*" '
			NR == 1 && /^#/ { next }
			/^articles:/ { print; n = split(list, a, " "); for (i = 1; i <= n; i++) print "  - " a[i]; skip = 1; next }
			skip && /^  - / { next }
			{ skip = 0; print }
		' "$EXAMPLES/bulletin.yaml"
	} >"$out"
}

# 1 and 6: LibreOffice from the flat ODT.
lo docx
lo doc
lo odt
python3 src/zipstamp.py "$SOURCE_DATE_EPOCH" "$tmp/lo/lo-anquan.docx" "$tmp/lo/lo-anquan.odt"
cp "$tmp/lo/lo-anquan.docx" lo-anquan.docx
cp "$tmp/lo/lo-anquan.doc" legacy.doc
cp "$tmp/lo/lo-anquan.doc" legacy.wps
cp "$tmp/lo/lo-anquan.odt" odt-renamed.docx
head -c $(($(wc -c <lo-anquan.docx) / 2)) lo-anquan.docx >truncated.docx

# 2 and 3: pandoc from Markdown.
pandoc -f markdown -t docx --resource-path=src -o pandoc-jiedao.docx src/pandoc-jiedao.md
pandoc -f markdown -t docx -o pandoc-table.docx src/pandoc-table.md

# 4: GB18030 with CRLF line ends.
awk '{ printf "%s\r\n", $0 }' src/gb18030-crlf.utf8.txt | iconv -f UTF-8 -t GB18030 >gb18030-crlf.txt
if iconv -f UTF-8 -t UTF-8 gb18030-crlf.txt >/dev/null 2>&1; then
	echo "make.sh: gb18030-crlf.txt decodes as UTF-8; it must not" >&2
	exit 1
fi
iconv -f GB18030 -t UTF-8 gb18030-crlf.txt | tr -d '\r' | cmp -s - src/gb18030-crlf.utf8.txt || {
	echo "make.sh: gb18030-crlf.txt does not round-trip" >&2
	exit 1
}

# 5: text pasted from Word/WeChat, and the same as a Markdown article.
cp src/pasted-wechat.txt pasted-wechat.txt
{ printf '# '; cat src/pasted-wechat.txt; } >pasted-wechat.md

# 6: a zip that is no Word document.
python3 - <<'EOF'
import zipfile
info = zipfile.ZipInfo("readme.txt", date_time=(2026, 3, 20, 0, 0, 0))
info.compress_type = zipfile.ZIP_DEFLATED
with zipfile.ZipFile("nodoc.docx", "w") as z:
    z.writestr(info, "这不是 Word 文档，只是一个压缩包里的文本文件。\n".encode("utf-8"))
EOF

# 7: the issue of the good manuscripts.
manifest bulletin.yaml "稿件测试：LibreOffice、pandoc 写的 .docx 与纯文本稿件组成的一期（testdata/manuscripts/make.sh 生成）" \
	lo-anquan.docx pandoc-jiedao.docx gb18030-crlf.txt pasted-wechat.txt

# 8: the benchmark issue, four examples articles as .docx and as .md.
rm -rf bench
mkdir -p bench/md
docx=
md=
for a in $BENCH; do
	cp "$EXAMPLES/articles/$a.md" "bench/md/$a.md"
	pandoc -f markdown -t docx -o "bench/$a.docx" "bench/md/$a.md"
	docx="$docx $a.docx"
	md="$md md/$a.md"
done
# shellcheck disable=SC2086 # the lists split on purpose
manifest bench/bulletin-docx.yaml "基准：examples/2026-09 的四篇稿件，pandoc 转成 .docx（testdata/manuscripts/make.sh 生成）" $docx
# shellcheck disable=SC2086
manifest bench/bulletin-md.yaml "基准：与 bulletin-docx.yaml 同样四篇稿件的 Markdown 原稿（testdata/manuscripts/make.sh 生成）" $md

for f in lo-anquan.docx pandoc-jiedao.docx pandoc-table.docx odt-renamed.docx nodoc.docx bench/*.docx; do
	python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' "$f" || {
		echo "make.sh: $f is not a sound zip" >&2
		exit 1
	}
done
echo "make.sh: fixtures written in $(pwd)"
