#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/test_reports_browser.py,
# tests/test_report_security.py). Idempotent: does nothing when /usr/bin/chromium exists.
# Needs root (apt-get); otherwise it says why it skips and exits 0, and those tests skip too.
# Never downloads a browser build of its own (no `playwright install`): the tests drive this
# system Chromium through Playwright's executable_path.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install-browser: $CHROMIUM is already installed ($("$CHROMIUM" --version 2>/dev/null || echo 'version unknown'))"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-browser: skipped: $CHROMIUM is missing and installing it needs root" \
         "(run: sudo apt-get install chromium); the browser tests will be skipped"
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: skipped: no apt-get on this system; install Chromium as $CHROMIUM" \
         "by hand; the browser tests will be skipped"
    exit 0
fi

echo "install-browser: installing Debian's chromium package"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium >/dev/null
echo "install-browser: installed $("$CHROMIUM" --version)"
