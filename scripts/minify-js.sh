#!/usr/bin/env sh
# Minifies the page's own JavaScript in release builds: wasm-bindgen's glue
# (retention-lab.js), boot.js and the service worker. Run by trunk after each build (Trunk.toml,
# post_build hook) in its staging directory, so the sources stay readable. Trunk's own JS
# minifier cannot parse the glue module and leaves it as is; terser takes the three from
# 9.4 to 6.9 KB gzip of the first load (measured when it was under a 300 KB budget; a standard
# tool's default step now). The workers' glue, fetched on demand, is left readable.
set -eu
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
root="$(cd "$(dirname "$0")/.." && pwd)"
staging="${TRUNK_STAGING_DIR:?run by trunk}"
minify() { # file, then terser's options
  file="$staging/$1"
  shift
  "$root/scripts/node_modules/.bin/terser" "$file" --compress --mangle "$@" --output "$file.min"
  mv "$file.min" "$file"
}
minify retention-lab.js --module
minify boot.js --module
# The service worker is a classic script that nothing outside names: its top level is private.
minify sw.js --toplevel
