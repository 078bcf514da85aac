"""The jobs page against a real station database: filter, sort, register, edit, change status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableWidget, QWidget
from pytestqt.qtbot import QtBot
from record_helpers import show_page

from station_app.core.station_session import StationSession
from station_app.models import JobKind, JobStatus
from station_app.services.jobs import get_job, status_history
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.jobs.table_model import Column
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.form_rows import select_data
from tests.services.job_helpers import TODAY, add_employer, add_job

pytestmark = pytest.mark.gui


@pytest.fixture
def jobs(context: AppContext) -> dict[str, str]:
    station = context.session
    near = add_employer(station, "恒信食品", 1, latitude=33.27, longitude=115.38)
    far = add_employer(station, "远方纺织", 2, latitude=33.60, longitude=115.37)
    return {
        "packer": add_job(station, near, title="包装工", salary_max_fen=450_000),
        "weaver": add_job(
            station,
            far,
            title="挡车工",
            kind=JobKind.PUBLIC_WELFARE,
            valid_to=TODAY + timedelta(days=5),
            salary_min_fen=600_000,
            salary_max_fen=800_000,
        ),
        "near": near,
    }


@pytest.fixture
def page(qtbot: QtBot, context: AppContext, jobs: dict[str, str]) -> JobsPage:
    shown = show_page(qtbot, JobsPage(context))
    assert shown.runner.wait_idle()  # type: ignore[attr-defined]
    return shown


def _wait(page: JobsPage) -> None:
    page._timer.stop()
    page.apply_filter()
    assert page.runner.wait_idle()  # type: ignore[attr-defined]


def _titles(page: JobsPage) -> list[str]:
    return [page.model.cell_text(row, Column.TITLE) or "" for row in range(page.model.rowCount())]


def test_filters_and_sorting(page: JobsPage, jobs: dict[str, str]) -> None:
    assert _titles(page) == ["挡车工", "包装工"]  # by valid-until, soonest first
    page.sort_by(Column.TITLE, descending=False)
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    assert set(_titles(page)) == {"包装工", "挡车工"}
    page.sort_by(Column.SALARY, descending=True)
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    assert _titles(page) == ["挡车工", "包装工"]
    select_data(page.kind, JobKind.PUBLIC_WELFARE.value)
    _wait(page)
    assert _titles(page) == ["挡车工"]
    select_data(page.kind, "")
    page.within.setValue(10)
    _wait(page)
    assert _titles(page) == ["包装工"]  # the weaver's employer is 38 km away
    assert page.model.cell_text(0, Column.DISTANCE) not in (None, "")
    page.within.setValue(0)
    page.pay_min.setValue(5000)
    _wait(page)
    assert _titles(page) == ["挡车工"]
    assert "1" in page.count_label.text()


def _focus_table(page: JobsPage, job_id: str) -> None:
    """Back in the page's window after a dialog, on the job's row."""
    page.activateWindow()
    assert page.select_job(job_id)
    QApplication.setActiveWindow(page)  # the offscreen platform gives it back to nobody
    page.table.setFocus()


def _last_dialog(page: JobsPage) -> QWidget:
    return page.open_dialogs()[-1]


def test_register_edit_and_change_status_from_the_keyboard(
    qtbot: QtBot,
    page: JobsPage,
    context: AppContext,
    jobs: dict[str, str],
    type_text: Callable[[QWidget, str], None],
) -> None:
    station: StationSession = context.session
    page.focus_search()
    qtbot.keyClick(page.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = _last_dialog(page)
    select_data(form.employer, jobs["near"])  # type: ignore[attr-defined]
    type_text(form.title, "叉车司机")  # type: ignore[attr-defined]
    form.headcount.setValue(4)  # type: ignore[attr-defined]
    with qtbot.waitSignal(form.job_saved) as saved:  # type: ignore[attr-defined]
        form.save_button.click()  # type: ignore[attr-defined]
    job_id = saved.args[0]
    assert station.query(get_job, job_id)[2].headcount == 4
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    assert "叉车司机" in _titles(page)
    assert page.selected_id() == job_id

    # Enter edits the selected job.
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    edit = _last_dialog(page)
    assert edit.title.text() == "叉车司机"  # type: ignore[attr-defined]
    edit.headcount.setValue(6)  # type: ignore[attr-defined]
    with qtbot.waitSignal(edit.job_saved):  # type: ignore[attr-defined]
        edit.save_button.click()  # type: ignore[attr-defined]
    assert station.query(get_job, job_id)[2].headcount == 6
    assert page.runner.wait_idle()  # type: ignore[attr-defined]

    # Ctrl+T changes the status; a reason is required.
    _focus_table(page, job_id)
    qtbot.keyClick(page.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = _last_dialog(page)
    select_data(dialog.new_status, JobStatus.PAUSED.value)  # type: ignore[attr-defined]
    dialog.ok_button.click()  # type: ignore[attr-defined]
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    assert dialog.notice.text()  # type: ignore[attr-defined]
    assert station.query(get_job, job_id)[1] is JobStatus.OPEN
    type_text(dialog.reason, "设备检修")  # type: ignore[attr-defined]
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()  # type: ignore[attr-defined]
    assert station.query(get_job, job_id)[1] is JobStatus.PAUSED
    assert station.query(status_history, job_id)[-1].reason == "设备检修"
    assert page.runner.wait_idle()  # type: ignore[attr-defined]

    # Ctrl+H shows the dated history.
    _focus_table(page, job_id)
    qtbot.keyClick(page.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    history = _last_dialog(page)
    table = history.findChild(QTableWidget)
    assert table is not None
    assert table.rowCount() == 2
    assert table.item(1, 2).text() == "设备检修"


def test_bad_input_shows_the_reason_and_saves_nothing(
    page: JobsPage, context: AppContext, jobs: dict[str, str]
) -> None:
    form = page.open_register_form(jobs["near"])
    form.salary_min.setValue(6000)
    form.salary_max.setValue(5000)
    form.save()
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    assert form.notice.text()
    assert form.isVisible()


def test_an_employers_jobs_and_contacts(
    qtbot: QtBot,
    context: AppContext,
    jobs: dict[str, str],
    type_text: Callable[[QWidget, str], None],
) -> None:
    from station_app.services.employer_contacts import contact_history
    from station_app.ui.counter.employers import EmployersPage

    employers = show_page(qtbot, EmployersPage(context))
    assert employers.runner.wait_idle()
    employers.search("hengxin")  # found by pinyin
    assert employers.runner.wait_idle()
    assert len(employers.shown_ids()) == 1
    employers.select_record(jobs["near"])
    dialog = employers.open_jobs_and_contacts()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.jobs.rowCount() == 1 and dialog.jobs.item(0, 0).text() == "包装工"
    type_text(dialog.note, "走访了解春节后用工需求")
    dialog.save_contact()
    assert context.runner.wait_idle()
    assert [c.note for c in context.session.query(contact_history, jobs["near"])] == [
        "走访了解春节后用工需求"
    ]
    assert dialog.contacts.rowCount() == 1
    form = dialog.open_job_form()
    type_text(form.title, "质检员")
    with qtbot.waitSignal(form.job_saved):
        form.save_button.click()
    assert context.runner.wait_idle()
    assert dialog.jobs.rowCount() == 2
    dialog.note.clear()
    dialog.save_contact()  # an empty note is refused with the reason
    assert context.runner.wait_idle()
    assert dialog.notice.text()
    assert dialog.contacts.rowCount() == 1
