"""Importing employers' and jobs' ledgers: credit codes, the employer of a job, re-imports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.ledgers.importer import MatchChoice, RowAction, commit_import, plan_import
from station_app.ledgers.writer import write_export
from station_app.models import Employer, EmployerType, Job, JobKind, JobStatus
from tests.ledgers.ledger_files import credit_code, write_book

CODE_A = credit_code("91341282MA2T0001")
CODE_B = credit_code("91341282MA2T0002")


def plan(station: StationSession, kind: str, path: Path):  # type: ignore[no-untyped-def]
    with station.read() as rx:
        return plan_import(rx, kind, path)


def employers_ledger(tmp_path: Path) -> Path:
    rows = [
        ["界首市用人单位名录"],
        ["企业名称", "统一社会信用代码", "单位性质", "联系人", "联系方式", "是否重点企业"],
        ["界首市光明纺织有限公司", CODE_A.lower(), "企业", "刘经理", "0558-4812345", "是"],
        ["老王早餐店", " " + CODE_B[:9] + " " + CODE_B[9:], "个体工商户", "", "", "否"],
        ["无名公司", "91341282MA2T00000", "企业", "", "", ""],
    ]
    return write_book(tmp_path / "employers.xlsx", {"名录": rows}, merged={"名录": ["A1:F1"]})


def test_employers_are_matched_by_credit_code_and_checked(
    station: StationSession, tmp_path: Path
) -> None:
    result = plan(station, "employers", employers_ledger(tmp_path))
    assert [row.action for row in result.rows] == [
        RowAction.NEW,
        RowAction.NEW,
        RowAction.REJECTED,
    ]
    assert {p.code for p in result.problems} == {"credit_code.length"}
    assert commit_import(station, result).created == 2
    with station.read() as rx:
        stored = {e.credit_code: e for e in rx.session.scalars(select(Employer))}
        assert stored[CODE_A].key_enterprise
        assert stored[CODE_A].contact_phone == "0558-4812345"
        assert stored[CODE_B].employer_type is EmployerType.INDIVIDUAL_BUSINESS
    again = plan(station, "employers", employers_ledger(tmp_path))
    assert again.counts[RowAction.UNCHANGED] == 2


def test_jobs_need_a_registered_employer_and_re_import_unchanged(
    station: StationSession, tmp_path: Path
) -> None:
    commit_import(station, plan(station, "employers", employers_ledger(tmp_path)))
    rows = [
        [
            "单位信用代码",
            "岗位",
            "用工形式",
            "需求人数",
            "最低月薪",
            "最高月薪",
            "登记日期",
            "有效期至",
        ],
        [CODE_A, "挡车工", "全职", "5人", "3,000", 4500, "2024/3/1", "2024年12月31日"],
        [CODE_A, "保洁员", "公益性岗位", 2, "", "", 45352, ""],
        [credit_code("91341282MA2T0009"), "店员", "全职", 1, "", "", "2024-03-01", ""],
        [CODE_B, "帮厨", "全职", 0, 5000, 3000, "2024-03-01", "2024-01-01"],
    ]
    path = write_book(tmp_path / "jobs.xlsx", {"岗位": rows})
    result = plan(station, "jobs", path)
    assert [row.action for row in result.rows] == [
        RowAction.NEW,
        RowAction.NEW,
        RowAction.REJECTED,
        RowAction.REJECTED,
    ]
    codes = {(p.row, p.code) for p in result.problems}
    assert (4, "job.employer_unknown") in codes
    assert {(5, "job.headcount"), (5, "job.salary_order"), (5, "job.valid_to")} <= codes
    commit_import(station, result)
    with station.read() as rx:
        jobs = {j.title: j for j in rx.session.scalars(select(Job))}
    assert jobs["挡车工"].headcount == 5
    assert (jobs["挡车工"].salary_min_fen, jobs["挡车工"].salary_max_fen) == (300000, 450000)
    assert jobs["挡车工"].valid_to == date(2024, 12, 31)
    assert jobs["保洁员"].kind is JobKind.PUBLIC_WELFARE
    assert jobs["保洁员"].valid_from == date(2024, 3, 1)
    assert jobs["保洁员"].status is JobStatus.OPEN
    assert plan(station, "jobs", path).counts[RowAction.UNCHANGED] == 2
    # The export re-imports as it is.
    target = tmp_path / "export.xlsx"
    with station.read() as rx:
        assert write_export(rx, "jobs", target) == 2
    exported = plan(station, "jobs", target)
    assert exported.counts == {
        RowAction.NEW: 0,
        RowAction.UPDATE: 0,
        RowAction.UNCHANGED: 2,
        RowAction.REJECTED: 0,
    }
    commit_import(station, exported, on_match=MatchChoice.UPDATE)


def test_a_status_column_moves_a_live_job_and_a_closed_job_is_not_changed(
    station: StationSession, tmp_path: Path
) -> None:
    commit_import(station, plan(station, "employers", employers_ledger(tmp_path)))
    header = ["单位信用代码", "岗位名称", "招聘人数", "发布日期", "岗位状态", "岗位描述"]
    path = write_book(
        tmp_path / "j.xlsx",
        {"S": [header, [CODE_A, "保安", 2, "2024-05-01", "已关闭", ""]]},
    )
    commit_import(station, plan(station, "jobs", path))
    with station.read() as rx:
        job = rx.session.scalars(select(Job)).one()
        assert job.status is JobStatus.CLOSED
    path = write_book(
        tmp_path / "k.xlsx",
        {"S": [header, [CODE_A, "保安", 3, "2024-05-01", "招聘中", "夜班"]]},
    )
    again = plan(station, "jobs", path)
    assert [(p.column, p.code) for p in again.problems] == [("E", "job.final")]
