#!/usr/bin/env bash
# CI: the PostgreSQL server binaries for the multi-worker catalog tests (tests/pg_server.py
# starts its own server from them in a temp dir). Idempotent and soft: without them those
# tests skip and say why.
set -u
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
. "$(dirname "$0")/_apt.sh"
apt_install "the PostgreSQL tests" postgresql
# Debian's package starts a cluster of its own; the tests start theirs, so stop it.
if command -v pg_ctlcluster >/dev/null 2>&1; then
    for v in /etc/postgresql/*/main; do
        [ -d "$v" ] || continue
        pg_ctlcluster "$(basename "$(dirname "$v")")" main stop >/dev/null 2>&1 || true
    done
fi
exit 0
