#!/usr/bin/env bash
# Vietnamese typing test under Wine (part of `make windows-test`).
#
# The real dist/khenthuong.exe runs in Xvfb with KHENTHUONG_TEST_ENTRY_FILE set:
# it focuses its first text entry and keeps writing that entry's text to the
# file (cmd/khenthuong/testhook_windows.go). typing-helper.exe, built here with
# mingw-w64 (packaging/windows/wine/typing-helper.c), types "Nguyễn Văn Tình" as
# Telex "Nguyeenx Vawn Tinhf" the way the input tools rewrite words:
#   openkey     VK_BACK key presses + KEYEVENTF_UNICODE letters (OpenKey)
#   unicode-bs  backspace as the Unicode character '\b' (what GLFW drops)
#   clipboard   the word pasted from the clipboard with Shift+Insert
# and the entry must then hold exactly "Nguyễn Văn Tình".
#
# Once more with the program's fix turned off (KHENTHUONG_NO_BACKSPACE_FIX=1),
# unicode-bs must fail: the test does see the problem the fix is for.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-dist/khenthuong.exe}")
work=$(mktemp -d)
export LANG=C.UTF-8 # Wine converts Unix paths and arguments with the locale's charset
unset LC_ALL
source scripts/windows-wine.sh
trap 'wine_cleanup; rm -rf "$work"' EXIT
want="Nguyễn Văn Tình"

echo "windows-typing: “$want” typed as Telex “Nguyeenx Vawn Tinhf” into $(basename "$exe") under Wine"
wine_init
wine_helper typing-helper
xvfb_start
mkdir -p "$work/data"
demo_data() {
	local try
	for try in 1 2 3; do
		timeout 120 wine "$exe" --db "$(winpath "$work/data/khenthuong.db")" demo >/dev/null 2>"$work/demo.err" && return 0
		wine_loader_failed "$work/demo.err" || return 1
	done
	return 1
}
demo_data || { fail "demo data: $(cat "$work/demo.err")"; summary windows-typing; }

# start_app [ENV=VALUE...]: the window on the demo data, reporting its focused entry.
start_app() {
	rm -f "$work/entry.txt"
	env "$@" KHENTHUONG_TEST_ENTRY_FILE="$(winpath "$work/entry.txt")" \
		wine "$exe" --db "$(winpath "$work/data/khenthuong.db")" >"$work/app.log" 2>&1 &
	app=$!
	wine_pids+=("$app")
}
stop_app() {
	kill "$app" 2>/dev/null || true
	timeout 20 wineserver -k >/dev/null 2>&1 || true
	wait "$app" 2>/dev/null || true
}
# type_mode MODE: clears the entry, types, and compares what the entry holds.
type_mode() {
	timeout 120 wine "$work/typing-helper.exe" clear "$(winpath "$work/entry.txt")" >"$work/clear.log" 2>&1 || true
	timeout 180 wine "$work/typing-helper.exe" "$1" "$(winpath "$work/entry.txt")" >"$work/$1.log" 2>&1 || true
	got=$(cat "$work/entry.txt" 2>/dev/null || echo "(no entry file)")
	[ "$got" = "$want" ]
}

start_app
first=yes
for mode in openkey unicode-bs clipboard; do
	if type_mode "$mode"; then
		ok "$mode: the entry holds “$got” ($(tail -n1 "$work/$mode.log" | sed 's/^[a-z-]*: ok, //'))"
		[ "$first" = yes ] && echo "        (the entry is in the window “$(cat "$work/entry.txt.window" 2>/dev/null)”)"
		first=no
	else
		fail "$mode: the entry holds “$got”, not “$want”"
		sed 's/^/          /' "$work/$mode.log" | head -n 30
	fi
done
stop_app

start_app KHENTHUONG_NO_BACKSPACE_FIX=1
if type_mode unicode-bs; then
	fail "without the fix, unicode-bs still gave “$got”: the test no longer sees GLFW dropping '\\b'"
else
	ok "without the fix, unicode-bs gives “$got” (GLFW drops the '\\b' character): the test sees the problem"
fi
stop_app
summary windows-typing
