#!/usr/bin/env bash
# Cross-builds the Windows release from Debian with mingw-w64 (`make windows`):
#   dist/khenthuong.exe                          GUI subsystem, icon, version info, manifest
#   dist/khenthuong-VERSION-windows-amd64.zip    the exe, HUONG-DAN.txt, GIAY-PHEP/ (licences)
#   dist/khenthuong-VERSION.msi                  the installer (scripts/windows-msi.sh)
#
# Environment:
#   RELEASE=1                 -trimpath (defeats the build cache: release builds only)
#   SIGN_CERT, SIGN_KEY       sign the exe with osslsigncode (scripts/windows-sign.sh:
#                             certificate chain and private key; SIGN_PASS the key's
#                             password if any, SIGN_TIMESTAMP a time-stamp server URL)
#   GO                        the go command (default: go)
#
# The resources (.syso) are made with windres from mingw-w64's binutils, from
# packaging/windows/khenthuong.rc.in and the manifest, and exist in
# cmd/khenthuong only for the duration of the build.
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
toml() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -n1; }
VERSION=${VERSION:-$(toml Version)}
BUILD=$(toml Build)
NAME=$(toml Name)
[ -n "$VERSION" ] && [ -n "$NAME" ] || { echo "windows-build: FyneApp.toml lacks Name or Version" >&2; exit 1; }
BUILD=${BUILD:-0}
IFS=. read -r V1 V2 V3 _ <<<"${VERSION%%[-+]*}.0.0.0"
: "${V1:=0}" "${V2:=0}" "${V3:=0}"

command -v x86_64-w64-mingw32-gcc >/dev/null && command -v x86_64-w64-mingw32-windres >/dev/null ||
	{ echo "windows-build: mingw-w64 is missing (make windows-setup installs it)" >&2; exit 1; }

work=$(mktemp -d)
syso=cmd/khenthuong/rsrc_windows_amd64.syso
trap 'rm -rf "$work" "$syso"' EXIT
mkdir -p dist

# --- resources: icon (every size Explorer asks for), manifest, version info
convert assets/icon.png -depth 8 -filter Lanczos -define icon:auto-resize=256,64,48,40,32,24,20,16 "$work/khenthuong.ico"
sed "s/@VERSION4@/$V1.$V2.$V3.$BUILD/" packaging/windows/khenthuong.exe.manifest >"$work/khenthuong.exe.manifest"
sed -e "s/@V1@/$V1/g; s/@V2@/$V2/g; s/@V3@/$V3/g; s/@V4@/$BUILD/g" \
	-e "s/@VERSION@/$VERSION/g; s/@BUILD@/$BUILD/g; s/@NAME@/$NAME/g" \
	-e "s/@COMPANY@/$NAME/g; s/@COPYRIGHT@/© $(date -u +%Y) $NAME/g" \
	packaging/windows/khenthuong.rc.in >"$work/khenthuong.rc"
(cd "$work" && x86_64-w64-mingw32-windres -c 65001 -O coff -i khenthuong.rc -o resources.syso)
cp "$work/resources.syso" "$syso"

# --- the exe
# A signed exe from an earlier run would count as up to date for go build:
# remove it, so that an unsigned build never ships an old signature.
if [ -e dist/khenthuong.exe ] &&
	! x86_64-w64-mingw32-objdump -p dist/khenthuong.exe | grep '^Entry 4 0* 0* Security Directory' >/dev/null; then
	rm -f dist/khenthuong.exe
fi
flags=(-tags migrated_fynedo)
[ "${RELEASE:-}" = 1 ] && flags+=(-trimpath)
start=$(date +%s)
GOOS=windows GOARCH=amd64 CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc CXX=x86_64-w64-mingw32-g++ \
	"$GO" build "${flags[@]}" -ldflags "-H=windowsgui -s -w -X main.version=$VERSION" \
	-o dist/khenthuong.exe ./cmd/khenthuong
rm -f "$syso"
echo "windows-build: dist/khenthuong.exe $(stat -c %s dist/khenthuong.exe) bytes, built in $(($(date +%s) - start)) s"

# It must run on a bare Windows: no MinGW DLLs (libgcc, libwinpthread...).
if x86_64-w64-mingw32-objdump -p dist/khenthuong.exe | grep -i 'DLL Name' | grep -iE 'lib(gcc|stdc|winpthread)'; then
	echo "windows-build: the exe depends on MinGW DLLs" >&2; exit 1
fi

# --- signing (only with a certificate given)
if [ -n "${SIGN_CERT:-}" ] || [ -n "${SIGN_KEY:-}" ]; then
	scripts/windows-sign.sh dist/khenthuong.exe
fi

# --- the portable zip
pkg="KhenThuong-$VERSION"
stage="$work/zip/$pkg"
mkdir -p "$stage/GIAY-PHEP"
cp dist/khenthuong.exe "$stage/"
# Notepad reads UTF-8 with a BOM on every Windows 10; CRLF line ends.
{ printf '\xef\xbb\xbf'; sed "s/@VERSION@/$VERSION/g" packaging/windows/HUONG-DAN.txt; } | sed 's/$/\r/' >"$stage/HUONG-DAN.txt"
for f in assets/fonts/LICENSE-*.txt; do
	[ -e "$f" ] && sed 's/\r\{0,1\}$/\r/' "$f" >"$stage/GIAY-PHEP/$(basename "$f")"
done
scripts/windows-licenses.sh | sed 's/\r\{0,1\}$/\r/' >"$stage/GIAY-PHEP/THU-VIEN-MA-NGUON-MO.txt"
zipname="dist/khenthuong-$VERSION-windows-amd64.zip"
rm -f "$zipname"
find "$work/zip" -exec touch -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" {} +
(cd "$work/zip" && find "$pkg" -type f | LC_ALL=C sort | zip -q -X -9 "$OLDPWD/$zipname" -@)
echo "windows-build: $zipname $(stat -c %s "$zipname") bytes"

# --- the installer (signed like the exe when a certificate is given)
VERSION=$VERSION scripts/windows-msi.sh
