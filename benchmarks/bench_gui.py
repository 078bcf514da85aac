"""Cold start to first paint (ratio to a bare PySide6 window), residents page fill, peak memory.

Each start is a new process (cold interpreter, warm OS file cache), alternating bare and app
runs so both see the same machine load; medians are reported.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scale_database import scale_data_dir

RUNS = 5
PROBE = Path(__file__).with_name("gui_probe.py")
ROOT = PROBE.parent.parent


def probe(*args: str) -> dict[str, float]:
    started = time.time()
    output = subprocess.run(
        [sys.executable, str(PROBE), args[0], repr(started), *args[1:]],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main() -> int:
    data_dir = scale_data_dir()
    probe("bare")  # warm the OS file cache for both
    probe("app", str(data_dir))
    bare_runs, app_runs = [], []
    for _ in range(RUNS):
        bare_runs.append(probe("bare"))
        app_runs.append(probe("app", str(data_dir)))

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    bare_paint = median(bare_runs, "first_paint_s")
    app_paint = median(app_runs, "first_paint_s")
    populated = median(app_runs, "page_populated_s")
    peak = max(r["peak_rss_mb"] for r in app_runs)
    print(f"runs: {RUNS} of each, medians; database: {int(app_runs[0]['rows_shown']):,} residents")
    print(f"bare PySide6 window first paint   {bare_paint * 1000:7.0f} ms")
    print(
        f"station main window first paint   {app_paint * 1000:7.0f} ms"
        f"   ratio {app_paint / bare_paint:.2f} (target <= 2.00)"
    )
    print(
        f"residents page shows rows after   {populated * 1000:7.0f} ms"
        f"   ratio {populated:.2f} of the 1 s target"
    )
    print(f"search index ready after          {median(app_runs, 'index_loaded_s') * 1000:7.0f} ms")
    print(f"peak memory (app, all queries)    {peak:7.0f} MB   ratio {peak / 300:.2f} of 300 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
