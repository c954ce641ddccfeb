#!/usr/bin/env bash
# Signs a Windows exe or .msi in place with osslsigncode (Authenticode, SHA-256;
# osslsigncode tells the two apart by their content):
#   SIGN_CERT=cert.pem SIGN_KEY=key.pem [SIGN_PASS=...] [SIGN_TIMESTAMP=URL] scripts/windows-sign.sh FILE
# The certificate file may hold the whole chain (PEM, or DER/SPC); the key is
# PEM or DER. `make windows` calls this for the exe and the .msi when SIGN_CERT
# and SIGN_KEY are given.
set -euo pipefail
exe=$1
[ -r "${SIGN_CERT:-}" ] && [ -r "${SIGN_KEY:-}" ] ||
	{ echo "windows-sign: SIGN_CERT and SIGN_KEY must both name readable files" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
name=$(sed -n 's/^ *Name *= *"\(.*\)"/\1/p' "$(dirname "$0")/../FyneApp.toml" | head -n1)
sign=(osslsigncode sign -certs "$SIGN_CERT" -key "$SIGN_KEY" -h sha256 -n "${name:-khenthuong}" -in "$exe" -out "$tmp/signed.exe")
[ -n "${SIGN_PASS:-}" ] && sign+=(-pass "$SIGN_PASS")
[ -n "${SIGN_TIMESTAMP:-}" ] && sign+=(-ts "$SIGN_TIMESTAMP")
"${sign[@]}" >"$tmp/sign.log" 2>&1 || { cat "$tmp/sign.log" >&2; exit 1; }
cat "$tmp/signed.exe" >"$exe"
echo "windows-sign: $exe signed with $SIGN_CERT"
