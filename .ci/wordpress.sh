#!/usr/bin/env bash
# Real WordPress for tests/test_wordpress_real.py: Debian's wordpress package with its stock
# themes, MariaDB, PHP-FPM and nginx. Only installed, never started or enabled here: the tests
# start private copies on 127.0.0.1 and stop them by pid. Idempotent and quiet; fails soft (the
# tests skip with the reason when something is missing).
set -uo pipefail
. "$(dirname "$0")/_apt.sh"
pkgs=(wordpress wordpress-theme-twentytwentyone wordpress-theme-twentytwentytwo
      wordpress-theme-twentytwentythree mariadb-server mariadb-client php-fpm php-cli php-mysql
      php-xml php-mbstring nginx)
# Keep the packages' maintainer scripts from starting system-wide services (the tests run their own).
cleanup=""
if [ "$(id -u)" = 0 ] && [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    cleanup=/usr/sbin/policy-rc.d
fi
apt_install "the real-WordPress tests" "${pkgs[@]}"
[ -n "$cleanup" ] && rm -f "$cleanup"
exit 0
