#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and starts Streamwright: the desktop app when there is a display,
# otherwise the headless demo (the trending-products example on an embedded broker).
# Arguments go to the app (a pipeline file to open) or to the demo (--seconds N).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$BUILD_DIR/app/gui/streamwright" "$@"
fi

echo
echo "No display found: running the headless demo (with a display, ./run.sh opens the app)."
echo "It runs the trending-products example on an embedded Kafka broker; Ctrl+C stops it."
echo
exec "$BUILD_DIR/app/cli/streamwright-cli" demo "$@"
