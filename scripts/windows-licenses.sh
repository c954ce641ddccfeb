#!/usr/bin/env bash
# Prints the licences of everything compiled into dist/khenthuong.exe: the Go
# standard library, every Go module the Windows build uses (from the module
# cache, so offline) with the licences of the fonts and C code they embed,
# and the MinGW-w64 runtime that the C linker adds. The zip ships this text as
# GIAY-PHEP/THU-VIEN-MA-NGUON-MO.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}

rule() { printf '\n%s\n%s\n\n' "================================================================================" "$1"; }

echo "Giấy phép của các thư viện mã nguồn mở có trong khenthuong.exe"
echo "(Licences of the open-source software compiled into khenthuong.exe)"

rule "Go $("$GO" env GOVERSION) — standard library and runtime"
cat "$("$GO" env GOROOT)/LICENSE"

GOOS=windows GOARCH=amd64 CGO_ENABLED=1 "$GO" list -tags migrated_fynedo -deps \
	-f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}} {{.Dir}}{{end}}{{end}}' ./cmd/khenthuong |
	LC_ALL=C sort -u | while read -r path version dir; do
	[ -n "$dir" ] || continue
	case "$dir" in "$PWD"/*) continue ;; esac # our own code (third_party/quietlocale)
	files=$(cd "$dir" && find . -maxdepth 3 -type f \( -iname 'LICEN[CS]E*' -o -iname 'COPYING*' -o -iname 'NOTICE*' \) \
		-not -path '*/testdata/*' -not -name '*.go' | LC_ALL=C sort)
	if [ -z "$files" ]; then
		rule "$path $version — (no licence file in the module)"
		continue
	fi
	for f in $files; do
		rule "$path $version — ${f#./}"
		cat "$dir/$f"
	done
done

for f in /usr/share/doc/mingw-w64-x86-64-dev/copyright /usr/share/doc/mingw-w64-common/copyright; do
	if [ -r "$f" ]; then
		rule "MinGW-w64 runtime (statically linked start-up code) — $(basename "$(dirname "$f")")"
		cat "$f"
		break
	fi
done
