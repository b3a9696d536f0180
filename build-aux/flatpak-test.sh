#!/usr/bin/env bash
# Builds the Market Charts Flatpak from the real manifest, installs it and
# runs it: headless from the command line, then its window under Xvfb.
#
# The manifest targets org.gnome.Platform/Sdk, which cannot be downloaded
# without Flathub. This script builds a small stand-in Platform and Sdk
# from Debian bookworm packages (GTK 4.8, libadwaita 1.2: the oldest
# versions the app supports) and builds the app against them. What is
# built here is for testing only and must never be published: it links
# Debian's GTK, not GNOME's.
#
#   build-aux/flatpak-test.sh
#
# Runs as root (debootstrap and chroot) and needs no display. From nothing
# it takes about 6 minutes on 2 cores and 2 GB of scratch disk (4 GB at
# its peak); later runs reuse the runtimes and take about a minute. It
# ends with a "PASS:" line, or with a "FAIL:" line and a non-zero status.
#
# Steps:
#  1. Install the host tools that are missing (apt-get update first):
#     flatpak, flatpak-builder, debootstrap, elfutils (flatpak-builder runs
#     eu-strip on the host), jq, Xvfb and the X utilities, dbus,
#     imagemagick, appstream and desktop-file-utils.
#  2. Point HOME, XDG_RUNTIME_DIR and the XDG folders at the scratch
#     folder, so every "flatpak --user" call works on a private
#     installation and never touches the real home.
#  3. Build the test runtimes, unless the scratch folder already holds
#     them for the same package lists: debootstrap a minimal bookworm,
#     install the Platform packages into a copy of it and the Sdk packages
#     into a copy of that; turn each rootfs into a runtime folder (usr/
#     becomes files/, a trimmed etc/ becomes files/etc, a real ldconfig at
#     files/bin/ldconfig and an empty ld.so.conf so that flatpak writes
#     the linker configuration with /app/lib); export both to a local
#     OSTree repository and install them from it.
#  4. Derive a test manifest next to the real one (git-ignored), with jq:
#     only the runtime, sdk and runtime-version change, the source copy
#     skips local build folders, and the modules of libraries the stand-in
#     runtimes hold as Debian packages (libgsf, which the GNOME runtime
#     lacks) are left out: nothing can be downloaded here.
#  5. Build with flatpak-builder: the meson module builds, runs its tests
#     (the GUI tests skip: there is no display) and installs; then
#     flatpak-builder composes the AppStream data and exports the desktop
#     file and icons. Bundle the result, install the bundle.
#  6. Check the installation: the exported desktop file, icons and the
#     metainfo exist and validate, and the sandbox permissions are exactly
#     --share=ipc --socket=wayland --socket=fallback-x11 --device=dri: no
#     network, no file system, no D-Bus names.
#  7. Run the command line inside the sandbox with no display: --version,
#     --list, --check on a bundled dataset, and --export to PNG, SVG and
#     PDF into the app's own data folder; check the files on the host,
#     and that an export into the read-only /usr fails cleanly.
#  8. Launch the window under Xvfb and a private session bus
#     (build-aux/flatpak-window-check.sh), wait for a window titled
#     "Market Charts" (or after the bundled dataset it shows), take a
#     screenshot into the scratch folder and check that it is not blank.
#
# Environment:
#   MC_FLATPAK_SCRATCH  scratch folder (default /var/tmp/mc-flatpak)
#   MC_FLATPAK_REBUILD_RUNTIMES=1  rebuild the runtimes even when cached
set -Eeuo pipefail

readonly APP_ID=io.github.marketcharts.MarketCharts
readonly PLATFORM=io.github.marketcharts.TestPlatform
readonly SDK=io.github.marketcharts.TestSdk
readonly BRANCH=bookworm
readonly ARCH=x86_64
readonly MIRROR=http://deb.debian.org/debian

# Host tools.
readonly HOST_PACKAGES=(
  flatpak flatpak-builder debootstrap elfutils jq xvfb xauth x11-utils
  dbus imagemagick appstream desktop-file-utils
)
# What the app needs at run time.
readonly PLATFORM_PACKAGES=(
  libgtk-4-1 libadwaita-1-0 libjson-glib-1.0-0 librsvg2-common
  fontconfig fonts-dejavu-core fonts-cantarell shared-mime-info
  hicolor-icon-theme adwaita-icon-theme gsettings-desktop-schemas
  libgdk-pixbuf2.0-bin libgsf-1-114 libxml2
)
# What the build and its tests need, on top of the Platform.
# appstream-util provides the appstream-compose that flatpak-builder runs.
readonly SDK_PACKAGES=(
  gcc libc6-dev make binutils elfutils meson ninja-build pkgconf
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  libjson-glib-dev libcairo2-dev libpango1.0-dev libgsf-1-dev libxml2-dev libpng-dev
  gettext libxml2-utils desktop-file-utils appstream appstream-util
  librsvg2-bin poppler-utils
)

src_dir=$(cd "$(dirname "$0")/.." && pwd)
scratch=${MC_FLATPAK_SCRATCH:-/var/tmp/mc-flatpak}
manifest=$src_dir/flatpak/$APP_ID.json
test_manifest=$src_dir/flatpak/$APP_ID.test.json
repo=$scratch/repo
rootfs=$scratch/rootfs
mounted=()
window_titles="Market Charts"

step () {
  printf '\n==> %s\n' "$*"
}

fail () {
  printf '\nFAIL: %s\n' "$*" >&2
  exit 1
}

cleanup () {
  local m
  for m in "${mounted[@]}"; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
  rm -f "$test_manifest"
}
trap cleanup EXIT
trap 'fail "command failed (status $?) at line $LINENO: $BASH_COMMAND"' ERR

# --- 1. Host tools -----------------------------------------------------

install_host_packages () {
  local pkg status missing=()
  for pkg in "${HOST_PACKAGES[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "All host packages are installed."
    return
  fi
  echo "Installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -q -o DPkg::Lock::Timeout=600 update ||
    fail "apt-get update failed"
  apt-get -q -y -o DPkg::Lock::Timeout=600 install --no-install-recommends \
    "${missing[@]}" || fail "could not install the host packages: ${missing[*]}"
}

# --- 2. Isolation ------------------------------------------------------

isolate_home () {
  export HOME=$scratch/home
  export XDG_RUNTIME_DIR=$scratch/run
  export XDG_DATA_HOME=$HOME/.local/share
  export XDG_CONFIG_HOME=$HOME/.config
  export XDG_CACHE_HOME=$HOME/.cache
  export XDG_STATE_HOME=$HOME/.local/state
  unset DISPLAY WAYLAND_DISPLAY XAUTHORITY DBUS_SESSION_BUS_ADDRESS
  mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
}

# --- 3. Test runtimes --------------------------------------------------

# Runs a command inside ROOT with /proc mounted.
in_root () {
  local root=$1
  shift
  if ! mountpoint -q "$root/proc"; then
    mount -t proc proc "$root/proc"
    mounted+=("$root/proc")
  fi
  chroot "$root" env DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 "$@"
}

release_root () {
  local root=$1 m kept=()
  for m in "${mounted[@]}"; do
    if [ "$m" = "$root/proc" ]; then
      umount "$m"
    else
      kept+=("$m")
    fi
  done
  mounted=("${kept[@]}")
}

make_base_rootfs () {
  local base=$rootfs/base
  if [ -f "$base/.complete" ]; then
    echo "Reusing $base"
    return
  fi
  rm -rf --one-file-system "$base"
  debootstrap --variant=minbase "$BRANCH" "$base" "$MIRROR" ||
    fail "debootstrap of Debian $BRANCH from $MIRROR failed"
  # Documentation and translations are of no use in a test runtime and
  # would only slow down the export.
  cat > "$base/etc/dpkg/dpkg.cfg.d/01-mc-nodoc" <<'EOF'
path-exclude=/usr/share/doc/*
path-include=/usr/share/doc/*/copyright
path-exclude=/usr/share/man/*
path-exclude=/usr/share/info/*
path-exclude=/usr/share/locale/*
EOF
  in_root "$base" apt-get -q update
  release_root "$base"
  touch "$base/.complete"
}

# install_into FROM TO PACKAGE...: a copy of rootfs FROM with PACKAGEs.
install_into () {
  local from=$1 to=$2
  shift 2
  rm -rf --one-file-system "$to"
  cp -a "$from" "$to"
  rm -f "$to/.complete"
  in_root "$to" apt-get -q -y install --no-install-recommends "$@" ||
    fail "could not install the packages of $(basename "$to") in its rootfs"
  in_root "$to" apt-get clean
  release_root "$to"
}

# make_runtime ROOTFS DIR NAME: a runtime folder from a rootfs.
make_runtime () {
  local root=$1 dir=$2 name=$3
  rm -rf --one-file-system "$dir"
  mkdir -p "$dir"
  cp -a "$root/usr" "$dir/files"
  cp -a "$root/etc" "$dir/files/etc"
  rm -rf "$dir/files/etc/"{shadow,shadow-,gshadow,gshadow-,apt,dpkg,systemd,cron.d,cron.daily,logrotate.d,init.d,rc?.d}
  # flatpak regenerates the linker cache only when /usr/bin/ldconfig is a
  # regular file, and writes its own ld.so.conf (with /app/lib) only when
  # the runtime's is empty.
  rm -f "$dir/files/bin/ldconfig"
  cp --dereference "$root/usr/sbin/ldconfig" "$dir/files/bin/ldconfig"
  : > "$dir/files/etc/ld.so.conf"
  rm -rf "$dir/files/etc/ld.so.conf.d"
  cat > "$dir/metadata" <<EOF
[Runtime]
name=$name
runtime=$PLATFORM/$ARCH/$BRANCH
sdk=$SDK/$ARCH/$BRANCH
EOF
}

runtimes_key () {
  printf '%s\n' "layout 1" "${PLATFORM_PACKAGES[*]}" "${SDK_PACKAGES[*]}" |
    sha256sum | cut -d' ' -f1
}

runtimes_installed () {
  flatpak --user info "$PLATFORM//$BRANCH" >/dev/null 2>&1 &&
    flatpak --user info "$SDK//$BRANCH" >/dev/null 2>&1
}

build_runtimes () {
  local key stamp=$scratch/runtimes.key
  key=$(runtimes_key)
  if [ "${MC_FLATPAK_REBUILD_RUNTIMES:-0}" != 1 ] &&
     [ "$(cat "$stamp" 2>/dev/null)" = "$key" ] && runtimes_installed; then
    echo "Reusing the test runtimes in $scratch (MC_FLATPAK_REBUILD_RUNTIMES=1 rebuilds them)."
    return
  fi
  rm -f "$stamp"
  mkdir -p "$rootfs"
  make_base_rootfs
  install_into "$rootfs/base" "$rootfs/platform" "${PLATFORM_PACKAGES[@]}"
  install_into "$rootfs/platform" "$rootfs/sdk" "${SDK_PACKAGES[@]}"

  make_runtime "$rootfs/platform" "$scratch/runtime-platform" "$PLATFORM"
  make_runtime "$rootfs/sdk" "$scratch/runtime-sdk" "$SDK"
  rm -rf --one-file-system "$rootfs/platform" "$rootfs/sdk"

  flatpak build-export --runtime --files=files --arch="$ARCH" \
    "$repo" "$scratch/runtime-platform" "$BRANCH"
  flatpak build-export --runtime --files=files --arch="$ARCH" \
    "$repo" "$scratch/runtime-sdk" "$BRANCH"
  rm -rf --one-file-system "$scratch/runtime-platform" "$scratch/runtime-sdk"

  flatpak --user remote-add --if-not-exists --no-gpg-verify local-test "file://$repo"
  flatpak --user install -y --noninteractive --reinstall local-test \
    "runtime/$PLATFORM/$ARCH/$BRANCH" "runtime/$SDK/$ARCH/$BRANCH" ||
    fail "could not install the test runtimes"
  echo "$key" > "$stamp"
}

# --- 4 and 5. Build, bundle, install -------------------------------------

write_test_manifest () {
  local skips
  # Local build folders are not part of the sources; a clean clone has none.
  skips=$(cd "$src_dir" && find . -maxdepth 1 \( -name '_build*' -o -name '.flatpak-builder' \) \
            -printf '%P\n' | jq -R . | jq -s .)
  jq --arg rt "$PLATFORM" --arg sdk "$SDK" --arg br "$BRANCH" --argjson skips "$skips" '
      .runtime = $rt | .sdk = $sdk | ."runtime-version" = $br
      | del(."sdk-extensions")
      | .modules |= map(select(type != "object" or .name != "libgsf"))
      | .modules |= map(if type == "object" and .name == "market-charts"
                        then .sources |= map(if .type == "dir"
                                             then .skip = ((.skip // []) + $skips | unique)
                                             else . end)
                        else . end)' \
    "$manifest" > "$test_manifest"
}

build_app () {
  # The test environment must not see a display: the GUI tests skip.
  flatpak-builder --user --disable-rofiles-fuse --force-clean \
    --state-dir="$scratch/state" --repo="$repo" \
    "$scratch/build" "$test_manifest" ||
    fail "flatpak-builder could not build, test or install the app (its output is above)"
  flatpak build-bundle "$repo" "$scratch/$APP_ID.flatpak" "$APP_ID" master ||
    fail "could not bundle the app"
  flatpak --user install -y --noninteractive --reinstall --bundle \
    "$scratch/$APP_ID.flatpak" || fail "could not install the bundle"
}

# --- 6. Installation checks ----------------------------------------------

check_exports () {
  local exports=$XDG_DATA_HOME/flatpak/exports/share location desktop metainfo f
  location=$(flatpak --user info --show-location "$APP_ID")
  desktop=$exports/applications/$APP_ID.desktop
  # flatpak-builder 1.2 moves the metainfo to the older appdata location.
  metainfo=$location/files/share/metainfo/$APP_ID.metainfo.xml
  [ -e "$metainfo" ] || metainfo=$location/files/share/appdata/$APP_ID.appdata.xml
  for f in "$desktop" \
           "$exports/icons/hicolor/scalable/apps/$APP_ID.svg" \
           "$exports/icons/hicolor/symbolic/apps/$APP_ID-symbolic.svg" \
           "$metainfo" \
           "$location/files/share/app-info/xmls/$APP_ID.xml.gz" \
           "$location/files/share/glib-2.0/schemas/gschemas.compiled" \
           "$location/files/bin/market-charts"; do
    [ -e "$f" ] || fail "missing from the installation: $f"
    echo "found ${f#"$scratch"/}"
  done
  desktop-file-validate "$desktop" || fail "the exported desktop file does not validate"
  grep -q "^Exec=.*flatpak run .*--command=market-charts .*$APP_ID" "$desktop" ||
    fail "the exported desktop file does not launch the app through flatpak"
  appstreamcli validate --no-net "$metainfo" >/dev/null ||
    fail "the installed metainfo does not validate"
}

check_permissions () {
  local raw actual="" expected section="" line key values args
  args=$(jq -r '."finish-args" | sort | join(" ")' "$manifest")
  [ "$args" = "--device=dri --share=ipc --socket=fallback-x11 --socket=wayland" ] ||
    fail "the manifest's finish-args are not the minimal set: $args"
  raw=$(flatpak --user info --show-permissions "$APP_ID") ||
    fail "flatpak info --show-permissions failed"
  echo "$raw"
  # One "[section] key=value;value;" line per key, values sorted, empty
  # keys dropped, so that the order flatpak prints them in does not matter.
  while IFS= read -r line; do
    case $line in
      \[*\]) section=$line ;;
      *=?*)
        key=${line%%=*}
        values=$(printf '%s\n' "${line#*=}" | tr ';' '\n' | sed '/^$/d' | sort | tr '\n' ';')
        [ -n "$values" ] && actual+="$section $key=$values"$'\n'
        ;;
    esac
  done <<<"$raw"
  actual=$(printf '%s' "$actual" | sort)
  # flatpak build-finish writes "x11" next to "fallback-x11" for flatpak
  # versions older than 0.11.3; newer ones let fallback-x11 take precedence
  # and share X11 only when there is no Wayland.
  expected=$(printf '%s\n' \
    '[Context] devices=dri;' \
    '[Context] shared=ipc;' \
    '[Context] sockets=fallback-x11;wayland;x11;' | sort)
  [ "$actual" = "$expected" ] ||
    fail "the permissions differ from the minimal set; expected:
$expected
found:
$actual"
}

# --- 7. Command line in the sandbox ---------------------------------------

run_cli () {
  flatpak --user run --command=market-charts "$APP_ID" "$@"
}

# $1 is an 800x500 PNG with a drawing in it (more than 16 colours), or
# the check fails, calling it $2.
check_png () {
  [ "$(identify -format '%m %wx%h' "$1")" = "PNG 800x500" ] ||
    fail "$2 is not an 800x500 PNG"
  [ "$(convert "$1" -format '%k' info:)" -gt 16 ] ||
    fail "$2 is nearly blank"
}

check_cli () {
  local help out data_dir dataset status
  # The app's own data folder is the same path inside and outside.
  data_dir=$HOME/.var/app/$APP_ID/data
  run_cli --version || fail "market-charts --version failed in the sandbox"
  help=$(run_cli --help) || fail "market-charts --help failed in the sandbox"
  out=$(run_cli --list) || fail "market-charts --list failed in the sandbox"
  echo "$out"
  dataset=$(printf '%s\n' "$out" | grep -o '^[a-z0-9-]\+' | head -n 1)
  [ -n "$dataset" ] || fail "--list printed no dataset id"
  # The window is titled after the app, or after the dataset it shows.
  # shellcheck disable=SC2016 # a sed expression, not shell
  while IFS= read -r title; do
    window_titles+="|$(printf '%s' "$title" | sed 's/[][\.*^$()+?{}|]/\\&/g')"
  done < <(printf '%s\n' "$out" | sed -n 's/^[a-z0-9-]\+ — //p')

  # --check on a bundled dataset file, as the app installs nothing else.
  mkdir -p "$data_dir"
  cp "$src_dir/data/datasets/$dataset.json" "$data_dir/"
  run_cli --check "$data_dir/$dataset.json" ||
    fail "--check rejects the bundled dataset $dataset"

  if ! grep -q -- '--export' <<<"$help"; then
    echo "This build has no --export: checked --list and --check only."
    return
  fi
  rm -f "$data_dir"/chart.*
  run_cli --export "$data_dir/chart.png" --dataset "$dataset" ||
    fail "--export to PNG failed in the sandbox"
  run_cli --export "$data_dir/chart.svg" --dataset "$dataset" --theme dark ||
    fail "--export to SVG failed in the sandbox"
  run_cli --export "$data_dir/chart.pdf" --dataset "$dataset" ||
    fail "--export to PDF failed in the sandbox"
  check_png "$data_dir/chart.png" "the exported PNG"
  grep -q '<svg' "$data_dir/chart.svg" || fail "the exported SVG is not an SVG"
  [ "$(head -c 5 "$data_dir/chart.pdf")" = "%PDF-" ] || fail "the exported PDF is not a PDF"
  ls -l "$data_dir"/chart.*
  # A long CSV file of the user's, over a megabyte: read in blocks through
  # a mapping of the file inside the sandbox, its first column counted.
  awk 'BEGIN { print "day,price"; p = 100;
               for (i = 0; i < 200000; i++) { p += sin (i / 500) / 10; printf "%d,%.4f\n", i, p } }' \
    > "$data_dir/long.csv"
  run_cli --export "$data_dir/long.png" --dataset "$data_dir/long.csv" ||
    fail "--export of a long CSV file failed in the sandbox"
  check_png "$data_dir/long.png" "the long CSV file's PNG"
  # An export the sandbox cannot write is an error (status 1), not a crash.
  status=0
  run_cli --export /usr/chart.png 2>/dev/null || status=$?
  [ "$status" -eq 1 ] ||
    fail "--export into the read-only /usr exited with status $status, expected 1"
}

# --- 8. The window ---------------------------------------------------------

check_window () {
  local shot=$scratch/window.png
  rm -f "$shot"
  dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    "$src_dir/build-aux/flatpak-window-check.sh" "$APP_ID" "$window_titles" "$shot" ||
    fail "the window did not show up as expected (see above)"
  [ -s "$shot" ] || fail "no screenshot at $shot"
  echo "Screenshot: $shot"
}

main () {
  [ "$(id -u)" -eq 0 ] || fail "run as root: debootstrap and chroot build the test runtimes"
  [ -f "$manifest" ] || fail "no manifest at $manifest"
  mkdir -p "$scratch"
  # Nothing of the build lands in the source tree.
  cd "$scratch"

  step "1. Host packages"
  install_host_packages
  step "2. Private Flatpak installation under $scratch"
  isolate_home
  step "3. Test Platform and Sdk from Debian $BRANCH"
  build_runtimes
  step "4. Test manifest $(basename "$test_manifest")"
  write_test_manifest
  step "5. Build, bundle and install $APP_ID"
  build_app
  step "6. Exported files and permissions"
  check_exports
  check_permissions
  step "7. Command line inside the sandbox"
  check_cli
  step "8. Window under Xvfb"
  check_window
  printf '\nPASS: %s built, installed and ran in the Flatpak sandbox\n' "$APP_ID"
}

main "$@"
