#!/usr/bin/env bash
# Regression check for the ./nuage launcher, run by ./run-tests after the Maven build: once the
# app is built, starting it must not build again, not even after a test source changed (a test
# file newer than the jar once made every start rebuild for 2-3 s).
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
./nuage --version >/dev/null 2>&1 # builds if needed
touch nuage-app/src/test/java/io/nuage/cli/HelpTextTest.java
err=$(./nuage --version 2>&1 >/dev/null)
if [ -n "$err" ]; then
  echo "launcher-check: FAILED: a start after a build wrote to stderr (rebuilt?): $err" >&2
  exit 1
fi
out=$(./nuage --version)
case "$out" in
  nuage\ *) echo "launcher-check: ok ($out, no rebuild)" >&2 ;;
  *) echo "launcher-check: FAILED: ./nuage --version printed '$out'" >&2; exit 1 ;;
esac
