#!/usr/bin/env bash
# Sets up a fresh machine and runs every check and test of Vanban: formatting, clippy, the
# Rust tests (core, CLI, DOCX export verified by python-docx / openxml-audit / LibreOffice,
# checker corpus, SQLite library), the UI's unit tests, generated-bindings freshness and the
# end-to-end tests of the real app window under Xvfb; then the Windows build (cross-built here)
# under Wine (scripts/test-windows.sh) and every fuzz target for 30 s (scripts/fuzz.sh, nightly).
# Usage: bash scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
export VANBAN_PYTHON="$PWD/.venv/bin/python"
mkdir -p target
LOG=target/test-log.txt
: > "$LOG"
failed_stages=()

stage() {
  local name="$1"; shift
  printf '\n\033[1m==> %s\033[0m\n' "$name"
  if "$@" 2>&1 | tee -a "$LOG"; then :; else failed_stages+=("$name"); fi
}

# A stage that can hang (a window, Wine) runs under a hard limit in seconds; `timeout` kills
# its whole process group, so CI reports the stage as failed instead of running out of time.
limited_stage() {
  local name="$1" limit="$2"; shift 2
  stage "$name" timeout -k 30 "$limit" "$@"
}

bash scripts/setup.sh || { echo "setup failed"; exit 1; }

# The app embeds ui/dist at compile time, so the UI is built before anything compiles src-tauri.
if [ -f ui/package.json ]; then
  stage "ui build" npm --prefix ui run build --silent
fi
stage "cargo fmt"      cargo fmt --all -- --check
stage "cargo clippy"   cargo clippy --workspace --all-targets --locked -- -D warnings
limited_stage "cargo test" 1500 cargo test --workspace --locked --no-fail-fast
if [ -d ui/src/bindings ]; then
  stage "bindings are current" git diff --exit-code --stat -- ui/src/bindings
fi
if [ -f ui/package.json ]; then
  stage "ui unit tests" npm --prefix ui test --silent
fi
if [ -f scripts/e2e.sh ]; then
  limited_stage "end-to-end (Xvfb)" 1200 bash scripts/e2e.sh
fi
limited_stage "windows build under Wine" 1200 bash scripts/test-windows.sh
# Every fuzz target for a short fixed budget, so a regression in a parser is caught (issue 14;
# the 10-minute runs are in docs/limits.md).
limited_stage "fuzz (30 s per target)" 1500 bash scripts/fuzz.sh 30

passed=$(grep -Eo 'test result: (ok|FAILED)\. [0-9]+ passed' "$LOG" | awk '{s+=$4} END {print s+0}')
failed=$(grep -Eo '[0-9]+ failed' "$LOG" | grep -v '^0 ' | awk '{s+=$1} END {print s+0}')
win_passed=$(grep -Eo '^windows: [0-9]+ passed' "$LOG" | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
fuzz_passed=$(grep -Ec '^fuzz [a-z_]+: ok' "$LOG")
js_passed=$(sed 's/\x1b\[[0-9;]*m//g' "$LOG" | grep -Eo '^# pass [0-9]+|Tests +[0-9]+ passed' | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
echo
if ((${#failed_stages[@]})); then
  echo "failed stages: ${failed_stages[*]}"
  echo "summary: $((passed + js_passed + win_passed + fuzz_passed)) passed, $((failed > 0 ? failed : ${#failed_stages[@]})) failed"
  exit 1
fi
echo "summary: $((passed + js_passed + win_passed + fuzz_passed)) passed, 0 failed"
