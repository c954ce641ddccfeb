# Sourced by the Windows tests (scripts/windows-smoke.sh, windows-typing-test.sh):
# a fresh Wine prefix able to run a Go 1.26 exe, an Xvfb display, and helpers.
#
# Debian 12's Wine 8 lacks ProcessPrng (bcryptprimitives.dll), which the Go
# runtime calls at start-up. wine_init builds a shim DLL exporting it with
# mingw-w64 (packaging/windows/wine/processprng-shim.c) and puts it in the
# prefix's system32. Test scaffolding only: the zip never contains it.
#
# The caller sets $work (a scratch folder it removes) before sourcing.

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
wine_pids=()

# Debian's wine64 comes without wine64-preloader, so Wine cannot reserve its
# address ranges before the kernel places the stack and libraries there; when
# they collide the process dies with "could not load kernel32.dll, status
# c0000135" (seen once in CI, on the first prefix of a run). With address
# randomisation off, the layout is the same on every run. The caller has
# already moved to the repository root, hence the path rebuilt from $0.
if [ -z "${KHENTHUONG_WINE_NORANDOM:-}" ] && setarch "$(uname -m)" -R true 2>/dev/null; then
	export KHENTHUONG_WINE_NORANDOM=1
	exec setarch "$(uname -m)" -R "$root/scripts/$(basename "$0")" "$@"
fi

# wine_loader_failed FILE: whether FILE (a stderr) shows Wine failing to start a
# process at all, before any of our code ran: worth one more try.
wine_loader_failed() { grep -q 'could not load kernel32.dll' "$1" 2>/dev/null; }

# wine_init: a fresh 64-bit prefix in $work/prefix with the shim and the test
# helpers; a prefix Wine failed to create is thrown away and made again.
wine_init() {
	local try
	for try in 1 2 3; do
		wine_boot "$work/prefix$try" && return 0
		echo "  (Wine could not create a fresh prefix, attempt $try of 3: $(tail -c 400 "$work/wineboot.log" | tr '\n' ' '))"
		timeout 20 wineserver -k >/dev/null 2>&1 || true
	done
	return 1
}

# wine_boot DIR: creates the prefix DIR and puts the shim in its system32.
wine_boot() {
	export WINEPREFIX="$1" WINEARCH=win64 WINEDEBUG=-all
	# No Mono or Gecko installer dialogs: the tests need neither.
	export WINEDLLOVERRIDES="mscoree,mshtml="
	unset DISPLAY
	timeout 300 wine wineboot --init >"$work/wineboot.log" 2>&1 || return 1
	timeout 120 wineserver -w || return 1
	local sys32="$WINEPREFIX/drive_c/windows/system32"
	[ -f "$sys32/kernel32.dll" ] || { echo "wine: no kernel32.dll in $sys32" >>"$work/wineboot.log"; return 1; }
	x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
		"$root/packaging/windows/wine/processprng-shim.c" -ladvapi32
}

# wine_helper NAME: builds packaging/windows/wine/NAME.c into $work/NAME.exe.
wine_helper() {
	x86_64-w64-mingw32-gcc -municode -O2 -s -o "$work/$1.exe" "$root/packaging/windows/wine/$1.c"
}

# winpath FILE: the Windows path of a Unix path (Z:\...).
winpath() { winepath -w "$1" 2>/dev/null; }

# xvfb_start [WxH]: an X display for the window (1280x800 unless told); sets DISPLAY.
xvfb_start() {
	local d
	for _ in 1 2 3 4 5; do
		d=$((100 + RANDOM % 400))
		[ -e "/tmp/.X11-unix/X$d" ] || [ -e "/tmp/.X$d-lock" ] || break
	done
	Xvfb ":$d" -screen 0 "${1:-1280x800}x24" -nolisten tcp >"$work/xvfb.log" 2>&1 &
	wine_pids+=($!)
	for _ in $(seq 100); do
		xdpyinfo -display ":$d" >/dev/null 2>&1 && break
		sleep 0.1
	done
	export DISPLAY=":$d"
}

# wine_cleanup: ends what these helpers started (the caller's EXIT trap).
wine_cleanup() {
	if [ -n "${WINEPREFIX:-}" ] && [ -d "$WINEPREFIX" ]; then
		timeout 20 wineserver -k >/dev/null 2>&1 || true
	fi
	local p
	for p in "${wine_pids[@]}"; do kill "$p" 2>/dev/null || true; done
	# Only what these helpers started: a bare wait would also wait for the
	# caller's own background servers (a test's cupsd) and never return.
	for p in "${wine_pids[@]}"; do wait "$p" 2>/dev/null || true; done
}

# colours_on_screen: how many colours a screenshot of the whole display holds.
colours_on_screen() {
	import -window root "$1" 2>/dev/null || { echo 0; return 0; }
	convert "$1" -format '%k' info: 2>/dev/null || echo 0
}

# Results, printed by summary as the closing line that CI reads.
passed=0 failed=0
ok() { passed=$((passed + 1)); echo "  ok    $*"; }
fail() { failed=$((failed + 1)); echo "  FAIL  $*"; }
check() { # check DESCRIPTION COMMAND...
	local what=$1; shift
	if "$@"; then ok "$what"; else fail "$what"; fi
}
summary() { echo "$1: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; }
