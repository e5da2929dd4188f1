#!/usr/bin/env bash
# Desktop app: release binary size, .deb size and cold start time under Xvfb.
#
# "Cold start" here = a new process with an empty data directory (new library file, starter
# content loaded), from exec until the start screen is rendered and usable: the UI calls the
# `ui_ready` command once its templates and recent drafts are on screen, and the app prints
# the milliseconds since `main` began (VANBAN_STARTUP_LOG). The script also checks that an X
# window titled "Vanban…" exists, and reports wall time from exec to that print.
#
#   bench/app_startup.sh            # builds the release app + .deb if missing, 5 runs
#   RUNS=10 bench/app_startup.sh
#   NO_BUILD=1 bench/app_startup.sh # measure what is already built
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
target=${CARGO_TARGET_DIR:-$root/target}
bin="$target/release/vanban-app"
runs=${RUNS:-5}

measure_inside=0
[ "${1:-}" = "--inside" ] && measure_inside=1

if [ "$measure_inside" = 0 ] && [ "${NO_BUILD:-0}" != 1 ]; then
  (cd ui && { [ -d node_modules ] || npm ci --no-audit --no-fund; })
  # tauri build runs the UI build, cargo build --release and the Debian bundler, offline.
  ui/node_modules/.bin/tauri build --bundles deb
fi
[ -x "$bin" ] || { echo "no release binary at $bin" >&2; exit 1; }

deb=$(ls -t "$target"/release/bundle/deb/*.deb 2>/dev/null | head -1 || true)
size_bin=$(stat -c %s "$bin")
echo "release binary: $bin"
echo "  size: $size_bin bytes ($((size_bin / 1048576)) MiB)"
if [ -n "$deb" ]; then
  size_deb=$(stat -c %s "$deb")
  echo ".deb: $deb"
  echo "  size: $size_deb bytes ($((size_deb / 1048576)) MiB)"
fi

measure() {
  # Runs inside Xvfb: one cold start, prints "<app ms> <wall ms> <window>".
  local data log pid start end ms win
  data=$(mktemp -d)
  log=$(mktemp)
  start=$(date +%s%N)
  VANBAN_DATA_DIR="$data" VANBAN_STARTUP_LOG=1 "$bin" 2>"$log" &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q '^vanban-startup-ms ' "$log" && break
    sleep 0.02
  done
  end=$(date +%s%N)
  ms=$(grep -m1 '^vanban-startup-ms ' "$log" | awk '{print $2}')
  win=$(xwininfo -root -tree | grep -c '"Vanban' || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$log"
  echo "${ms:-timeout} $(((end - start) / 1000000)) $win"
}
if [ "$measure_inside" = 1 ]; then
  # Re-invoked under Xvfb (xvfb-run runs /bin/sh, which drops exported bash functions).
  for _ in $(seq 1 "$runs"); do measure; done
  exit 0
fi

echo "cold start (new process, empty data directory), $runs runs under Xvfb:"
results=$(RUNS=$runs NO_BUILD=1 xvfb-run -a -s "-screen 0 1400x900x24" bash "$0" --inside | grep -E '^[0-9t]')
echo "$results" | awk '{printf "  run %d: ui ready %s ms after main, %s ms wall from exec, window found: %s\n", NR, $1, $2, ($3 > 0 ? "yes" : "no")}'
echo "$results" | awk '$1 != "timeout" {print $1}' | sort -n | awk '{a[NR]=$1} END {if (NR) printf "median ui-ready: %d ms (min %d, max %d)\n", a[int((NR+1)/2)], a[1], a[NR]}'
echo "$results" | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END {if (NR) printf "median wall time to ready: %d ms\n", a[int((NR+1)/2)]}'
