#!/usr/bin/env bash
# Real Jekyll for tests/e2e/test_jekyll_real.py: Debian's jekyll with its default theme minima
# and the jekyll-feed plugin `jekyll new` enables. Only installed; the test builds and serves a
# private site on 127.0.0.1. Idempotent and quiet; fails soft (the test skips with the reason).
set -uo pipefail
. "$(dirname "$0")/_apt.sh"
apt_install "the Jekyll test" jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag
exit 0
