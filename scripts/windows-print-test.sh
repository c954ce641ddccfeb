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
# A second printer with trays shows what the DEVMODE carried: the tray's code
# in the driver's PostScript, the driver's copies as the CUPS job's.
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
# Its printable area leaves uneven margins (left 10 pt, bottom 20, right 5,
# top 15), as a real printer's does: GDI's coordinates start at the printable
# area's corner (PHYSICALOFFSETX/Y), so a word in place proves the offsets
# were taken off, the right way round, on portrait and turned pages alike.
sed -e 's|^\*% cupsFilter:    "application/vnd.cups-postscript 0 pstitleiconv"|*cupsFilter2: "application/vnd.cups-pdf application/pdf 0 -"|' \
	-e 's|^\*ImageableArea A3/A3: .*|*ImageableArea A3/A3: "10 20 837 1176"|' \
	-e 's|^\*ImageableArea A4/A4: .*|*ImageableArea A4/A4: "10 20 590 827"|' \
	/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd >"$c/pdf-in.ppd"
/usr/sbin/cupsd -f -c "$c/cupsd.conf" -s "$c/cups-files.conf" &
cupsd_pid=$!
export CUPS_SERVER="$c/cups.sock"
for _ in $(seq 200); do lpstat -r 2>/dev/null | grep -q 'scheduler is running' && break; sleep 0.1; done
lpadmin -p Phong_TD -E -v "file://$c/out/job.pdf" -P "$c/pdf-in.ppd" 2>/dev/null
lpadmin -d Phong_TD
# A second printer whose driver offers trays and which keeps the PostScript
# Wine's driver writes (no filter): the DEVMODE's copies and tray show in its
# setup, as a PostScript printer would receive them.
{
	sed 's|^\*% cupsFilter: .*|*cupsFilter2: "application/vnd.cups-postscript application/postscript 0 -"|' \
		/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
	cat <<'PPD'
*OpenUI *InputSlot/Media Source: PickOne
*OrderDependency: 20 AnySetup *InputSlot
*DefaultInputSlot: Auto
*InputSlot Auto/Auto: ""
*InputSlot Tray1/Tray 1: "<</MediaPosition 1>>setpagedevice"
*InputSlot Tray2/Tray 2: "<</MediaPosition 2>>setpagedevice"
*InputSlot Manual/Manual Feed: "<</ManualFeed true>>setpagedevice"
*CloseUI: *InputSlot
PPD
} >"$c/trays.ppd"
lpadmin -p Khay_TD -E -v "file://$c/out/trays.ps" -P "$c/trays.ppd" 2>/dev/null

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
# Copies and tray, on Khay_TD (Wine lists its trays with its own "Automatically
# Select" first). What the DEVMODE carried shows downstream:
# Wine's driver writes the tray's PPD code (dmDefaultSource) into the
# PostScript and hands dmCopies and dmCollate to CUPS as the job's copies.
tjobs=0
# trays_job ARGS...: prints with --to Khay_TD and waits for the job; $tjob is
# its CUPS id, $work/trays.ps what the printer received (after CUPS's pstops).
trays_job() {
	rm -f "$c/out/trays.ps"
	wexe --db "$wdb" print "$@" --to Khay_TD || return 1
	tjobs=$((tjobs + 1))
	for _ in $(seq 600); do
		[ "$(lpstat -W completed -o Khay_TD 2>/dev/null | wc -l)" -ge "$tjobs" ] && [ -s "$c/out/trays.ps" ] && break
		sleep 0.1
	done
	tjob=$(lpstat -W completed -o Khay_TD 2>/dev/null | awk '{print $1}' | sort -t- -k2 -n | tail -n1)
	cp "$c/out/trays.ps" "$work/trays.ps" 2>/dev/null
}
# job_attr NAME: the attribute the scheduler recorded on job $tjob (IPP
# Get-Job-Attributes through its socket, ipptool from cups-ipp-utils).
job_attr() {
	cat >"$work/job.test" <<TEST
{
	OPERATION Get-Job-Attributes
	GROUP operation-attributes-tag
	ATTR charset attributes-charset utf-8
	ATTR naturalLanguage attributes-natural-language en
	ATTR uri job-uri ipp://localhost/jobs/${tjob##*-}
	ATTR name requesting-user-name root
	ATTR keyword requested-attributes all
}
TEST
	ipptool -t -v "ipp://${CUPS_SERVER//\//%2F}/jobs/${tjob##*-}" "$work/job.test" 2>/dev/null |
		sed -n "s/^ *$1 ([^)]*) = //p" | head -n1
}
out_pages() { grep -a -c '^%%Page: ' "$work/trays.ps" 2>/dev/null; }
if trays_job certificates --decision 1 --recipients 1 --mode plain --copies 3 --tray "Tray 2"; then
	check "one page, 3 copies: the driver makes them (dmCopies → CUPS copies $(job_attr copies), $(out_pages) pages out)" \
		test "$(job_attr copies)" = 3 -a "$(out_pages)" = 3
	check "tray “Tray 2”: dmDefaultSource → the driver's *InputSlot Tray2 code in the job" \
		bash -c 'grep -a -A1 "^%%BeginFeature: \*InputSlot Tray2" "$0" | grep -q "<</MediaPosition 2>>setpagedevice"' "$work/trays.ps"
else
	fail "copies and tray: $(cat "$work/out" "$work/err" | head -c 400)"
fi
if trays_job decision --decision 1 --copies 2; then
	check "3 pages, 2 copies: drawn once per copy, collated, since Wine's driver says it cannot collate (CUPS copies $(job_attr copies), $(out_pages) pages out)" \
		test "$(job_attr copies)" = 1 -a "$(out_pages)" = 6
else
	fail "copies of a 3-page decision: $(cat "$work/out" "$work/err" | head -c 400)"
fi
if wexe --db "$wdb" print decision --decision 1 --to Khay_TD --tray "Khay 9"; then
	fail "an unknown tray was accepted"
else
	check "an unknown tray is refused, naming the driver's trays: $(head -c 200 "$work/err")" \
		grep -q "không có khay “Khay 9” (các khay: Automatically Select, Auto, Tray 1, Tray 2, Manual Feed)" "$work/err"
fi
# Landscape: turned onto portrait A3 paper by the world transform.
printed "certificates with the printer's profile (A3 landscape)" "--printer Phong_TD" certificates --decision 1 --recipients 1,2 --mode plain
printed "calibration page (A3 landscape)" "--printer Phong_TD" calibration --size A3L

summary windows-print-test
