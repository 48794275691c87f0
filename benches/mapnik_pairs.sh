#!/usr/bin/env bash
# Paired runs of `sahel-atlas render` and Mapnik (benches/mapnik_render.py) on the same
# countries, view and size, one after the other, so that both see the same machine: each
# pair's wall times and ratio, then the median and best ratio (issue #18: at least 8×).
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
wall() { # milliseconds of wall time of a command, from perf stat
  perf stat -x, -e duration_time "$@" 2>&1 >/dev/null | awk -F, '/duration_time/ {print $1 / 1e6}'
}
for _ in $(seq "$runs"); do
  ours=$(wall "$bin" render --at 2023-12-05 --countries "$countries" --out "$out/sa.png")
  theirs=$(wall /usr/bin/python3 benches/mapnik_render.py "$countries" "$out/mapnik.png")
  echo "$ours $theirs" | awk '{printf "sahel-atlas %6.1f ms  mapnik %6.1f ms  %.2fx\n", $1, $2, $2 / $1}'
done | tee "$out/pairs"
sort -k7 -n "$out/pairs" | awk '{r[NR] = $7 + 0} END {
  printf "median %.2fx, best %.2fx over %d pairs\n", r[int((NR + 1) / 2)], r[NR], NR }'
