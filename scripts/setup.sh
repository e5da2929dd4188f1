#!/usr/bin/env bash
# Installs everything Vanban needs on a fresh Debian machine: system packages (build, app,
# end-to-end tests, LibreOffice for render checks), the Python test tools in .venv, the UI's
# npm packages and tauri-driver. Idempotent: what is already there is skipped.
# Usage: bash scripts/setup.sh [--app-only]
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

APT_PACKAGES=(
  build-essential pkg-config libssl-dev           # Rust crates that build C (SQLite is bundled)
  libwebkit2gtk-4.1-dev librsvg2-dev              # Tauri 2 on Linux
  fonts-liberation2 fonts-dejavu-core             # Times New Roman metrics for rendering
  xvfb xauth x11-utils webkit2gtk-driver          # headless window, xwininfo, WebKitWebDriver for E2E
  libreoffice-writer-nogui poppler-utils imagemagick  # .docx → PDF → PNG checks
  python3-venv
)
source scripts/apt-packages.sh
ensure_apt_packages "${APT_PACKAGES[@]}"

if [ "${1:-}" != "--app-only" ]; then
  if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import docx, openxml_audit" 2>/dev/null; then
    log "Python test tools → .venv"
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
  fi
  if ! command -v tauri-driver >/dev/null 2>&1; then
    log "cargo install tauri-driver (about a minute)"
    cargo install tauri-driver --locked --version 2.1.0 -q
  fi
fi

# `npm install` from the committed lock (not `npm ci`): the registry reachable here does not serve
# the other platforms' optional @tauri-apps/cli binaries, which `npm ci` insists on listing.
if [ -f ui/package-lock.json ] && [ ! -d ui/node_modules ]; then
  log "npm install (ui/, from package-lock.json)"
  (cd ui && npm install --no-audit --no-fund --loglevel=error)
fi
log "ready"
