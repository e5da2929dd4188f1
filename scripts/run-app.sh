#!/usr/bin/env bash
# Installs what is missing (Debian packages, npm packages) and launches Vanban.
#
#   scripts/run-app.sh            # debug build, opens the window
#   RELEASE=1 scripts/run-app.sh  # release build
#   scripts/run-app.sh --headless # no window: render and check the examples with the CLI
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--headless" ]; then
  # The main job without a window: render every example draft to .docx and check each one.
  bash scripts/setup.sh --app-only
  cargo build --locked --release --bin vanban
  vanban=${CARGO_TARGET_DIR:-target}/release/vanban
  mkdir -p out
  for draft in examples/*.toml; do
    out="out/$(basename "${draft%.toml}").docx"
    "$vanban" render "$draft" -o "$out"
    "$vanban" check "$out" || true
  done
  echo "Các tệp .docx đã xuất nằm trong out/"
  exit 0
fi

bash scripts/setup.sh --app-only
command -v npm >/dev/null || { echo "Cần Node.js >= 20.19 và npm: hãy cài rồi chạy lại." >&2; exit 1; }

(cd ui && { [ -d node_modules ] || npm install --no-audit --no-fund; } && npm run build --silent)
target=${CARGO_TARGET_DIR:-target}
if [ "${RELEASE:-0}" = 1 ]; then
  cargo build --locked --release -p vanban-app
  exec "$target/release/vanban-app"
else
  cargo build --locked -p vanban-app
  exec "$target/debug/vanban-app"
fi
