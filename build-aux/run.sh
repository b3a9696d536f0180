#!/usr/bin/env bash
# Installs what is missing, builds Market Charts and launches it.
# Extra arguments go to the app (e.g. dataset files to open).
set -euo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh
[ -f _build/build.ninja ] || meson setup _build
ninja -C _build
# The settings schema compiled in the build, until the app is installed.
export GSETTINGS_SCHEMA_DIR="$PWD/_build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec _build/src/market-charts "$@"
