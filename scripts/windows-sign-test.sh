#!/usr/bin/env bash
# Release checks (part of `make windows-test`): makes a throwaway self-signed
# code-signing certificate, signs a copy of dist/khenthuong.exe with the script
# `make windows SIGN_CERT=... SIGN_KEY=...` uses, and checks the signature with
# `osslsigncode verify` against that certificate; the same for the .msi; then
# the exe's subsystem, imports and resources, and the zip.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-dist/khenthuong.exe}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source scripts/windows-wine.sh # ok/fail/check/summary only

echo "windows-sign: $exe"
openssl req -x509 -newkey rsa:2048 -sha256 -days 2 -nodes -subj "/CN=Khen thuong test signing/O=Test" \
	-addext "extendedKeyUsage=codeSigning" -addext "keyUsage=digitalSignature" \
	-keyout "$work/key.pem" -out "$work/cert.pem" 2>"$work/openssl.log" || { cat "$work/openssl.log"; exit 1; }
cp "$exe" "$work/signed.exe"
SIGN_CERT="$work/cert.pem" SIGN_KEY="$work/key.pem" scripts/windows-sign.sh "$work/signed.exe" >"$work/sign.log" 2>&1 ||
	cat "$work/sign.log"
check "scripts/windows-sign.sh (make windows SIGN_CERT=… SIGN_KEY=…) signs the exe" \
	bash -c '! cmp -s "$0" "$1"' "$exe" "$work/signed.exe"
if osslsigncode verify -in "$work/signed.exe" -CAfile "$work/cert.pem" >"$work/verify.log" 2>&1 &&
	grep -q 'Signature verification: ok' "$work/verify.log"; then
	ok "osslsigncode verify: signature ok, chain to the test certificate"
else
	fail "osslsigncode verify: $(tail -n 8 "$work/verify.log")"
fi
check "the signed exe is still a PE exe" bash -c 'x86_64-w64-mingw32-objdump -f "$0" | grep -q pei-x86-64' "$work/signed.exe"

# The installer, signed the way `make windows SIGN_CERT=… SIGN_KEY=…` signs it:
# scripts/windows-msi.sh builds it from dist/khenthuong.exe and signs it.
if SIGN_CERT="$work/cert.pem" SIGN_KEY="$work/key.pem" MSI="$work/signed.msi" scripts/windows-msi.sh >"$work/msi.log" 2>&1 &&
	osslsigncode verify -in "$work/signed.msi" -CAfile "$work/cert.pem" >"$work/verify-msi.log" 2>&1 &&
	grep -q 'Signature verification: ok' "$work/verify-msi.log"; then
	ok "the MSI is signed like the exe: osslsigncode verify ok, chain to the test certificate"
else
	fail "the MSI's signature: $(tail -n 8 "$work/msi.log" "$work/verify-msi.log" 2>/dev/null)"
fi
check "the signed MSI is still an installer (Property table, signature stream)" bash -c '
	msiinfo export "$0" Property | grep -q "^UpgradeCode" && msiinfo streams "$0" | grep -q DigitalSignature' "$work/signed.msi"
osslsigncode verify -in "$exe" >/dev/null 2>&1 && signed=yes || signed="no (no SIGN_CERT given)"
echo "  info  $exe signed: $signed"

# Resources: GUI subsystem, manifest with per-monitor DPI and UTF-8, version info, icon.
x86_64-w64-mingw32-objdump -p "$exe" >"$work/pe.txt"
check "GUI subsystem (no console window)" grep -q 'Subsystem.*(Windows GUI)' "$work/pe.txt"
check "imports only Windows' own DLLs ($(grep -c 'DLL Name' "$work/pe.txt")), no MinGW DLL" \
	bash -c '! grep -iE "DLL Name: lib(gcc|stdc|winpthread)" "$0"' "$work/pe.txt"
check "manifest: PerMonitorV2 DPI awareness" grep -aq '<dpiAwareness[^>]*>PerMonitorV2' "$exe"
check "manifest: UTF-8 active code page" grep -aq '<activeCodePage[^>]*>UTF-8</activeCodePage>' "$exe"
# ProductName "Khen thưởng" in UTF-16LE inside the version resource.
check "version info: ProductName “Khen thưởng”" bash -c 'wrestool -x --raw --type=16 "$0" |
	LC_ALL=C grep -aPq "P\x00r\x00o\x00d\x00u\x00c\x00t\x00N\x00a\x00m\x00e\x00\x00\x00(\x00\x00)?K\x00h\x00e\x00n\x00 \x00t\x00h\x00\xb0\x01\xdf\x1en\x00g\x00"' "$exe"
check "icon: one group of 8 sizes, 16×16 to 256×256" bash -c '
	[ "$(wrestool -l --type=14 "$0" | wc -l)" = 1 ] && [ "$(wrestool -l --type=3 "$0" | wc -l)" = 8 ]' "$exe"
check "version resource present" bash -c '[ "$(wrestool -l --type=16 "$0" | wc -l)" = 1 ]' "$exe"

zip=$(ls dist/khenthuong-*-windows-amd64.zip 2>/dev/null | head -n1) || true
if [ -n "$zip" ]; then
	list=$(unzip -Z1 "$zip")
	check "zip: the exe, HUONG-DAN.txt and the licences" bash -c '
		grep -q "/khenthuong.exe$" <<<"$0" && grep -q "/HUONG-DAN.txt$" <<<"$0" &&
		grep -q "/GIAY-PHEP/LICENSE-Liberation.txt$" <<<"$0" && grep -q "/GIAY-PHEP/THU-VIEN-MA-NGUON-MO.txt$" <<<"$0"' "$list"
	check "zip: the read-me says “Windows 10 trở lên”" bash -c 'unzip -p "$0" "*/HUONG-DAN.txt" | grep -q "Windows 10 trở lên"' "$zip"
	check "zip: no test scaffolding (ProcessPrng shim)" bash -c '! grep -qi bcryptprimitives <<<"$0"' "$list"
	check "zip: the exe in it is dist/khenthuong.exe" bash -c 'unzip -p "$0" "*/khenthuong.exe" | cmp -s - "$1"' "$zip" "$exe"
else
	fail "no dist/khenthuong-VERSION-windows-amd64.zip"
fi
summary windows-sign
