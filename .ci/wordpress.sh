#!/usr/bin/env bash
# Real WordPress for tests/test_wordpress_real.py: Debian's wordpress package with its stock
# themes, MariaDB, PHP-FPM and nginx. Only installed, never started or enabled here: the tests
# start private copies on 127.0.0.1 and stop them by pid. Idempotent and quiet; fails soft (the
# tests skip with the reason when something is missing).
set -uo pipefail
pkgs=(wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentytwo
      wordpress-theme-twentytwentythree mariadb-server mariadb-client php-fpm php-cli php-mysql
      php-xml php-mbstring nginx)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "wordpress.sh: cannot install ${missing[*]} (needs root and apt-get); real-WordPress tests will skip" >&2
    exit 0
fi
# Keep the packages' maintainer scripts from starting system-wide services (the tests run their own).
cleanup=""
if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    cleanup=/usr/sbin/policy-rc.d
fi
install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=900 \
        --no-install-recommends "${missing[@]}" >>/tmp/wordpress-ci-apt.log 2>&1
}
install || { apt-get update -qq >>/tmp/wordpress-ci-apt.log 2>&1; install; } \
    || echo "wordpress.sh: apt-get install failed (see /tmp/wordpress-ci-apt.log); real-WordPress tests will skip" >&2
[ -n "$cleanup" ] && rm -f "$cleanup"
exit 0
