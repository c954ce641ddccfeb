#!/usr/bin/env bash
# Builds the Windows installer dist/khenthuong-VERSION.msi from dist/khenthuong.exe
# with wixl (Debian's msitools), from packaging/windows/khenthuong.wxs.in; signs
# it like the exe when SIGN_CERT and SIGN_KEY are given (osslsigncode signs MSI).
# Run by scripts/windows-build.sh after the exe. MSI=FILE writes it elsewhere
# (scripts/windows-msi-test.sh builds a newer version to upgrade to).
set -euo pipefail
cd "$(dirname "$0")/.."

toml() { sed -n "s/^ *$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -n1; }
VERSION=${VERSION:-$(toml Version)}
IFS=. read -r V1 V2 V3 _ <<<"${VERSION%%[-+]*}.0.0.0"
command -v wixl >/dev/null || { echo "windows-msi: wixl is missing (make windows-setup installs msitools and wixl)" >&2; exit 1; }
[ -f dist/khenthuong.exe ] || { echo "windows-msi: build dist/khenthuong.exe first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
convert assets/icon.png -depth 8 -filter Lanczos -define icon:auto-resize=256,64,48,32,16 "$work/khenthuong.ico"
{ printf '\xef\xbb\xbf'; sed "s/@VERSION@/$VERSION/g" packaging/windows/HUONG-DAN.txt; } | sed 's/$/\r/' >"$work/HUONG-DAN.txt"
ln -s "$PWD/dist/khenthuong.exe" "$work/khenthuong.exe"
# wixl takes the sources' paths relative to the folder it runs in.
sed -e "s|@VERSION3@|${V1:-0}.${V2:-0}.${V3:-0}|; s|@VERSION@|$VERSION|g" \
	-e "s|@EXE@|khenthuong.exe|; s|@ICON@|khenthuong.ico|; s|@GUIDE@|HUONG-DAN.txt|" \
	packaging/windows/khenthuong.wxs.in >"$work/khenthuong.wxs"
msi=${MSI:-dist/khenthuong-$VERSION.msi}
rm -f "$msi"
(cd "$work" && wixl -a x64 -o khenthuong.msi khenthuong.wxs)
# The Vietnamese names wixl cannot write (see the .wxs.in).
printf '\r\n\r\n65001\t_ForceCodepage\r\n' >"$work/codepage.idt"
msibuild "$work/khenthuong.msi" -i "$work/codepage.idt"
msibuild "$work/khenthuong.msi" -q "UPDATE Shortcut SET Name = 'Khen thưởng', Description = 'Quản lý thi đua, khen thưởng'"
msibuild "$work/khenthuong.msi" -q "UPDATE Property SET Value = 'Khen thưởng' WHERE Property = 'ProductName' OR Property = 'Manufacturer'"
# A rebuild of the same version (only FyneApp.toml's Build changed: Windows
# Installer compares three fields) replaces the installed one too, as WiX's
# AllowSameVersionUpgrades does, which wixl ignores: otherwise both stay
# registered, sharing the program's files, and uninstalling either leaves them.
# Attributes is part of the table's key, so the row is rewritten whole:
# 513 = migrate features (1) + the highest version inclusive (0x200).
msiinfo export "$work/khenthuong.msi" Upgrade |
	awk -F'\t' 'BEGIN { OFS = "\t" } { sub(/\r$/, "") } $7 == "WIX_UPGRADE_DETECTED" { $5 = 513 } { print $0 "\r" }' >"$work/Upgrade.idt"
msibuild "$work/khenthuong.msi" -i "$work/Upgrade.idt"
mv "$work/khenthuong.msi" "$msi"
if [ -n "${SIGN_CERT:-}" ] || [ -n "${SIGN_KEY:-}" ]; then
	scripts/windows-sign.sh "$msi"
fi
echo "windows-msi: $msi $(stat -c %s "$msi") bytes"
