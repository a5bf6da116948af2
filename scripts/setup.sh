#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian packages Streamwright needs that are missing (only those, so a
# second run is fast and needs no network), then configures and builds.
# Environment: BUILD_DIR (default: build), BUILD_TYPE (default: RelWithDebInfo).
set -euo pipefail

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo}

packages=(
  # toolchain
  g++ cmake ninja-build pkg-config ccache
  # Qt 6 (Charts needs the OpenGL dev package to configure)
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  qt6-charts-dev libqt6opengl6-dev libqscintilla2-qt6-dev qt6-httpserver-dev qt6-websockets-dev qtkeychain-qt6-dev libqt6svg6
  # runtime engine
  librdkafka-dev libsimdjson-dev libsqlite3-dev
  # tests, benchmarks, looking at the app without a display
  libgtest-dev libbenchmark-dev kcat sqlite3 xvfb xauth curl
  # the sanitizer build and the fuzz targets (scripts/check-sanitized.sh)
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all ${#packages[@]} packages present"
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE="$BUILD_TYPE"
fi
cmake --build "$BUILD_DIR" --parallel "${JOBS:-$(nproc)}"
