#!/bin/sh
# tools/release.sh [OUTDIR]: jianbao's release, in OUTDIR (default dist/):
#   jianbao-VERSION-OS-ARCH.zip     windows/amd64, windows/arm64
#   jianbao-VERSION-OS-ARCH.tar.gz  darwin/amd64, darwin/arm64, linux/amd64,
#                                   linux/arm64, linux/loong64, linux/mips64le
#   jianbao_VERSION_ARCH.deb        amd64, arm64, loong64 (麒麟、统信 UOS)
#   SHA256SUMS
# Each archive holds the binary, 使用说明.txt, the font licences (and the
# licences of the Go modules compiled in) and the three examples.
#
# Reproducible: the same commit gives the same bytes on any machine with
# the same Go version. Binaries are built with CGO_ENABLED=0, -trimpath,
# -buildvcs=false and -buildid= (no build paths, no times, no machine
# names inside), the version and commit stamped with -ldflags -X; the
# archives are written by tools/pack with sorted entries, owner root, fixed
# modes and every time set to SOURCE_DATE_EPOCH (default: the commit's time).
#
# Environment: VERSION (default: internal/cli/version.go's Version),
# SOURCE_DATE_EPOCH, TARGETS (default: all eight, as "os/arch …").
set -eu
cd "$(dirname "$0")/.."
out=${1:-dist}
TARGETS=${TARGETS:-"windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64 linux/loong64 linux/mips64le"}
version=${VERSION:-$(sed -n 's/^[[:space:]]*Version = "\(.*\)"$/\1/p' internal/cli/version.go)}
[ -n "$version" ] || { echo "release: no version in internal/cli/version.go; set VERSION" >&2; exit 1; }
commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- || commit="$commit-dirty"
SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
export SOURCE_DATE_EPOCH

# the build: one toolchain setting for every machine that runs this
export CGO_ENABLED=0 GOFLAGS= GOAMD64=v1 GOARM64=v8.0 GOMIPS64=hardfloat GOEXPERIMENT=
ldflags="-s -w -buildid= -X jianbao/internal/cli.Version=$version -X jianbao/internal/cli.Commit=$commit"

mkdir -p "$out"
rm -f "$out"/jianbao-* "$out"/jianbao_*.deb "$out/SHA256SUMS"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/pack" ./tools/pack

# copy SRC DST: a file, making DST's folder
copy() { mkdir -p "$(dirname "$2")"; cp "$1" "$2"; }

# common DIR OS ARCH: what every archive holds besides the binary
common() {
  for f in $(git ls-files examples/2026-09 examples/2026-zk1 examples/2026-10 | grep -v /golden/); do
    copy "$f" "$1/$f"
  done
  for f in fonts/LICENSES/*; do
    copy "$f" "$1/LICENSES/fonts/$(basename "$f")"
  done
  # the licences of Go and of the Go modules compiled into this binary
  copy "$(go env GOROOT)/LICENSE" "$1/LICENSES/go/go-LICENSE"
  GOOS=$2 GOARCH=$3 go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Dir}}{{end}}{{end}}' ./cmd/jianbao | sort -u |
  while read -r mod dir; do
    for l in "$dir"/LICENSE* "$dir"/COPYING* "$dir"/NOTICE*; do
      [ -f "$l" ] && copy "$l" "$1/LICENSES/go/$(echo "$mod" | tr / _)-$(basename "$l")"
    done
  done
  if [ "$2" = windows ]; then
    # Notepad on older Windows 10 needs the BOM to read UTF-8; CRLF lines
    { printf '\357\273\277'; sed 's/$/\r/' tools/release/使用说明-windows.txt; } >"$1/使用说明.txt"
  else
    cp tools/release/使用说明.txt "$1/使用说明.txt"
  fi
}

for t in $TARGETS; do
  os=${t%/*} arch=${t#*/}
  name=jianbao-$version-$os-$arch
  dir=$tmp/$name
  exe=jianbao
  [ "$os" = windows ] && exe=jianbao.exe
  GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=false -ldflags "$ldflags" -o "$dir/$exe" ./cmd/jianbao
  chmod 755 "$dir/$exe"
  common "$dir" "$os" "$arch"
  if [ "$os" = windows ]; then
    "$tmp/pack" zip -mtime "$SOURCE_DATE_EPOCH" -o "$out/$name.zip" "$dir"
  else
    "$tmp/pack" tgz -mtime "$SOURCE_DATE_EPOCH" -o "$out/$name.tar.gz" "$dir"
  fi
  case "$os/$arch" in
  linux/amd64 | linux/arm64 | linux/loong64)
    root=$tmp/deb-$arch
    doc=$root/usr/share/doc/jianbao
    copy "$dir/jianbao" "$root/usr/bin/jianbao"
    chmod 755 "$root/usr/bin/jianbao"
    mkdir -p "$doc"
    cp "$dir/使用说明.txt" "$doc/"
    cp -R "$dir/examples" "$dir/LICENSES" "$doc/"
    { echo "jianbao $version (commit $commit)"; echo; echo "The embedded fonts' licences are in /usr/share/doc/jianbao/LICENSES/fonts,"; echo "those of the Go modules compiled in in /usr/share/doc/jianbao/LICENSES/go."; } >"$doc/copyright"
    "$tmp/pack" deb -mtime "$SOURCE_DATE_EPOCH" -version "$version" -arch "$arch" -o "$out/jianbao_${version}_$arch.deb" "$root"
    ;;
  esac
done

(cd "$out" && ls | grep -E '^jianbao[-_]' | LC_ALL=C sort | xargs sha256sum) >"$out/SHA256SUMS"
cat "$out/SHA256SUMS"
