#!/usr/bin/env bash
# Starts BIN's window under Xvfb on a copy of DB and takes screenshots into OUT
# while walking the tabs with the keyboard and mouse (xdotool):
#   scripts/regress/gui.sh BIN DB OUT [IMPORTFILE]
set -uo pipefail
bin=$(realpath "$1"); db=$2; out=$3; imp=${4:-}
mkdir -p "$out"; out=$(realpath "$out"); work=$(mktemp -d); cp "$db" "$work/k.db"
display=":$((500 + RANDOM % 400))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 & xvfb=$!
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$work"' EXIT
sleep 1
export DISPLAY=$display
mkdir -p "$work/home"; [ -n "$imp" ] && cp "$imp" "$work/home/"
# HOME is a fresh folder holding only IMPORTFILE: the file dialog opens there.
(cd "$work" && HOME="$work/home" exec "$bin" --db k.db >"$out/app.log" 2>&1) & app=$!
shot() { sleep "${2:-1.5}"; import -window root "$out/$1.png"; }
for _ in $(seq 40); do sleep 0.5; xdotool search --name . >/dev/null 2>&1 && break; done
shot 01-start 3
w=$(xdotool search --onlyvisible --name 'Khen' | head -1)
[ -n "$w" ] && xdotool windowsize "$w" 1280 800 windowmove "$w" 0 0
shot 02-sized
# Each page of the navigation on the left, one shot each.
for y in 61 101 141 181 221 261 301; do xdotool mousemove 90 "$y" click 1; shot "03-page-$y" 2; done
# Nhập từ Excel… on the first campaign; the file dialog, then (with IMPORTFILE)
# the file picked beside "(Thư mục cha)" and opened.
xdotool mousemove 90 61 click 1; sleep 1; xdotool mousemove 300 96 click 1
xdotool mousemove 872 21 click 1; shot 04-import-dialog 2
if [ -n "$imp" ]; then
	xdotool mousemove 391 200 click 1; shot 05-import-picked
	xdotool mousemove 1157 717 click 1; shot 06-import-read 8
	shot 07-import-read-later 8
	# The form for rows naming none: the drop-down, then its option FORM_Y (a
	# screen position, see 08-form-list.png), then Nhập.
	xdotool mousemove 800 132 click 1; shot 08-form-list
	if [ -n "${FORM_Y:-}" ]; then
		xdotool mousemove 800 "$FORM_Y" click 1; shot 09-form-chosen 8
		xdotool mousemove 1003 701 click 1; shot 10-imported 10
	fi
fi
# Đề nghị with only the rows the review warns about; Quyết định's new decision
# (the signer preselected), then Escape.
xdotool key Escape; sleep 1
xdotool mousemove 90 101 click 1; sleep 2; xdotool mousemove 942 61 click 1; shot 11-warnings-only 4
xdotool mousemove 90 141 click 1; sleep 2; xdotool mousemove 1204 21 click 1; shot 12-new-decision 2
xdotool key Escape; shot 13-new-decision-escape
kill -0 $app 2>/dev/null && echo "still running" || echo "exited: $(tail -n 5 "$out/app.log")"
