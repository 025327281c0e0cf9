#!/usr/bin/env bash
# check-layouts.sh — rebuild past issues and compare them with the PDFs and
# layout records kept in git.
#
#   examples/ci/check-layouts.sh [--update] [ISSUE_DIR...]
#
# Each ISSUE_DIR holds bulletin.yaml and golden/bulletin.pdf +
# golden/bulletin.layout.txt (the output accepted last time). Without
# ISSUE_DIR, every folder under the current one that has both is checked.
# An issue passes when the rebuilt PDF has the same bytes; otherwise the
# script prints `jianbao diff` of the layout records (the pages and lines
# that changed or moved) and fails. --update writes the new PDF and record
# into golden/ instead (commit them after reading the diff).
#
# JIANBAO names the jianbao binary (default: jianbao on PATH).
set -u
jianbao=${JIANBAO:-jianbao}
update=0
issues=()
for a in "$@"; do
	case $a in
	--update) update=1 ;;
	-*)
		echo "不认识的选项 $a；用法：$0 [--update] [期的文件夹...]" >&2
		exit 2
		;;
	*) issues+=("$a") ;;
	esac
done
if [ ${#issues[@]} -eq 0 ]; then
	while IFS= read -r m; do
		d=$(dirname "$m")
		[ -f "$d/golden/bulletin.pdf" ] || [ "$update" = 1 ] || continue
		issues+=("$d")
	done < <(find . -name bulletin.yaml -not -path '*/.git/*' | sort)
fi
if [ ${#issues[@]} -eq 0 ]; then
	echo "没有找到要检查的期（需要 bulletin.yaml 和 golden/bulletin.pdf）" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
broken=0
n=0
for d in "${issues[@]}"; do
	n=$((n + 1))
	out="$tmp/$n"
	mkdir -p "$out"
	if ! "$jianbao" build "$d/bulletin.yaml" -o "$out/bulletin.pdf" --dump "$out/bulletin.layout.txt" >/dev/null; then
		echo "✗ $d：构建失败（见上）"
		broken=1
		continue
	fi
	if [ "$update" = 1 ]; then
		mkdir -p "$d/golden"
		cp "$out/bulletin.pdf" "$out/bulletin.layout.txt" "$d/golden/"
		echo "已更新 $d/golden"
		continue
	fi
	if cmp -s "$out/bulletin.pdf" "$d/golden/bulletin.pdf"; then
		echo "✓ $d：PDF 与 golden 逐字节相同"
		continue
	fi
	echo "✗ $d：PDF 与 golden 不同"
	old="$d/golden/bulletin.layout.txt"
	[ -f "$old" ] || old="$d/golden/bulletin.pdf"
	"$jianbao" diff "$old" "$out/bulletin.layout.txt"
	failed=1
done
if [ "$broken" = 1 ]; then
	echo "有的期构建失败：请先改正上面列出的问题（这不是排版变化，不要 --update）。"
	exit 1
fi
if [ "$failed" = 1 ]; then
	echo "排版有变化。确认无误后运行 $0 --update 并提交 golden/ 下的文件。"
	exit 1
fi
