#!/usr/bin/env bash
# Smoke test of dist/khenthuong.exe under Wine (part of `make test`, through
# `make windows-test`): on a fresh Wine prefix, the CLI on a data file in a
# folder named with Vietnamese letters, compared with the Linux binary on the
# same steps; the default data folder %APPDATA%\KhenThuong; the CLI printing
# into a console it attaches to; then the window under Xvfb, screenshot checked
# not blank.
#
#   scripts/windows-smoke.sh [EXE] [LINUX_BINARY]
#   WINDOWS_SHOT=FILE keeps the screenshot of the window.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-dist/khenthuong.exe}")
linbin=$(realpath "${2:-bin/khenthuong}")
lin() { LANG=vi_VN.UTF-8 "$linbin" "$@"; } # a locale Fyne can parse (the binary needs none installed)
work=$(mktemp -d)
# Wine converts Unix paths and arguments with the locale's charset: UTF-8.
export LANG=C.UTF-8
unset LC_ALL
source scripts/windows-wine.sh
trap 'wine_cleanup; rm -rf "$work"' EXIT

echo "windows-smoke: $(basename "$exe") under $(wine --version 2>/dev/null)"
t0=$(date +%s)
wine_init
wine_helper console-helper
echo "  (fresh Wine prefix with the ProcessPrng shim in $(($(date +%s) - t0)) s)"
xvfb_start # the console test needs a display too (Wine's conhost)

# wexe ARGS...: runs the exe under Wine; stdout to $work/out, stderr to $work/err.
# A start-up failure of Wine itself (not of the exe) is tried again, twice.
wexe() {
	local try rc=0
	for try in 1 2 3; do
		timeout 120 wine "$exe" "$@" >"$work/out" 2>"$work/err" && return 0 || rc=$?
		wine_loader_failed "$work/err" || return "$rc"
	done
	return "$rc"
}
# Vietnamese letters in the folder, as in a user profile "C:\Users\Nguyễn Văn A".
dir="$work/Nguyễn Văn A"
mkdir -p "$dir" "$work/linux"
wdb=$(winpath "$dir/khenthuong.db")

# --- CLI
wexe version || true
check "version: “$(cat "$work/out")”, as the Linux binary's" test "$(cat "$work/out")" = "$(lin version)"

if wexe --db "$wdb" demo; then ok "demo into “$wdb”"; else fail "demo: $(cat "$work/err")"; fi
check "data file created in the Vietnamese-named folder" test -s "$dir/khenthuong.db"
check "demo a second time adds nothing" wexe --db "$wdb" demo
wexe --db "$wdb" list nominations --json && cp "$work/out" "$work/win.json" || fail "list nominations --json: $(cat "$work/err")"
lin --db "$work/linux/khenthuong.db" demo >/dev/null
lin --db "$work/linux/khenthuong.db" list nominations --json >"$work/linux.json"
lin --db "$dir/khenthuong.db" list nominations --json >"$work/linux-same-file.json"
stamps='"((created|updated)_at|updated_by)"'
check "list nominations --json: $(grep -c '"campaign_id"' "$work/win.json" 2>/dev/null || echo 0) nominations, as the Linux binary's (times and the OS user who saved them aside)" \
	diff <(grep -vE "$stamps" "$work/win.json") <(grep -vE "$stamps" "$work/linux.json")
check "the Windows-made data file reads the same on Linux" cmp "$work/win.json" "$work/linux-same-file.json"
check "JSON keeps Vietnamese letters (Nguyễn, Tổng kết...)" grep -q 'ễ' "$work/win.json"

wexe --db "$wdb" list campaigns || true
lin --db "$work/linux/khenthuong.db" list campaigns >"$work/linux-campaigns"
check "list campaigns: the same table as on Linux" cmp "$work/out" "$work/linux-campaigns"
wexe --db "$wdb" search "nguyen van" || true
lin --db "$work/linux/khenthuong.db" search "nguyen van" >"$work/linux-search" || true
check "search without tones: the same hits as on Linux" cmp "$work/out" "$work/linux-search"
check "check: the data file is consistent" wexe --db "$wdb" check
check "backup into a Vietnamese-named file" wexe --db "$wdb" backup -o "$(winpath "$dir/Sao lưu tháng 5.db")"
check "the backup exists" test -s "$dir/Sao lưu tháng 5.db"

# Excel and CSV exports, into files named with Vietnamese letters.
lin help >"$work/help" 2>/dev/null || true
if grep -qE '^ +export ' "$work/help"; then
	if wexe --db "$wdb" export --campaign 1 -o "$(winpath "$dir/Danh sách đề nghị.csv")" &&
		lin --db "$work/linux/khenthuong.db" export --campaign 1 -o "$work/linux/ds.csv" >/dev/null 2>&1; then
		check "export --campaign 1 to “Danh sách đề nghị.csv”: the same CSV as on Linux" \
			cmp "$dir/Danh sách đề nghị.csv" "$work/linux/ds.csv"
	else
		fail "export to CSV: $(cat "$work/err")"
	fi
	if wexe --db "$wdb" export --campaign 1 -o "$(winpath "$dir/Danh sách đề nghị.xlsx")"; then
		check "export --campaign 1 to “Danh sách đề nghị.xlsx”: a zip (xlsx) file" \
			bash -c 'head -c 2 "$0" | grep -q PK' "$dir/Danh sách đề nghị.xlsx"
	else
		fail "export to xlsx: $(cat "$work/err")"
	fi
fi

# Certificates of the demo decision, when this build has the print subcommand:
# the syntax is tried on Linux first, and Windows must do what Linux does.
if grep -qE '^ +print ' "$work/help"; then
	# An issued decision: certificates of a draft are refused (they would lack
	# their registry numbers and signer).
	decision=$({ lin --db "$work/linux/khenthuong.db" list decisions --json 2>/dev/null || true; } |
		sed -n 's/^    "id": \([0-9]*\),*$/\1/p; s/^    "status": "\(.*\)",*$/\1/p' | paste - - |
		awk '$2 == "issued" { print $1; exit }') || true
	decision=${decision:-1}
	if lin --db "$work/linux/khenthuong.db" print certificates --decision "$decision" -o "$work/linux/gk.pdf" >/dev/null 2>"$work/linux/print.err"; then
		if wexe --db "$wdb" print certificates --decision "$decision" -o "$(winpath "$dir/Giấy khen.pdf")"; then
			check "print certificates of decision $decision into “Giấy khen.pdf”: a PDF of as many pages as on Linux" \
				bash -c 'head -c 5 "$0" | grep -q "%PDF-" && [ "$(pdfinfo "$0" | grep ^Pages)" = "$(pdfinfo "$1" | grep ^Pages)" ]' \
				"$dir/Giấy khen.pdf" "$work/linux/gk.pdf"
		else
			fail "print certificates: $(cat "$work/err")"
		fi
	else
		echo "  skip  print certificates: “print certificates --decision $decision -o FILE” fails on Linux too: $(head -c 300 "$work/linux/print.err")"
	fi
	# The printer calibration page needs no decision: a PDF with the embedded fonts
	# (compared without object numbers: the order fonts are written in varies).
	if lin --db "$work/linux/khenthuong.db" print calibration -o "$work/linux/cal.pdf" >/dev/null 2>&1; then
		if wexe --db "$wdb" print calibration -o "$(winpath "$dir/Căn chỉnh máy in.pdf")"; then
			check "print calibration into “Căn chỉnh máy in.pdf”: the same text and fonts as on Linux" \
				bash -c 'fonts() { pdffonts "$1" | awk "NR > 2 { print \$1, \$2, \$3, \$4, \$5, \$6, \$7 }" | sort; }
					cmp -s <(pdftotext "$0" -) <(pdftotext "$1" -) && [ -n "$(fonts "$0")" ] && cmp -s <(fonts "$0") <(fonts "$1")' \
				"$dir/Căn chỉnh máy in.pdf" "$work/linux/cal.pdf"
		else
			fail "print calibration: $(cat "$work/err")"
		fi
	fi
else
	echo "  skip  print certificates: this build has no print subcommand yet"
fi

wexe --db "$wdb" list nothing && code=0 || code=$?
check "wrong arguments: exit code 2 and a Vietnamese message on stderr" \
	bash -c '[ "$0" = 2 ] && grep -q "không liệt kê được" "$1"' "$code" "$work/err"

# The default data file: %APPDATA%\KhenThuong\khenthuong.db of the Wine user.
wexe demo || true
appdata=$(find "$WINEPREFIX/drive_c/users" -path '*/AppData/Roaming/KhenThuong/khenthuong.db' 2>/dev/null | head -n1) || true
check "no --db: the data file is %APPDATA%\\KhenThuong\\khenthuong.db" test -n "$appdata"

# Started from a console without redirection, a subcommand attaches to it.
if timeout 60 wine "$work/console-helper.exe" "$(winpath "$work/console.txt")" "$(winpath "$exe")" \
	--db "$wdb" list campaigns >"$work/console.log" 2>&1 &&
	grep -q 'Tổng kết phong trào' "$work/console.txt"; then
	ok "a subcommand started from a console prints into it (AttachConsole)"
else
	fail "console output: $(cat "$work/console.log" "$work/console.txt" 2>/dev/null | head -c 600)"
fi

# --- the window under Xvfb
wine "$exe" --db "$wdb" >"$work/gui.log" 2>&1 &
gui=$!
wine_pids+=("$gui")
colours=0
for _ in $(seq 120); do
	sleep 0.5
	kill -0 "$gui" 2>/dev/null || break
	colours=$(colours_on_screen "$work/shot.png")
	[ "$colours" -gt 30 ] && break
done
if [ "$colours" -gt 30 ]; then
	sleep 2 # let the lists load before the picture that is kept
	colours=$(colours_on_screen "$work/shot.png")
	ok "the window is drawn under Wine + Xvfb ($colours colours on the screen)"
	[ -n "${WINDOWS_SHOT:-}" ] && cp "$work/shot.png" "$WINDOWS_SHOT"
	check "the window is still running" kill -0 "$gui"
else
	fail "the window stayed blank ($colours colours); its log: $(tail -c 800 "$work/gui.log")"
fi

summary windows-smoke
