#!/usr/bin/env bash
# Installs the Debian packages the real-editor tests need, but only those that are missing:
#   chromium            the browser that drives code-server's workbench (through playwright-core)
#   neovim              Neovim 0.7 as a headless LSP client
#   emacs-nox, elpa-eglot  Emacs 28 with eglot as a headless LSP client
#   ripgrep             stands in for the rg binary that @vscode/ripgrep would download
#   libkrb5-dev, build-essential, python3  to compile code-server's native modules (kerberos needs gssapi.h)
# Safe to run again: when everything is present it does nothing and touches no network.
set -euo pipefail

want=(chromium neovim emacs-nox elpa-eglot ripgrep libkrb5-dev build-essential python3)
missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e setup: apt packages present"
  exit 0
fi

echo "e2e setup: installing ${missing[*]}"
SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
