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
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${FONTS_WORK:-$(mktemp -d)}
PY=/usr/bin/python3
cd "$WORK"

# Pinned sources.
DEBS="texlive-lang-chinese=2022.20230122-1 fonts-arphic-gkai00mp=2.11-16 fonts-liberation2=2.1.5-1"
NPMS="@expo-google-fonts/noto-serif-sc@0.4.3 @expo-google-fonts/noto-sans-sc@0.4.3"

if [ ! -d x ]; then
  mkdir -p x
  apt-get download $DEBS
  for d in *.deb; do dpkg -x "$d" x; done
  npm pack $NPMS >/dev/null
  for t in *.tgz; do mkdir -p "x/$(basename "$t" .tgz)"; tar -xzf "$t" -C "x/$(basename "$t" .tgz)"; done
fi

FANDOL=x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol
SERIF=x/expo-google-fonts-noto-serif-sc-0.4.3/package
SANS=x/expo-google-fonts-noto-sans-sc-0.4.3/package
LIB=x/usr/share/fonts/truetype/liberation2

# Character sets: GB 2312 (+ Latin, punctuation), and GBK for the Song fallback.
$PY "$HERE/charset.py" "$HERE/charset-extra.txt" > gb2312.txt
$PY "$HERE/charset.py" --gbk "$HERE/charset-extra.txt" > gbk.txt

SUBSET="--layout-features= --no-hinting --desubroutinize --name-IDs=* --name-languages=* --notdef-outline --drop-tables+=EBDT,EBLC,EBSC,DSIG,vhea,vmtx,VORG,BASE,JSTF,MATH,GDEF,GSUB,GPOS"

# 仿宋: FandolFang is CFF; keep every character it maps, then convert to glyf.
$PY -m fontTools.subset "$FANDOL/FandolFang-Regular.otf" --unicodes='*' $SUBSET --output-file=fang-cff.otf
$PY "$HERE/otf2ttf.py" fang-cff.otf "$HERE/FandolFang-Regular.ttf"

# 小标宋 (masthead, titles): Noto Serif SC Bold, GB 2312 set.
$PY -m fontTools.subset "$SERIF/700Bold/NotoSerifSC_700Bold.ttf" --unicodes-file=gb2312.txt $SUBSET --output-file="$HERE/NotoSerifSC-Bold.ttf"
# 宋体 (page numbers, fallback for every role): Noto Serif SC Regular, GBK set.
$PY -m fontTools.subset "$SERIF/400Regular/NotoSerifSC_400Regular.ttf" --unicodes-file=gbk.txt $SUBSET --output-file="$HERE/NotoSerifSC-Regular.ttf"
# 黑体: Noto Sans SC Medium, GB 2312 set.
$PY -m fontTools.subset "$SANS/500Medium/NotoSansSC_500Medium.ttf" --unicodes-file=gb2312.txt $SUBSET --output-file="$HERE/NotoSansSC-Medium.ttf"
# 楷体: AR PL KaitiM GB, GB 2312 set (it covers no more).
$PY -m fontTools.subset x/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf --unicodes-file=gb2312.txt $SUBSET --output-file="$HERE/gkai00mp.ttf"
# Latin and digits: Liberation Serif as shipped.
cp "$LIB/LiberationSerif-Regular.ttf" "$LIB/LiberationSerif-Bold.ttf" "$HERE/"

# Licences, next to the fonts.
mkdir -p "$HERE/LICENSES"
zcat x/usr/share/doc/texlive-doc/fonts/fandol/COPYING.gz > "$HERE/LICENSES/Fandol-GPL-3.0-with-font-exception.txt"
cp "$SERIF/LICENSE_FONT" "$HERE/LICENSES/NotoSerifSC-OFL-1.1.txt"
cp "$SANS/LICENSE_FONT" "$HERE/LICENSES/NotoSansSC-OFL-1.1.txt"
zcat x/usr/share/doc/fonts-arphic-gkai00mp/license/english/ARPHICPL.TXT.gz > "$HERE/LICENSES/ARPL-Arphic-Public-License.txt"
cp x/usr/share/doc/fonts-arphic-gkai00mp/copyright "$HERE/LICENSES/ARPL-KaitiM-GB-copyright.txt"
cp x/usr/share/doc/fonts-liberation2/copyright "$HERE/LICENSES/LiberationSerif-OFL-1.1.txt"

cd "$HERE" && sha256sum *.ttf > SHA256SUMS
echo "fonts regenerated in $HERE"
