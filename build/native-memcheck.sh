#!/usr/bin/env bash
# The native module under AddressSanitizer + UndefinedBehaviorSanitizer, built in a directory of
# its own (the normal build is left alone), in two passes:
#   1. the native test files (layout engine, decoder, loader) against the sanitizer build;
#   2. the decoder driven from a plain Node process through clean, garbage, truncated,
#      bit-flipped and 10-bit input, closes mid-decode and unclosed decoders, with LeakSanitizer.
# Any memory error, undefined behaviour or leak from the module fails the run.
#   bash build/native-memcheck.sh        (npm run memcheck:native; set-up runs it before tests)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
export PATH="$root/node_modules/.bin:$PATH"
work="$(mktemp -d /tmp/vigil-native-asan.XXXXXX)"
trap 'rm -rf "$work"' EXIT

cp -r native/binding.gyp native/*.gypi native/src "$work/"
# binding.gyp asks node for node-addon-api's headers; from the copy it must find our node_modules.
export NODE_PATH="$root/node_modules"
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1"
CFLAGS="$san" CXXFLAGS="$san" LDFLAGS="-fsanitize=address,undefined" \
  npm_config_nodedir="${npm_config_nodedir:-/usr}" node-gyp rebuild --directory "$work" >"$work/build.log" 2>&1 ||
  { tail -n 30 "$work/build.log"; exit 1; }
addon="$work/build/Release/vigil_native.node"
nm -D "$addon" | grep __asan_init >/dev/null || { echo "the sanitizer build of $addon has no ASan in it" >&2; exit 1; }
# Node is not built with the sanitizers, so their runtimes must be loaded first.
preload="$(gcc -print-file-name=libasan.so):$(gcc -print-file-name=libubsan.so)"

echo "== 1. native tests against the sanitizer build"
# Leak checking is off here: vitest's workers keep allocations until they exit.
LD_PRELOAD="$preload" \
  ASAN_OPTIONS="detect_leaks=0:abort_on_error=1:strict_string_checks=1" \
  UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
  VIGIL_NATIVE="$addon" VIGIL_SANITIZER=1 \
  vitest run --config test/vitest.config.ts electron/services/native

echo "== 2. the decoder through bad input, with LeakSanitizer"
npx esbuild test/native/memcheck-exercise.ts --bundle --platform=node --format=esm --log-level=warning \
  --banner:js="import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url); const __filename = new URL(import.meta.url).pathname;" \
  --outfile="$work/exercise.mjs"
# Node's one known leak at exit (OpenSSL's compression table, 24 bytes) is suppressed by its
# function name; never by module, which would hide the module's own leaks too.
cat >"$work/lsan.supp" <<'SUPP'
leak:ossl_load_builtin_compressions
SUPP
mkdir -p "$work/clips"
status=0
LD_PRELOAD="$preload" \
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=23:allocator_may_return_null=1" \
  LSAN_OPTIONS="suppressions=$work/lsan.supp:print_suppressions=0" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
  VIGIL_NATIVE="$addon" \
  node --expose-gc "$work/exercise.mjs" "$root" "$work/clips" 2>&1 | tee "$work/run.log" || status=$?
[ "${PIPESTATUS[0]:-$status}" = 0 ] || status=1
if grep -qE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:" "$work/run.log"; then status=1; fi
grep -q "memcheck exercise done" "$work/run.log" || status=1
if [ "$status" = 0 ]; then echo "native memcheck: clean (ASan, UBSan, LSan)"; else echo "native memcheck: FAILED" >&2; fi
exit "$status"
