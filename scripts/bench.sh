#!/usr/bin/env bash
# make bench: Retention Lab against DuckDB-WASM and PapaParse + Arquero on a 1,000,000-row
# long-form CSV in one headless Chromium session, the same Rust code natively (criterion), and
# the app's own speed and size figures. Prints the table and rewrites tests/bench/RESULTS.md.
# Takes several minutes; not part of `make test`. The peers are dev-only npm packages under
# tests/bench (never shipped).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/scripts/node_modules/.bin:$PWD/tests/bench/node_modules/.bin:$PATH"
log() { printf 'bench: %s\n' "$*"; }

if ! cmp -s tests/bench/package-lock.json tests/bench/node_modules/.installed-lock.json 2>/dev/null; then
  log "npm ci in tests/bench (the peers)"
  (cd tests/bench && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
fi

WWW=target/bench-www
rm -rf "$WWW" && mkdir -p "$WWW"
log "building the benchmark entry (the app's importer and triangle) for wasm"
cargo build --release --target wasm32-unknown-unknown --bin bench_entry
wasm-bindgen --target web --no-typescript --out-dir "$WWW" --out-name bench_entry \
  target/wasm32-unknown-unknown/release/bench_entry.wasm
# The same optimisation the shipped app gets from trunk.
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WWW/bench_entry_bg.wasm" -o "$WWW/bench_entry_bg.wasm"
(cd tests/bench && esbuild peers.mjs --bundle --format=esm --log-level=warning --outfile="../../$WWW/peers.js")
cp tests/bench/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm \
   tests/bench/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js \
   tests/bench/bench.html "$WWW/"

log "release build of the app and its size"
trunk build --release
size_report=$(bash scripts/size-report.sh 2>&1 || true)

log "100,000 customers scored and fitted in wasm (headless Chromium)"
speed_all=$(cargo test --release --target wasm32-unknown-unknown --test web_speed -- --nocapture 2>&1 || true)
speed=$(printf '%s\n' "$speed_all" | grep 'measure: 100,000' || true)
cohort_speed=$(printf '%s\n' "$speed_all" | grep -o 'measure: cohort fits.*' || true)
[ -n "$cohort_speed" ] || { echo "bench: the cohort fits measurement printed nothing" >&2; exit 1; }
[ -n "$speed" ] || { echo "bench: the web_speed measurement printed nothing" >&2; exit 1; }
num() { printf '%s\n' "$speed" | sed -n "s/.*$1 \([0-9.]*\) ms.*/\1/p"; }

log "the same Rust code natively (criterion, and a binary run between the browser rounds)"
cargo bench --bench import -- peers/import_then_triangle_1m >/dev/null
cargo bench --bench cohort_fits >/dev/null
cohort_native=$(for f in target/criterion/cohort_fits/*/new/estimates.json; do
  node -e 'const e = require("./" + process.argv[1]); console.log(process.argv[2] + " " + (e.median.point_estimate / 1e6).toFixed(2) + " ms")' "$f" "$(basename "$(dirname "$(dirname "$f")")")"
done | paste -sd ';' | sed 's/;/; /g')
cargo build --release --example native_triangle
native_ns=$(node -e 'console.log(require("./target/criterion/peers/import_then_triangle_1m/new/estimates.json").median.point_estimate)')

total_line=$(printf '%s\n' "$size_report" | grep '^TOTAL')
first_raw=$(echo "$total_line" | awk '{print $2}')
first_gz=$(echo "$total_line" | awk '{print $3}')
node -e '
  const [ns, score, fit, all, raw, gz, report, cohortWasm, cohortNative] = process.argv.slice(1);
  require("fs").writeFileSync("target/bench-native.json", JSON.stringify({ import_then_triangle_ms: ns / 1e6 }));
  require("fs").writeFileSync("target/bench-extra.json", JSON.stringify({
    score_ms: +score, fit_ms: +fit, all_ms: +all, first_load_raw: +raw, first_load_gzip: +gz, size_report: report,
    cohort_fits_wasm: cohortWasm, cohort_fits_native: cohortNative }));
' "$native_ns" "$(num score)" "$(num fit)" "$(num 'all together')" "$first_raw" "$first_gz" "$size_report" "$cohort_speed" "$cohort_native"

log "peers in headless Chromium"
node tests/bench/run.mjs "$WWW" dist target/bench-native.json target/bench-extra.json \
  target/release/examples/native_triangle
