#!/usr/bin/env bash
# Real Mezzanine for tests/e2e/test_mezzanine_real.py: the PyPI package (a Django CMS with a
# blog app and threaded comments) in its own venv, .mezzanine-venv (or
# $BLOG_ARCHIVER_MEZZANINE_VENV), kept between runs like .replay-venv. Django and Mezzanine
# are the engine under test, never the project's dependencies. Only installed; the test
# makes a private project (SQLite) and serves it on 127.0.0.1. Versions pinned: Mezzanine
# 6.1.1 wants Django >=4.2,<5 and runs on Python 3.11. Pure-Python wheels: ~10 s from PyPI,
# then cached. Idempotent and quiet; fails soft (the test skips with the reason).
set -uo pipefail
cd "$(dirname "$0")/.."
venv="${BLOG_ARCHIVER_MEZZANINE_VENV:-.mezzanine-venv}"
[ -x "$venv/bin/mezzanine-project" ] && exit 0
if ! python3 -m venv "$venv" >/dev/null 2>&1; then
    echo "mezzanine.sh: no venv at $venv (python3-venv missing?); the Mezzanine test will skip" >&2
    exit 0
fi
"$venv/bin/python" -m pip install --quiet "mezzanine==6.1.1" "Django==4.2.30" \
    "django-contrib-comments==2.2.0" >"$venv/install.log" 2>&1 \
    || echo "mezzanine.sh: pip could not install Mezzanine (see $venv/install.log); the Mezzanine test will skip" >&2
exit 0
