#!/usr/bin/env bash
# Installs what building, serving and testing need, and nothing that is already right.
# Safe to run again and again: every step checks first. Debian + rustup assumed (root for apt).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
log() { printf '\033[1;34msetup:\033[0m %s\n' "$*"; }

# 1. Rust: the toolchain file pins stable + rustfmt + clippy + the wasm32 target.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  rustup component list --installed | grep -q "^$component" || rustup component add "$component"
done

# 2. Debian packages: Chromium and its driver for browser tests, a CJK font so Chinese
#    renders in headless screenshots, Node for Playwright and wasm-opt, poppler-utils.
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy" || need_apt+=(fonts-wqy-microhei)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v gzip >/dev/null || need_apt+=(gzip)
# pdftoppm: the e2e suite renders the printed report's PDF to images.
command -v pdftoppm >/dev/null || need_apt+=(poppler-utils)
# Python with venv: the warehouse SQL test runs a real DuckDB from PyPI (step 6).
command -v python3 >/dev/null || need_apt+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" fontconfig >/dev/null
fi

# Faster one-off tool builds: these binaries need no size or peak-speed tuning.
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16

# 3. wasm-bindgen CLI at exactly the version in Cargo.lock (trunk refuses any other and
#    would try to download one). Not --locked: its lockfile pins a crate this registry lacks.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  log "installing wasm-bindgen-cli $bindgen_version (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$bindgen_version" --force
fi

# 4. trunk 0.21.14: 0.22 needs a newer rustc than stable here.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --force
fi

# 5. npm packages from committed lock files: wasm-opt (binaryen) and Playwright.
for dir in scripts tests/e2e; do
  # The stamp is a copy of the lock file that the last successful install used.
  if ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock.json" 2>/dev/null; then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error && cp package-lock.json node_modules/.installed-lock.json)
  fi
done
# 6. DuckDB and sqlglot for the warehouse SQL test (tests/warehouse_sql.rs), pinned, in a
#    venv of their own; the stamp is a copy of the requirements the last install used.
if ! cmp -s scripts/requirements-warehouse.txt scripts/.venv/.installed-requirements.txt 2>/dev/null; then
  log "python venv with DuckDB in scripts/.venv"
  [ -x scripts/.venv/bin/python ] || python3 -m venv scripts/.venv
  scripts/.venv/bin/pip install --quiet --disable-pip-version-check -r scripts/requirements-warehouse.txt
  cp scripts/requirements-warehouse.txt scripts/.venv/.installed-requirements.txt
fi
log "tools ready"
