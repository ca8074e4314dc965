#!/usr/bin/env sh
# Joins the stylesheets into the one file the page links (target/style/app.css), run by trunk
# before every build (Trunk.toml, pre_build hook). The sources stay small files by topic; the
# page fetches one, because ten separately gzipped files cost 9 KB and the same CSS in one
# file 5 KB (the files share most of their vocabulary), and one request is one round trip.
# The order is the cascade's order: tokens first, print last.
set -eu
cd "$(dirname "$0")/.."
mkdir -p target/style
cat style/tokens.css style/layout.css style/controls.css style/metrics.css style/data.css \
  style/cohorts.css style/scenarios.css style/health.css style/workshop.css style/strategy.css style/operations.css style/print.css \
  >target/style/app.css.part
mv target/style/app.css.part target/style/app.css
