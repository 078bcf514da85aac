"""An exported ledger re-imports to the same data; the template imports once filled in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from sqlalchemy import select

from station_app.core.station_session import StationSession
from station_app.ledgers.importer import RowAction, commit_import, plan_import
from station_app.ledgers.writer import write_export, write_template
from station_app.models import EmploymentStatus, HouseholdType, KeyGroup, Resident
from station_app.services import code_tables
from station_app.services.residents import ResidentInput, get_resident, register_residents
from tests.ledgers.ledger_files import id_number

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
EDUCATION = [entry.code for entry in code_tables.education_levels()]
OCCUPATIONS = [entry.code for entry in code_tables.occupations()][:40]


def residents(community_id: str) -> st.SearchStrategy[ResidentInput]:
    return st.builds(
        ResidentInput,
        id_number=st.integers(0, 999).map(lambda n: id_number(serial=f"{n:03d}")),
        name=st.text(HAN, min_size=2, max_size=4),
        community_id=st.just(community_id),
        employment_status=st.sampled_from(EmploymentStatus),
        phone=st.sampled_from(["", "13912345678", "0558-4812345", "0558-4812345-12"]),
        address=st.text(HAN, max_size=12),
        household_type=st.none() | st.sampled_from(HouseholdType),
        education=st.none() | st.sampled_from(EDUCATION),
        skills=st.lists(st.sampled_from(OCCUPATIONS), max_size=3, unique=True).map(
            lambda codes: tuple(sorted(codes))
        ),
        desired_occupation=st.none() | st.sampled_from(OCCUPATIONS),
        desired_salary_fen=st.none() | st.integers(0, 5_000_000),
        key_groups=st.frozensets(st.sampled_from(KeyGroup)),
        consent_given=st.just(True),
        consent_date=st.dates(date(2015, 1, 1), date(2024, 12, 31)),
        notes=st.text(HAN, max_size=10),
    )


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_an_exported_ledger_re_imports_to_the_same_data(
    station: StationSession, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject
) -> None:
    community = station.station.community_id
    batch = data.draw(
        st.lists(residents(community), min_size=1, max_size=6, unique_by=lambda r: r.id_number)
    )
    with station.write() as tx:
        # The examples share one database: an ID number registered before is left out.
        stored = set(tx.session.scalars(select(Resident.id_number)))
        batch = [r for r in batch if r.id_number not in stored]
        if batch:
            register_residents(tx, batch)
    folder = tmp_path_factory.mktemp("round")
    target = folder / "export.xlsx"
    with station.read() as rx:
        write_export(rx, "residents", target)
        before = {
            r.key: get_resident(rx, r.record_id).data
            for r in plan_import(rx, "residents", target).rows
            if r.record_id
        }
        plan = plan_import(rx, "residents", target)
    assert plan.counts[RowAction.NEW] == 0
    assert plan.counts[RowAction.REJECTED] == 0, plan.problems
    assert plan.counts[RowAction.UPDATE] == 0
    for row in plan.rows:
        assert row.data == before[row.key]


def test_the_template_filled_in_imports(station: StationSession, tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    write_template("residents", path)
    workbook = load_workbook(path)
    sheet = workbook.active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["姓名*", "身份证号*", "社区", "就业状态*"]
    assert sheet["B2"].number_format == "@"
    sheet.append(["许一", id_number(serial="081"), "人民路社区", "灵活就业"])
    workbook.save(path)
    with station.read() as rx:
        plan = plan_import(rx, "residents", path)
    assert [row.action for row in plan.rows] == [RowAction.NEW]
    assert commit_import(station, plan).created == 1
