#!/usr/bin/env bash
# Prints raw and gzip (-9) bytes of every file the release build ships, in two groups: what
# the page fetches before it is usable (first load) and the XLSX workers fetched on demand
# (budget 400 KB gzip each, JS and wasm together). The first-load goal is 300 KB gzip; since the
# health and renewal sections it is over that goal (reported as such), and the run fails above
# a fence so that it cannot grow unnoticed while the goal is worked towards. The fence moved
# from 330 to 360 KB with the workshop tools (share links, saved scenarios and files, report,
# chart export, presentation mode: +46 KB, of which 9 KB were won back), a recorded decision,
# not a goal met.
set -euo pipefail
cd "$(dirname "$0")/../dist"
FIRST_LOAD_GOAL=$((300 * 1024))
FIRST_LOAD_FENCE=$((360 * 1024))
ON_DEMAND_BUDGET=$((400 * 1024))
status=0
gz() { gzip -9 -c "$1" | wc -c; }

printf '%-28s %10s %10s\n' "first load" raw gzip
total_raw=0; total_gz=0
for f in $(find . -maxdepth 1 -type f ! -name 'xlsx_*' | sort); do
  raw=$(wc -c <"$f"); z=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + z))
  printf '%-28s %10d %10d\n' "${f#./}" "$raw" "$z"
done
printf '%-28s %10d %10d  (%d%% of the 300 KB goal; fails above 360 KB)\n' TOTAL "$total_raw" "$total_gz" $((100 * total_gz / FIRST_LOAD_GOAL))
[ "$total_gz" -le "$FIRST_LOAD_GOAL" ] || echo "size-report: first load $((total_gz / 1024)) KB is over the 300 KB goal" >&2
[ "$total_gz" -le "$FIRST_LOAD_FENCE" ] || { echo "size-report: first load over the 360 KB fence" >&2; status=1; }

printf '\n%-28s %10s %10s\n' "on demand" raw gzip
for worker in $(find . -maxdepth 1 -name 'xlsx_*_bg.wasm' | sed 's|^\./||; s|_bg\.wasm$||' | sort); do
  w_raw=0; w_gz=0
  for f in "$worker.js" "${worker}_bg.wasm" "${worker}_loader.js"; do
    [ -f "$f" ] || continue
    raw=$(wc -c <"$f"); z=$(gz "$f")
    w_raw=$((w_raw + raw)); w_gz=$((w_gz + z))
    printf '%-28s %10d %10d\n' "$f" "$raw" "$z"
  done
  printf '%-28s %10d %10d  (%d%% of the 400 KB budget)\n' "$worker total" "$w_raw" "$w_gz" $((100 * w_gz / ON_DEMAND_BUDGET))
  [ "$w_gz" -le "$ON_DEMAND_BUDGET" ] || { echo "size-report: $worker over budget" >&2; status=1; }
done
exit $status
