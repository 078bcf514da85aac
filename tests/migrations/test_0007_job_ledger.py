"""Revision 0007: the job ledger's tables, and employers' pinyin keys filled in for those there."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, inspect

from station_app.services.name_pinyin import plain_keys
from tests.migrations.revisions import migrate

EMPLOYERS = ("界首市恒信食品有限公司", "阜阳纺织厂", "Acme 界首")


def test_upgrade_from_0005_with_employers(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    migrate(path, "0005")
    with sqlite3.connect(path) as con:
        for number, name in enumerate(EMPLOYERS):
            con.execute(
                "INSERT INTO employers (id, scope_id, row_version, deleted, created_at, "
                "updated_at, name, credit_code, employer_type, key_enterprise) "
                "VALUES (?, 'city', 1, 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00', ?, ?, "
                "'enterprise', 0)",
                (f"e{number}", name, f"code{number}"),
            )
    migrate(path, "0007")
    with sqlite3.connect(path) as con:
        keys = dict(con.execute("SELECT name, name_pinyin FROM employers"))
    assert keys["界首市恒信食品有限公司"] == "jieshoushihengxinshipinyouxiangongsi jsshxspyxgs"
    assert keys["阜阳纺织厂"] == "fuyangfangzhichang fyfzc"
    # The frozen copy agrees with today's code.
    assert keys == {name: plain_keys(name) for name in EMPLOYERS}
    engine = create_engine(f"sqlite:///{path}")
    try:
        tables = set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    assert {"job_status_changes", "employer_contacts"} <= tables


def test_downgrade_to_0005_drops_them(tmp_path: Path) -> None:
    path = tmp_path / "station.sqlite"
    migrate(path, "0007")
    migrate(path, "0005", down=True)
    engine = create_engine(f"sqlite:///{path}")
    try:
        inspector = inspect(engine)
        assert "job_status_changes" not in inspector.get_table_names()
        assert "name_pinyin" not in {c["name"] for c in inspector.get_columns("employers")}
    finally:
        engine.dispose()
