#!/usr/bin/env bash
# Installs the Debian packages the project needs, only those that are missing.
# Usage: scripts/system-deps.sh run|test
set -euo pipefail

# WeasyPrint's libraries and the Noto fonts the PDFs embed (Latin, Arabic, Urdu, emoji).
run_packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-noto-core fonts-noto-color-emoji)
# A browser for Playwright, a PostgreSQL server for the store tests, Redis for shared
# rate limits, pdftotext for the PDF tests.
test_packages=(chromium postgresql redis-server poppler-utils)

case "${1:-run}" in
  run) wanted=("${run_packages[@]}") ;;
  test) wanted=("${run_packages[@]}" "${test_packages[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing Debian packages: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Need root to install ${missing[*]}: run 'sudo $0 $1' or install them yourself." >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
