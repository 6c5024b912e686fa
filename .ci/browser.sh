#!/usr/bin/env bash
# The browser test of `serve` (tests/e2e/test_serve_browser.py) drives Debian's chromium through
# Playwright (pip, in [test]); no Playwright browser download. Idempotent and quiet; a failed
# install only makes that test skip with its reason, so this never fails CI.
set -uo pipefail
if command -v chromium >/dev/null 2>&1; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo -n"; fi
if ! $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium >/dev/null 2>&1; then
    $SUDO apt-get update -qq >/dev/null 2>&1 || true
    $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium >/dev/null 2>&1 \
        || echo "browser.sh: chromium not installed; the browser test of serve will skip" >&2
fi
exit 0
