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
# One test file at a time, one app window at a time, each on its own X server and under a hard
# limit: `timeout` kills the file's whole process group (node, tauri-driver, WebKitWebDriver,
# the app), so a window that hangs fails that file instead of stalling CI. A file that timed
# out is run once more (a hang of WebKit on a loaded machine is not a product failure, but it
# is reported); an assertion failure is never retried.
status=0
for file in ui/e2e/*.test.mjs; do
  for attempt in 1 2; do
    rc=0
    timeout -k 20 420 xvfb-run -a -s "-screen 0 1400x900x24" node --test --test-concurrency=1 "$file" || rc=$?
    if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
      echo "e2e: $file did not finish within 420 s (attempt $attempt)" >&2
      [ "$attempt" -eq 1 ] && continue
    fi
    break
  done
  if [ "$rc" -ne 0 ]; then
    echo "e2e: $file failed (exit $rc)" >&2
    status=1
  fi
done
exit $status
