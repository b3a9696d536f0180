#!/usr/bin/env bash
# Installs what is missing, builds Market Charts and launches it.
# Extra arguments go to the app (e.g. dataset files to open).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build
exec _build/src/market-charts "$@"
