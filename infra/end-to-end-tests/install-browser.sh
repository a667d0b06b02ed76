#!/usr/bin/env bash
# The browser test drives Debian's Chromium through Debian's chromedriver; a browser is never downloaded.
# Run by the build before the end-to-end tests, so a plain `./mvnw verify` installs what it needs.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "Installing Debian's chromium and chromium-driver for the browser test"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium chromium-driver > /dev/null
  exit 0
fi
echo "The browser test needs Debian's chromium and chromium-driver: sudo apt-get install chromium chromium-driver" >&2
exit 1
