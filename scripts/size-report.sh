#!/usr/bin/env bash
# Prints raw and gzip (-9) bytes of every file the release build ships, in two groups: what
# the page fetches before it is usable (first load) and the modules fetched on demand (XLSX
# reader and writer, the operations panels' worker, the Strategy section)
# (budget 400 KB gzip each, JS and wasm together). KB here is 1,024 bytes, as in every size
# report of this project. The first load's budget is 450 KB (460,800 bytes) gzip and the run
# fails above it, so that nothing can grow past it unnoticed. It was 300 KB until the
# architecture issue (2026-11-30): at 237 bytes of slack it had started to dictate
# hand-written stand-ins for serde, gloo and other standard crates.
set -euo pipefail
cd "$(dirname "$0")/../dist"
FIRST_LOAD_GOAL=$((450 * 1024))
ON_DEMAND_BUDGET=$((400 * 1024))
status=0
gz() { gzip -9 -c "$1" | wc -c; }

printf '%-28s %10s %10s\n' "first load" raw gzip
total_raw=0; total_gz=0
for f in $(find . -maxdepth 1 -type f ! -name 'xlsx_*' ! -name 'ops_worker*' ! -name 'strategy_app*' | sort); do
  raw=$(wc -c <"$f"); z=$(gz "$f")
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + z))
  printf '%-28s %10d %10d\n' "${f#./}" "$raw" "$z"
done
printf '%-28s %10d %10d  (%d%% of the 450 KB = 460800-byte budget, %d bytes to spare)\n' TOTAL "$total_raw" "$total_gz" \
  $((100 * total_gz / FIRST_LOAD_GOAL)) $((FIRST_LOAD_GOAL - total_gz))
[ "$total_gz" -le "$FIRST_LOAD_GOAL" ] || { echo "size-report: first load $total_gz bytes gzip is over the 450 KB budget" >&2; status=1; }

printf '\n%-28s %10s %10s\n' "on demand" raw gzip
for worker in $(find . -maxdepth 1 \( -name 'xlsx_*_bg.wasm' -o -name 'ops_worker_bg.wasm' -o -name 'strategy_app_bg.wasm' \) | sed 's|^\./||; s|_bg\.wasm$||' | sort); do
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
