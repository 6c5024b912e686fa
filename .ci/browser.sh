#!/usr/bin/env bash
# The browser test of `serve` (tests/e2e/test_serve_browser.py) drives Debian's chromium through
# Playwright (pip, in [test]); no Playwright browser download. Idempotent and quiet; a failed
# install only makes that test skip with its reason, so this never fails CI.
set -uo pipefail
command -v chromium >/dev/null 2>&1 && exit 0
. "$(dirname "$0")/_apt.sh"
apt_install "the browser test of serve" chromium
exit 0
