#!/usr/bin/env bash
# Runs every fuzz target for a bounded time (FUZZTIME, default 20s each), in
# every package or in FUZZPKGS (e.g. FUZZPKGS=./vntext FUZZTIME=2s scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
fuzztime=${FUZZTIME:-20s}
for pkg in $(go list ${FUZZPKGS:-./...}); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/func //'); do
		echo "== $pkg $target ($fuzztime)"
		# Minimising each new input for up to a minute (Go's default) starves the
		# file-format fuzzers, whose inputs are kilobytes: execs stayed at a few.
		go test -tags migrated_fynedo -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" \
			-fuzzminimizetime "${FUZZMINIMIZE:-1s}" "$pkg"
	done
done
