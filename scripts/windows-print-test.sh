#!/usr/bin/env bash
# The Windows printing path under Wine (part of `make windows-test`): the exe's
# `printers` lists the spooler's printers (EnumPrinters, GetDefaultPrinter),
# and `print … --to` draws the pages through GDI, which Wine's PostScript
# driver hands to CUPS. A private cupsd (its own configuration and socket,
# stopped at the end) has a PDF printer whose every job is written to a file;
# each job is compared with the PDF the Linux binary writes with -o from the
# same data file: the same pages and paper, every word's ink where the PDF has
# it within 0.3 mm, A4 portrait and A3 landscape (pdfplaces; the word
# boxes pdftotext reports would not do: Ghostscript, which turns Wine's
# PostScript into PDF, declares each font subset's ascent and descent from the
# glyphs it holds, which moves the boxes' tops and bottoms, see cupstest.SameInk).
#
#   scripts/windows-print-test.sh [EXE] [LINUX_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=$(realpath "${1:-dist/khenthuong.exe}")
linbin=$(realpath "${2:-bin/khenthuong}")
lin() { LANG=vi_VN.UTF-8 "$linbin" "$@"; }
work=$(mktemp -d /tmp/kt-winprint-XXXXXX)
chmod 755 "$work"
export LANG=C.UTF-8
unset LC_ALL
source scripts/windows-wine.sh
cupsd_pid=
stop_cups() { [ -n "$cupsd_pid" ] && kill "$cupsd_pid" 2>/dev/null && wait "$cupsd_pid" 2>/dev/null; cupsd_pid=; true; }
# cupsd first: wine_cleanup waits for every child of this shell, cupsd included.
trap 'stop_cups; wine_cleanup; [ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT  # KEEP=1 keeps the PDFs

echo "windows-print-test: $(basename "$exe") under $(wine --version 2>/dev/null), CUPS $(dpkg-query -W -f='${Version}' cups 2>/dev/null)"
[ -x /usr/sbin/cupsd ] && [ -f /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd ] ||
	{ echo "windows-print-test: install cups and printer-driver-cups-pdf (make setup does)" >&2; exit 1; }
go build -o "$work/pdfplaces" ./printing/cupstest/pdfplaces

# --- a private CUPS with one PDF printer, the default
c="$work/cups"
mkdir -p "$c"/{spool,cache,state,tmp,log,out}
chmod 755 "$c"
chmod 1777 "$c/tmp" "$c/out"
cat >"$c/cups-files.conf" <<CONF
ServerRoot $c
RequestRoot $c/spool
CacheDir $c/cache
StateDir $c/state
TempDir $c/tmp
AccessLog $c/log/access_log
ErrorLog $c/log/error_log
PageLog $c/log/page_log
Printcap $c/printcap
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
Sandboxing Relaxed
CONF
cat >"$c/cupsd.conf" <<CONF
Listen $c/cups.sock
LogLevel info
Browsing Off
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
# The cups-pdf driver's description, taking PDF as it is (see cupstest.FilePrinter).
sed 's|^\*% cupsFilter:    "application/vnd.cups-postscript 0 pstitleiconv"|*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"|' \
	/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd >"$c/pdf-in.ppd"
/usr/sbin/cupsd -f -c "$c/cupsd.conf" -s "$c/cups-files.conf" &
cupsd_pid=$!
export CUPS_SERVER="$c/cups.sock"
for _ in $(seq 200); do lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break; sleep 0.1; done
lpadmin -p Phong_TD -E -v "file://$c/out/job.pdf" -P "$c/pdf-in.ppd" 2>/dev/null
lpadmin -d Phong_TD

wine_init
# wexe ARGS...: the exe under Wine, tried again when Wine itself failed to start.
wexe() {
	local try rc=0
	for try in 1 2 3; do
		timeout 180 wine "$exe" "$@" >"$work/out" 2>"$work/err" && return 0 || rc=$?
		wine_loader_failed "$work/err" || return "$rc"
	done
	return "$rc"
}

if wexe printers --json && grep -q '"name": "Phong_TD"' "$work/out" && grep -q '"default": true' "$work/out"; then
	ok "printers: the spooler lists the CUPS printer Phong_TD as the default (EnumPrinters, GetDefaultPrinter)"
else
	fail "printers: $(cat "$work/out" "$work/err" | head -c 400)"
fi

db="$work/k.db"
wdb=$(winpath "$db")
wexe --db "$wdb" demo || fail "demo: $(cat "$work/err")"
wexe --db "$wdb" printer set Phong_TD --offset-x 3 --offset-y -2 || fail "printer set: $(cat "$work/err")"
jobs=0
# printed NAME WITH ARGS...: prints with --to under Wine, and with -o and the
# flags WITH (the profile --to applies by itself) on Linux; compares.
printed() {
	local name=$1 with=$2
	shift 2
	rm -f "$c/out/job.pdf"
	# shellcheck disable=SC2086
	lin --db "$db" print "$@" $with -o "$work/$name.pdf" 2>/dev/null || { fail "$name: the Linux binary's -o failed"; return; }
	if ! wexe --db "$wdb" print "$@" --to Phong_TD; then
		fail "$name: print --to: $(cat "$work/err")"
		return
	fi
	jobs=$((jobs + 1))
	local n=0
	for _ in $(seq 600); do # a minute at most
		n=$(lpstat -W completed -o Phong_TD 2>/dev/null | wc -l)
		[ "$n" -ge "$jobs" ] && [ -s "$c/out/job.pdf" ] && break
		sleep 0.1
	done
	if [ "$n" -lt "$jobs" ] || [ ! -s "$c/out/job.pdf" ]; then
		fail "$name: no job came out of CUPS: $(tail -c 600 "$c/log/error_log")"
		return
	fi
	mv "$c/out/job.pdf" "$work/$name.printed.pdf"
	if "$work/pdfplaces" "$work/$name.pdf" "$work/$name.printed.pdf" >"$work/places" 2>&1; then
		ok "$name through GDI: $(cat "$work/places")"
	else
		fail "$name through GDI differs from the PDF: $(head -c 800 "$work/places")"
	fi
}
printed "decision (A4, 3 pages)" "" decision --decision 1
printed "list (A4)" "" list --decision 1 --table
# Landscape: turned onto portrait A3 paper by the world transform.
printed "certificates with the printer's profile (A3 landscape)" "--printer Phong_TD" certificates --decision 1 --recipients 1,2 --mode plain
printed "calibration page (A3 landscape)" "--printer Phong_TD" calibration --size A3L

summary windows-print-test
