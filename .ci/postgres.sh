#!/usr/bin/env bash
# CI: the PostgreSQL server binaries for the multi-worker catalog tests (tests/pg_server.py
# starts its own server from them in a temp dir). Idempotent and soft: without them those
# tests skip and say why.
set -u
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -q -o DPkg::Lock::Timeout=900 --no-install-recommends postgresql >/dev/null 2>&1 \
        || { apt-get update -q >/dev/null 2>&1 \
             && apt-get install -y -q -o DPkg::Lock::Timeout=900 --no-install-recommends postgresql >/dev/null 2>&1; } \
        || echo "postgres.sh: could not install postgresql; the PostgreSQL tests will skip" >&2
    # Debian's package starts a cluster of its own; the tests start theirs, so stop it.
    if command -v pg_ctlcluster >/dev/null 2>&1; then
        for v in /etc/postgresql/*/main; do
            [ -d "$v" ] || continue
            ver=$(basename "$(dirname "$v")")
            pg_ctlcluster "$ver" main stop >/dev/null 2>&1 || true
        done
    fi
else
    echo "postgres.sh: no PostgreSQL binaries and cannot apt-get install; the PostgreSQL tests will skip" >&2
fi
exit 0
