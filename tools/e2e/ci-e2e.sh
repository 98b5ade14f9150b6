#!/usr/bin/env bash
# The real-editor tests from a fresh clone: installs what is missing (Debian packages, npm
# packages, code-server in .cache/), builds the VSIX and runs `npm run test:e2e`.
# Screenshots and client results are left in artifacts/. Prints how long each phase took.
set -euo pipefail
cd "$(dirname "$0")/../.."

phase() {
  local name=$1 start=$SECONDS
  shift
  echo "== e2e: $name"
  "$@"
  echo "== e2e: $name took $(( SECONDS - start ))s"
}

total=$SECONDS
phase "apt packages" bash tools/e2e/setup.sh
if [ ! -x node_modules/.bin/vsce ] || [ ! -d node_modules/playwright-core ]; then
  phase "npm packages" npm ci --no-audit --no-fund
fi
phase "code-server" bash tools/e2e/install-code-server.sh
phase "package + tests" npm run test:e2e
echo "== e2e: screenshots in artifacts/vscode/, client results in artifacts/neovim/ and artifacts/emacs/"
echo "== e2e: total $(( SECONDS - total ))s"
