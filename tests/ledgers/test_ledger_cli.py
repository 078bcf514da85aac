"""`station-app import|export|template`: exit codes, dry runs, reports, English messages."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from station_app.cli import main
from station_app.database import Database
from tests.conftest import ADMIN_PASSWORD, ADMIN_USERNAME
from tests.ledgers.ledger_files import id_number, write_book


@pytest.fixture(autouse=True)
def password(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STATION_APP_PASSWORD", ADMIN_PASSWORD)


def run(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def ledger(tmp_path: Path, *, bad: bool) -> Path:
    rows = [
        ["姓名", "身份证号", "就业状态"],
        ["蒋一", id_number(serial="061"), "未就业"],
        ["沈二", id_number(serial="063"), "单位就业"],
    ]
    if bad:
        rows.append(["韩三", 341282199003070651.0, "未就业"])
    return write_book(tmp_path / ("bad.xlsx" if bad else "good.xlsx"), {"S": rows})


def test_a_dry_run_reports_and_saves_nothing(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "report.xlsx"
    code = run(
        data_dir,
        "import",
        "residents",
        str(ledger(tmp_path, bad=True)),
        "--user",
        ADMIN_USERNAME,
        "--dry-run",
        "--report",
        str(report),
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "2 new" in out and "1 refused" in out
    assert "sheet S, row 4, column B (身份证号): Excel stored this ID number as a number" in out
    assert "Dry run: nothing was saved." in out
    sheet = load_workbook(report).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("S", 4, "B", "身份证号")
    assert "Excel 把此身份证号存成了数字" in str(rows[1][4])
    # Nothing was saved: a real import finds both good rows new.
    assert (
        run(
            data_dir,
            "import",
            "residents",
            str(ledger(tmp_path, bad=False)),
            "--user",
            ADMIN_USERNAME,
        )
        == 0
    )
    assert "Saved: 2 new" in capsys.readouterr().out


def test_all_or_nothing_saves_nothing_when_a_row_is_bad(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = str(ledger(tmp_path, bad=True))
    assert (
        run(data_dir, "import", "residents", bad, "--user", ADMIN_USERNAME, "--all-or-nothing") == 1
    )
    assert "nothing was saved" in capsys.readouterr().out
    assert run(data_dir, "import", "residents", bad, "--user", ADMIN_USERNAME) == 1
    assert "Saved: 2 new" in capsys.readouterr().out
    # Again: both are registered and unchanged; the bad row still keeps the exit code 1.
    assert run(data_dir, "import", "residents", bad, "--user", ADMIN_USERNAME) == 1
    assert "0 new" in capsys.readouterr().out


def test_export_and_template(
    db: Database, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(data_dir, "import", "residents", str(ledger(tmp_path, bad=False)), "--user", ADMIN_USERNAME)
    target = tmp_path / "export.xlsx"
    assert run(data_dir, "export", "residents", str(target), "--user", ADMIN_USERNAME) == 0
    assert "Exported 2 residents" in capsys.readouterr().out
    assert run(data_dir, "import", "residents", str(target), "--user", ADMIN_USERNAME) == 0
    assert "0 new, 0 registered with changes, 2 registered unchanged" in capsys.readouterr().out
    template = tmp_path / "template.xlsx"
    assert run(data_dir, "template", "jobs", str(template)) == 0
    sheet = load_workbook(template).active
    assert sheet is not None
    assert sheet["A1"].value == "单位信用代码*"


def test_wrong_password_and_missing_file_are_one_line_each(
    db: Database,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert (
        run(data_dir, "import", "residents", str(tmp_path / "none.xlsx"), "--user", ADMIN_USERNAME)
        == 2
    )
    assert "error: there is no file" in capsys.readouterr().err
    monkeypatch.setenv("STATION_APP_PASSWORD", "wrong")
    assert (
        run(data_dir, "export", "employers", str(tmp_path / "e.xlsx"), "--user", ADMIN_USERNAME)
        == 2
    )
    assert "wrong user name or password" in capsys.readouterr().err
