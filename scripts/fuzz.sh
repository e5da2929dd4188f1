#!/usr/bin/env bash
# Runs every fuzz target in fuzz/ (cargo-fuzz, libFuzzer) for a fixed budget and fails on the
# first crash, leak, timeout or out-of-memory. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET]
# (default 30). The committed seed corpus (fuzz/corpus/<target>/) is read, never grown: new
# inputs go to a scratch directory. A crash leaves its input in fuzz/artifacts/<target>/; turn it
# into a regression test in tests/ (see docs/limits.md, "Fuzzing").
set -euo pipefail

budget="${1:-30}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root/fuzz"

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

nice -n 15 cargo +nightly fuzz build >/dev/null
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
status=0
for target in $(cargo +nightly fuzz list); do
  mkdir -p "$scratch/$target"
  log="$scratch/$target.log"
  start=$(date +%s)
  if nice -n 15 cargo +nightly fuzz run "$target" "$scratch/$target" "corpus/$target" -- \
      -max_total_time="$budget" -timeout=1 -rss_limit_mb=500 -print_final_stats=1 \
      >"$log" 2>&1; then
    result="ok"
  else
    result="CRASH"
    status=1
  fi
  runs=$(grep -oE '^Done [0-9]+ runs' "$log" | grep -oE '[0-9]+' || echo "?")
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
  echo "fuzz $target: $result, $runs runs in $(( $(date +%s) - start )) s, ${cov:-no coverage line}"
  if [ "$result" != ok ]; then
    grep -E 'ERROR|panicked|SUMMARY|Test unit written' "$log" | head -20 || tail -30 "$log"
  fi
done
exit "$status"
