#!/usr/bin/env bash
# Installs what is missing, builds Market Charts with warnings as errors
# and runs every test, the GUI tests under their own virtual display.
#
#   build-aux/test.sh             normal build in _build
#   build-aux/test.sh --sanitize  AddressSanitizer + UBSan build in _build-sanitize
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=_build
setup_args=(-Dwerror=true)
timeout_multiplier=1
if [ "${1:-}" = "--sanitize" ]; then
  build_dir=_build-sanitize
  # The sanitizers make the code three to ten times slower: the workbook
  # and window tests, a few seconds each, come near meson's 30 s limit.
  timeout_multiplier=5
  setup_args+=(-Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug)
  # Leaks are checked in the project's code; fontconfig and GTK keep
  # process-lifetime caches that LeakSanitizer would report.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
  export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi

build-aux/install-deps.sh

if [ -f "$build_dir/build.ninja" ]; then
  meson configure "$build_dir" "${setup_args[@]}" >/dev/null
else
  meson setup "$build_dir" "${setup_args[@]}"
fi
ninja -C "$build_dir"

# One X server for the whole run: meson runs tests in parallel, and several
# xvfb-run instances would race for display numbers.
xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
  meson test -C "$build_dir" --print-errorlogs --num-processes 2 \
    --timeout-multiplier "$timeout_multiplier"
