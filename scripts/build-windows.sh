#!/usr/bin/env bash
# Cross-builds Vanban for Windows x64 on this Debian machine and packages it for a secretary's PC:
#   dist/windows/vanban.exe                       the command line (CLI)
#   dist/windows/vanban-app.exe                   the desktop app (Tauri 2, WebView2)
#   dist/vanban-<version>-windows-x64-setup.exe   the installer (per user, no admin rights)
#   dist/vanban-<version>-windows-x64.zip         the portable zip (unzip and run)
# Installs what it needs (Debian's mingw-w64, NSIS, zip; the rustup target). Target triple:
# x86_64-pc-windows-gnu (the MSVC target cannot link here; .github/workflows/release.yml builds
# the MSVC installer on GitHub's Windows runners).
# Usage: bash scripts/build-windows.sh [--cli-only]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
TARGET=x86_64-pc-windows-gnu
log() { printf '\033[1m[build-windows]\033[0m %s\n' "$*"; }

cli_only=false
[ "${1:-}" = "--cli-only" ] && cli_only=true

APT_PACKAGES=(gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis zip)
source scripts/apt-packages.sh
ensure_apt_packages "${APT_PACKAGES[@]}"
if ! rustup target list --installed | grep -qx "$TARGET"; then
  log "rustup target add $TARGET"
  rustup target add "$TARGET"
fi

export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
# Crates that compile C (bundled SQLite) use the mingw compiler and archiver for this target.
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
export CARGO_TERM_COLOR=never
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
out="$root/target/$TARGET/release"
dist="$root/dist/windows"
mkdir -p "$dist"

log "cargo build --release --target $TARGET --bin vanban"
cargo build --release --locked --target "$TARGET" --bin vanban
cp "$out/vanban.exe" "$dist/vanban.exe"

if ! $cli_only; then
  # The app embeds ui/dist at compile time.
  if [ ! -d ui/node_modules ]; then
    log "npm install (ui/)"
    (cd ui && npm install --no-audit --no-fund --loglevel=error)
  fi
  log "npm run build (ui/)"
  npm --prefix ui run build --silent
  log "cargo build --release --target $TARGET -p vanban-app"
  # tauri/custom-protocol: serve the embedded ui/dist (what `tauri build` turns on).
  cargo build --release --locked --target "$TARGET" -p vanban-app --features custom-protocol
  cp "$out/vanban-app.exe" "$dist/vanban-app.exe"
  # The GNU build of WebView2 links to WebView2Loader.dll (Microsoft's, from webview2-com-sys),
  # which Windows does not have: it ships beside the app, as Tauri's own bundler does.
  cp "$out/WebView2Loader.dll" "$dist/WebView2Loader.dll"
fi
# Symbols are for debugging here, not for a secretary's PC (a third of the size).
x86_64-w64-mingw32-strip --strip-all "$dist"/*.exe

# What a person reads first in the zip and in the install folder.
cp packaging/windows/DOC-TRUOC.txt "$dist/DOC-TRUOC.txt"

zip_name="vanban-$version-windows-x64.zip"
log "zip → dist/$zip_name"
rm -f "$root/dist/$zip_name"
(cd "$dist/.." && zip -q -r -9 "$root/dist/$zip_name" windows)

if ! $cli_only; then
  setup_name="vanban-$version-windows-x64-setup.exe"
  log "makensis → dist/$setup_name"
  makensis -V2 -DVERSION="$version" -DSRCDIR="$dist" -DICON="$root/src-tauri/icons/icon.ico" -DOUTFILE="$root/dist/$setup_name" \
    packaging/windows/vanban.nsi
fi

log "done:"
ls -l "$dist"/*.exe "$root"/dist/*.zip "$root"/dist/*setup.exe 2>/dev/null | awk '{printf "  %10d  %s\n", $5, $NF}'
