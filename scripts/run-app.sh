#!/usr/bin/env bash
# Installs what is missing (Debian packages, npm packages) and launches Vanban.
#
#   scripts/run-app.sh            # debug build, opens the window
#   RELEASE=1 scripts/run-app.sh  # release build
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
pkg-config --exists webkit2gtk-4.1 2>/dev/null || need_apt+=(libwebkit2gtk-4.1-dev)
command -v cc >/dev/null || need_apt+=(build-essential)
command -v pkg-config >/dev/null || need_apt+=(pkg-config)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need_apt+=(fonts-liberation2)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Cài các gói hệ thống còn thiếu: ${need_apt[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd=sudo
  $sudo_cmd apt-get update
  $sudo_cmd apt-get install -y "${need_apt[@]}"
fi
command -v npm >/dev/null || { echo "Cần Node.js >= 20.19 và npm: hãy cài rồi chạy lại." >&2; exit 1; }

(cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run build --silent)
target=${CARGO_TARGET_DIR:-target}
if [ "${RELEASE:-0}" = 1 ]; then
  cargo build --locked --release -p vanban-app
  exec "$target/release/vanban-app"
else
  cargo build --locked -p vanban-app
  exec "$target/debug/vanban-app"
fi
