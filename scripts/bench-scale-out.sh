#!/usr/bin/env bash
# Scale-out benchmark (docs/benchmarks.md "Scale-out on Spark"): the risk sweep and the deal
# evaluation of the example, embedded and on Spark local[2], alternated in one script, ROUNDS
# times each; per run the wall and CPU seconds (GNU time), the load average before it, and whether
# the two engines' JSON are the same bytes. Build the launcher with nuage-spark first
# (./nuage --engine spark --version builds it), so no run includes a build.
# Usage: scripts/bench-scale-out.sh [ROUNDS] [OUT_DIR]
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
run() { # name, round, command...
  local name=$1 round=$2
  shift 2
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S" -o "$out/$name-$round.time" ./nuage "$@" >"$out/$name-$round.json"
  read -r wall user sys <"$out/$name-$round.time"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$round" "$load" "$wall" "$user" "$sys" | tee -a "$out/runs.tsv"
}
printf 'name\tround\tload\twall\tuser\tsys\n' | tee "$out/runs.tsv"
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" >&2
for r in $(seq 1 "$rounds"); do
  # the order alternates from round to round, so neither engine always runs first
  if [ $((r % 2)) = 1 ]; then
    run risk-embedded "$r" "${risk[@]}"; run risk-spark "$r" "${risk[@]}" "${spark[@]}"
  else
    run risk-spark "$r" "${risk[@]}" "${spark[@]}"; run risk-embedded "$r" "${risk[@]}"
  fi
  cmp -s "$out/risk-embedded-$r.json" "$out/risk-spark-$r.json" && echo "risk $r: same bytes" >&2 \
    || echo "risk $r: JSON DIFFERS" >&2
done
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then
    run deal-embedded "$r" "${deal[@]}"; run deal-spark "$r" "${deal[@]}" "${spark[@]}"
  else
    run deal-spark "$r" "${deal[@]}" "${spark[@]}"; run deal-embedded "$r" "${deal[@]}"
  fi
  cmp -s "$out/deal-embedded-$r.json" "$out/deal-spark-$r.json" && echo "deal $r: same bytes" >&2 \
    || echo "deal $r: JSON DIFFERS" >&2
done
echo "# done $(date -u +%FT%TZ); runs in $out/runs.tsv" >&2
