#!/usr/bin/env bash
# Real Ghost 5 for tests/e2e/test_ghost_real.py: the published npm package `ghost` with its
# production dependencies, in .ghost-engine/ghost-VERSION (or $BLOG_ARCHIVER_GHOST_DIR), kept
# between runs like .replay-venv. Only installed; the test starts a private copy on 127.0.0.1
# (SQLite, its own content dir) and stops it by pid. Idempotent and quiet; fails soft (the
# test skips with the reason). A first install costs ~5 min of CPU (sqlite3 and re2 compile
# from source: their prebuilt binaries live on GitHub, out of reach here): 22-28 min wall on
# 2 cores at load 19-37, less on an idle machine; later runs find it and return at once.
#
# Why not ghost-cli (`ghost install local`): ghost-cli 1.32 wants Node 22 (here: 20), and its
# `yarn install --production` fetches every package in Ghost's yarn.lock, dev ones included,
# some from codeload.github.com. `npm install ghost` from outside fails too: the package names
# `@tryghost/i18n` as file:components/tryghost-i18n-VERSION.tgz, which only resolves from
# inside the unpacked package. So: unpack it, drop its devDependencies, `npm install` there.
set -uo pipefail
cd "$(dirname "$0")/.."
. .ci/_apt.sh
version="5.130.4"
home="${BLOG_ARCHIVER_GHOST_DIR:-.ghost-engine}"
app="$home/ghost-$version"
[ -f "$app/.installed" ] && exit 0
command -v node >/dev/null 2>&1 || apt_install "the Ghost test" nodejs npm
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 \
    || apt_install "the Ghost test" g++ make python3
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "ghost.sh: no node/npm; the Ghost test will skip" >&2
    exit 0
fi
major="$(node -p 'process.versions.node.split(".")[0]')"
case "$major" in
    18|20|22) ;;
    *) echo "ghost.sh: Ghost $version needs Node 18, 20 or 22 (have $major); the Ghost test will skip" >&2
       exit 0 ;;
esac
mkdir -p "$home"
log="$(cd "$home" && pwd)/install-$version.log"
partial="$app.partial"
rm -rf "$partial" && mkdir -p "$partial"
tmp="$(mktemp -d)"
if (cd "$tmp" && npm pack --silent "ghost@$version" >/dev/null 2>>"$log") \
    && tar -xzf "$tmp/ghost-$version.tgz" -C "$partial" --strip-components=1; then
    node -e 'const fs=require("fs"), f=process.argv[1], p=JSON.parse(fs.readFileSync(f));
             delete p.devDependencies; fs.writeFileSync(f, JSON.stringify(p, null, 2));' \
        "$partial/package.json"
    # node-gyp builds against the installed headers instead of downloading them
    [ -f /usr/include/node/node.h ] && export npm_config_nodedir=/usr
    if (cd "$partial" \
            && npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=warn \
            >>"$log" 2>&1) \
        && ls "$partial"/node_modules/sqlite3/build/Release/*.node >/dev/null 2>&1; then
        rm -rf "$app" && mv "$partial" "$app" && touch "$app/.installed"
    else
        echo "ghost.sh: npm install of Ghost $version failed (see $log); the Ghost test will skip" >&2
    fi
else
    echo "ghost.sh: could not fetch ghost@$version from npm (see $log); the Ghost test will skip" >&2
fi
rm -rf "$tmp" "$partial"
exit 0
