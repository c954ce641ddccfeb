#!/usr/bin/env bash
# Release-to-release regression pass from the outside:
#   scripts/regress/all.sh OLDREF [WORKDIR]     (e.g. ccd9a6e)
# builds cmd/khenthuong at OLDREF and at the work tree, makes the long unit files,
# runs the clerk's process (run.sh) with each and compares every output
# (compare.py; pictures of differing PDF pages go to WORKDIR/report). Needs
# python3 with openpyxl, pdftotext/pdftoppm (poppler-utils) and ImageMagick.
# The window: gui.sh BIN DB OUT [FILE] takes screenshots under Xvfb.
set -euo pipefail
old=$1; work=${2:-/tmp/regress}
repo=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work/oldsrc"
git -C "$repo" archive "$old" | tar -x -C "$work/oldsrc"
(cd "$work/oldsrc" && go build -tags migrated_fynedo -o "$work/kt-old" ./cmd/khenthuong)
(cd "$repo" && go build -tags migrated_fynedo -o "$work/kt-new" ./cmd/khenthuong)
mkdir -p "$work/data"
/usr/bin/python3 "$repo/scripts/regress/genlong.py" "$work/data"
"$repo/scripts/regress/run.sh" "$work/kt-old" "$work/out-old" "$work/data"
"$repo/scripts/regress/run.sh" "$work/kt-new" "$work/out-new" "$work/data"
/usr/bin/python3 "$repo/scripts/regress/compare.py" "$work/out-old" "$work/out-new" "$work/report"
