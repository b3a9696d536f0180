#!/usr/bin/env bash
# Installs the Debian 12 packages Market Charts needs to build, run and
# test, skipping those already present. Runs apt-get only when something
# is missing, through sudo when not root.
set -euo pipefail

packages=(
  # build
  meson ninja-build pkgconf gcc
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev
  libxml2-utils gettext desktop-file-utils appstream
  # fonts the charts are drawn with, including Chinese
  fonts-cantarell fonts-dejavu-core fonts-noto-cjk
  # tests: a virtual display, SVG and PDF checkers
  xvfb xauth librsvg2-bin poppler-utils
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
