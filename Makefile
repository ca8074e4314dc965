# Two entry points for people (serve, test) plus the steps they are made of.
# Every target first runs scripts/setup.sh, which installs only what is missing.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/scripts/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-test-runner drives Debian's Chromium through its driver.
export CHROMEDRIVER := /usr/bin/chromedriver

.PHONY: setup serve test lint test-native test-wasm build size e2e bench

setup:
	@bash scripts/setup.sh

## Serve the app with its built-in sample on http://127.0.0.1:8080 (rebuilds on change).
serve: setup
	trunk serve

## Every check: formatting, lints (native and wasm32), native + doc tests, browser tests,
## the release build, its size report, and Playwright end to end.
test: setup lint test-native test-wasm build size e2e

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings

test-native:
	cargo test

test-wasm:
	cargo test --target wasm32-unknown-unknown --test web

build:
	trunk build --release

size: build
	bash scripts/size-report.sh

e2e: build
	cd tests/e2e && node --test --test-concurrency=1 .

# Not part of `test`: takes minutes; rewrites tests/bench/RESULTS.md.
bench: setup
	@bash scripts/bench.sh
