#!/usr/bin/env bash
# The window on a laptop under Wine (part of `make windows-test`): a 1366×768
# screen at 125 % (120 dpi, where Fyne draws at 1.3), dist/khenthuong.exe
# started three times on the same data file and moved, maximised and closed
# between starts with window-helper.exe (packaging/windows/wine/window-helper.c):
#   1. the first start fits the screen and is centred on it;
#   2. moved to 200,100 and made 900×600 then closed, it opens there again;
#   3. maximised then closed, it opens maximised.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-dist/khenthuong.exe}")
work=$(mktemp -d)
export LANG=C.UTF-8
unset LC_ALL
source scripts/windows-wine.sh
trap 'wine_cleanup; rm -rf "$work"' EXIT

echo "windows-window: $(basename "$exe") on a 1366×768 screen at 125 % under Wine"
wine_init
wine_helper window-helper
xvfb_start 1366x768
wine reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 120 /f >/dev/null 2>&1
wine reg add 'HKCC\Software\Fonts' /v LogPixels /t REG_DWORD /d 120 /f >/dev/null 2>&1
wineserver -w
mkdir -p "$work/data"
db=$(winpath "$work/data/khenthuong.db")
frame() { timeout 30 wine "$work/window-helper.exe" "$@" 2>/dev/null | tr -d '\r'; }
# start N: runs the exe in the background and waits for its window.
start() {
	(timeout 180 wine "$exe" --db "$db" >"$work/out$1" 2>"$work/err$1" || true) &
	wine_pids+=($!)
	local _
	for _ in $(seq 60); do
		sleep 1
		[ "$(frame)" != "no window" ] && [ -n "$(frame)" ] && { sleep 3; return 0; }
	done
	return 1
}
# close: closes the window as its X button would, and waits for the exe to end:
# the window goes first, the process may still be writing the window's place
# and holding the data file, and a next start before it ends finds the file in use.
close() {
	frame close >/dev/null
	local _ gone=""
	for _ in $(seq 30); do
		sleep 1
		[ "$(frame)" = "no window" ] && { gone=1; break; }
	done
	[ -n "$gone" ] || return 1
	for _ in $(seq 60); do
		kill -0 "${wine_pids[-1]}" 2>/dev/null || return 0
		sleep 1
	done
	fail "the program was still running 60 s after its window closed"
	return 0
}

start 1 || { fail "the window did not open: $(cat "$work/err1")"; summary windows-window; }
read -r x y w h z <<<"$(frame)"
check "first start fits the screen (${w}×${h} at $x,$y)" \
	test "$x" -ge -8 -a "$y" -ge -8 -a $((x + w)) -le 1374 -a $((y + h)) -le 776
check "first start is centred (left $x, right $((1366 - x - w)))" test $(((1366 - x - w) - x)) -le 2 -a $(((1366 - x - w) - x)) -ge -2
frame move 200 100 900 600 >/dev/null
close || fail "the window did not close"

start 2 || { fail "the window did not open again"; summary windows-window; }
read -r x y w h z <<<"$(frame)"
check "opens where it was left (${w}×${h} at $x,$y)" \
	test "$x" -eq 200 -a "$y" -eq 100 -a "$w" -ge 896 -a "$w" -le 904 -a "$h" -ge 596 -a "$h" -le 604
frame maximize >/dev/null
sleep 1
close || fail "the window did not close"

start 3 || { fail "the window did not open a third time"; summary windows-window; }
read -r x y w h z <<<"$(frame)"
check "opens maximised as it was closed ($z)" test "$z" = "zoomed=1"
close || true
summary windows-window
