"""Builds the benchmark-size demo database once and reuses it (benchmarks/.cache/)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from station_app.demo import SCALE, generate_demo_database

CACHE = Path(__file__).resolve().parent / ".cache"


def scale_data_dir() -> Path:
    """The data dir holding the scale database; generated on first use (under two minutes)."""
    data_dir = CACHE / "scale"
    database = data_dir / "station.sqlite"
    if not database.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        partial = data_dir / "station.partial.sqlite"
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        generate_demo_database(
            partial, SCALE, progress=lambda m: print("  " + m, file=sys.stderr)
        ).close()
        partial.rename(database)
        print(f"built the scale database in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return data_dir


if __name__ == "__main__":
    print(scale_data_dir())
