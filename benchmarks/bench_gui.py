"""Cold start to first paint through the real entry point, as a ratio to a bare PySide6 window.

Each start is a new process (cold interpreter, warm OS file cache): `python -m
benchmarks.gui_probe entry … gui --data-dir DIR` runs `station_app.cli.main` exactly as
`python -m station_app gui` does (logging, crash handler, data-folder check and lock), on the
scale database; the yardstick is a bare QMainWindow in the same kind of process. Bare and app
runs alternate so both see the same machine load; medians are reported, and the ratio of each
pair, whose median is steadier on a busy machine than the ratio of the medians.

    python -m benchmarks.bench_gui [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scale_database import scale_data_dir

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 2.0


def probe(*args: str) -> float:
    started = time.time()
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.gui_probe", args[0], repr(started), *args[1:]],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    lines = completed.stdout.strip().splitlines()
    if not lines:
        raise SystemExit(f"the probe failed:\n{completed.stderr[-3000:]}")
    return float(json.loads(lines[-1])["first_paint_s"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="starts of each (default 7)")
    args = parser.parse_args(argv)
    data_dir = str(scale_data_dir())
    app_args = ("entry", "gui", "--data-dir", data_dir)
    probe("bare")  # warms the OS file cache for both
    probe(*app_args)
    bare_runs, app_runs = [], []
    for _ in range(args.runs):
        bare_runs.append(probe("bare"))
        app_runs.append(probe(*app_args))
    bare = statistics.median(bare_runs)
    app = statistics.median(app_runs)
    pairs = statistics.median(a / b for a, b in zip(app_runs, bare_runs, strict=True))
    print(
        f"runs: {args.runs} of each, alternating, medians; the scale database (200,000 residents)"
    )
    print(f"bare PySide6 QMainWindow first paint     {bare * 1000:6.0f} ms")
    print(
        f"station-app gui (real entry) first paint {app * 1000:6.0f} ms"
        f"   ratio {app / bare:.2f} (median of pairs {pairs:.2f}), target <= {TARGET_RATIO:.2f}"
        f" = {app / bare / TARGET_RATIO:.2f} of the target"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
