#!/usr/bin/env bash
# Replay tools for the slow replay tests, in their own venv (.replay-venv, or
# $BLOG_ARCHIVER_REPLAY_VENV):
#   pywb       loads our WARCs and index and replays them (tests/e2e/test_replay.py)
#   wacz       py-wacz's `wacz validate`, the reference WACZ validator
#   playwright + Debian's chromium + ReplayWeb.page (npm, its prebuilt ui.js and sw.js):
#              opens our WACZ the way a reader does (tests/e2e/test_replay.py)
# pywb pins redis 2.x / fakeredis 0.16 and brings gevent, none of which the project needs, and
# pywb, wacz and ReplayWeb.page are (A)GPL: tools we test against, not dependencies.
# Idempotent and soft: whatever fails to install, the tests that need it skip and say so.
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${BLOG_ARCHIVER_REPLAY_VENV:-.replay-venv}"
rwp_version="2.5.3"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || { echo "replay.sh: no venv at $venv; replay tests will skip" >&2; exit 0; }
fi
if [ ! -x "$venv/bin/wayback" ] || [ ! -x "$venv/bin/wacz" ] || [ ! -d "$venv/lib/python3.11/site-packages/playwright" ]; then
    "$venv/bin/python" -m pip install --quiet "pywb>=2.10,<3" "wacz>=0.6,<1" "playwright>=1.40" \
        >"$venv/install.log" 2>&1 \
        || echo "replay.sh: pip could not install pywb/wacz/playwright (see $venv/install.log)" >&2
fi
if [ ! -f "$venv/replaywebpage/sw.js" ]; then
    tmp="$(mktemp -d)"
    if (cd "$tmp" && npm pack --silent "replaywebpage@$rwp_version" >/dev/null 2>&1) \
        && mkdir -p "$venv/replaywebpage" \
        && tar -xzf "$tmp"/replaywebpage-*.tgz -C "$venv/replaywebpage" --strip-components=1 \
            package/index.html package/ui.js package/sw.js; then
        :
    else
        echo "replay.sh: could not fetch ReplayWeb.page $rwp_version from npm" >&2
    fi
    rm -rf "$tmp"
fi
if ! command -v chromium >/dev/null 2>&1; then
    apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1; apt-get install -y -qq -o DPkg::Lock::Timeout=900 chromium >/dev/null 2>&1; } \
        || echo "replay.sh: chromium not installed; the ReplayWeb.page test will skip" >&2
fi
exit 0
