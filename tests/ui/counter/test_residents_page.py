"""The residents page and form against a real station database: register, find, refuse, edit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from record_helpers import TypeText, count_rows, fill, open_edit, show_page
from record_helpers import register as register_record
from record_helpers import save as save_form
from sqlalchemy import update

from station_app.config import Settings
from station_app.database import Database
from station_app.errors import Problem
from station_app.models import AuditEvent, EmploymentStatus, KeyGroup, Resident
from station_app.services.resident_search import ResidentSearchIndex, SearchResult
from station_app.services.residents import (
    ResidentInput,
    check_id_number,
    get_resident,
    register_resident,
    update_resident,
)
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.form import ResidentFormDialog
from station_app.ui.counter.residents.table_model import Column
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.problem_texts import problem_text
from station_app.validation import compute_id_check_character

pytestmark = pytest.mark.gui


def id_number(birth: str, serial: str = "001") -> str:
    body = f"341282{birth}{serial}"
    return body + compute_id_check_character(body)


ZHANG = id_number("19900307", "011")  # male (odd 17th digit)
LI = id_number("19851120", "022")  # female


def count(db: Database, entity: type = Resident) -> int:
    return count_rows(db, entity)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> ResidentsPage:
    residents_page = show_page(qtbot, ResidentsPage(context))
    qtbot.waitUntil(lambda: residents_page.is_loaded)
    return residents_page


def save(qtbot: QtBot, page: ResidentsPage, form: ResidentFormDialog) -> str:
    """Clicks Save and waits until the page has the saved resident in its index."""
    return save_form(qtbot, form, page.index_loaded)


def register(qtbot: QtBot, page: ResidentsPage, **fields: str) -> str:
    return register_record(qtbot, page, page.index_loaded, **fields)


@contextmanager
def _index_load_held(page: ResidentsPage) -> Iterator[None]:
    """Holds the runner after the register's read (queued first) until the block ends."""
    release = threading.Event()
    page.runner.run(lambda: release.wait(10), lambda _result: None)
    try:
        yield
    finally:
        release.set()


def test_the_register_shows_before_the_search_index_is_loaded(
    qtbot: QtBot, context: AppContext
) -> None:
    page = ResidentsPage(context)
    qtbot.addWidget(page)
    assert not page.is_loaded
    assert page.runner.busy  # the register's order is read in the background too
    with _index_load_held(page):
        qtbot.waitUntil(lambda: page.count_label.text() == "0 resident(s); preparing the search…")
    with qtbot.waitSignal(page.index_loaded):
        pass
    assert page.count_label.text() == "0 resident(s)"
    assert ResidentsPage.navigation_title() == "Residents"


def test_a_search_before_the_index_has_loaded_is_answered_from_the_database(
    qtbot: QtBot, context: AppContext
) -> None:
    zhang = context.session.perform(
        register_resident,
        ResidentInput(
            id_number=ZHANG,
            name="张伟",
            community_id=context.station.community_id,
            employment_status=EmploymentStatus.UNEMPLOYED,
            phone="13912345678",
        ),
    )
    page = ResidentsPage(context)
    qtbot.addWidget(page)
    with _index_load_held(page):
        qtbot.waitUntil(lambda: page.model.rowCount() == 1)
        page.search("lw")  # nobody: the database answers while the index waits
        qtbot.waitUntil(lambda: page.count_label.text() == "0 resident(s)")
        assert not page.is_loaded
        for query in ("zw", "张", "5678", ZHANG[6:14]):
            page.search("")
            qtbot.waitUntil(lambda: page.model.rowCount() == 1)  # the register again
            page.search("lw")
            qtbot.waitUntil(lambda: page.model.rowCount() == 0)
            page.search(query)
            qtbot.waitUntil(lambda: page.shown_ids() == [zhang])
        assert not page.is_loaded
    with qtbot.waitSignal(page.index_loaded):
        pass
    assert page.shown_ids() == [zhang]


def test_register_then_find_by_every_kind_of_query(
    qtbot: QtBot, page: ResidentsPage, type_text: TypeText, context: AppContext
) -> None:
    form = page.open_register_form()
    form.set_field_text("id_number", ZHANG)
    assert form.fields.derived.text() == "1990-03-07, Male"
    type_text(form.fields.name, "张伟")
    fill(form, phone="139 1234 5678", address="人民路12号", desired_salary="3500")
    form.set_field_text("consent_date", "2025-05-20")
    form.fields.set_key_groups([KeyGroup.VETERAN])
    form.fields.skills.set_selected_codes(["6-31-01-03"])
    form.set_field_text("desired_occupation", "电工")
    zhang = save(qtbot, page, form)
    assert page.selected_id() == zhang  # the new row is selected
    li = register(qtbot, page, id_number=LI, name="李娜", phone="0558-4812345")

    detail = context.session.query(get_resident, zhang)
    assert detail.data.phone == "13912345678"
    assert detail.data.desired_salary_fen == 350_000
    assert detail.data.skills == ("6-31-01-03",)
    assert detail.data.desired_occupation == "6-31-01-03"
    assert detail.data.key_groups == frozenset({KeyGroup.VETERAN})
    assert (detail.data.consent_given, detail.data.consent_date) == (True, date(2025, 5, 20))
    edit = open_edit(page, zhang)
    assert edit is not None
    assert edit.fields.to_input() == detail.data  # the form shows what is stored
    edit.close()

    for query in ("张伟", "zw", "zhangwei", "ZW", ZHANG[6:12], "5678"):
        page.search(query)
        assert page.shown_ids() == [zhang], query
    page.search("2345")  # the landline's last digits
    assert page.shown_ids() == [li]
    page.search("")
    assert page.shown_ids() == [li, zhang]  # register order: lina, zhangwei
    assert page.count_label.text() == "2 resident(s)"

    # Typing waits for a pause, then searches.
    type_text(page.search_box, "李")
    qtbot.waitUntil(lambda: page.shown_ids() == [li])
    assert page.count_label.text() == "1 resident(s)"


@pytest.mark.parametrize(
    ("number", "code"),
    [
        (ZHANG[:-1] + ("0" if ZHANG[-1] != "0" else "1"), "id_number.check_character"),
        ("341282199902300013", "id_number.birth_date"),
        (ZHANG[:-2], "id_number.length"),
        (ZHANG + "1", "id_number.length"),
    ],
)
def test_an_invalid_id_number_is_explained_and_nothing_written(
    page: ResidentsPage, number: str, code: str, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="张伟", id_number=number)
    (problem,) = check_id_number(number)
    assert problem.code == code
    assert form.field_message("id_number") == problem_text(problem)
    assert form.fields.derived.text() == "Filled in from the ID number"
    assert not form.save_button.isEnabled()
    form.save()
    assert page.runner.wait_idle(2000)
    assert count(context.db) == 0


def test_an_invalid_phone_is_explained_and_nothing_written(
    page: ResidentsPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="张伟", id_number=ZHANG, phone="1391234567")
    assert form.field_message("phone") == problem_text(
        Problem("phone", "phone.mobile_length", "", {"length": "10"})
    )
    assert not form.save_button.isEnabled()
    form.set_field_text("phone", "13912345678")
    assert form.field_message("phone") == ""
    assert form.save_button.isEnabled()
    form.set_field_text("name", "")
    assert form.field_message("name") == problem_text(Problem("name", "resident.name_empty", ""))
    assert not form.save_button.isEnabled()
    assert count(context.db) == 0


def test_problems_found_on_save_are_shown_at_their_fields(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    db = context.db
    events = count(db, AuditEvent)
    form = page.open_register_form()
    future = (date.today() + timedelta(days=3)).isoformat()
    fill(form, name="张伟", id_number=ZHANG, consent_date=future)
    form.save_button.click()
    assert page.runner.wait_idle(5000)
    expected = problem_text(Problem("consent_date", "resident.consent_future", ""))
    assert form.field_message("consent_date") == expected
    assert "Nothing was saved." in form.general_message_text()
    assert form.isVisible()
    assert (count(db), count(db, AuditEvent)) == (0, events)


def test_a_registered_id_number_is_refused_with_a_way_to_the_record(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    form = page.open_register_form()
    fill(form, name="张卫", id_number=ZHANG.lower())
    assert form.field_message("id_number") == "This ID number is already registered."
    assert form.fields.open_existing_button.isVisible()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.fields.open_existing_button, Qt.MouseButton.LeftButton)
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.resident_id == zhang
    assert form.fields.name.text() == "张伟"
    assert form.field_message("id_number") == ""
    assert form.save_button.isEnabled()
    assert count(context.db) == 1


def test_a_duplicate_found_only_on_save_is_refused_too(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="张卫", id_number=ZHANG)
    # Another counter registers the same person between typing and saving.
    other = form.fields.to_input()
    existing = context.session.perform(register_resident, replace(other, name="张伟"))
    form.save_button.click()
    assert page.runner.wait_idle(5000)
    assert form.field_message("id_number") == "This ID number is already registered."
    assert "Nothing was saved." in form.general_message_text()
    form.fields.open_existing_button.click()
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.resident_id == existing
    assert count(context.db) == 1


def test_an_edit_form_waits_for_its_record_read_in_the_background(
    qtbot: QtBot, page: ResidentsPage
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    form = page.open_edit_form(zhang)
    # Not shown half-filled: the form appears once the record is read, and cannot be saved
    # before.
    assert not form.isVisible()
    assert not form.fields.isEnabled()
    assert not form.save_button.isEnabled()
    assert page.runner.wait_idle(5000)
    assert form.isVisible()
    assert form.fields.isEnabled()
    assert form.fields.name.text() == "张伟"
    assert form.save_button.isEnabled()


def test_an_edit_form_closed_before_its_record_arrives_stays_closed(
    qtbot: QtBot, page: ResidentsPage
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    form = page.open_edit_form(zhang)
    form.reject()
    assert page.runner.wait_idle(5000)
    qtbot.wait(10)  # the closed form is deleted later
    assert page.open_forms() == []
    assert not any(
        isinstance(w, ResidentFormDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_the_edit_form_of_a_resident_gone_meanwhile_says_so(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    with context.db.session() as session, session.begin():  # deleted by a sync, say
        session.execute(update(Resident).where(Resident.id == zhang).values(deleted=True))
    form = open_edit(page, zhang)
    assert form.general_message_text() == "This resident no longer exists."
    assert form.resident_id is None
    assert not form.save_button.isEnabled()


def test_edit_and_save(qtbot: QtBot, page: ResidentsPage, context: AppContext) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    register(qtbot, page, id_number=LI, name="李娜")
    page.search("zw")
    assert page.select_resident(zhang)
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row opens its profile
    assert page.runner.wait_idle(5000)  # the profile is read in the background
    (profile,) = page.open_profiles()
    assert profile.isVisible()
    profile.activateWindow()
    qtbot.waitUntil(profile.isActiveWindow)
    qtbot.keyClick(profile, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # its Edit
    qtbot.waitUntil(lambda: bool(page.open_forms()))  # a shortcut clicks with an animation
    assert page.runner.wait_idle(5000)  # the record is read in the background
    (form,) = page.open_forms()
    assert form.resident_id == zhang
    assert form.fields.name.text() == "张伟"
    form.set_field_text("name", "王伟")
    form.set_field_text("employment_status", "Employed by an employer")
    assert save(qtbot, page, form) == zhang
    detail = context.session.query(get_resident, zhang)
    assert (detail.data.name, detail.row_version) == ("王伟", 2)
    assert detail.data.employment_status is EmploymentStatus.EMPLOYED
    # The saved row no longer matches "zw": the search is cleared to show and select it.
    assert page.search_box.text() == ""
    assert page.selected_id() == zhang
    page.search("ww")
    assert page.shown_ids() == [zhang]


def test_a_record_changed_meanwhile_is_not_overwritten(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")
    form = open_edit(page, zhang)
    assert form is not None
    current = context.session.query(get_resident, zhang)
    context.session.perform(update_resident, zhang, 1, replace(current.data, name="张伟强"))
    form.set_field_text("name", "王伟")
    form.save_button.click()
    assert page.runner.wait_idle(5000)
    assert "Someone else changed this record" in form.general_message_text()
    assert form.reload_button.isVisible()
    assert context.session.query(get_resident, zhang).data.name == "张伟强"
    form.reload_button.click()
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.fields.name.text() == "张伟强"
    assert form.general_message_text() == ""
    form.set_field_text("name", "王伟")
    assert save(qtbot, page, form) == zhang
    assert context.session.query(get_resident, zhang).row_version == 3


def history_texts(form: ResidentFormDialog) -> list[str]:
    history = form.fields.status_history
    return [history.item(row).text() for row in range(history.count())]


def changed_status(context: AppContext) -> str:
    """A resident unemployed since 2026-03-01 and employed since 2026-05-12."""
    data = ResidentInput(
        id_number=ZHANG,
        name="张伟",
        community_id=context.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
    )
    zhang = context.session.perform(register_resident, data, today=date(2026, 3, 1))
    employed = replace(data, employment_status=EmploymentStatus.EMPLOYED)
    context.session.perform(update_resident, zhang, 1, employed, today=date(2026, 5, 12))
    return zhang


def test_the_edit_form_shows_the_status_history_newest_first(
    page: ResidentsPage, context: AppContext
) -> None:
    zhang = changed_status(context)
    form = open_edit(page, zhang)
    assert form is not None
    assert form.fields.status_history.isVisibleTo(form)
    assert history_texts(form) == [
        "2026-05-12 Employed by an employer",
        "2026-03-01 Not employed, seeking work",
    ]
    new = page.open_register_form()
    assert not new.fields.status_history.isVisibleTo(new)  # no history before registering


def test_the_status_history_is_chinese_with_the_translation(
    page: ResidentsPage, context: AppContext, chinese: None
) -> None:
    form = open_edit(page, changed_status(context))
    assert form is not None
    assert history_texts(form) == ["2026-05-12 单位就业", "2026-03-01 未就业（有就业意愿）"]


def test_a_cut_short_result_says_so(
    qtbot: QtBot, page: ResidentsPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")

    cut = SearchResult([zhang], truncated=True)
    monkeypatch.setattr(ResidentSearchIndex, "search", lambda _self, _text: cut)
    page.search("z")
    assert page.count_label.text() == "First 1 shown; type more to narrow the search"


def test_with_the_chinese_translation_the_messages_are_chinese(
    page: ResidentsPage, chinese: None
) -> None:
    form = page.open_register_form()
    fill(form, name="张3", id_number="341282199902300013", phone="1391234567")
    for field in ("id_number", "name", "phone"):
        text = form.field_message(field)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), (field, text)
    assert "19990230" in form.field_message("id_number")


def test_the_form_stays_open_until_its_save_has_landed(
    qtbot: QtBot, page: ResidentsPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="张伟", id_number=ZHANG)
    with qtbot.waitSignal(form.record_saved), qtbot.waitSignal(page.index_loaded):
        form.save_button.click()
        form.reject()  # Escape while saving
        assert form.isVisible()
    assert count(context.db) == 1


def test_a_big_register_shows_before_its_search_index(qtbot: QtBot, tmp_path: Path) -> None:
    from station_app.demo import (
        DEMO_PASSWORD,
        DEMO_USERNAME,
        STANDARD,
        generate_demo_database,
    )
    from station_app.services.auth import log_in

    db = generate_demo_database(tmp_path / "station.sqlite", STANDARD)
    try:
        context = AppContext.create(
            log_in(db, DEMO_USERNAME, DEMO_PASSWORD), settings=Settings(), data_dir=tmp_path
        )
        page = ResidentsPage(context)
        qtbot.addWidget(page)
        with _index_load_held(page):
            qtbot.waitUntil(lambda: page.model.rowCount() > 0)
            assert not page.is_loaded  # the whole register shows before the search index
            assert page.model.rowCount() == STANDARD.residents
            expected = f"{STANDARD.residents} resident(s); preparing the search…"
            assert page.count_label.text() == expected
        with qtbot.waitSignal(page.index_loaded):
            pass
        assert page.count_label.text() == f"{STANDARD.residents} resident(s)"
        page.runner.wait_idle()
        context.close()
    finally:
        db.close()


def test_a_resident_may_be_moved_to_any_community_but_registered_only_in_a_served_one(
    qtbot: QtBot, context: AppContext, db: Database
) -> None:
    from station_app.models import Community

    with db.session() as session, session.begin():
        session.add(
            Community(scope_id="city", code="341282009009", name="西湖社区", street="西湖镇")
        )
    page = show_page(qtbot, ResidentsPage(context))  # reads the communities anew
    qtbot.waitUntil(lambda: page.is_loaded)
    assert page.runner.wait_idle(5000)
    zhang = changed_status(context)
    form = open_edit(page, zhang)
    names = [form.fields.community.itemText(i) for i in range(form.fields.community.count())]
    assert any("西湖社区" in name for name in names)
    form.close()
    register = page.open_register_form()
    names = [
        register.fields.community.itemText(i) for i in range(register.fields.community.count())
    ]
    assert not any("西湖社区" in name for name in names)
    register.close()


def test_a_column_header_sorts_the_list_in_the_service_and_a_search_keeps_the_order(
    qtbot: QtBot, page: ResidentsPage
) -> None:
    zhang = register(qtbot, page, id_number=ZHANG, name="张伟")  # born 1990
    li = register(qtbot, page, id_number=LI, name="李娜")  # born 1985
    young = register(qtbot, page, id_number=id_number("20010101", "031"), name="张敏")
    assert page.shown_ids() == [li, young, zhang]  # the register's order (pinyin)

    def sorted_by(column: Column, *, descending: bool = False) -> list[str]:
        page.sort_by(column, descending=descending)
        assert page.runner.wait_idle()  # the order is read in the background
        return page.shown_ids()

    assert sorted_by(Column.AGE) == [young, zhang, li]  # the youngest first
    assert sorted_by(Column.AGE, descending=True) == [li, zhang, young]
    page.search("张")
    assert page.shown_ids() == [zhang, young]  # the search's answer, still by age (oldest first)
    page.search("")
    assert sorted_by(Column.NAME, descending=True) == [zhang, young, li]
    assert sorted_by(Column.KEY_GROUPS) == [li, young, zhang]  # no order: the register's
    header = page.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(Column.AGE) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a real click
    assert page.runner.wait_idle()
    assert page.shown_ids() in ([young, zhang, li], [li, zhang, young])
