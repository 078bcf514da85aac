"""Importing residents' ledgers as stations keep them: every rule, all or nothing, re-imports."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from station_app.core.station_session import StationSession
from station_app.errors import ConflictError
from station_app.ledgers.importer import (
    ImportCancelledError,
    MatchChoice,
    RowAction,
    commit_import,
    plan_import,
)
from station_app.ledgers.sheets import LedgerFileError
from station_app.models import EmploymentStatus, KeyGroup, Resident
from station_app.services.residents import (
    ResidentInput,
    get_resident,
    register_resident,
    update_resident,
)
from tests.ledgers.ledger_files import id_number, write_book

HEADER = ["序号", "姓名", "身份证号码", "联系电话", "就业状态", "重点群体", "同意日期"]


def plan(station: StationSession, path: Path, kind: str = "residents"):  # type: ignore[no-untyped-def]
    with station.read() as rx:
        return plan_import(rx, kind, path)


def count_residents(station: StationSession) -> int:
    with station.read() as rx:
        return rx.session.scalar(select(func.count()).select_from(Resident)) or 0


def messy_ledger(tmp_path: Path) -> Path:
    """A title row, a merged header, full-width and spaced values, and bad rows."""
    rows = [
        ["人民路社区居民就业台账（2024年）"],
        ["填报单位：人民路社区", None, None, None, None, None, None],
        HEADER,
        [
            1,
            " 张 三 ",
            "３４１２８２" + id_number(serial="001")[6:],
            "139 1234 5678",
            "单位就业",
            "就业困难人员、低保对象",
            "2024年1月5日",
        ],
        [
            2,
            "李四",
            id_number(serial="003")[:-1] + id_number(serial="003")[-1].lower(),
            "13912345679",
            "未就业",
            "",
            20240105,
        ],
        [3, "王五", 341282199003070051.0, "13912345670", "灵活就业", "", "2024/1/5"],
        [4, "赵六", id_number(serial="007")[:-1] + "0", "", "未就业", "", ""],
        [5, "钱七", id_number(serial="009"), "12345", "单位就业", "外星人", "昨天"],
        [],
        ["合计", "5人"],
    ]
    # The ID number of row 2 ends in x only when the check character is X; serial 003 may not.
    return write_book(tmp_path / "ledger.xlsx", {"台账": rows}, merged={"台账": ["A1:G1"]})


def test_a_messy_ledger_reports_every_bad_row_with_row_column_and_reason(
    station: StationSession, tmp_path: Path
) -> None:
    result = plan(station, messy_ledger(tmp_path))
    actions = {row.row: row.action for row in result.rows}
    assert actions == {
        4: RowAction.NEW,
        5: RowAction.NEW,
        6: RowAction.REJECTED,
        7: RowAction.REJECTED,
        8: RowAction.REJECTED,
    }
    problems = {(p.row, p.column, p.code) for p in result.problems}
    assert (6, "C", "ledger.id_as_number") in problems
    assert (7, "C", "id_number.check_character") in problems
    assert (8, "D", "phone.invalid") in problems or (8, "D", "phone.mobile_length") in problems
    assert (8, "F", "ledger.choice") in problems
    assert (8, "G", "ledger.date") in problems
    headers = {p.header for p in result.problems if p.row == 6}
    assert headers == {"身份证号"}


def test_the_good_rows_are_imported_cleaned(station: StationSession, tmp_path: Path) -> None:
    result = plan(station, messy_ledger(tmp_path))
    outcome = commit_import(station, result)
    assert (outcome.created, outcome.rejected) == (2, 3)
    with station.read() as rx:
        first = result.of(RowAction.NEW)[0]
        detail = next(
            get_resident(rx, r.id)
            for r in rx.session.scalars(select(Resident))
            if r.id_number == first.key
        )
    data = detail.data
    assert data.name == "张 三".replace(" ", "") or data.name == "张 三"
    assert data.id_number == id_number(serial="001")
    assert data.phone == "13912345678"
    assert data.employment_status is EmploymentStatus.EMPLOYED
    assert data.key_groups == {KeyGroup.HARD_TO_EMPLOY, KeyGroup.SUBSISTENCE_ALLOWANCE}
    assert data.consent_given and data.consent_date == date(2024, 1, 5)


def test_re_importing_the_same_file_changes_nothing(
    station: StationSession, tmp_path: Path
) -> None:
    path = messy_ledger(tmp_path)
    commit_import(station, plan(station, path))
    with station.read() as rx:
        versions = sorted(rx.session.execute(select(Resident.id, Resident.row_version)).all())
    again = plan(station, path)
    assert again.counts[RowAction.NEW] == 0
    assert again.counts[RowAction.UPDATE] == 0
    assert again.counts[RowAction.UNCHANGED] == 2
    commit_import(station, again, on_match=MatchChoice.UPDATE)
    with station.read() as rx:
        assert sorted(rx.session.execute(select(Resident.id, Resident.row_version)).all()) == (
            versions
        )


def _register(station: StationSession, serial: str, name: str, phone: str = "") -> None:
    data = ResidentInput(
        id_number=id_number(serial=serial),
        name=name,
        community_id=station.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone=phone,
    )
    station.perform(register_resident, data)


def test_a_match_is_updated_or_skipped_as_the_worker_chooses(
    station: StationSession, tmp_path: Path
) -> None:
    _register(station, "011", "孙八", phone="13900000000")
    path = write_book(
        tmp_path / "update.xlsx",
        {
            "Sheet1": [
                ["公民身份号码", "联系电话", "姓名"],
                [id_number(serial="011"), "13911112222", ""],
            ]
        },
    )
    result = plan(station, path)
    assert [row.action for row in result.rows] == [RowAction.UPDATE]
    skipped = commit_import(station, result, on_match=MatchChoice.SKIP)
    assert (skipped.updated, skipped.skipped) == (0, 1)
    with station.read() as rx:
        stored = rx.session.scalars(select(Resident)).one()
        assert stored.phone == "13900000000"
    updated = commit_import(station, plan(station, path), on_match=MatchChoice.UPDATE)
    assert updated.updated == 1
    with station.read() as rx:
        stored = rx.session.scalars(select(Resident)).one()
        # The empty name cell and the columns the ledger lacks keep what was stored.
        assert (stored.phone, stored.name) == ("13911112222", "孙八")


def test_a_record_changed_since_the_plan_refuses_the_whole_import(
    station: StationSession, tmp_path: Path
) -> None:
    _register(station, "011", "孙八", phone="13900000000")
    _register(station, "012", "钱九", phone="13900000001")
    path = write_book(
        tmp_path / "update.xlsx",
        {
            "Sheet1": [
                ["公民身份号码", "联系电话", "姓名"],
                [id_number(serial="011"), "13911112222", ""],
                [id_number(serial="012"), "13911113333", ""],
                [id_number(serial="013"), "13911114444", "赵十"],
            ]
        },
    )
    result = plan(station, path)
    with station.read() as rx:
        second = rx.session.scalars(select(Resident).where(Resident.name == "钱九")).one()
        edit = replace(get_resident(rx, second.id).data, phone="13800000000")
    station.perform(update_resident, second.id, 1, edit)  # someone else, meanwhile
    with pytest.raises(ConflictError):
        commit_import(station, result, on_match=MatchChoice.UPDATE)
    with station.read() as rx:
        phones = {
            name: phone for name, phone in rx.session.execute(select(Resident.name, Resident.phone))
        }
    assert phones == {"孙八": "13900000000", "钱九": "13800000000"}  # nothing of the file


def test_columns_in_another_order_several_sheets_and_a_two_row_header(
    station: StationSession, tmp_path: Path
) -> None:
    sheets = {
        "说明": [["本表由社区填写"], ["请勿修改表头"]],
        "一组": [
            ["基本信息", None, "就业信息"],
            ["身份证", "名字", "就业情况"],
            [id_number(serial="021"), "周九", "自主创业"],
        ],
        "二组": [
            ["姓名", "就业状态", "证件号码"],
            ["吴十", "暂无就业意愿", id_number(serial="023")],
        ],
    }
    path = write_book(tmp_path / "sheets.xlsx", sheets, merged={"一组": ["A1:B1"]})
    result = plan(station, path)
    assert result.ignored_sheets == ("说明",)
    assert [(row.sheet, row.row, row.action) for row in result.rows] == [
        ("一组", 3, RowAction.NEW),
        ("二组", 2, RowAction.NEW),
    ]
    assert commit_import(station, result).created == 2


def test_a_header_merged_over_two_rows(station: StationSession, tmp_path: Path) -> None:
    rows = [
        ["姓名", "身份证号", "联系方式", None, "就业状态"],
        [None, None, "联系电话", "住址", None],
        ["郑十一", id_number(serial="031"), "13955556666", "人民路1号", "未就业"],
    ]
    path = write_book(
        tmp_path / "merged.xlsx", {"S": rows}, merged={"S": ["A1:A2", "B1:B2", "C1:D1", "E1:E2"]}
    )
    result = plan(station, path)
    assert [row.action for row in result.rows] == [RowAction.NEW]
    row = result.rows[0]
    assert (row.data.phone, row.data.address) == ("13955556666", "人民路1号")


def test_a_missing_required_column_and_a_duplicate_row_are_reported(
    station: StationSession, tmp_path: Path
) -> None:
    rows = [
        ["姓名", "身份证号"],
        ["冯一", id_number(serial="041")],
        ["冯一", id_number(serial="041")],
        ["", id_number(serial="043")],
    ]
    result = plan(station, write_book(tmp_path / "dup.xlsx", {"S": rows}))
    codes = {(p.row, p.code) for p in result.problems}
    assert (2, "ledger.required") in codes  # no 就业状态 column
    assert all(row.action is RowAction.REJECTED for row in result.rows)
    rows = [["姓名", "身份证号", "就业状态"], *([[*r, "未就业"] for r in rows[1:]])]
    result = plan(station, write_book(tmp_path / "dup2.xlsx", {"S": rows}))
    codes = {(p.row, p.column, p.code) for p in result.problems}
    assert (3, "B", "ledger.duplicate_in_file") in codes
    assert (4, "A", "ledger.required") in codes


def test_all_or_nothing_a_failure_while_saving_rolls_everything_back(
    station: StationSession, tmp_path: Path
) -> None:
    rows = [["姓名", "身份证号", "就业状态"]] + [
        ["陈某", id_number(serial=f"{n:03d}"), "未就业"] for n in range(101, 131, 2)
    ]
    path = write_book(tmp_path / "many.xlsx", {"S": rows})
    result = plan(station, path)
    assert result.counts[RowAction.NEW] == 15
    # Someone registers one of the residents after the plan was made.
    _register(station, "129", "陈某")
    before = count_residents(station)
    with pytest.raises(Exception) as error:
        commit_import(station, result)
    assert "already registered" in str(error.value)
    assert count_residents(station) == before


def test_a_cancelled_import_saves_nothing(station: StationSession, tmp_path: Path) -> None:
    rows = [["姓名", "身份证号", "就业状态"]] + [
        ["韩某", id_number(serial=f"{n:03d}"), "未就业"] for n in range(201, 221, 2)
    ]
    result = plan(station, write_book(tmp_path / "c.xlsx", {"S": rows}))
    seen: list[tuple[int, int]] = []
    with pytest.raises(ImportCancelledError):
        commit_import(
            station,
            result,
            progress=lambda d, t: seen.append((d, t)),
            cancelled=lambda: bool(seen and seen[-1][0] == seen[-1][1]),
        )
    assert count_residents(station) == 0


def test_a_file_that_is_no_workbook_is_one_clear_error(
    station: StationSession, tmp_path: Path
) -> None:
    path = tmp_path / "not.xlsx"
    path.write_text("hello")
    with pytest.raises(LedgerFileError):
        plan(station, path)
    empty = write_book(tmp_path / "empty.xlsx", {"S": [["a", "b"], [1, 2]]})
    with pytest.raises(LedgerFileError) as error:
        plan(station, empty)
    assert error.value.code == "ledger.no_header"


def test_a_station_serving_one_community_files_residents_there(
    station: StationSession, tmp_path: Path
) -> None:
    rows = [
        ["姓名", "身份证号", "就业状态", "社区"],
        ["褚一", id_number(serial="051"), "未就业", "没有这个社区"],
    ]
    result = plan(station, write_book(tmp_path / "c.xlsx", {"S": rows}))
    assert [(p.column, p.code) for p in result.problems] == [("D", "ledger.community")]
    rows[1][3] = "人民路社区"
    result = plan(station, write_book(tmp_path / "d.xlsx", {"S": rows}))
    assert result.rows[0].data.community_id == station.station.community_id


def test_a_batch_with_a_registered_or_repeated_id_number_is_refused_whole(
    station: StationSession,
) -> None:
    from station_app.errors import DuplicateError
    from station_app.services.residents import register_residents

    def person(serial: str) -> ResidentInput:
        return ResidentInput(
            id_number=id_number(serial=serial),
            name="秦某",
            community_id=station.station.community_id,
            employment_status=EmploymentStatus.UNEMPLOYED,
        )

    _register(station, "091", "秦某")
    for batch in ([person("093"), person("091")], [person("095"), person("095")]):
        with pytest.raises(DuplicateError), station.write() as tx:
            register_residents(tx, batch)
    assert count_residents(station) == 1
