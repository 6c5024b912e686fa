# Sourced by the .ci install scripts: install the Debian packages a group of tests needs, or say
# in one line why those tests will skip. Never fails the caller: a missing engine makes its
# tests skip with the reason, it does not stop CI.
#
#   apt_install WHAT PACKAGE...
# WHAT names the tests in the messages ("the Jekyll test"); apt's output goes to
# /tmp/ci-apt-<script>.log.

apt_install() {
    local what=$1; shift
    local me log missing=() p sudo=""
    me=$(basename "${BASH_SOURCE[1]:-ci}" .sh)
    log=/tmp/ci-apt-$me.log
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo -n"
        else
            echo "$me.sh: cannot install ${missing[*]} (needs root or sudo); $what will skip" >&2
            return 0
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$me.sh: cannot install ${missing[*]} (no apt-get); $what will skip" >&2
        return 0
    fi
    _apt_get() {
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
            -o DPkg::Lock::Timeout=900 --no-install-recommends "${missing[@]}" >>"$log" 2>&1
    }
    _apt_get || { $sudo apt-get update -qq >>"$log" 2>&1; _apt_get; } \
        || echo "$me.sh: apt-get install failed (see $log); $what will skip" >&2
    return 0
}
