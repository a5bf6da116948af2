#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and starts Streamwright: the desktop app when there is a display,
# otherwise the headless tour of the example pipelines.
# Arguments go to the app (e.g. a pipeline file to open).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
BUILD_DIR=${BUILD_DIR:-build}

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$BUILD_DIR/app/gui/streamwright" "$@"
fi

cli="$BUILD_DIR/app/cli/streamwright-cli"
echo
echo "No display found: here is the headless tour. (With a display, ./run.sh opens the app.)"
echo
echo "== Validating the example pipelines =="
"$cli" validate resources/examples/*.json
echo
echo "== The trending-products pipeline, node by node =="
"$cli" describe resources/examples/trending-products.json
echo
echo "== A pipeline with mistakes, as the validator reports them =="
broken=$(mktemp --suffix=.json)
trap 'rm -f "$broken"' EXIT
sed -e 's/"size": "1m"/"size": "1 minute"/' -e "s/event_type = 'view'/event_typ = 'view'/" \
    resources/examples/trending-products.json > "$broken"
"$cli" validate "$broken" || true
