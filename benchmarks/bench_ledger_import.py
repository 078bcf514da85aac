"""A 50,000-row residents' ledger imported into a copy of the scale database (target ≤ 10 s).

The import is the command line's own (`station-app import residents FILE.xlsx`: log in, read,
check, match, print, save in one transaction), timed beside openpyxl (read-only) and
python-calamine merely reading the same file in the same run, and after a dry run of it.
Run: python -m benchmarks.bench_ledger_import [--rows N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import tempfile
import time
from contextlib import redirect_stdout
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from benchmarks.scale_database import scale_data_dir
from station_app import paths
from station_app.command_login import PASSWORD_ENV
from station_app.database import open_database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
from station_app.ledgers.command_line import run_import
from station_app.models import Community
from station_app.validation import compute_id_check_character

TARGET_S = 10.0
ROWS = 50_000
OPENPYXL = "openpyxl read-only, reading only"
CALAMINE = "python-calamine, reading only"
DRY_RUN = "import --dry-run: log in, read, check, match"
IMPORT = "import: the same, then save in one transaction"
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉建国红梅志文斌浩宇欣怡婷"
STATUSES = ("未就业", "单位就业", "灵活就业", "自主创业", "暂无就业意愿")
GROUPS = ("", "", "", "就业困难人员", "农民工", "脱贫劳动力、农民工", "退役军人", "低保对象")


def write_ledger(path: Path, rows: int, communities: list[str], seed: int = 11) -> None:
    """A ledger as a community keeps it: title row, dates in several spellings, spaces."""
    rng = random.Random(seed)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("居民台账")
    sheet.append(["界首市东城街道居民就业台账"])
    sheet.append(
        [
            "序号",
            "姓名",
            "公民身份号码",
            "联系电话",
            "就业状态",
            "重点群体",
            "住址",
            "同意日期",
            "所属社区",
        ]
    )
    used: set[str] = set()
    start = date(1960, 1, 1)
    for n in range(rows):
        while True:
            born = start + timedelta(days=rng.randrange(0, 365 * 45))
            # A county code the demo does not use: these residents are all new.
            body = f"341203{born:%Y%m%d}{rng.randrange(0, 1000):03d}"
            number = body + compute_id_check_character(body)
            if number not in used:
                used.add(number)
                break
        signed = born + timedelta(days=365 * 20)
        when = (
            signed.isoformat(),
            f"{signed.year}/{signed.month}/{signed.day}",
            f"{signed.year}年{signed.month}月{signed.day}日",
            f"{signed:%Y%m%d}",
        )[n % 4]
        name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))
        sheet.append(
            [
                n + 1,
                name if n % 7 else f" {name} ",
                number.lower() if n % 13 == 0 else number,
                f"1{rng.choice('3578')}{rng.randrange(0, 10**9):09d}",
                rng.choice(STATUSES),
                rng.choice(GROUPS),
                f"东城街道人民路{rng.randrange(1, 300)}号",
                when,
                rng.choice(communities),
            ]
        )
    workbook.save(path)


def read_openpyxl(path: Path) -> int:
    workbook = load_workbook(path, read_only=True, data_only=True)
    count = sum(1 for sheet in workbook.worksheets for _row in sheet.iter_rows(values_only=True))
    workbook.close()
    return count


def read_calamine(path: Path) -> int:
    workbook = CalamineWorkbook.from_path(str(path))
    count = sum(len(workbook.get_sheet_by_name(n).to_python()) for n in workbook.sheet_names)
    workbook.close()
    return count


def timed(step: str, times: dict[str, float], function, *args, **kwargs):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args, **kwargs)
    times[step] = time.perf_counter() - started
    return result


def run_cli_import(data_dir: Path, ledger: Path, *, dry_run: bool) -> tuple[int, str]:
    """`station-app import residents FILE.xlsx [--dry-run] --user demo`, as the CLI runs it:
    log in, read, check, match, print the plan and (unless a dry run) save in one transaction."""
    output = io.StringIO()
    with redirect_stdout(output):
        status = run_import(
            data_dir,
            "residents",
            ledger,
            DEMO_USERNAME,
            dry_run=dry_run,
            report=None,
            update=False,
            all_or_nothing=False,
        )
    return status, output.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--data-dir", type=Path, help="default: the scale database")
    args = parser.parse_args(argv)
    source = paths.database_path(args.data_dir or scale_data_dir())
    os.environ[PASSWORD_ENV] = DEMO_PASSWORD
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        data_dir = work / "data"
        database = paths.database_path(data_dir)
        database.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, database)
        ledger = work / "ledger.xlsx"
        db = open_database(database, backups=paths.backups_dir(data_dir))
        with db.session() as session:
            names = list(session.scalars(select(Community.name).order_by(Community.code)))
        db.close()
        write_ledger(ledger, args.rows, names)
        os.sync()  # the copy and the ledger on disk before any clock starts
        times: dict[str, float] = {}
        # The same file, read by each after it is warm in the system's cache.
        timed(OPENPYXL, times, read_openpyxl, ledger)
        timed(CALAMINE, times, read_calamine, ledger)
        _status, preview = timed(DRY_RUN, times, run_cli_import, data_dir, ledger, dry_run=True)
        status, output = timed(IMPORT, times, run_cli_import, data_dir, ledger, dry_run=False)
    total, reading = times[IMPORT], times[OPENPYXL]
    print(f"{args.rows:,} rows; the CLI said:")
    print("\n".join("    " + line for line in output.splitlines()[:3]))
    for step, seconds in times.items():
        print(f"  {step:<48} {seconds:6.2f} s")
    print(f"  target for the import: <= {TARGET_S:.0f} s")
    print(
        f"  import / openpyxl merely reading: {total / reading:.1f}x; "
        f"dry run / openpyxl: {times[DRY_RUN] / reading:.1f}x; "
        f"openpyxl / calamine reading: {reading / times[CALAMINE]:.1f}x"
    )
    print("  load average (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in os.getloadavg()))
    return 0 if total <= TARGET_S and status == 0 and preview else 1


if __name__ == "__main__":
    raise SystemExit(main())
