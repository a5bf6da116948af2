#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs every test.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure --parallel "${JOBS:-$(nproc)}" "$@"
