#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Vigil, then starts it or runs the whole test suite.
#   bash build/setup.sh start [vigil start options]   — set up, build, start Vigil
#   bash build/setup.sh test                          — set up, build, run every test
# Safe to run again: each step is skipped when already done. Works without internet access
# beyond the npm registry and the Debian archive; where the Electron binary cannot be
# downloaded it says so and Vigil runs in the browser host.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-start}"
[ $# -gt 0 ] && shift
case "$mode" in start | test) ;; *) echo "usage: bash build/setup.sh start|test [options]" >&2; exit 2 ;; esac

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# --- Debian packages -------------------------------------------------------------------------
# node + npm to install the project (its own Node 24 comes from the npm registry); a compiler
# and FFmpeg's decoding libraries (the software video decoder) for the native module; Debian's
# Chromium for the browser host and end-to-end tests; CJK fonts so Chinese renders in it; for
# the tests, a real RTSP server.
need=()
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v python3 >/dev/null || need+=(python3)
for pkg in libavcodec-dev libavutil-dev pkg-config; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
if [ "$mode" = test ]; then
  # The video tests play from a real RTSP server: Debian's GStreamer RTSP server (through its
  # Python bindings, for /usr/bin/python3) with the encoders for H.264 and H.265 test streams.
  # ffmpeg sends the RTMP/SRT/MPEG-TS test sources (and Vigil remuxes them with it).
  for pkg in python3-gi gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base gstreamer1.0-plugins-good \
    gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly ffmpeg; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
fi
nodedir="$(npm config get nodedir 2>/dev/null || true)"
if [ -z "$nodedir" ] || [ "$nodedir" = "undefined" ] || [ ! -f "$nodedir/include/node/node_api.h" ]; then
  [ -f /usr/include/node/node_api.h ] || need+=(libnode-dev)
  export npm_config_nodedir=/usr
fi
if [ ${#need[@]} -gt 0 ]; then
  say "Installing Debian packages: ${need[*]}"
  if ! { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }; then
    echo "Could not install ${need[*]} (not root and no sudo?). Install them, then run this again." >&2
    exit 1
  fi
fi

# --- npm packages, exactly as locked ---------------------------------------------------------
# The Electron binary is fetched separately below, so a closed network cannot fail the install.
stamp=node_modules/.vigil-lock
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_sum" ]; then
  say "Installing npm packages from package-lock.json"
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$lock_sum" >"$stamp"
fi
export PATH="$PWD/node_modules/.bin:$PATH" # the project's Node 24 from here on

# --- Electron binary -------------------------------------------------------------------------
if [ ! -f node_modules/electron/path.txt ]; then
  say "Fetching the Electron binary"
  if timeout 300 node node_modules/electron/install.js >/tmp/vigil-electron-install.log 2>&1; then
    echo "Electron $(node -p "require('electron/package.json').version") installed."
  else
    echo "The Electron binary could not be downloaded here ($(tail -n 1 /tmp/vigil-electron-install.log))."
    echo "That is expected on air-gapped sites and closed networks: Vigil will run in the browser host"
    echo "(the same console in Chromium), and the Electron end-to-end tests will say they were not run."
  fi
fi

# --- Build -----------------------------------------------------------------------------------
say "Building the native module"
npm run --silent build:native

if [ "$mode" = test ]; then
  # The decoder parses untrusted video: every CI run checks the native module under
  # AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer (~30 s).
  say "Checking the native module for memory errors and leaks"
  bash build/native-memcheck.sh
  say "Running the whole test suite (npm test builds main and renderer first)"
  exec npm test
fi
say "Building main process and renderer"
npm run --silent build
say "Starting Vigil"
exec node electron/cli/vigil.mjs start "$@"
