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
  # workbooks: libgsf for the zip container, libxml2 for the XML
  libgsf-1-dev libxml2-dev
  libxml2-utils gettext desktop-file-utils appstream
  # the locales the translation tests run under
  locales
  # fonts the charts are drawn with, including Chinese
  fonts-cantarell fonts-dejavu-core fonts-noto-cjk
  # tests: a virtual display, SVG and PDF checkers
  xvfb xauth librsvg2-bin poppler-utils
  # memory checks: meson test --setup valgrind
  valgrind
)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$pkg")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The German and Chinese translations are tested under their locales, and
# the grouping of digits on axes under English and German ones.
# `locale -a` spells them de_DE.utf8 and zh_CN.utf8.
locales=(de_DE.UTF-8 en_US.UTF-8 zh_CN.UTF-8)
installed_locales=$(locale -a 2>/dev/null || true)
missing_locales=()
for loc in "${locales[@]}"; do
  short=${loc%.UTF-8}.utf8
  grep -qxF "$short" <<< "$installed_locales" || missing_locales+=("$loc")
done

if [ ${#missing_locales[@]} -gt 0 ]; then
  echo "Generating locales: ${missing_locales[*]}"
  for loc in "${missing_locales[@]}"; do
    $sudo sed -i "s/^# *\(${loc//./\\.} UTF-8\)$/\1/" /etc/locale.gen
    grep -qxF "$loc UTF-8" /etc/locale.gen || echo "$loc UTF-8" | $sudo tee -a /etc/locale.gen >/dev/null
  done
  $sudo locale-gen
fi
