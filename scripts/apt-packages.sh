# Sourced by the setup and build scripts: installs the Debian packages given that are not
# installed yet (apt-get update first, only when something is missing). Root or sudo.
# Usage: source scripts/apt-packages.sh; ensure_apt_packages pkg1 pkg2 ...
ensure_apt_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  printf '\033[1m[apt]\033[0m apt-get install %s\n' "${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
