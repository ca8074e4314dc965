#!/usr/bin/env bash
# Chooses the release profile's opt-level by measurement (issue 24): for each level, the
# shipped first load (trunk release build, the same wasm-opt passes as always, gzip -9) and the
# 1,000,000-row import + triangle in headless Chromium (bench_entry built with that level and
# `wasm-opt -Oz`, as bench.sh builds it; median of 5 after a warm-up). Not part of `make test`
# (about 4 minutes a level); prints one table row per level. Usage: scripts/opt-level.sh [levels]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$HOME/.cargo/bin:$PATH"
levels=${*:-z s 3}
printf '| opt-level | first load gzip (bytes) | main wasm raw (bytes) | 1M-row import + triangle, median of 5 (ms) | runs (ms) |\n|---|---:|---:|---:|---|\n'
for level in $levels; do
  [[ $level =~ ^[0-3sz]$ ]] || { echo "opt-level.sh: $level is not an opt-level" >&2; exit 2; }
  out=target/opt-level/$level
  rm -rf "$out" && mkdir -p "$out/www"
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level trunk build --release --dist "$out/dist" >"$out/trunk.log" 2>&1
  first=$(cd "$out/dist" && for f in $(find . -maxdepth 1 -type f ! -name 'xlsx_*'); do gzip -9 -c "$f" | wc -c; done | awk '{s+=$1} END {print s}')
  raw=$(wc -c <"$out/dist/retention-lab_bg.wasm")
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$level cargo build --release --target wasm32-unknown-unknown --bin bench_entry -q
  wasm-bindgen --target web --no-typescript --out-dir "$out/www" --out-name bench_entry \
    target/wasm32-unknown-unknown/release/bench_entry.wasm
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/www/bench_entry_bg.wasm" -o "$out/www/bench_entry_bg.wasm"
  cp tests/bench/opt.html "$out/www/"
  read -r median all < <(node tests/bench/opt.mjs "$out/www" 5)
  printf '| "%s" | %s | %s | %s | %s |\n' "$level" "$first" "$raw" "$median" "$all"
done
