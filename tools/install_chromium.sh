#!/usr/bin/env bash
# Install Debian's chromium for the browser tests, unless a browser is already there.
# Playwright (from PyPI) drives this executable; no browser build is downloaded.
set -euo pipefail
chromium="${COURSE_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "No $chromium and no apt-get: install Chromium and set COURSE_CHROMIUM=/path/to/chromium" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
"$chromium" --version
