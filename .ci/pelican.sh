#!/usr/bin/env bash
# Real Pelican for tests/e2e/test_pelican_real.py: PyPI's pelican 4 (with Markdown) and its
# default theme notmyidea, in a venv of its own (.pelican-venv, or $BLOG_ARCHIVER_PELICAN_VENV):
# a tool we test against, not a dependency. Only installed; the test builds a private site
# and serves it on 127.0.0.1. Idempotent and quiet; fails soft (the test skips with the reason).
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${BLOG_ARCHIVER_PELICAN_VENV:-.pelican-venv}"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv" || { echo "pelican.sh: no venv at $venv; the Pelican test will skip" >&2; exit 0; }
fi
if [ ! -x "$venv/bin/pelican" ]; then
    "$venv/bin/python" -m pip install --quiet "pelican[markdown]>=4.9,<5" >"$venv/install.log" 2>&1 \
        || echo "pelican.sh: pip could not install pelican (see $venv/install.log); the Pelican test will skip" >&2
fi
exit 0
