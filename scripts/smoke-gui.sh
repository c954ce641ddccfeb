#!/usr/bin/env bash
# Smoke test: start the real binary under Xvfb on a demo data file, take a
# screenshot of the screen and check that the window drew something.
set -euo pipefail
bin=$(realpath "${1:-bin/khenthuong}")
out=${SMOKE_SHOT:-}
work=$(mktemp -d)
trap 'kill $app_pid $xvfb_pid 2>/dev/null || true; rm -rf "$work"' EXIT
app_pid=""; xvfb_pid=""

"$bin" --db "$work/khenthuong.db" demo

display=":$((90 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do xdpyinfo -display "$display" >/dev/null 2>&1 && break; [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

DISPLAY=$display "$bin" --db "$work/khenthuong.db" >"$work/app.log" 2>&1 &
app_pid=$!

# The window is drawn when the screen holds many colours (a blank root window has one).
colours=0
for _ in $(seq 60); do
	sleep 0.5
	if ! kill -0 "$app_pid" 2>/dev/null; then
		echo "smoke: the program exited early:"; cat "$work/app.log"; exit 1
	fi
	DISPLAY=$display import -window root "$work/shot.png" 2>/dev/null || continue
	colours=$(convert "$work/shot.png" -format '%k' info:)
	[ "$colours" -gt 30 ] && break
done
if [ "$colours" -le 30 ]; then
	echo "smoke: the window stayed blank ($colours colours)"; cat "$work/app.log"; exit 1
fi
sleep 1 # let the data finish loading before the picture that is kept
DISPLAY=$display import -window root "$work/shot.png"
[ -n "$out" ] && cp "$work/shot.png" "$out"
echo "smoke: window drawn ($colours colours), program still running: ok"
