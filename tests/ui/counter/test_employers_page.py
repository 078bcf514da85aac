"""The employers page and form against a real station database: register, refuse, edit, find."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from record_helpers import TypeText, count_rows, fill, open_edit, show_page
from record_helpers import register as register_record
from record_helpers import save as save_form

from station_app.database import Database
from station_app.errors import Problem
from station_app.models import AuditEvent, Employer, EmployerType
from station_app.services.employers import (
    EmployerInput,
    check_contact_phone,
    check_credit_code,
    get_employer,
    register_employer,
    update_employer,
)
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.employers.form import EmployerFormDialog
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.problem_texts import problem_text
from station_app.validation import compute_credit_check_character

pytestmark = pytest.mark.gui


def credit_code(body: str) -> str:
    return body + compute_credit_check_character(body)


HENGXIN = credit_code("91341282MA2N0A1B3")
GUANGMING = credit_code("92341282MA8P7Q2R1")
WRONG_CHECK = HENGXIN[:-1] + ("0" if HENGXIN[-1] != "0" else "1")


def count(db: Database, entity: type = Employer) -> int:
    return count_rows(db, entity)


def has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.fixture
def page(qtbot: QtBot, context: AppContext) -> EmployersPage:
    shown = show_page(qtbot, EmployersPage(context))
    assert shown.runner.wait_idle()  # the page searches in the background
    return shown


def search(page: EmployersPage, text: str) -> None:
    """Searches and waits for the rows (the page searches in the background)."""
    page.search(text)
    assert page.runner.wait_idle()


def save(qtbot: QtBot, form: EmployerFormDialog) -> str:
    """Saves and waits until the page shows the refreshed list."""
    employer_id = save_form(qtbot, form)
    assert form.parent().runner.wait_idle()
    return employer_id


def register(qtbot: QtBot, page: EmployersPage, **fields: str) -> str:
    employer_id = register_record(qtbot, page, **fields)
    assert page.runner.wait_idle()
    return employer_id


def test_register_through_the_form(
    qtbot: QtBot, page: EmployersPage, type_text: TypeText, context: AppContext
) -> None:
    assert EmployersPage.navigation_title() == "Employers"
    assert page.count_label.text() == "0 employer(s)"
    form = page.open_register_form()
    assert not form.save_button.isEnabled()  # name and credit code are still missing
    type_text(form.fields.name, "界首市恒信食品有限公司")
    type_text(form.fields.credit_code, f"{HENGXIN[:9].lower()} {HENGXIN[9:].lower()}")
    assert form.fields.credit_code.text() == f"{HENGXIN[:9]} {HENGXIN[9:]}"  # upper-cased
    fill(
        form,
        employer_type="Individual business",
        industry="C 制造业",
        address="人民路12号",
        latitude="33.2612",
        longitude="115.3655",
        contact_name="刘经理",
        contact_phone="0558 4812345",
        key_enterprise="yes",
        liaison="王芳",
    )
    employer_id = save(qtbot, form)
    assert page.shown_ids() == [employer_id]
    assert page.selected_id() == employer_id  # the new row is selected
    assert page.count_label.text() == "1 employer(s)"

    version, data = context.session.query(get_employer, employer_id)
    assert version == 1
    assert data == EmployerInput(
        name="界首市恒信食品有限公司",
        credit_code=HENGXIN,
        employer_type=EmployerType.INDIVIDUAL_BUSINESS,
        industry="C",
        address="人民路12号",
        community_id=context.station.community_id,  # the station's community by default
        latitude=33.2612,
        longitude=115.3655,
        contact_name="刘经理",
        contact_phone="0558-4812345",
        key_enterprise=True,
        liaison="王芳",
    )
    edit = open_edit(page, employer_id)
    assert edit is not None
    assert edit.fields.to_input() == data  # the form shows what is stored
    assert edit.save_button.isEnabled()  # its own code is no duplicate


@pytest.mark.parametrize(
    ("code", "problem_code"),
    [
        (WRONG_CHECK, "credit_code.check_character"),
        (HENGXIN[:-1], "credit_code.length"),
        (HENGXIN + "1", "credit_code.length"),
        (HENGXIN[:4] + "I" + HENGXIN[5:], "credit_code.characters"),
        (HENGXIN[:4] + "O" + HENGXIN[5:], "credit_code.characters"),
        (HENGXIN[:4] + "Z" + HENGXIN[5:], "credit_code.characters"),
        (HENGXIN[:4] + "S" + HENGXIN[5:], "credit_code.characters"),
        (HENGXIN[:4] + "V" + HENGXIN[5:], "credit_code.characters"),
    ],
)
def test_an_invalid_credit_code_is_explained_in_chinese_and_nothing_written(
    chinese: None, page: EmployersPage, code: str, problem_code: str, context: AppContext
) -> None:
    events = count(context.db, AuditEvent)
    form = page.open_register_form()
    fill(form, name="界首市恒信食品有限公司", credit_code=code)
    (problem,) = check_credit_code(code)
    assert problem.code == problem_code
    message = form.field_message("credit_code")
    assert message == problem_text(problem)
    assert has_chinese(message), message
    assert not form.save_button.isEnabled()
    form.save()  # refused: the button is disabled for a reason
    assert page.runner.wait_idle(2000)
    assert (count(context.db), count(context.db, AuditEvent)) == (0, events)


def test_a_forbidden_letter_is_explained_while_typing(page: EmployersPage) -> None:
    form = page.open_register_form()
    form.fields.credit_code.setText("91341282MA2I")  # not yet complete, not yet left
    assert "I" in form.field_message("credit_code")
    form.fields.credit_code.setText("91341282MA2N")
    assert form.field_message("credit_code") == ""  # a partial code is not yet wrong


def test_an_invalid_phone_is_explained_in_chinese_and_nothing_written(
    chinese: None, page: EmployersPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="界首市恒信食品有限公司", credit_code=HENGXIN, contact_phone="1391234567")
    (problem,) = check_contact_phone("1391234567")
    assert problem == Problem(
        "contact_phone", "phone.mobile_length", problem.message, {"length": "10"}
    )
    message = form.field_message("contact_phone")
    assert message == problem_text(problem)
    assert has_chinese(message) and "10" in message, message
    assert not form.save_button.isEnabled()
    form.save()
    assert page.runner.wait_idle(2000)
    assert count(context.db) == 0
    form.set_field_text("contact_phone", "13912345678")
    assert form.field_message("contact_phone") == ""
    assert form.save_button.isEnabled()
    form.set_field_text("name", "")
    assert has_chinese(form.field_message("name"))
    assert not form.save_button.isEnabled()


def test_a_registered_credit_code_is_refused_with_a_way_to_the_record(
    qtbot: QtBot, page: EmployersPage, context: AppContext
) -> None:
    hengxin = register(qtbot, page, name="界首市恒信食品有限公司", credit_code=HENGXIN)
    form = page.open_register_form()
    fill(form, name="恒信食品", credit_code=HENGXIN.lower())
    assert form.field_message("credit_code") == (
        "An employer with this credit code is already registered."
    )
    assert form.fields.open_existing_button.isVisible()
    assert not form.save_button.isEnabled()
    qtbot.mouseClick(form.fields.open_existing_button, Qt.MouseButton.LeftButton)
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.employer_id == hengxin
    assert form.fields.name.text() == "界首市恒信食品有限公司"
    assert form.field_message("credit_code") == ""
    assert form.general_message_text() == "This is the record already registered."
    assert form.save_button.isEnabled()
    assert count(context.db) == 1


def test_a_duplicate_found_only_on_save_is_refused_too(
    qtbot: QtBot, page: EmployersPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="恒信食品", credit_code=HENGXIN)
    # Another counter registers the same employer between typing and saving.
    data = EmployerInput("界首市恒信食品有限公司", HENGXIN, EmployerType.ENTERPRISE)
    existing = context.session.perform(register_employer, data)
    form.save_button.click()
    assert page.runner.wait_idle(5000)
    assert form.field_message("credit_code") == (
        "An employer with this credit code is already registered."
    )
    assert "Nothing was saved." in form.general_message_text()
    assert not form.save_button.isEnabled()
    form.fields.open_existing_button.click()
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.employer_id == existing
    assert count(context.db) == 1


def test_edit_and_save(qtbot: QtBot, page: EmployersPage, context: AppContext) -> None:
    hengxin = register(qtbot, page, name="界首市恒信食品有限公司", credit_code=HENGXIN)
    register(qtbot, page, name="界首市光明物流有限公司", credit_code=GUANGMING)
    search(page, "恒信")
    assert page.select_employer(hengxin)
    assert page.edit_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row opens it
    assert page.runner.wait_idle(5000)  # the record is read in the background
    (form,) = page.open_forms()
    assert form.employer_id == hengxin
    assert form.windowTitle() == "Edit employer: 界首市恒信食品有限公司"
    fill(form, name="界首市恒达食品有限公司", industry="H", key_enterprise="yes", latitude="")
    assert save(qtbot, form) == hengxin
    version, data = context.session.query(get_employer, hengxin)
    assert (version, data.name, data.industry, data.key_enterprise) == (
        2,
        "界首市恒达食品有限公司",
        "H",
        True,
    )
    assert (data.latitude, data.longitude) == (None, None)
    # The saved row no longer matches "恒信": the search is cleared to show and select it.
    assert page.search_box.text() == ""
    assert page.selected_id() == hengxin


def test_a_record_changed_meanwhile_is_not_overwritten(
    qtbot: QtBot, page: EmployersPage, context: AppContext
) -> None:
    hengxin = register(qtbot, page, name="界首市恒信食品有限公司", credit_code=HENGXIN)
    form = open_edit(page, hengxin)
    assert form is not None
    _version, current = context.session.query(get_employer, hengxin)
    changed = EmployerInput(**{**current.__dict__, "liaison": "张三"})  # type: ignore[arg-type]
    context.session.perform(update_employer, hengxin, 1, changed)
    form.set_field_text("liaison", "李四")
    form.save_button.click()
    assert page.runner.wait_idle(5000)
    assert "Someone else changed this record" in form.general_message_text()
    assert form.reload_button.isVisible()
    assert context.session.query(get_employer, hengxin)[1].liaison == "张三"
    form.reload_button.click()
    assert page.runner.wait_idle(5000)  # the record is read in the background
    assert form.fields.liaison.text() == "张三"
    form.set_field_text("liaison", "李四")
    assert save(qtbot, form) == hengxin
    assert context.session.query(get_employer, hengxin)[0] == 3


def test_search_by_name_and_by_code_fragment(
    qtbot: QtBot, page: EmployersPage, type_text: TypeText, context: AppContext
) -> None:
    hengxin = register(qtbot, page, name="界首市恒信食品有限公司", credit_code=HENGXIN)
    guangming = register(qtbot, page, name="界首市光明物流有限公司", credit_code=GUANGMING)
    search(page, "")
    assert page.shown_ids() == [guangming, hengxin]  # by name
    assert page.count_label.text() == "2 employer(s)"
    for query, expected in [
        ("恒信", [hengxin]),
        ("物流", [guangming]),
        ("界首市", [guangming, hengxin]),
        (HENGXIN[8:14].lower(), [hengxin]),  # part of the code, typed in lower case
        (GUANGMING[:6], [guangming]),
        ("无此单位", []),
    ]:
        search(page, query)
        assert page.shown_ids() == expected, query
    assert page.count_label.text() == "0 employer(s)"
    # Typing waits for a pause, then searches.
    page.search_box.clear()
    type_text(page.search_box, "光明")
    qtbot.waitUntil(lambda: page.shown_ids() == [guangming])
    assert page.count_label.text() == "1 employer(s)"


def test_a_broad_search_says_how_many_there_are(
    page: EmployersPage, monkeypatch: pytest.MonkeyPatch, context: AppContext
) -> None:
    monkeypatch.setattr("station_app.ui.counter.employers.page.LIST_LIMIT", 2)
    for number in range(3):
        body = f"91341282MA2N0A1B{number}"
        data = EmployerInput(f"界首市第{number}食品厂", credit_code(body), EmployerType.ENTERPRISE)
        context.session.perform(register_employer, data)
    search(page, "食品")
    assert len(page.shown_ids()) == 2
    assert page.count_label.text() == "First 2 of 3 shown; type more to narrow the search"


def test_the_form_stays_open_until_its_save_has_landed(
    qtbot: QtBot, page: EmployersPage, context: AppContext
) -> None:
    form = page.open_register_form()
    fill(form, name="界首市恒信食品有限公司", credit_code=HENGXIN)
    with qtbot.waitSignal(form.record_saved):
        form.save_button.click()
        form.reject()  # Escape while saving
        assert form.isVisible()
    assert count(context.db) == 1
