#!/usr/bin/env bash
# Real ikiwiki for tests/e2e/test_ikiwiki_real.py: Debian's ikiwiki (its example blog, the
# comments plugin) and the Perl modules its meta and comments directives need to read dates
# (libtimedate-perl: Date::Parse; a Recommends, which --no-install-recommends leaves out).
# Only installed; the test compiles a private blog and serves it on 127.0.0.1. Idempotent
# and quiet; fails soft (the test skips with the reason).
set -uo pipefail
. "$(dirname "$0")/_apt.sh"
apt_install "the ikiwiki test" ikiwiki libtimedate-perl
exit 0
