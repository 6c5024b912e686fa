#!/usr/bin/env bash
# Real Jekyll for tests/e2e/test_jekyll_real.py: Debian's jekyll with its default theme minima
# and the jekyll-feed plugin `jekyll new` enables. Only installed; the test builds and serves a
# private site on 127.0.0.1. Idempotent and quiet; fails soft (the test skips with the reason).
set -uo pipefail
pkgs=(jekyll jekyll-theme-minima ruby-jekyll-feed ruby-jekyll-seo-tag)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "jekyll.sh: cannot install ${missing[*]} (needs root and apt-get); the Jekyll test will skip" >&2
    exit 0
fi
install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=900 \
        --no-install-recommends "${missing[@]}" >>/tmp/jekyll-ci-apt.log 2>&1
}
install || { apt-get update -qq >>/tmp/jekyll-ci-apt.log 2>&1; install; } \
    || echo "jekyll.sh: apt-get install failed (see /tmp/jekyll-ci-apt.log); the Jekyll test will skip" >&2
exit 0
