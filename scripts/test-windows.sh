#!/usr/bin/env bash
# Tests the Windows build of Vanban under Wine, against the Linux build of the same commit:
#  - vanban.exe renders every example and every template starter (filled) to .docx whose parts
#    are identical to the Linux build's, and checks them with 0 errors;
#  - it checks every file of the check corpus with the same JSON findings as the Linux build;
#  - a draft saved by Notepad (BOM, CRLF) renders the same as its LF twin;
#  - paths with Vietnamese letters, spaces, backslashes and a drive letter; messages in UTF-8;
#  - the library commands on a database in the Wine prefix's %APPDATA%;
#  - the installer installs per user (silent mode), the installed CLI runs, the uninstaller
#    removes it; the portable zip holds both programs;
#  - vanban-app.exe is a GUI-subsystem PE32+ whose imports are all system DLLs (not run).
# Builds with scripts/build-windows.sh first (skip with --no-build). Installs Wine 8 from
# Debian. Ends with "windows: N passed, N failed".
# Usage: bash scripts/test-windows.sh [--no-build]
# No pipefail: checks pipe a listing into `grep -q`, which may close the pipe early (SIGPIPE)
# and would turn a found line into a failure.
set -u
cd "$(dirname "$0")/.."
root=$(pwd)
log() { printf '\033[1m[test-windows]\033[0m %s\n' "$*"; }

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build-windows.sh || { echo "windows: 0 passed, 1 failed"; exit 1; }
fi
source scripts/apt-packages.sh
ensure_apt_packages wine wine64 gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 unzip
cargo build --locked --bin vanban -q || { echo "windows: 0 passed, 1 failed"; exit 1; }
linux="$root/target/debug/vanban"
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

# A Wine prefix of our own, inside target/ (nothing cached outside the repository).
work="$root/target/windows-test"
rm -rf "$work"
mkdir -p "$work"
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
export WINEARCH=win64
# The test folder has Vietnamese letters and a space, as an office's folders do.
bin="$work/Phần mềm"
mkdir -p "$bin"
cp dist/windows/vanban.exe "$bin/"
# Stand-in for bcryptprimitives.dll, which Wine 8 lacks and Windows 10/11 has (see the .c file).
x86_64-w64-mingw32-gcc -O2 -shared -o "$bin/bcryptprimitives.dll" \
  scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
wine wineboot -i >/dev/null 2>&1 || true

winpath() { wine winepath -w "$1" 2>/dev/null | tr -d '\r'; }
exe_dir_w=$(winpath "$bin")
W() { wine "$bin/vanban.exe" "$@"; }

passed=0; failed=0; failures=()
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); failures+=("$1"); printf '  FAIL  %s\n' "$1"; [ -n "${2:-}" ] && printf '        %s\n' "$2"; }

# Compares two .docx part by part (zip timestamps aside).
same_docx() {
  python3 - "$1" "$2" <<'PY'
import sys, zipfile
a, b = (zipfile.ZipFile(p) for p in sys.argv[1:3])
na, nb = sorted(a.namelist()), sorted(b.namelist())
if na != nb:
    sys.exit(f"parts differ: {set(na) ^ set(nb)}")
for n in na:
    if a.read(n) != b.read(n):
        sys.exit(f"part {n} differs")
PY
}
# Compares two `check --format json` reports, ignoring the file name.
same_report() {
  python3 - "$1" "$2" <<'PY'
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
for r in (a, b):
    r.pop("file", None)
if a != b:
    ka = [(d["rule"], d["message"]) for d in a["diagnostics"]]
    kb = [(d["rule"], d["message"]) for d in b["diagnostics"]]
    sys.exit(f"reports differ: windows {ka} / linux {kb}" if ka != kb else "reports differ outside the findings")
PY
}

docs="$work/Văn bản đi"
mkdir -p "$docs/linux"
docs_w=$(winpath "$docs")

log "CLI basics"
out=$(W templates 2>&1 | tr -d '\r')
if [ "$out" = "$("$linux" templates 2>&1)" ]; then ok "templates: same list as on Linux"; else bad "templates: same list as on Linux" "$out"; fi
msg=$(W render "C:\\không có\\bản thảo.toml" -o "C:\\x.docx" 2>&1 >/dev/null); rc=$?
if [ $rc -ne 0 ] && printf '%s' "$msg" | grep -q "không đọc được C:\\\\không có\\\\bản thảo.toml"; then
  ok "a missing draft: Vietnamese message in UTF-8 naming the Windows path (exit $rc)"
else bad "a missing draft: Vietnamese message in UTF-8" "rc=$rc: $msg"; fi
if printf '%s' "$msg" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then ok "stderr is valid UTF-8"; else bad "stderr is valid UTF-8"; fi

log "render and check: examples and template starters"
drafts=()
for f in examples/*.toml; do drafts+=("$f"); done
# Every template starter in both systems, filled as a secretary would fill it.
mkdir -p "$docs/starters"
while read -r slug _; do
  for sys in state party; do
    d="$docs/starters/$slug-$sys.toml"
    if "$linux" new "$slug" --system "$sys" > "$d.raw" 2>/dev/null; then
      python3 scripts/wine/fill_starter.py "$d.raw" > "$d" && drafts+=("$d")
    fi
  done
done < <("$linux" templates)
# Examples that carry a true error on purpose (tests/check_exports.rs EXPECTED_IN_EXAMPLES):
# the source left the signer's name blank. Windows must report exactly those.
declare -A expected_errors=(
  [bien-ban-hop-lop-dhkt-da-nang]="ND30-603"
  [nghi-quyet-chi-bo-sinh-vien-dhkt-da-nang]="HD36-603"
)
error_rules() {
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(" ".join(sorted({x["rule"] for x in d["diagnostics"] if x["severity"]=="error"})))'
}
for d in "${drafts[@]}"; do
  name=$(basename "$d" .toml)
  # Vietnamese file names with spaces on the Windows side.
  win_out="$docs/Văn bản $name.docx"
  lin_out="$docs/linux/$name.docx"
  "$linux" render "$d" -o "$lin_out" >/dev/null 2>&1
  cp "$d" "$docs/Bản thảo $name.toml"
  if W render "$docs_w\\Bản thảo $name.toml" -o "$docs_w\\Văn bản $name.docx" >/dev/null 2>"$work/err.txt"; then
    if diff_msg=$(same_docx "$win_out" "$lin_out" 2>&1); then ok "render $name: parts identical to Linux"
    else bad "render $name: parts identical to Linux" "$diff_msg"; fi
    if [ -n "${expected_errors[$name]:-}" ]; then
      got=$( (W check --format json "$docs_w\\Văn bản $name.docx" 2>/dev/null || true) | tr -d '\r' | error_rules || true)
      if [ "$got" = "${expected_errors[$name]}" ]; then ok "check $name: only ${expected_errors[$name]}"
      else bad "check $name: only ${expected_errors[$name]}" "errors: $got"; fi
    elif W check "$docs_w\\Văn bản $name.docx" >/dev/null 2>&1; then ok "check $name: 0 errors"
    else bad "check $name: 0 errors" "$(W check "$docs_w\\Văn bản $name.docx" 2>&1 | tr -d '\r' | head -5)"; fi
  else
    bad "render $name" "$(tr -d '\r' < "$work/err.txt")"
  fi
done

log "a draft saved by Notepad (BOM + CRLF)"
src=examples/chi-thi-03-dan-van-xuan-loc-2023.toml
{ printf '\xef\xbb\xbf'; sed 's/$/\r/' "$src"; } > "$docs/notepad.toml"
if W render "$docs_w\\notepad.toml" -o "$docs_w\\notepad.docx" >/dev/null 2>&1 &&
   same_docx "$docs/notepad.docx" "$docs/Văn bản chi-thi-03-dan-van-xuan-loc-2023.docx"; then
  ok "BOM + CRLF draft renders the same as its LF twin"
else bad "BOM + CRLF draft renders the same as its LF twin"; fi
# Forward slashes and a relative path work too (cmd.exe accepts both).
if (cd "$docs" && W render "notepad.toml" -o "./notepad-2.docx" >/dev/null 2>&1) &&
   same_docx "$docs/notepad.docx" "$docs/notepad-2.docx"; then ok "relative paths with /"
else bad "relative paths with /"; fi

log "check corpus: same findings as Linux"
n_same=0; n=0
for f in tests/fixtures/check/*.docx; do
  n=$((n + 1))
  name=$(basename "$f")
  cp "$f" "$docs/$name"
  "$linux" check --format json "$f" > "$work/linux.json" 2>/dev/null
  W check --format json "$docs_w\\$name" 2>/dev/null | tr -d '\r' > "$work/windows.json"
  if diff_msg=$(same_report "$work/windows.json" "$work/linux.json" 2>&1); then n_same=$((n_same + 1))
  else bad "check $name: same JSON as Linux" "$diff_msg"; fi
done
[ "$n_same" -eq "$n" ] && ok "check corpus: $n files, JSON findings identical to Linux"

log "library commands in %APPDATA%"
appdata=$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')
dbpath=$(W db path 2>/dev/null | tr -d '\r')
# Resolved now, while nothing else runs under Wine: after the uninstaller, which copies itself
# to %TEMP% and may still be exiting, a winepath call can come back empty.
library_unix=$(wine winepath -u "$appdata\\vanban\\thu-vien.sqlite3" 2>/dev/null | tr -d '\r')
if [ "$dbpath" = "$appdata\\vanban\\thu-vien.sqlite3" ]; then ok "db path: $dbpath"
else bad "db path under %APPDATA%\\vanban" "got '$dbpath', %APPDATA% is '$appdata'"; fi
if W clauses add --category to_chuc_thuc_hien --title "Tổ chức thực hiện" --text "Các phòng, ban chuyên môn triển khai thực hiện Kế hoạch này." >/dev/null 2>"$work/err.txt"; then
  ok "clauses add (default library in %APPDATA%)"
else bad "clauses add" "$(tr -d '\r' < "$work/err.txt")"; fi
hits=$(W clauses search "phong ban chuyen mon trien khai" 2>/dev/null | tr -d '\r')
if printf '%s' "$hits" | grep -q "Tổ chức thực hiện"; then ok "clauses search without diacritics finds it"
else bad "clauses search without diacritics finds it" "$hits"; fi
# One try: backup to a Vietnamese file name, the file is there, the library checks. What each
# step printed is kept, so a failure says which step and why.
backup_and_check() {
  : > "$work/err.txt"
  W db backup "$docs_w\\Sao lưu thư viện.sqlite3" >/dev/null 2>>"$work/err.txt" || { echo "db backup failed" >> "$work/err.txt"; return 1; }
  [ -s "$docs/Sao lưu thư viện.sqlite3" ] || { echo "no backup file in $docs" >> "$work/err.txt"; return 1; }
  W db check >/dev/null 2>>"$work/err.txt" || { echo "db check failed" >> "$work/err.txt"; return 1; }
}
if backup_and_check; then ok "db backup to a Vietnamese file name, db check"
else
  # Wine under load has failed a single call here once (CI, 2026-12-02) where every earlier
  # run passed; a second try tells a Wine hiccup from a fault, and says so either way.
  first=$(tr -d '\r' < "$work/err.txt" | tail -3 | tr '\n' ' ')
  command -v wineserver >/dev/null && timeout 30 wineserver -w 2>/dev/null || true
  if backup_and_check; then ok "db backup to a Vietnamese file name, db check (passed on a second try; first: $first)"
  else bad "db backup, db check" "first: $first; second: $(tr -d '\r' < "$work/err.txt" | tail -3 | tr '\n' ' ')"; fi
fi
if W drafts import "$docs_w\\notepad.toml" >/dev/null 2>&1 && W drafts list 2>/dev/null | tr -d '\r' | grep -q "Chỉ thị\|chi-thi\|dân vận"; then
  ok "drafts import of a Notepad draft, drafts list"
else bad "drafts import, drafts list" "$(W drafts list 2>&1 | tr -d '\r' | head -3)"; fi

log "installer and zip"
setup="dist/vanban-$version-windows-x64-setup.exe"
zipf="dist/vanban-$version-windows-x64.zip"
if unzip -l "$zipf" | grep -q "windows/vanban-app.exe" && unzip -l "$zipf" | grep -q "windows/vanban.exe"; then
  ok "portable zip holds vanban.exe and vanban-app.exe"
else bad "portable zip holds both programs"; fi
wine "$setup" /S >/dev/null 2>&1
localapp=$(wine cmd /c 'echo %LOCALAPPDATA%' 2>/dev/null | tr -d '\r')
inst_unix=$(wine winepath -u "$localapp\\Programs\\Vanban" 2>/dev/null | tr -d '\r')
if [ -f "$inst_unix/vanban-app.exe" ] && [ -f "$inst_unix/vanban.exe" ] && [ -f "$inst_unix/WebView2Loader.dll" ] && [ -f "$inst_unix/go-cai-dat.exe" ]; then
  ok "silent per-user install into %LOCALAPPDATA%\\Programs\\Vanban"
  cp "$bin/bcryptprimitives.dll" "$inst_unix/"
  if wine "$inst_unix/vanban.exe" templates 2>/dev/null | tr -d '\r' | grep -q "^ke-hoach"; then ok "the installed CLI runs"
  else bad "the installed CLI runs"; fi
  startmenu=$(wine cmd /c 'echo %APPDATA%' 2>/dev/null | tr -d '\r')
  lnk=$(wine winepath -u "$startmenu\\Microsoft\\Windows\\Start Menu\\Programs\\Vanban\\Vanban.lnk" 2>/dev/null | tr -d '\r')
  if [ -f "$lnk" ]; then ok "Start-menu entry"; else bad "Start-menu entry" "$lnk"; fi
  if wine reg query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Vanban' 2>/dev/null | grep -q UninstallString; then
    ok "uninstaller registered under HKCU"
  else bad "uninstaller registered under HKCU"; fi
  rm -f "$inst_unix/bcryptprimitives.dll"
  # The NSIS uninstaller copies itself to %TEMP% and returns at once; wait for it.
  wine "$inst_unix/go-cai-dat.exe" /S >/dev/null 2>&1
  for _ in $(seq 1 30); do [ -f "$inst_unix/vanban-app.exe" ] || break; sleep 1; done
  if [ ! -e "$inst_unix/vanban-app.exe" ] && [ ! -f "$lnk" ]; then ok "uninstaller removes programs and shortcuts"
  else bad "uninstaller removes programs and shortcuts"; fi
  command -v wineserver >/dev/null && timeout 30 wineserver -w 2>/dev/null || true
  if [ -n "$library_unix" ] && [ -f "$library_unix" ]; then
    ok "the user's library survives the uninstall"
  else bad "the user's library survives the uninstall" "library_unix='$library_unix': $(ls -la "$(dirname "${library_unix:-/nonexistent}")" 2>&1 | head -5)"; fi
else
  bad "silent per-user install" "nothing in $inst_unix"
fi

log "PE checks (the app is built, not run under Wine)"
# System DLLs every Windows 10/11 has; anything else (a mingw runtime DLL, WebView2Loader.dll)
# would have to be shipped beside the .exe.
allowed='^(kernel32|user32|gdi32|advapi32|shell32|ole32|oleaut32|comctl32|comdlg32|shlwapi|uxtheme|dwmapi|ntdll|msvcrt|userenv|ws2_32|bcrypt|bcryptprimitives|combase|crypt32|secur32|ncrypt|version|winmm|imm32|propsys|dbghelp|rpcrt4|setupapi|winspool.drv|oleacc|uiautomationcore|msimg32|d2d1|dwrite|d3d11|dxgi|windowscodecs|api-ms-win-[a-z0-9-]+)\.dll$|^winspool\.drv$'
for exe in vanban.exe:3 vanban-app.exe:2; do
  name=${exe%%:*}; want=${exe##*:}
  dump=$(x86_64-w64-mingw32-objdump -p "dist/windows/$name")
  sub=$(printf '%s\n' "$dump" | awk '/^Subsystem/ {print $2+0}')
  magic=$(printf '%s\n' "$dump" | awk '/^Magic/ {print $2}')
  if [ "$magic" = "020b" ] && [ "$sub" = "$want" ]; then ok "$name: PE32+ x86-64, subsystem $sub ($([ "$want" = 2 ] && echo GUI || echo console))"
  else bad "$name: PE32+ and subsystem $want" "magic=$magic subsystem=$sub"; fi
  others=$(printf '%s\n' "$dump" | awk '/DLL Name:/ {print tolower($3)}' | sort -u | grep -Ev "$allowed" | tr '\n' ' ')
  unshipped=""
  for dll in $others; do
    ls dist/windows | tr 'A-Z' 'a-z' | grep -qx "$dll" || unshipped+="$dll "
    unzip -l "$zipf" | tr 'A-Z' 'a-z' | grep -q "windows/$dll" || unshipped+="$dll(zip) "
    grep -qi "File \"\${SRCDIR}/$dll\"" packaging/windows/vanban.nsi || unshipped+="$dll(installer) "
  done
  if [ -z "$unshipped" ]; then ok "$name: imports system DLLs only${others:+, and ships $others}"
  else bad "$name: every DLL it imports is on Windows or shipped" "missing: $unshipped"; fi
done
printf '%s\n' "$(x86_64-w64-mingw32-objdump -p dist/windows/vanban-app.exe | awk '/DLL Name:/ {print $3}' | sort -u | tr '\n' ' ')" > "$work/app-imports.txt"

echo
for f in "${failures[@]}"; do echo "failed: $f"; done
ls -l dist/windows/*.exe "$setup" "$zipf" | awk '{printf "  %10d  %s\n", $5, $NF}'
echo "windows: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
