#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up, builds and runs every test; then the suite again under sanitizers and
# the fuzz targets (scripts/check-sanitized.sh; SANITIZE=0 skips that part).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
(cd "${BUILD_DIR:-build}" && ctest --output-on-failure --parallel "${JOBS:-$(nproc)}" "$@")
if [ "${SANITIZE:-1}" != 0 ]; then
  scripts/check-sanitized.sh
fi
