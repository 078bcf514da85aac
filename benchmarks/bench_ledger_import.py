"""A 50,000-row residents' ledger imported into a copy of the scale database (target ≤ 10 s).

Prints the time of each step beside openpyxl (read-only) and python-calamine merely reading the
same file, and the ratio of the import to that read.
Run: python -m benchmarks.bench_ledger_import [--rows N]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from benchmarks.scale_database import scale_data_dir
from station_app import paths
from station_app.database import open_database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
from station_app.ledgers.importer import RowAction, commit_import, plan_import
from station_app.models import Community
from station_app.services.auth import log_in
from station_app.validation import compute_id_check_character

TARGET_S = 10.0
ROWS = 50_000
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


def timed(step: str, times: dict[str, float], function, *args):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    times[step] = time.perf_counter() - started
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument("--data-dir", type=Path, help="default: the scale database")
    args = parser.parse_args(argv)
    source = paths.database_path(args.data_dir or scale_data_dir())
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        database = work / "station.sqlite"
        shutil.copyfile(source, database)
        ledger = work / "ledger.xlsx"
        db = open_database(database, backups=work / "backups")
        with db.session() as session:
            names = list(session.scalars(select(Community.name).order_by(Community.code)))
        db.close()
        write_ledger(ledger, args.rows, names)
        times: dict[str, float] = {}
        timed("openpyxl read-only, reading only", times, read_openpyxl, ledger)
        timed("python-calamine, reading only", times, read_calamine, ledger)
        db = open_database(database, backups=work / "backups")
        station = log_in(db, DEMO_USERNAME, DEMO_PASSWORD)
        with station.read() as rx:
            plan = timed(
                "plan: read, parse, check, match", times, plan_import, rx, "residents", ledger
            )
        result = timed("commit: save in one transaction", times, commit_import, station, plan)
        db.close()
    total = times["plan: read, parse, check, match"] + times["commit: save in one transaction"]
    reading = times["openpyxl read-only, reading only"]
    print(
        f"{args.rows:,} rows, {plan.counts[RowAction.NEW]:,} new, "
        f"{plan.counts[RowAction.REJECTED]:,} refused; {result.created:,} saved"
    )
    for step, seconds in times.items():
        print(f"  {step:<36} {seconds:6.2f} s")
    print(f"  {'import in all':<36} {total:6.2f} s   target <= {TARGET_S:.0f} s")
    print(
        f"  import / openpyxl merely reading: {total / reading:.1f}x; "
        f"openpyxl / calamine reading: {reading / times['python-calamine, reading only']:.1f}x"
    )
    return 0 if total <= TARGET_S and not plan.counts[RowAction.REJECTED] else 1


if __name__ == "__main__":
    raise SystemExit(main())
