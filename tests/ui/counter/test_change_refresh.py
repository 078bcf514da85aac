"""Pages refresh from the core's change signal, whoever made the change (no hand wiring)."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from record_helpers import register, show_page

from station_app.core.changes import ChangeSet
from station_app.models import Community, EmployerType, EmploymentStatus
from station_app.services.employers import EmployerInput, register_employer
from station_app.services.residents import ResidentInput, register_resident
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.shared.context import AppContext
from station_app.validation import compute_credit_check_character, compute_id_check_character

BODY = "91341282MA2N0A1B3"
CODE = BODY + compute_credit_check_character(BODY)


def _id_number(serial: str) -> str:
    body = f"34128219880512{serial}"
    return body + compute_id_check_character(body)


def _loaded_residents(qtbot: QtBot, context: AppContext) -> ResidentsPage:
    page = show_page(qtbot, ResidentsPage(context))
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def test_a_resident_saved_in_one_page_reaches_the_other_views(
    qtbot: QtBot, context: AppContext
) -> None:
    first = _loaded_residents(qtbot, context)
    second = _loaded_residents(qtbot, context)  # e.g. the same list in another window
    resident_id = register(
        qtbot,
        first,
        first.index_loaded,
        id_number=_id_number("011"),
        name="李秀英",
    )
    qtbot.waitUntil(lambda: resident_id in second.shown_ids())
    assert first.selected_id() == resident_id  # the page that saved shows the new record


def test_changes_made_through_the_core_reach_both_pages(qtbot: QtBot, context: AppContext) -> None:
    residents = _loaded_residents(qtbot, context)
    employers = show_page(qtbot, EmployersPage(context))
    arrived: list[ChangeSet] = []
    context.changes.changed.connect(arrived.append)
    station = context.session

    def write_both() -> tuple[str, str]:
        # A composed write on the app's runner, as a sync pull will make one.
        with station.write("import") as tx:
            resident = register_resident(
                tx,
                ResidentInput(
                    id_number=_id_number("022"),
                    name="周建国",
                    community_id=station.station.community_id,
                    employment_status=EmploymentStatus.UNEMPLOYED,
                ),
                today=date(2026, 3, 2),
            )
            employer = register_employer(
                tx, EmployerInput("界首市恒信食品有限公司", CODE, EmployerType.ENTERPRISE)
            )
        return resident, employer

    done: list[tuple[str, str]] = []
    with qtbot.waitSignal(residents.index_loaded):
        context.runner.run(write_both, done.append)
    resident_id, employer_id = done[0]
    assert context.runner.wait_idle()  # the employers page searches in the background
    assert resident_id in residents.shown_ids()
    assert employer_id in employers.shown_ids()
    assert len(arrived) == 1 and arrived[0].touches("resident", "employer")


def test_a_page_refreshes_only_for_its_own_records(
    qtbot: QtBot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    employers = show_page(qtbot, EmployersPage(context))
    searches: list[str] = []
    monkeypatch.setattr(employers, "apply_search", lambda then=None: searches.append("searched"))
    context.changes.changed.emit(ChangeSet.of_rows({"resident": ["someone"]}))
    assert searches == []
    context.changes.changed.emit(ChangeSet.of_rows({"employer": ["some-employer"]}, "sync"))
    assert searches == ["searched"]


def test_a_renamed_community_reaches_the_next_form(qtbot: QtBot, context: AppContext) -> None:
    residents = _loaded_residents(qtbot, context)
    assert context.runner.wait_idle()
    station = context.session
    community_id = station.station.community_id

    def rename() -> None:
        with station.write("rename") as tx:  # as a sync pull brings it, through the ORM
            tx.session.get(Community, community_id).name = "新华社区"

    with qtbot.waitSignal(context.changes.changed):
        context.runner.run(rename, lambda _none: None)
    assert context.runner.wait_idle()  # the page reads the communities again
    form = residents.open_register_form()
    shown = [form.fields.community.itemText(i) for i in range(form.fields.community.count())]
    assert any(text.startswith("新华社区") for text in shown), shown
    form.close()
