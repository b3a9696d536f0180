#!/bin/sh
# Launches an installed Flatpak app on the current X display, waits for its
# window and takes a screenshot of the screen. build-aux/flatpak-test.sh
# runs it under xvfb-run and dbus-run-session; it is a script of its own
# because xvfb-run runs its command with sh, where the caller's shell
# functions do not exist.
#
#   flatpak-window-check.sh APP_ID TITLES SHOT.png [TIMEOUT_SECONDS]
#
# TITLES is an extended regular expression, e.g. "Market Charts|Revenue".
# Succeeds when a window whose title contains a match appears within the
# timeout (default 60 s), the app is still running once it has drawn,
# and the screenshot is not blank.
set -eu

app_id=$1
titles=$2
shot=$3
timeout=${4:-60}
log=${shot%.png}.log

[ -n "${DISPLAY:-}" ] || { echo "FAIL: no DISPLAY: run under xvfb-run" >&2; exit 1; }

# The test runtime has no OpenGL: the cairo renderer starts faster and
# gives stable pixels.
flatpak --user run --env=GSK_RENDERER=cairo --env=NO_AT_BRIDGE=1 \
  "$app_id" >"$log" 2>&1 &
pid=$!

stop_app () {
  flatpak kill "$app_id" 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

found=""
elapsed=0
while [ "$elapsed" -lt "$timeout" ]; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "FAIL: $app_id exited before showing a window; its output:" >&2
    cat "$log" >&2
    exit 1
  fi
  found=$(xwininfo -root -tree | grep -E "\"[^\"]*($titles)[^\"]*\":" | head -n 1 || true)
  [ -n "$found" ] && break
  sleep 1
  elapsed=$((elapsed + 1))
done

if [ -z "$found" ]; then
  echo "FAIL: no window titled \"$titles\" after ${timeout}s; windows:" >&2
  xwininfo -root -tree >&2 || true
  echo "App output:" >&2
  cat "$log" >&2
  stop_app
  exit 1
fi
echo "Window after ${elapsed}s:$found"

# Give the first frames (sidebar, charts) time to draw.
sleep 3
if ! kill -0 "$pid" 2>/dev/null; then
  echo "FAIL: $app_id exited after showing its window; its output:" >&2
  cat "$log" >&2
  exit 1
fi
import -window root "$shot"
stop_app

colours=$(convert "$shot" -format '%k' info:)
echo "Screenshot $shot: $(identify -format '%wx%h' "$shot"), $colours colours"
if [ "$colours" -lt 32 ]; then
  echo "FAIL: the screenshot is nearly blank" >&2
  exit 1
fi
if [ -s "$log" ]; then
  echo "App output:"
  cat "$log"
fi
