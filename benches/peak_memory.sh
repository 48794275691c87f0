#!/usr/bin/env bash
# Peak memory of the app in a scripted session: open, zoom out to the world, in to a close-up,
# pan, zoom out again, step the date. Prints the process's high-water mark of resident memory
# (VmHWM) after each step, in MB.
#
#   benches/peak_memory.sh [app arguments…]
#   benches/peak_memory.sh --countries ../shared/geodata/ne_10m_admin_0_countries.geojson
#   benches/peak_memory.sh --renderer wgpu --countries …
#
# Needs a release build (cargo build --release), Linux, an X display and xdotool. Without
# $DISPLAY it starts Xvfb on :99 (apt-get install xvfb xdotool). The app runs with a fresh
# data folder, so nothing remembered from earlier sessions is loaded and nothing is kept.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
app="$here/target/release/sahel-atlas"
[[ -x "$app" ]] || { echo "build first: cargo build --release" >&2; exit 1; }
command -v xdotool >/dev/null || { echo "needs xdotool" >&2; exit 1; }

if [[ -z "${DISPLAY:-}" ]]; then
    export DISPLAY=:99
    if ! xdotool getmouselocation >/dev/null 2>&1; then
        Xvfb :99 -screen 0 1600x1000x24 >/dev/null 2>&1 &
        sleep 1
    fi
fi

scratch="$(mktemp -d)"
mkdir -m 700 "$scratch/runtime"
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT
XDG_DATA_HOME="$scratch" XDG_RUNTIME_DIR="$scratch/runtime" "$app" "$@" >"$scratch/log" 2>&1 &
pid=$!

hwm() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
rss() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status"; }
wheel() { for _ in $(seq 1 "$2"); do xdotool click "$1"; sleep 0.35; done; sleep 0.5; }

sleep 6
line="opened $(hwm)"
# Over the map (the window opens at the top left of the screen).
xdotool mousemove 20 500; sleep 0.2; xdotool mousemove 760 420; sleep 0.3
wheel 5 7;  line+=" | world $(hwm)"
wheel 4 16; line+=" | close-up $(hwm)"
xdotool mousedown 1
for _ in $(seq 1 10); do xdotool mousemove_relative -- 40 15; sleep 0.1; done
xdotool mouseup 1; sleep 0.5; line+=" | panned $(hwm)"
wheel 5 9;  line+=" | zoomed out $(hwm)"
window="$(xdotool search --name "Sahel Atlas" | head -1)"
xdotool windowfocus "$window" 2>/dev/null || true
for _ in $(seq 1 20); do xdotool key Right; sleep 0.1; done
sleep 1
echo "$line | dates stepped $(hwm) | peak $(hwm) MB, resident now $(rss) MB"
