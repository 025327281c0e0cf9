#!/bin/sh
# Regenerate every font file in this folder from the Debian and npm packages.
#
# Needs: apt-get (Debian 12), npm, and Debian's python3-fonttools
# (apt-get install -y python3-fonttools). Call /usr/bin/python3 explicitly:
# a pyenv python3 cannot see Debian's fontTools.
#
# The output is byte-identical across runs: fontTools is told not to
# recalculate head.modified, and pyftsubset is deterministic.
# Building jianbao never needs this script: the results are committed.
# About three minutes, most of it converting the CJK Song face to glyf.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${FONTS_WORK:-$(mktemp -d)}
WORK=$(cd "$WORK" && pwd)
PY=/usr/bin/python3
cd "$WORK"

# Pinned sources.
DEBS="texlive-lang-chinese=2022.20230122-1 fonts-arphic-gkai00mp=2.11-16 fonts-liberation2=2.1.5-1"
NPMS="@expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3"
# Noto Serif CJK 2.003 is in Debian 13 (trixie) only: bookworm's 2.001 lacks
# U+4DB6-4DBF and U+9FEB-9FEF. apt-get fetches it through a private source
# list (the system's own Debian mirror, suite trixie) and leaves the
# system's package lists alone.
TRIXIE_DEBS="fonts-noto-cjk=1:20240730+repack1-1"

if [ ! -d x ]; then
  mkdir -p x apt/lists/partial apt/cache/archives/partial
  apt-get download $DEBS
  MIRROR=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' | awk '$2 !~ /-/ { print $1; exit }')
  echo "deb $MIRROR trixie main" > apt/sources.list
  APTX="-o APT::Sandbox::User=root -o Dir::Etc::sourcelist=$WORK/apt/sources.list -o Dir::Etc::sourceparts=- -o Dir::State::Lists=$WORK/apt/lists -o Dir::Cache=$WORK/apt/cache"
  apt-get $APTX -qq update
  apt-get $APTX download $TRIXIE_DEBS
  for d in *.deb; do dpkg -x "$d" x; done
  npm pack $NPMS >/dev/null
  for t in *.tgz; do mkdir -p "x/$(basename "$t" .tgz)"; tar -xzf "$t" -C "x/$(basename "$t" .tgz)"; done
fi

FANDOL=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
SERIF=x/expo-google-fonts-noto-serif-sc-0.4.3/package
SANS=x/expo-google-fonts-noto-sans-sc-0.4.3/package
LIB=x/usr/share/fonts/truetype/liberation2
NOTOCJK=x/usr/share/fonts/opentype/noto

# Character sets: GB 2312 (+ Latin, punctuation) for most faces,
# and for the CJK Song fallback GB 18030-2022 level 1 + the 8,105 characters
# of the 通用规范汉字表 (tongyong-8105.txt) + the same extras.
$PY "$HERE/charset.py" "$HERE/charset-extra.txt" > gb2312.txt
$PY "$HERE/charset.py" --gb18030 "$HERE/charset-extra.txt" --list "$HERE/tongyong-8105.txt" --list "$HERE/names-extra.txt" > song.txt

SUBSET="--layout-features= --no-hinting --desubroutinize --name-IDs=* --name-languages=* --notdef-outline --drop-tables+=EBDT,EBLC,EBSC,DSIG,vhea,vmtx,VORG,BASE,JSTF,MATH,GDEF,GSUB,GPOS"

# 仿宋: FandolFang is CFF; keep every character it maps, then convert to glyf.
$PY -m fontTools.subset "$FANDOL/FandolFang-Regular.otf" --unicodes='*' $SUBSET --output-file=fang-cff.otf
$PY "$HERE/otf2ttf.py" fang-cff.otf "$HERE/FandolFang-Regular.ttf"

# 小标宋 (masthead, titles): Noto Serif SC Bold, GB 2312 set.
$PY -m fontTools.subset "$SERIF/700Bold/NotoSerifSC_700Bold.ttf" --unicodes-file=gb2312.txt $SUBSET --output-file="$HERE/NotoSerifSC-Bold.ttf"
# 宋体 (page numbers, fallback for every role): Noto Serif CJK SC Regular (face 2 of the OTC, found
# by name), the song.txt set, converted to glyf, glyphs in code point order,
# format-4 and format-12 cmaps, family renamed "Noto Serif CJK SC Subset".
$PY "$HERE/notocjk.py" "$NOTOCJK/NotoSerifCJK-Regular.ttc" song.txt "$HERE/NotoSerifCJKsc-Regular.ttf" $SUBSET
# 黑体: Noto Sans SC Medium, GB 2312 set.
$PY -m fontTools.subset "$SANS/500Medium/NotoSansSC_500Medium.ttf" --unicodes-file=gb2312.txt $SUBSET --output-file="$HERE/NotoSansSC-Medium.ttf"
# 楷体: AR PL KaitiM GB, GB 2312 set (it covers no more); then 。，、． moved
# down and left and ；： left, to where FandolFang has them (kaipunct.py).
$PY -m fontTools.subset x/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf --unicodes-file=gb2312.txt $SUBSET --output-file=gkai-sub.ttf
$PY "$HERE/kaipunct.py" gkai-sub.ttf "$HERE/FandolFang-Regular.ttf" "$HERE/gkai00mp.ttf"
# Latin and digits: Liberation Serif as shipped.
cp "$LIB/LiberationSerif-Regular.ttf" "$LIB/LiberationSerif-Bold.ttf" "$HERE/"

# Licences, next to the fonts.
mkdir -p "$HERE/LICENSES"
zcat x/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz > "$HERE/LICENSES/Fandol-GPL-3.0-with-font-exception.txt"
cp "$SERIF/LICENSE_FONT" "$HERE/LICENSES/NotoSerifSC-OFL-1.1.txt"
cp "$SANS/LICENSE_FONT" "$HERE/LICENSES/NotoSansSC-OFL-1.1.txt"
{
  echo "NotoSerifCJKsc-Regular.ttf (family \"Noto Serif CJK SC Subset\") is a Modified"
  echo "Version of Noto Serif CJK SC Regular 2.003 (NotoSerifCJK-Regular.ttc in Debian"
  echo "fonts-noto-cjk 1:20240730+repack1-1): subset, outlines converted to TrueType,"
  echo "U+2252 composed from its own glyphs, renamed. It is under the same licence."
  echo
  $PY -c 'import sys; from fontTools.ttLib import TTFont; n = TTFont(sys.argv[1], fontNumber=0, lazy=True)["name"]; print(n.getDebugName(0)); print(n.getDebugName(7))' "$NOTOCJK/NotoSerifCJK-Regular.ttc"
  echo
  # the OFL text: the indented paragraph under the stand-alone "License: SIL-1.1"
  awk '/^License: SIL-1.1$/ { f = 1; next } f && /^ / { sub(/^ /, ""); if ($0 == ".") $0 = ""; print; p = 1; next } p { exit } { f = 0 }' x/usr/share/doc/fonts-noto-cjk/copyright
} > "$HERE/LICENSES/NotoSerifCJK-OFL-1.1.txt"
zcat x/usr/share/doc/fonts-arphic-gkai00mp/license/english/ARPHICPL.TXT.gz > "$HERE/LICENSES/ARPL-Arphic-Public-License.txt"
cp x/usr/share/doc/fonts-arphic-gkai00mp/copyright "$HERE/LICENSES/ARPL-KaitiM-GB-copyright.txt"
cp x/usr/share/doc/fonts-liberation2/copyright "$HERE/LICENSES/LiberationSerif-OFL-1.1.txt"

cd "$HERE" && sha256sum *.ttf > SHA256SUMS
echo "fonts regenerated in $HERE"
