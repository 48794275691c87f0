#!/usr/bin/env bash
# Paired runs of `sahel-atlas render` and Mapnik (benches/mapnik_render.py) on the same
# countries, view and size, one after the other, so that both see the same machine: each
# pair's wall times, CPU times and wall ratio, then the median and best wall ratio (issue
# #18: at least 8×) and the median CPU ratio. On a shared machine the wall ratio moves with
# the host's load (render uses two cores, Mapnik one); the CPU ratio moves less.
#
#   apt-get install python3-mapnik linux-perf
#   cargo build --release
#   benches/mapnik_pairs.sh 12 ../shared/geodata/ne_10m_admin_0_countries.geojson
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-12}
countries=${2:-../shared/geodata/ne_10m_admin_0_countries.geojson}
bin=${SAHEL_ATLAS_BIN:-target/release/sahel-atlas}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times() { # milliseconds of wall time and of CPU time of a command, from perf stat
  perf stat -x, -e duration_time,task-clock "$@" 2>&1 >/dev/null |
    awk -F, '/duration_time/ {w = $1 / 1e6} /task-clock/ {c = $1} END {print w, c}'
}
for _ in $(seq "$runs"); do
  ours=$(times "$bin" render --at 2023-12-05 --countries "$countries" --out "$out/sa.png")
  theirs=$(times /usr/bin/python3 benches/mapnik_render.py "$countries" "$out/mapnik.png")
  echo "$ours $theirs" >>"$out/raw"
  echo "$ours $theirs" | awk '{printf "sahel-atlas %6.1f ms (CPU %6.1f)  mapnik %6.1f ms (CPU %6.1f)  %.2fx\n",
    $1, $2, $3, $4, $3 / $1}'
done
median() { sort -n | awk '{v[NR] = $1} END {printf "%.2f", v[int((NR + 1) / 2)]}'; }
wall=$(awk '{print $3 / $1}' "$out/raw" | median)
best=$(awk '{print $3 / $1}' "$out/raw" | sort -n | tail -1)
cpu=$(awk '{print $4 / $2}' "$out/raw" | median)
printf "median %sx, best %.2fx over %d pairs (CPU: median %sx)\n" "$wall" "$best" "$runs" "$cpu"
