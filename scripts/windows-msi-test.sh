#!/usr/bin/env bash
# The installer under Wine (part of `make windows-test`): on a fresh prefix,
# `msiexec /i … /qn` installs per user, the Start-menu and desktop shortcuts
# "Khen thưởng" exist and their target runs (the window opens and makes the
# data file in %APPDATA%\KhenThuong), `msiexec /x` removes the program and
# leaves the data file and its backups; a rebuild of the same version and a
# newer version (built from the same dist/khenthuong.exe by
# scripts/windows-msi.sh) each replace the installed product and keep the
# data, and the last one's uninstaller leaves no program file behind.
#
#   scripts/windows-msi-test.sh [MSI]
set -euo pipefail
cd "$(dirname "$0")/.."
msi=$(realpath "${1:-$(ls dist/khenthuong-*.msi | head -n1)}")
work=$(mktemp -d)
export LANG=C.UTF-8
unset LC_ALL
source scripts/windows-wine.sh
trap 'wine_cleanup; rm -rf "$work"' EXIT
# No menu entries in the Linux desktop for the shortcuts.
export WINEDLLOVERRIDES_EXTRA="winemenubuilder.exe=d"

echo "windows-msi-test: $(basename "$msi") under $(wine --version 2>/dev/null)"
wine_init
export WINEDLLOVERRIDES="$WINEDLLOVERRIDES;$WINEDLLOVERRIDES_EXTRA"
xvfb_start

# msi ARGS...: msiexec, tried again when Wine itself failed to start.
msi() {
	local try rc=0
	for try in 1 2 3; do
		timeout 300 wine msiexec "$@" >"$work/msi.log" 2>&1 && return 0 || rc=$?
		wine_loader_failed "$work/msi.log" || return "$rc"
	done
	return "$rc"
}
drive="$WINEPREFIX/drive_c"
installed() { find "$drive" -iname khenthuong.exe -path '*KhenThuong*' 2>/dev/null | head -n1; }
shortcut() { find -L "$drive" -name "Khen thưởng.lnk" -ipath "*$1*" 2>/dev/null | head -n1; }
datafile() { find "$drive/users" -path '*/AppData/Roaming/KhenThuong/khenthuong.db' 2>/dev/null | head -n1; }

check "msiexec /i /qn installs without questions" msi /i "$(winpath "$msi")" /qn
exe=$(installed)
check "the program is installed (${exe#"$drive/"})" test -n "$exe"
start=$(shortcut "Start Menu")
desk=$(shortcut Desktop)
check "Start-menu shortcut “Khen thưởng” (${start#"$drive/"})" test -n "$start"
check "desktop shortcut “Khen thưởng” (${desk#"$drive/"})" test -n "$desk"
check "the shortcuts' icon is in place" bash -c 'find "$0/windows/Installer" -name khenthuong.ico | grep -q .' "$drive"

# The shortcut's target runs: the window opens on the default data file.
if [ -n "$start" ]; then
	wine start /unix "$start" >"$work/gui.log" 2>&1 &
	wine_pids+=($!)
	for _ in $(seq 120); do
		[ -n "$(datafile)" ] && break
		sleep 0.5
	done
fi
data=$(datafile)
check "the shortcut's target runs and opens %APPDATA%\\KhenThuong\\khenthuong.db" test -n "$data"
sleep 2
timeout 20 wineserver -k >/dev/null 2>&1 || true # close the window before upgrading
# A backup beside the data file, made by the installed program itself.
backups=
if [ -n "$data" ]; then
	backups="$(dirname "$data")/backups"
	mkdir -p "$backups"
	timeout 120 wine "$exe" backup -o "$(winpath "$backups")\\truoc-nang-cap.db" >"$work/backup.log" 2>&1 || cat "$work/backup.log"
fi
check "the installed program writes a backup into %APPDATA%\\KhenThuong\\backups" test -n "$backups" -a -s "$backups/truoc-nang-cap.db"
# data file and backups, as the clerk left them
kept() { (cd "$(dirname "$data")" && find . -type f -name '*.db*' | LC_ALL=C sort | xargs md5sum) 2>/dev/null; }
sum=$( [ -n "$data" ] && kept || echo none)

check "msiexec /x /qn uninstalls" msi /x "$(winpath "$msi")" /qn
check "the program is removed" test -z "$(installed)"
check "the shortcuts are removed" test -z "$(shortcut "Start Menu")$(shortcut Desktop)"
check "the data file and its backups stay in %APPDATA%\\KhenThuong" test "$( [ -n "$data" ] && kept || echo gone)" = "$sum"

# An upgrade: the same UpgradeCode, a higher version, built as a release is.
# (Making it by editing ProductVersion alone, as this test once did, left the
# Upgrade table saying "older than 0.1.0": FindRelatedProducts found nothing,
# both products stayed registered and uninstalling the newer kept the files.)
next="$work/khenthuong-99.0.0.msi"
VERSION=99.0.0 MSI="$next" scripts/windows-msi.sh >"$work/next.log" 2>&1 || cat "$work/next.log"
# versions: the DisplayVersion of every product registered as installed
versions() {
	local hive
	for hive in HKLM HKCU; do
		wine reg query "$hive\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall" /s 2>/dev/null
	done | tr -d '\r' | sed -n 's/^ *DisplayVersion *REG_SZ *//p' | LC_ALL=C sort | tr '\n' ' '
}
first=$(msiinfo export "$msi" Property | tr -d '\r' | sed -n 's/^ProductVersion\t//p')
rebuild="$work/khenthuong-rebuild.msi" # the same version, another ProductCode (wixl makes one per build)
MSI="$rebuild" scripts/windows-msi.sh >"$work/rebuild.log" 2>&1 || cat "$work/rebuild.log"
check "the first version installs again" msi /i "$(winpath "$msi")" /qn
check "a rebuild of the same version installs over it" msi /i "$(winpath "$rebuild")" /qn
check "after the rebuild one product is registered ($(versions))" test "$(versions)" = "$first "
check "a newer version installs over it (MajorUpgrade)" msi /i "$(winpath "$next")" /qn
check "after the upgrade only the newer version is registered ($(versions))" test "$(versions)" = "99.0.0 "
check "after the upgrade the program is there" test -n "$(installed)"
check "after the upgrade the data file and backups are unchanged" test "$( [ -n "$data" ] && kept || echo gone)" = "$sum"
check "msiexec /x of the newer version uninstalls" msi /x "$(winpath "$next")" /qn
check "after upgrade and uninstall no program file is left" test -z "$(find "$drive" -ipath '*/KhenThuong/*' ! -ipath '*/AppData/Roaming/KhenThuong/*' -type f 2>/dev/null)"
check "after upgrade and uninstall no product is registered" test -z "$(versions)"
check "after upgrade and uninstall the data file and backups are unchanged" test "$( [ -n "$data" ] && kept || echo gone)" = "$sum"

# Per machine, as an IT department deploys it.
check "ALLUSERS=1 installs per machine" msi /i "$(winpath "$msi")" ALLUSERS=1 /qn
check "per machine: into Program Files" bash -c 'find "$0" -ipath "*Program Files/KhenThuong/khenthuong.exe" | grep -q .' "$drive"
check "per machine: msiexec /x removes it" msi /x "$(winpath "$msi")" ALLUSERS=1 /qn
check "per machine: the program is removed" test -z "$(installed)"

summary windows-msi-test
