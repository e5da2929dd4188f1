#!/usr/bin/env bash
# End-to-end tests of the desktop app in a real window under Xvfb.
#
# Builds the UI (Vite) and the app (cargo, debug), then runs ui/e2e/*.test.mjs with node's test
# runner; each test starts tauri-driver, which starts WebKitWebDriver and the app. Screenshots
# are written to target/e2e/. Needs: xvfb-run, WebKitWebDriver (webkit2gtk-driver),
# tauri-driver (cargo install tauri-driver --locked), node >= 20.19 and npm.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if ! command -v tauri-driver >/dev/null && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "e2e: cài tauri-driver (cargo install tauri-driver --locked)…"
  cargo install tauri-driver --locked
fi
export TAURI_DRIVER=${TAURI_DRIVER:-$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")}

(cd ui && { [ -d node_modules ] || npm install --no-audit --no-fund; } && npm run build --silent)
# The `e2e` feature compiles in the test hooks (VANBAN_TEST_*); no other build has them.
cargo build --locked -p vanban-app --features e2e
cargo build --locked --bin vanban
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
export VANBAN_APP_BIN=${VANBAN_APP_BIN:-$CARGO_TARGET_DIR/debug/vanban-app}

mkdir -p target/e2e
# One X server for the whole run; tests run one after another (one app window at a time).
xvfb-run -a -s "-screen 0 1400x900x24" node --test --test-concurrency=1 ui/e2e/
