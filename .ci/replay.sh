#!/usr/bin/env bash
# Replay tools for the slow replay tests: pywb (loads our WARCs and index and replays them)
# and py-wacz (`wacz validate`, the reference WACZ validator). They live in their own venv:
# pywb pins redis 2.x / fakeredis 0.16 and brings gevent, none of which the project needs,
# and both pull in the AGPL `surt`. Idempotent and soft: if the install fails, the tests that
# need these tools skip and say so.
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${BLOG_ARCHIVER_REPLAY_VENV:-.replay-venv}"
if [ -x "$venv/bin/wayback" ] && [ -x "$venv/bin/wacz" ]; then
    exit 0
fi
if python3 -m venv "$venv" \
    && "$venv/bin/python" -m pip install --quiet "pywb>=2.10,<3" "wacz>=0.6,<1" >"$venv/install.log" 2>&1; then
    echo "replay.sh: pywb and wacz installed in $venv"
else
    echo "replay.sh: could not install pywb/wacz (see $venv/install.log); the replay tests will skip" >&2
fi
exit 0
