"""Search latency p50/p95 per query kind and index load time on the scale database."""

from __future__ import annotations

import random
import statistics
import time

from sqlalchemy import select

from benchmarks.scale_database import scale_data_dir
from station_app import paths
from station_app.database import Database, open_database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
from station_app.models import Resident
from station_app.services.auth import log_in
from station_app.services.resident_search import ResidentSearchIndex

TARGET_P95_MS = 20.0
QUERIES_PER_KIND = 200


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    db = open_database(paths.database_path(scale_data_dir()))
    station = log_in(db, DEMO_USERNAME, DEMO_PASSWORD)
    started = time.perf_counter()
    index = station.query(ResidentSearchIndex.load)
    load_s = time.perf_counter() - started
    with db.session() as session:
        rows = session.execute(
            select(
                Resident.name,
                Resident.name_pinyin,
                Resident.name_initials,
                Resident.id_number,
                Resident.phone,
            )
        ).all()
    rng = random.Random(7)
    sample = rng.sample(rows, QUERIES_PER_KIND)
    kinds = {
        "name 1 char": [r.name[:1] for r in sample],
        "name 2 chars": [r.name[:2] for r in sample],
        "full name": [r.name for r in sample],
        "initials": [r.name_initials.split()[0] for r in sample],
        "full pinyin": [r.name_pinyin.split()[0] for r in sample],
        "ID 6 digits": [r.id_number[(s := rng.randrange(0, 12)) : s + 6] for r in sample],
        "phone last 4": [(r.phone or "0000")[-4:] for r in sample],
    }
    print(f"residents indexed: {len(index):,}; index load {load_s * 1000:.0f} ms")
    print(
        f"{'query kind':<14} {'p50 ms':>8} {'p95 ms':>8} {'hits p50':>9}"
        f"  target p95 <= {TARGET_P95_MS} ms"
    )
    worst = 0.0
    for kind, queries in kinds.items():
        times, hits = [], []
        for query in queries:
            t0 = time.perf_counter()
            found = index.search(query)
            times.append((time.perf_counter() - t0) * 1000)
            hits.append(len(found))
        p95 = percentile(times, 0.95)
        worst = max(worst, p95)
        print(f"{kind:<14} {percentile(times, 0.5):8.2f} {p95:8.2f} {statistics.median(hits):9.0f}")
    print(f"worst p95: {worst:.2f} ms = {worst / TARGET_P95_MS:.2f} x target")
    print(check_zhang_wei(db, index))
    db.close()
    return 0


def check_zhang_wei(db: Database, index: ResidentSearchIndex) -> str:
    """The acceptance check: one 张伟 is found by every kind of query."""
    with db.session() as session:
        resident_id, id_number, phone = session.execute(
            select(Resident.id, Resident.id_number, Resident.phone)
            .where(Resident.name == "张伟")
            .order_by(Resident.id)
        ).first()  # type: ignore[misc]
    queries = ["张伟", "zw", "zhangwei", id_number[8:14], phone[-4:]]
    found = {query: resident_id in index.search(query) for query in queries}
    marks = ", ".join(f"{q} {'found' if ok else 'NOT FOUND'}" for q, ok in found.items())
    return f"张伟 ({id_number}, {phone}): {marks}"


if __name__ == "__main__":
    raise SystemExit(main())
