"""A 50,000-row residents' ledger imported into a copy of the scale database (target ≤ 10 s).

The import is the command line's own (`station-app import residents FILE.xlsx`: log in, read,
check, match, print, save in one transaction), timed beside openpyxl (read-only) and
python-calamine merely reading the same file, and after a dry run of it. Each run reads the
file with both, then imports it into a fresh copy of the scale database; the runs repeat
(`--runs`, 3), and the medians are reported with the median of each run's ratio to openpyxl
(steadier on a shared machine than one run).
Run: python -m benchmarks.bench_ledger_import [--rows N] [--runs N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
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
RUNS = 3
OPENPYXL = "openpyxl read-only, reading only"
CALAMINE = "python-calamine, reading only"
DRY_RUN = "import --dry-run: log in, read, check, match"
IMPORT = "import: the same, then save in one transaction"
SHORT = {OPENPYXL: "openpyxl", CALAMINE: "calamine", DRY_RUN: "dry run", IMPORT: "import"}
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
    parser.add_argument("--runs", type=int, default=RUNS)
    parser.add_argument("--data-dir", type=Path, help="default: the scale database")
    args = parser.parse_args(argv)
    if args.runs < 1 or args.rows < 1:
        parser.error("--rows and --runs must be at least 1")
    source = paths.database_path(args.data_dir or scale_data_dir())
    os.environ[PASSWORD_ENV] = DEMO_PASSWORD
    runs: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        ledger = work / "ledger.xlsx"
        write_ledger(ledger, args.rows, community_names(source))
        for run in range(args.runs):
            times, status, preview, output = one_run(source, work / f"run{run}", ledger)
            runs.append(times)
            print(
                f"run {run + 1}: "
                + ", ".join(f"{label} {times[step]:.2f} s" for step, label in SHORT.items())
                + f"; import / openpyxl {times[IMPORT] / times[OPENPYXL]:.1f}x"
            )
            if status != 0 or not preview:
                print(output)
                return 1
    medians = {step: statistics.median(t[step] for t in runs) for step in runs[0]}
    ratio = statistics.median(t[IMPORT] / t[OPENPYXL] for t in runs)
    print(f"{args.rows:,} rows, {args.runs} run(s); the CLI said:")
    print("\n".join("    " + line for line in output.splitlines()[:3]))
    print("  medians:")
    for step, seconds in medians.items():
        print(f"  {step:<48} {seconds:6.2f} s")
    print(f"  target for the import: <= {TARGET_S:.0f} s")
    print(
        f"  import / openpyxl merely reading: {ratio:.1f}x (median of the runs' ratios); "
        f"dry run / openpyxl: {medians[DRY_RUN] / medians[OPENPYXL]:.1f}x; "
        f"openpyxl / calamine reading: {medians[OPENPYXL] / medians[CALAMINE]:.1f}x"
    )
    print("  load average (1, 5, 15 min): " + ", ".join(f"{n:.2f}" for n in os.getloadavg()))
    return 0 if medians[IMPORT] <= TARGET_S else 1


def community_names(source: Path) -> list[str]:
    db = open_database(source)
    try:
        with db.session() as session:
            return list(session.scalars(select(Community.name).order_by(Community.code)))
    finally:
        db.close()


def one_run(source: Path, work: Path, ledger: Path) -> tuple[dict[str, float], int, str, str]:
    """Both readers on the file, then a dry run and the import into a fresh copy of `source`
    (deleted afterwards): the times, the import's exit status, the dry run's and its output."""
    data_dir = work / "data"
    database = paths.database_path(data_dir)
    database.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, database)
    os.sync()  # the copy on disk before any clock starts
    times: dict[str, float] = {}
    try:
        # The same file, read by each after it is warm in the system's cache.
        timed(OPENPYXL, times, read_openpyxl, ledger)
        timed(CALAMINE, times, read_calamine, ledger)
        _status, preview = timed(DRY_RUN, times, run_cli_import, data_dir, ledger, dry_run=True)
        status, output = timed(IMPORT, times, run_cli_import, data_dir, ledger, dry_run=False)
    finally:
        shutil.rmtree(work)
    return times, status, preview, output


if __name__ == "__main__":
    raise SystemExit(main())
