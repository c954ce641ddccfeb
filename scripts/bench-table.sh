#!/usr/bin/env bash
# Reads `go test -bench` output and prints one table: package, benchmark, time, memory.
awk '
/^pkg:/ { pkg = $2; sub(/^khenthuong\/?/, "", pkg); if (pkg == "") pkg = "." }
/^Benchmark/ {
	name = $1; sub(/-[0-9]+$/, "", name)
	t = ""; mem = ""; allocs = ""; extra = ""
	for (i = 3; i < NF; i++) {
		if ($(i+1) == "ns/op") {
			v = $i
			if (v >= 1e9) t = sprintf("%.2f s", v/1e9)
			else if (v >= 1e6) t = sprintf("%.2f ms", v/1e6)
			else if (v >= 1e3) t = sprintf("%.2f µs", v/1e3)
			else t = sprintf("%.0f ns", v)
		} else if ($(i+1) == "B/op") mem = sprintf("%.1f MB", $i/1048576)
		else if ($(i+1) == "allocs/op") allocs = $i
		else if ($(i+1) !~ /^[0-9.]+$/ && $i ~ /^[0-9.e+-]+$/) extra = extra " " $i " " $(i+1)
	}
	printf "| %-14s | %-40s | %12s | %10s | %10s |%s\n", pkg, name, t, mem, allocs, extra
	next
}
/^(FAIL|panic|---)/ { print; failed = 1 }
END { exit failed }
' | { printf "| %-14s | %-40s | %12s | %10s | %10s |\n" package benchmark "time/op" "mem/op" "allocs/op"; echo "|---|---|---|---|---|"; cat; }
