"""Sync on loopback: a real `city-server serve` and a station, beside the references.

    python -m benchmarks.bench_sync [--records 100000] [--changes 100] [--db URL]
        [--pouchdb DIR] [--stations 200]

Measures, with the station's own engine against a server process on 127.0.0.1:
- the initial sync of N residents (a snapshot), beside a raw SQLite bulk upsert of the same
  rows in the same run (the physical limit) and, with --pouchdb, PouchDB replicating N
  documents (`../shared/peers/pouchdb`, Node, installed in DIR);
- a sync bringing K changes made at another station, a no-op sync, and the first push of K
  local changes after the initial sync, at N and at N/10 (it must cost the same: O(K));
- with --stations S (PostgreSQL --db only): S stations syncing at once, p50/p95/p99 per
  request, and the server processes' CPU time per request (from /proc, on Linux); with
  --split, each round's pushes run together and then its pulls, so the CPU of a push and of a
  pull are told apart; with --after-outage, the network returns for all S stations at the
  same moment and each syncs what it did offline (--pending changes) when the station app's
  own timing says (`station_app/sync/timing.py`: within 1-30 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import insert

from city_server.database import make_engine, session_factory
from city_server.entities import ENTITIES
from city_server.models import SyncCounter, SyncRecord, utc_now
from city_server.schema import drop_schema, upgrade_schema
from city_server.stations import add_station
from station_app import paths
from station_app.database import open_database
from station_app.models import Resident
from station_app.models.community import community_id_for
from station_app.services.station import AdminInput, CommunityInput, set_up_station
from station_app.sync.client import CityClient
from station_app.sync.engine import SyncEngine, SyncReport
from station_app.sync.enrolment import enroll_station
from station_app.sync.timing import after_network_delay

COMMUNITY = "341282001001"
TARGETS = {"initial_s": 5.0, "changes_ms": 50.0, "noop_ms": 20.0, "p99_ms": 250.0}


def resident_fields(n: int, scope: str) -> dict[str, Any]:
    """A resident as a station sends it (every column), about 0.5 KB of JSON."""
    return {
        "id_number": f"341282199{n:09d}",
        "name": f"居民{n}",
        "name_pinyin": f"ju min {n}",
        "name_initials": "jm",
        "sex": "M" if n % 2 else "F",
        "birth_date": (date(1970, 1, 1) + timedelta(days=n % 12000)).isoformat(),
        "phone": f"139{n:08d}",
        "address": f"人民路{n % 300}号{n % 7}栋",
        "community_id": scope,
        "household_type": "urban",
        "education": "30",
        "skills": ["6-31-01-03", "6-18-02-04"],
        "desired_occupation": "6-31-01-03",
        "desired_salary_fen": 350_000,
        "employment_status": "unemployed",
        "consent_given": True,
        "consent_date": "2025-05-20",
        "notes": "求职意向：纺织、物流；可倒班。" * 3,
        "key_groups": ["veteran"],
    }


def seed_city(database_url: str, records: int) -> None:
    """The city holds N residents of the community (written straight into its tables)."""
    engine = make_engine(database_url)
    upgrade_schema(engine)
    scope = community_id_for(COMMUNITY)
    now = utc_now()
    rank = ENTITIES["resident"].rank
    with session_factory(engine)() as session, session.begin():
        for start in range(0, records, 5000):
            rows = [
                {
                    "entity": "resident",
                    "id": f"01900000-0000-7000-8000-{n:012d}",
                    "scope_id": scope,
                    "rank": rank,
                    "seq": n + 1,
                    "deleted": False,
                    "parent_id": None,
                    "natural_key": f"341282199{n:09d}",
                    "fields": resident_fields(n, scope),
                    "field_seq": {},
                    "field_origin": {},
                    "field_by": {},
                    "origin_station": None,
                    "updated_at": now,
                }
                for n in range(start, min(records, start + 5000))
            ]
            session.execute(insert(SyncRecord), rows)
        session.merge(SyncCounter(id=1, value=records, horizon=0))
    engine.dispose()


class Server(str):
    """The server's base URL, with its process id (for its CPU time)."""

    pid: int


def server_cpu_s(pid: int) -> float:
    """The CPU time (user + system) of a process and all its living descendants, in seconds.

    Linux only (/proc); 0.0 elsewhere.
    """
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            stat = Path(f"/proc/{current}/stat").read_text()
            # The fields after the command's closing parenthesis: utime and stime are 14 and 15.
            rest = stat[stat.rindex(")") + 2 :].split()
            total += (int(rest[11]) + int(rest[12])) / tick
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                pending.extend(int(child) for child in children)
        except (OSError, ValueError):
            continue
    return total


@contextmanager
def server(database_url: str, workers: int = 1) -> Iterator[Server]:
    with socket_port() as port:
        command = [sys.executable, "-m", "city_server", "--db", database_url, "serve"]
        command += ["--port", str(port), "--workers", str(workers)]
        log = Path(tempfile.mkstemp(prefix="city-server-", suffix=".log")[1])
        with log.open("w") as sink:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
    base = Server(f"http://127.0.0.1:{port}")
    base.pid = process.pid
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/v1/health", timeout=1).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise SystemExit("the city server did not start") from None
                time.sleep(0.1)
        yield base
    except BaseException:
        print(f"the city server's log: {log}", file=sys.stderr)
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def socket_port() -> Iterator[int]:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    yield port


def new_station(database_url: str, base: str, folder: Path) -> tuple[Any, Any, Any]:
    """A set-up station enrolled with the server: its database, session and credentials."""
    folder.mkdir(parents=True)
    os.environ["STATION_APP_NO_KEYRING"] = "1"
    db = open_database(paths.database_path(folder), backups=paths.backups_dir(folder))
    admin = AdminInput("admin", "王芳", "secret-123", "secret-123")
    session = set_up_station(db, CommunityInput(COMMUNITY, "人民路社区", "东城街道"), admin)
    engine = make_engine(database_url)
    with session_factory(engine)() as s, s.begin():
        _summary, code = add_station(s, [COMMUNITY], code_ttl=timedelta(days=1))
    engine.dispose()
    credentials, _where = enroll_station(folder, base, code)
    return db, session, credentials


ENGINES: dict[str, SyncEngine] = {}


def timed_sync(db: Any, base: str, credentials: Any) -> tuple[float, SyncReport]:
    """One sync, timed; the engine (its client and token) is kept, as the counter app does."""
    engine = ENGINES.get(credentials.station_id)
    if engine is None:
        engine = ENGINES[credentials.station_id] = SyncEngine(db, CityClient(base), credentials)
    started = time.perf_counter()
    report = engine.run()
    return time.perf_counter() - started, report


def median_of(runs: int, measure: Any) -> float:
    return statistics.median(measure() for _ in range(runs))


def edit_locally(session: Any, count: int, rng: random.Random) -> None:
    with session.write("bench") as tx:
        ids = tx.session.query(Resident.id).limit(count * 20).all()
        for (resident_id,) in rng.sample(ids, count):
            tx.session.get(Resident, resident_id).phone = f"138{rng.randrange(10**8):08d}"


def raw_sqlite_reference(records: int) -> float:
    """Decoding the same rows from JSON and upserting them into SQLite, 500 per transaction."""
    scope = community_id_for(COMMUNITY)
    payload = json.dumps([resident_fields(n, scope) | {"id": str(n)} for n in range(records)])
    folder = tempfile.mkdtemp()
    con = sqlite3.connect(os.path.join(folder, "raw.sqlite"))
    con.execute("pragma journal_mode=wal")
    con.execute("pragma synchronous=normal")
    columns = ["id", *resident_fields(0, scope)]
    con.execute(f"create table r ({', '.join(c + ' text' for c in columns)}, primary key (id))")
    marks = ",".join("?" * len(columns))
    started = time.perf_counter()
    rows = json.loads(payload)
    for i in range(0, records, 500):
        with con:
            con.executemany(
                f"insert into r values ({marks}) on conflict(id) do update set name=excluded.name",
                [
                    tuple(json.dumps(r[c]) if isinstance(r[c], list) else r[c] for c in columns)
                    for r in rows[i : i + 500]
                ],
            )
    return time.perf_counter() - started


def pouchdb_reference(folder: Path, records: int, changes: int) -> dict[str, Any] | None:
    script = folder / "bench.js"
    if not script.exists():
        print(f"  (no PouchDB benchmark in {folder}: skipped)")
        return None
    env = {**os.environ, "N": str(records), "K": str(changes)}
    done = subprocess.run(
        ["node", str(script)], cwd=folder, env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        print(f"  (PouchDB failed: {done.stderr.strip()[:200]})")
        return None
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def station_round(args: argparse.Namespace, records: int, work: Path) -> dict[str, float]:
    """One station against a fresh city of `records` residents: the figures of one size."""
    database_url = args.db or f"sqlite:///{work / f'city-{records}.sqlite'}"
    if args.db:
        engine = make_engine(args.db)
        drop_schema(engine)
        engine.dispose()
    seed_city(database_url, records)
    rng = random.Random(7)
    figures: dict[str, float] = {}
    with server(database_url) as base:
        db, session, credentials = new_station(database_url, base, work / f"station-{records}")
        seconds, report = timed_sync(db, base, credentials)
        figures["initial_s"] = seconds
        figures["initial_records"] = report.snapshot + report.pulled
        other_db, other_session, other_credentials = new_station(
            database_url, base, work / f"other-{records}"
        )
        timed_sync(other_db, base, other_credentials)
        # K changes made at another station, then brought here.
        edit_locally(other_session, args.changes, rng)
        timed_sync(other_db, base, other_credentials)
        figures["changes_ms"] = timed_sync(db, base, credentials)[0] * 1000
        figures["noop_ms"] = median_of(5, lambda: timed_sync(db, base, credentials)[0] * 1000)
        # The first push of K local changes after the initial sync, and a second one.
        edit_locally(session, args.changes, rng)
        figures["first_push_ms"] = timed_sync(db, base, credentials)[0] * 1000
        edit_locally(session, args.changes, rng)
        figures["second_push_ms"] = timed_sync(db, base, credentials)[0] * 1000
        db.close()
        other_db.close()
    return figures


async def many_stations(args: argparse.Namespace, work: Path) -> dict[str, float]:
    """S stations, each its own community, syncing at once: a push of 10 with the hello, a pull."""
    assert args.db
    engine = make_engine(args.db)
    drop_schema(engine)
    upgrade_schema(engine)
    codes = []
    with session_factory(engine)() as s, s.begin():
        for n in range(args.stations):
            codes.append(add_station(s, [f"SIM{n:04d}"], code_ttl=timedelta(days=1))[1])
    engine.dispose()
    latencies: list[float] = []
    cpu = {"push": 0.0, "pull": 0.0, "all": 0.0}
    counts = {"push": 0, "pull": 0}
    with server(args.db, workers=args.workers) as base:
        limits = httpx.Limits(max_connections=args.stations * 2, keepalive_expiry=2.0)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
            tokens = []
            for n, code in enumerate(codes):
                body = (await http.post("/v1/enrol", json={"code": code})).json()
                token = (
                    await http.post(
                        "/v1/token",
                        json={"station_id": body["station_id"], "secret": body["secret"]},
                    )
                ).json()
                tokens.append((community_id_for(f"SIM{n:04d}"), token["access_token"]))

            async def call(token: str, path: str, payload: dict[str, Any]) -> dict[str, Any]:
                counts[path.rsplit("/", 1)[-1]] += 1
                started = time.perf_counter()
                answer = await http.post(
                    path, json=payload, headers={"Authorization": f"Bearer {token}"}
                )
                latencies.append((time.perf_counter() - started) * 1000)
                answer.raise_for_status()
                return dict(answer.json())

            cursors = [0] * len(tokens)

            async def push(n: int, round_: int, count: int = 10) -> None:
                scope, token = tokens[n]
                changes = [
                    {
                        "change_id": f"{n:08x}-{round_:04x}-7000-8000-{k:012x}",
                        "entity": "resident",
                        "id": f"{n:08x}-0000-7000-8000-{(round_ * 1000 + k):012x}",
                        "scope_id": scope,
                        "op": "create",
                        "fields": resident_fields(n * 100_000 + round_ * 1000 + k, scope),
                        "base_version": 0,
                    }
                    for k in range(count)
                ]
                # As the station app does: the hello folded into the push, then the pull.
                hello = {"protocol": 1, "cursor": cursors[n]}
                await call(token, "/v1/sync/push", {"changes": changes, "hello": hello})

            async def pull(n: int) -> None:
                _scope, token = tokens[n]
                more = True
                while more:
                    page = await call(token, "/v1/sync/pull", {"cursor": cursors[n], "limit": 1000})
                    cursors[n], more = page["cursor"], page["more"]

            async def station(n: int) -> None:
                rng = random.Random(n)
                if args.after_outage:
                    # The network returns for every station at once; each syncs when the
                    # app's own timing says (sync/timing.py), with what it did offline.
                    await asyncio.sleep(after_network_delay(rng))
                    await push(n, 0, args.pending)
                    await pull(n)
                    return
                for round_ in range(args.rounds):
                    await asyncio.sleep(rng.uniform(0, args.spread))
                    await push(n, round_)
                    await pull(n)

            async def measured(what: str, work: Any) -> None:
                before = server_cpu_s(base.pid)
                await work
                cpu[what] += server_cpu_s(base.pid) - before

            everyone = range(len(tokens))
            cpu_before = server_cpu_s(base.pid)
            started = time.perf_counter()
            if args.split:  # each round: every station's push at once, then every pull
                for round_ in range(args.rounds):
                    await measured("push", asyncio.gather(*(push(n, round_) for n in everyone)))
                    await measured("pull", asyncio.gather(*(pull(n) for n in everyone)))
            else:
                await asyncio.gather(*(station(n) for n in everyone))
            wall = time.perf_counter() - started
            cpu["all"] = server_cpu_s(base.pid) - cpu_before
    ordered = sorted(latencies)

    def pct(share: float) -> float:
        return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]

    return {
        "requests": len(ordered),
        "wall_s": wall,
        "p50_ms": pct(0.5),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "cpu_ms": cpu["all"] * 1000 / max(1, len(ordered)),
        "push_cpu_ms": cpu["push"] * 1000 / max(1, counts["push"]),
        "pull_cpu_ms": cpu["pull"] * 1000 / max(1, counts["pull"]),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=100)
    parser.add_argument("--db", help="the server's database (default: SQLite in a temp folder)")
    parser.add_argument("--pouchdb", type=Path, help="a folder with the PouchDB peer installed")
    parser.add_argument("--stations", type=int, default=0, help="simulated stations (with --db)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spread", type=float, default=1.0, help="seconds each start spreads")
    parser.add_argument(
        "--after-outage",
        action="store_true",
        help="the stations' network returns at once; each syncs after the app's own delay",
    )
    parser.add_argument(
        "--pending", type=int, default=50, help="with --after-outage: changes made offline"
    )
    parser.add_argument(
        "--split", action="store_true", help="pushes and pulls apart, to tell their CPU apart"
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    if args.stations:
        figures = asyncio.run(many_stations(args, work))
        what = (
            f"{args.stations} stations back after an outage, {args.pending} changes each, "
            f"each syncing when the app's timing says ({args.workers} workers): "
            if args.after_outage
            else f"{args.stations} stations × {args.rounds} syncs ({args.workers} workers): "
        )
        print(
            what + f"{figures['requests']} requests in {figures['wall_s']:.1f} s; p50 "
            f"{figures['p50_ms']:.0f} ms, p95 {figures['p95_ms']:.0f} ms, p99 "
            f"{figures['p99_ms']:.0f} ms (target ≤ {TARGETS['p99_ms']:.0f})"
        )
        load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
        print(
            f"  server CPU per request: {figures['cpu_ms']:.1f} ms"
            + (
                f" (push {figures['push_cpu_ms']:.1f} ms, pull {figures['pull_cpu_ms']:.1f} ms)"
                if args.split
                else ""
            )
            + f"; load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
        )
        return 0
    big = station_round(args, args.records, work)
    small = station_round(args, max(1000, args.records // 10), work)
    raw = raw_sqlite_reference(args.records)
    print(
        f"initial sync of {args.records} residents: {big['initial_s']:.2f} s "
        f"({args.records / big['initial_s']:,.0f}/s; target ≤ {TARGETS['initial_s']} s)"
    )
    print(
        f"  raw SQLite JSON upsert of the same rows: {raw:.2f} s; "
        f"ratio {big['initial_s'] / raw:.1f}×"
    )
    print(
        f"{args.changes} changes from another station: {big['changes_ms']:.0f} ms "
        f"(target ≤ {TARGETS['changes_ms']:.0f})"
    )
    print(f"no-op sync (median of 5): {big['noop_ms']:.1f} ms (target ≤ {TARGETS['noop_ms']:.0f})")
    print(
        f"first push of {args.changes} after the initial sync: {big['first_push_ms']:.0f} ms at "
        f"{args.records}, {small['first_push_ms']:.0f} ms at {max(1000, args.records // 10)} "
        f"(ratio {big['first_push_ms'] / small['first_push_ms']:.2f}); second push "
        f"{big['second_push_ms']:.0f} ms"
    )
    if args.pouchdb:
        peer = pouchdb_reference(args.pouchdb, args.records, args.changes)
        if peer:
            print(
                f"PouchDB, same N and K: initial {peer['initMs'] / 1000:.2f} s "
                f"(ours {big['initial_s'] / (peer['initMs'] / 1000):.2f}× its time), "
                f"{args.changes} changes {peer['incMs']} ms, no-op {peer['noopMs']} ms, "
                f"first push {peer['pushMs']} ms, second push {peer['push2Ms']} ms"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
