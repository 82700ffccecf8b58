#!/usr/bin/env bash
# The tests' own output (server logs, mostly) goes to files, not to the build's console
# (surefire's redirectTestOutputToFile): ./run-tests printed ~800 lines of server logs.
#   test-logs.sh failed       prints the output files of the test classes that failed or erred
#   test-logs.sh check LOG    fails if the build log LOG holds a log line of a test (a regression)
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."

case "${1:-}" in
  failed)
    for report in */target/surefire-reports/TEST-*.xml */target/failsafe-reports/TEST-*.xml; do
      [ -f "$report" ] || continue
      if head -n 5 "$report" | grep -qE '<testsuite [^>]*(failures|errors)="[1-9]'; then
        class=$(basename "$report" .xml); class=${class#TEST-}
        out="$(dirname "$report")/$class-output.txt"
        if [ -f "$out" ]; then
          echo "===== output of $class (last 300 lines of $out) =====" >&2
          tail -n 300 "$out" >&2
        fi
      fi
    done
    ;;
  check)
    # slf4j-simple's format: "[thread] LEVEL logger - message"
    leaked=$(grep -cE '^\[[^]]+\] (TRACE|DEBUG|INFO|WARN|ERROR) [A-Za-z0-9_.$]+ - ' "$2" || true)
    if [ "$leaked" -gt 0 ]; then
      echo "test-logs: FAILED: the build log holds $leaked log lines of tests, e.g.:" >&2
      grep -m 3 -E '^\[[^]]+\] (TRACE|DEBUG|INFO|WARN|ERROR) [A-Za-z0-9_.$]+ - ' "$2" >&2
      exit 1
    fi
    echo "test-logs: ok (no test log line in the build's console)" >&2
    ;;
  *)
    echo "usage: test-logs.sh failed | check LOG" >&2
    exit 2
    ;;
esac
