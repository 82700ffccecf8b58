#!/usr/bin/env bash
# Scale-out benchmark (docs/benchmarks.md "Scale-out on Spark"): the risk sweep and the deal
# evaluation of the example, embedded and on Spark local[2], alternated in one script, ROUNDS
# times each; per run the wall and CPU seconds (GNU time), the load average before it, and whether
# the two engines' JSON are the same bytes. Build the launcher with nuage-spark first
# (./nuage --engine spark --version builds it), so no run includes a build.
# PARTS (default "risk deal fixed") picks the parts; "fixed" runs each command with 2 futures (risk)
# or 1 (deal), the cost of a command apart from its futures, to subtract.
# Usage: [PARTS="risk deal fixed"] scripts/bench-scale-out.sh [ROUNDS] [OUT_DIR]
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.."
rounds=${1:-3}
out=${2:-$(mktemp -d -t nuage-scale-out.XXXXXX)}
mkdir -p "$out"
example=examples/frontier-lab-2027.yaml
risk=(risk "$example" --samples 200 --seed 1 --format json --quiet)
deal=(deal "$example" --contract oci-committed-300b --scale 0.5,0.75,1,1.25,1.5 --samples 20
  --seed 1 --no-break-even --format json --quiet)
spark=(--engine spark --master 'local[2]')
parts=" ${PARTS:-risk deal fixed} "
risk0=(risk "$example" --samples 2 --source-samples 0 --seed 1 --format json --quiet)
deal0=(deal "$example" --contract oci-committed-300b --scale 0.5,0.75,1,1.25,1.5 --samples 1
  --seed 1 --no-break-even --format json --quiet)
run() { # name, round, command...
  local name=$1 round=$2
  shift 2
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$out/$name-$round.time" ./nuage "$@" >"$out/$name-$round.json"
  read -r wall user sys <"$out/$name-$round.time"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$load" "$wall" "$user" "$sys" | tee -a "$out/runs.tsv"
}
[ -f "$out/runs.tsv" ] || printf 'name\tround\tload\twall\tuser\tsys\n' >"$out/runs.tsv"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2
pair() { # kind, round, command...: embedded and spark, the order alternating by round
  local kind=$1 r=$2
  shift 2
  if [ $((r % 2)) = 1 ]; then
    run "$kind-embedded" "$r" "$@"; run "$kind-spark" "$r" "$@" "${spark[@]}"
  else
    run "$kind-spark" "$r" "$@" "${spark[@]}"; run "$kind-embedded" "$r" "$@"
  fi
  cmp -s "$out/$kind-embedded-$r.json" "$out/$kind-spark-$r.json" && echo "$kind $r: same bytes" >&2 \
    || echo "$kind $r: JSON DIFFERS" >&2
}
[ "${parts#* risk }" = "$parts" ] || for r in $(seq 1 "$rounds"); do pair risk "$r" "${risk[@]}"; done
[ "${parts#* deal }" = "$parts" ] || for r in $(seq 1 "$rounds"); do pair deal "$r" "${deal[@]}"; done
[ "${parts#* fixed }" = "$parts" ] || for r in $(seq 1 "$rounds"); do
  pair risk0 "$r" "${risk0[@]}"; pair deal0 "$r" "${deal0[@]}"
done
echo "# done $(date -u +%FT%TZ); runs in $out/runs.tsv" >&2
