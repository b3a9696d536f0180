#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer, UBSan) in their own
# build folder and runs them for a chosen time each.
#
#   build-aux/fuzz.sh [OPTIONS] [TARGET|all] [SECONDS]
#
#   TARGET        loader-json, csv, render, records, xlsx, ods or html; all (the
#                 default) runs each in turn
#   SECONDS       how long each target runs (default 60)
#   --smoke       every target for 20 s: a quick check for CI
#   --keep-going  do not stop at the first crash: libFuzzer's fork mode
#                 records every crash, timeout and out-of-memory it finds
#   --no-build    use the targets already built (e.g. a second run in parallel)
#
# Environment: FUZZ_BUILD_DIR (default _build-fuzz), FUZZ_NICE (default 10).
#
# Each target keeps a growing corpus in $FUZZ_BUILD_DIR/fuzz/corpus/TARGET,
# seeded from the bundled datasets, the loader's good and bad test files, the
# datasets of the chart forms (tests/data/forms) and
# tests/fuzz/regressions/TARGET. Crashing or slow inputs are written to
# $FUZZ_BUILD_DIR/fuzz/artifacts/TARGET/; once the bug is fixed, copy the
# input to tests/fuzz/regressions/TARGET/ so the normal test suite replays
# it. Exits non-zero if any target crashed. See docs/hardening.md.
set -euo pipefail
cd "$(dirname "$0")/.."

all_targets=(loader-json csv render records xlsx ods html)
build_dir=${FUZZ_BUILD_DIR:-_build-fuzz}
nice_level=${FUZZ_NICE:-10}
seconds=60
keep_going=false
build=true
targets=()

usage() {
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit "${1:-0}"
}

while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) seconds=20 ;;
    --keep-going) keep_going=true ;;
    --no-build) build=false ;;
    -h|--help) usage ;;
    all) targets=("${all_targets[@]}") ;;
    loader-json|csv|render|records|xlsx|ods|html) targets+=("$1") ;;
    *[!0-9]*|'') echo "fuzz.sh: unknown argument: $1" >&2; usage 2 >&2 ;;
    *) seconds=$1 ;;
  esac
  shift
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")

install_clang() {
  local missing=() pkg status sudo=""

  for pkg in clang libclang-rt-14-dev; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$pkg")
  done
  [ ${#missing[@]} -gt 0 ] || return 0

  echo "Installing: ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build_targets() {
  build-aux/install-deps.sh
  install_clang
  local options=(-Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false)

  if [ -f "$build_dir/build.ninja" ]; then
    meson configure "$build_dir" "${options[@]}" >/dev/null
  else
    CC=clang meson setup "$build_dir" "${options[@]}"
  fi
  ninja -C "$build_dir" "${targets[@]/#/tests/fuzz/fuzz-}"
}

# The render target reads its size and flags from three bytes in front of
# the dataset: its seeds are the same files behind the prefixes that
# tests/fuzz/meson.build replays them with.
render_seeds() {
  local out=$1 prefix dir file

  rm -rf "$out"
  mkdir -p "$out"
  for prefix in 857d00 000000 ffff0f; do
    for dir in data/datasets tests/data/good tests/data/bad tests/data/forms; do
      [ "$prefix" = 857d00 ] || [ "$dir" != tests/data/bad ] || continue
      for file in "$dir"/*; do
        [ -f "$file" ] || continue
        { printf '%b' "$(sed 's/../\\x&/g' <<<"$prefix")"; cat "$file"; } \
          >"$out/$prefix-$(basename "$dir")-$(basename "$file")"
      done
    done
  done
}

# Prints the libFuzzer options and corpus folders of one target.
fuzzer_args() {
  local target=$1 fuzz=$build_dir/fuzz

  echo "-max_total_time=$seconds -timeout=10 -rss_limit_mb=2048"
  echo "-use_value_profile=1 -print_final_stats=1"
  echo "-artifact_prefix=$fuzz/artifacts/$target/"
  case "$target" in
    loader-json) echo "-max_len=65536 -dict=tests/fuzz/json.dict" ;;
    csv) echo "-max_len=65536 -dict=tests/fuzz/csv.dict" ;;
    render) echo "-max_len=16384 -dict=tests/fuzz/json.dict" ;;
    records) echo "-max_len=65536 -dict=tests/fuzz/json.dict" ;;
    xlsx|ods|html) echo "-max_len=65536 -dict=tests/fuzz/xml.dict" ;;
  esac
  if $keep_going; then
    echo "-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
  fi
  echo "$fuzz/corpus/$target tests/fuzz/regressions/$target"
  case "$target" in
    render) echo "$fuzz/seeds/render" ;;
    xlsx|ods) echo "tests/fuzz/seeds/$target tests/data/workbooks tests/data/bad" ;;
    html) echo "tests/data/good tests/data/workbooks tests/data/bad" ;;
    *) echo "data/datasets tests/data/good tests/data/bad tests/data/forms" ;;
  esac
}

run_target() {
  local target=$1 fuzz=$build_dir/fuzz log status=0 runs

  log=$fuzz/logs/$target.log
  mkdir -p "$fuzz/corpus/$target" "$fuzz/artifacts/$target" "$fuzz/logs"
  [ "$target" != render ] || render_seeds "$fuzz/seeds/render"

  echo "== $target: $seconds s (log: $log)"
  # shellcheck disable=SC2046 # the options are split on purpose
  nice -n "$nice_level" "$build_dir/tests/fuzz/fuzz-$target" \
    $(fuzzer_args "$target") >"$log" 2>&1 || status=$?

  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
  echo "   $target: ${runs:-?} runs, exit status $status"
  if [ "$status" -ne 0 ] || grep -q '^==[0-9]*==ERROR\|^SUMMARY: ' "$log"; then
    grep -E '^==[0-9]+==ERROR|^SUMMARY|^artifact_prefix|Test unit written|^\*\* ' "$log" | head -20
    echo "   reproduce: $build_dir/tests/fuzz/fuzz-$target ARTIFACT"
    return 1
  fi
  return 0
}

export ASAN_OPTIONS=abort_on_error=1:detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export G_SLICE=always-malloc
export LC_ALL=C.UTF-8
# GIO loads the modules of the system (dconf, proxies) on first use and
# drops its references to the ones it does not keep: LeakSanitizer
# reports those whenever an input makes libFuzzer look for leaks, and
# their stacks end in GLib's allocator, where no suppression can tell
# them from ours. The targets read local files only: no modules.
gio_modules=$(mktemp -d)
trap 'rmdir "$gio_modules"' EXIT
export GIO_MODULE_DIR=$gio_modules

! $build || build_targets

failed=()
for target in "${targets[@]}"; do
  run_target "$target" || failed+=("$target")
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes in: ${failed[*]} (inputs in $build_dir/fuzz/artifacts/)"
  exit 1
fi
echo "fuzz.sh: ${targets[*]}: no crash in $seconds s each"
