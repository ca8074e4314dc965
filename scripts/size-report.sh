#!/usr/bin/env bash
# Prints raw and gzip (-9) bytes of every file the release build ships, in two groups: what
# the page fetches before it is usable (first load) and the modules fetched on demand (the
# XLSX reader and writer workers, JS and wasm together). KB here is 1,024 bytes, as in every
# size report of this project.
#
# Bytes are a guard rail, not the architect (issue 24): what decides is the load a user feels,
# measured by `make bench` (tests/bench/load.mjs: CPU 4×, 10 Mbit/s, 40 ms). The run fails
# only when the first load passes 1 MiB gzip or an on-demand module 400 KB gzip, so that
# nothing can grow past them unnoticed. (History: 300 KB, then 450 KB from the architecture
# issue of 2026-11-30 until issue 24; each time a nearly spent budget chose module boundaries.)
set -euo pipefail
cd "$(dirname "$0")/../dist"
FIRST_LOAD_GUARD=$((1024 * 1024))
ON_DEMAND_GUARD=$((400 * 1024))
status=0
gz() { gzip -9 -c "$1" | wc -c; }

printf '%-28s %10s %10s\n' "first load" raw gzip
total_raw=0; total_gz=0
for f in $(find . -maxdepth 1 -type f ! -name 'xlsx_*' | sort); do
  raw=$(wc -c <"$f"); z=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + z))
  printf '%-28s %10d %10d\n' "${f#./}" "$raw" "$z"
done
printf '%-28s %10d %10d  (%d%% of the 1 MiB = 1048576-byte guard rail)\n' TOTAL "$total_raw" "$total_gz" \
  $((100 * total_gz / FIRST_LOAD_GUARD))
[ "$total_gz" -le "$FIRST_LOAD_GUARD" ] || { echo "size-report: first load $total_gz bytes gzip is over the 1 MiB guard rail" >&2; status=1; }

printf '\n%-28s %10s %10s\n' "on demand" raw gzip
for worker in $(find . -maxdepth 1 -name 'xlsx_*_bg.wasm' | sed 's|^\./||; s|_bg\.wasm$||' | sort); do
  w_raw=0; w_gz=0
  for f in "$worker.js" "${worker}_bg.wasm" "${worker}_loader.js"; do
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f"); z=$(gz "$f")
    w_raw=$((w_raw + raw)); w_gz=$((w_gz + z))
    printf '%-28s %10d %10d\n' "$f" "$raw" "$z"
  done
  printf '%-28s %10d %10d  (%d%% of the 400 KB guard rail)\n' "$worker total" "$w_raw" "$w_gz" $((100 * w_gz / ON_DEMAND_GUARD))
  [ "$w_gz" -le "$ON_DEMAND_GUARD" ] || { echo "size-report: $worker over its 400 KB guard rail" >&2; status=1; }
done
exit $status
