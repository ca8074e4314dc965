#!/usr/bin/env bash
# Prints raw and gzip (-9) bytes of every file the release build ships, and fails when the
# first load (everything in dist/ today: no module is fetched on demand yet) exceeds the budget.
set -euo pipefail
cd "$(dirname "$0")/../dist"
BUDGET=$((300 * 1024))
total_raw=0; total_gz=0
printf '%-32s %10s %10s\n' file raw gzip
for f in $(find . -type f ! -path './.stage/*' | sort); do
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-32s %10d %10d\n' "${f#./}" "$raw" "$gz"
done
printf '%-32s %10d %10d\n' TOTAL "$total_raw" "$total_gz"
printf 'first-load budget: %d of %d gzip bytes (%d%%)\n' "$total_gz" "$BUDGET" $((100 * total_gz / BUDGET))
if [ "$total_gz" -gt "$BUDGET" ]; then
  echo "size-report: over the 300 KB gzip first-load budget" >&2
  exit 1
fi
