#!/usr/bin/env bash
# Runs the native module's tests against a build with AddressSanitizer and
# UndefinedBehaviorSanitizer (out-of-bounds reads and writes, use after free, signed overflow,
# bad casts...), in its own build directory so the normal build is left alone.
#   bash build/native-memcheck.sh        (npm run test:native-memcheck)
# Run it once per change to native/. Any report fails the run: ASan aborts on the first error and
# UBSan is told to halt. Leak checking is off: Node itself keeps allocations until exit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

# Inside the repository, so binding.gyp's `require('node-addon-api')` resolves from node_modules.
dir="$PWD/dist/native-asan"
rm -rf "$dir"
mkdir -p "$dir"
cp -r native/binding.gyp native/src "$dir/"

if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node_api.h ]; then export npm_config_nodedir=/usr; fi
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
CXXFLAGS="$sanitize" LDFLAGS="-fsanitize=address,undefined" node-gyp rebuild --directory "$dir" >"$dir/build.log" 2>&1 ||
  { cat "$dir/build.log"; exit 1; }
addon="$dir/build/Release/vigil_native.node"
nm -D "$addon" | grep __asan_init >/dev/null || { echo "the sanitizer build of $addon has no ASan in it" >&2; exit 1; }

# Node is not built with ASan, so the runtime must be loaded first, before anything allocates.
runtime="$(g++ -print-file-name=libasan.so)"
echo "== native tests against $addon (ASan + UBSan)"
LD_PRELOAD="$runtime" \
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
  VIGIL_NATIVE="$addon" \
  vitest run --config test/vitest.config.ts electron/services/native "$@"
