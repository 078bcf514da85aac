"""Writes the stored databases the upgrade tests start from (run once per new revision).

Each file is a station database exactly as an earlier release left it, with a few rows in
every table, so tests prove an upgrade keeps everything. Usage: python build_stored_databases.py
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from station_app.database import create_sqlite_engine, upgrade

HERE = Path(__file__).resolve().parent
STAMP = "2026-03-01 08:00:00.000000"
COMMON = "scope_id, row_version, deleted, created_at, updated_at, updated_by"


def build_rev0001(path: Path) -> None:
    path.unlink(missing_ok=True)
    engine = create_sqlite_engine(path)
    upgrade(engine, "0001")
    engine.dispose()
    con = sqlite3.connect(path)
    c = "c0000000-0000-7000-8000-000000000001"
    rows = [
        (
            f"INSERT INTO communities (id, code, name, street, latitude, longitude, {COMMON}) "
            "VALUES (?, 'T-001', '测试社区', '东城街道', 33.26, 115.37, "
            "'city', 1, 0, ?, ?, 'admin')",
            (c, STAMP, STAMP),
        ),
        (
            f"INSERT INTO users (id, username, display_name, password_hash, role, active, {COMMON})"
            " VALUES ('u0000000-0000-7000-8000-000000000001', 'admin', '管理员', "
            "'$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$Zm9vYmFyYmF6', 'admin', 1, "
            "?, 1, 0, ?, ?, 'admin')",
            (c, STAMP, STAMP),
        ),
        (
            "INSERT INTO station_settings (key, value) VALUES ('station_community_id', ?)",
            (c,),
        ),
        ("INSERT INTO station_settings (key, value) VALUES ('demo_data', '0')", ()),
    ]
    residents = [
        ("r0000000-0000-7000-8000-000000000001", "341282199001011234", "张伟", "M", "1990-01-01"),
        ("r0000000-0000-7000-8000-000000000002", "341282198506150024", "曾丽", "F", "1985-06-15"),
        (
            "r0000000-0000-7000-8000-000000000003",
            "341282200203040047",
            "欧阳娜娜",
            "F",
            "2002-03-04",
        ),
    ]
    for rid, number, name, sex, birth in residents:
        rows.append(
            (
                "INSERT INTO residents (id, id_number, name, sex, birth_date, phone, address, "
                "community_id, household_type, education, skills, desired_occupation, "
                "desired_salary_fen, employment_status, consent_given, consent_date, notes, "
                f"{COMMON}) VALUES (?, ?, ?, ?, ?, '13912345678', '人民路1号', ?, 'urban', '20', "
                "'[]', NULL, 450000, 'unemployed', 1, '2026-03-01', '旧版本数据', "
                "?, 1, 0, ?, ?, 'admin')",
                (rid, number, name, sex, birth, c, c, STAMP, STAMP),
            )
        )
        rows.append(
            (
                "INSERT INTO resident_key_groups (resident_id, key_group) VALUES (?, 'unemployed')",
                (rid,),
            )
        )
        rows.append(
            (
                "INSERT INTO employment_status_changes (id, resident_id, status, since, note, "
                f"{COMMON}) VALUES (?, ?, 'unemployed', '2026-03-01', NULL, "
                "?, 1, 0, ?, ?, 'admin')",
                ("s" + rid[1:], rid, c, STAMP, STAMP),
            )
        )
    for sql, params in rows:
        con.execute(sql, params)
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")
    con.close()


def build_city_create_all(path: Path) -> None:
    """The city server's database as its versions before migrations made it (`create_all`),
    with one station. Run with the code of such a version (tables of revision 0001)."""
    from datetime import datetime

    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from city_server import models
    from city_server.database import Base

    path.unlink(missing_ok=True)
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        station = models.Station(
            id="4c0c3d2e-5a0e-4d39-9a43-6f3f2ad0e001",
            name="DEMO-001",
            status=models.StationStatus.PENDING,
            created_at=datetime(2026, 12, 1, 8, 0),
        )
        station.communities.append(models.StationCommunity(community_code="DEMO-001"))
        session.add(station)
        session.add(models.SigningKey(id=1, secret=b"k" * 64))
        session.add(models.SyncCounter(id=1, value=0, horizon=0))
    engine.dispose()


if __name__ == "__main__":
    build_rev0001(HERE / "station-rev0001.sqlite")
    # build_city_create_all(HERE / "city-server-create-all.sqlite"): once, already stored.
