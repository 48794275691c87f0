#!/usr/bin/env python3
"""Loading a 10^6-row ACLED-layout CSV: Sahel Atlas against pandas.read_csv (issue #22).

    cargo build --release
    cargo bench --bench gen_acled -- /tmp/acled_1m.csv 1000000
    python3 benches/pandas_events.py /tmp/acled_1m.csv

Times `sahel-atlas check FILE` (read, parse every row, intern actors, sort by date: the
app's load without the projection) and `pandas.read_csv(FILE)` (parse only, default
options), best of three each, and each one's peak resident memory (ru_maxrss of a child
process), against the file's size.
"""

import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
APP = os.path.join(HERE, "..", "target", "release", "sahel-atlas")
# pandas' own time: read_csv alone, not the interpreter's start or pandas' import.
PANDAS = (
    "import sys, time, pandas; t = time.perf_counter(); df = pandas.read_csv(sys.argv[1]); "
    "print(f'{time.perf_counter() - t:.3f} {len(df)}')"
)


# Runs a command and prints the peak resident memory of it alone (KiB), then its output.
WRAP = (
    "import resource, subprocess, sys; "
    "out = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
    "print(out.stdout.strip().splitlines()[0] if out.stdout.strip() else out.stderr.strip())"
)


def timed(cmd):
    """Best wall time of three runs, the largest peak RSS (MB) of them, and the first line."""
    best, peak, said = float("inf"), 0, ""
    for _ in range(3):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", WRAP] + cmd, capture_output=True, text=True)
        best = min(best, time.perf_counter() - start)
        lines = out.stdout.splitlines()
        peak = max(peak, int(lines[0]))
        said = lines[1] if len(lines) > 1 else ""
    return best, peak / 1024, said


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    size = os.path.getsize(path) / (1 << 20)
    app = os.environ.get("SAHEL_ATLAS", APP)
    # Each measured in its own child, so the peaks are the process's own.
    ours, ours_mb, said = timed([app, "check", path])
    print(f"sahel-atlas check: {ours:.2f} s, peak {ours_mb:.0f} MB ({said})")
    runs = [timed([sys.executable, "-c", PANDAS, path]) for _ in range(3)]
    theirs = min(float(said.split()[0]) for _, _, said in runs)
    theirs_mb = max(mb for _, mb, _ in runs)
    rows = runs[0][2].split()[1]
    print(f"pandas.read_csv:   {theirs:.2f} s, peak {theirs_mb:.0f} MB ({rows} rows)")
    print(f"file {size:.0f} MB; sahel-atlas is {theirs / ours:.1f}x faster; "
          f"its peak is file + {ours_mb - size:.0f} MB")


if __name__ == "__main__":
    main()
