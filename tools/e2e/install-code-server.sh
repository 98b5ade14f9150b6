#!/usr/bin/env bash
# Installs code-server (a real VS Code workbench served over HTTP) from the npm registry alone,
# into a git-ignored cache, and prints the path of its launcher on the last line of stdout.
#
#   tools/e2e/install-code-server.sh            -> <repo>/.cache/code-server-4.100.3/node_modules/.bin/code-server
#
# 4.100.3 (VS Code 1.100.3) is the last code-server release that runs on Node 20. A plain
# `npm install code-server` would try to fetch rg and Node headers from outside the npm registry,
# so the install runs without lifecycle scripts and then does their work by hand:
#   - native modules are rebuilt against the Node headers under /usr (npm_config_nodedir),
#   - Debian's rg replaces the binary @vscode/ripgrep would download,
#   - the links code-server's postinstall would create are made here.
# Needs: tools/e2e/setup.sh (ripgrep, libkrb5-dev, a C++ toolchain, python3) and /usr/include/node.
# A finished install leaves a stamp naming the version and Node ABI; with the stamp present
# (and matching) the script only prints the launcher path.
set -euo pipefail

VERSION=${CODE_SERVER_VERSION:-4.100.3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PREFIX=${CODE_SERVER_PREFIX:-$ROOT/.cache/code-server-$VERSION}
BIN=$PREFIX/node_modules/.bin/code-server
STAMP=$PREFIX/.installed
KEY="code-server $VERSION node-abi $(node -p process.versions.modules) $(uname -m)"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$KEY" ] && [ -x "$BIN" ]; then
  echo "$BIN"
  exit 0
fi

log() { echo "install-code-server: $*" >&2; }
timed() {
  local start=$SECONDS
  "$@" >&2
  log "$(( SECONDS - start ))s  $*"
}

[ -f /usr/include/node/node.h ] || { log "missing /usr/include/node/node.h (Node headers from Debian's nodejs package)"; exit 1; }
command -v rg >/dev/null || { log "missing rg: run tools/e2e/setup.sh"; exit 1; }
[ -f /usr/include/gssapi/gssapi.h ] || { log "missing gssapi.h (libkrb5-dev): run tools/e2e/setup.sh"; exit 1; }

export npm_config_nodedir=/usr       # node-gyp compiles against the local headers
export npm_config_yes=true           # node-pty's install step calls npx node-gyp
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=error

# Start from scratch: a half-finished install is not worth repairing.
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
printf '{"name":"code-server-cache","private":true}\n' > package.json
total_start=$SECONDS

timed npm install --no-save --ignore-scripts "code-server@$VERSION"
CS=$PREFIX/node_modules/code-server
# code-server loads argon2 at start-up even with auth disabled.
timed npm rebuild argon2

cd "$CS/lib/vscode"
timed npm install --omit=dev --ignore-scripts
timed npm rebuild @vscode/spdlog node-pty native-watchdog kerberos @vscode/deviceid @parcel/watcher
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
ln -sfn code-linux.sh bin/remote-cli/code-server
ln -sfn browser-linux.sh bin/helpers/browser.sh
cd extensions
timed npm install --omit=dev

# --config keeps code-server from writing ~/.config/code-server/config.yaml.
printf 'auth: none\n' > "$PREFIX/config.yaml"
version=$("$BIN" --config "$PREFIX/config.yaml" --version | grep -m1 "^$VERSION " || true)
[ -n "$version" ] || { log "code-server --version did not report $VERSION"; exit 1; }
echo "$KEY" > "$STAMP"
log "installed $version in $(( SECONDS - total_start ))s ($(du -sh "$PREFIX" | cut -f1))"
echo "$BIN"
