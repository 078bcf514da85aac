"""The ledger import dialog on the residents' page: preview with problems, import, cancel."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from record_helpers import count_rows, show_page

from station_app.models import EmploymentStatus, Resident
from station_app.services.residents import (
    ResidentInput,
    get_resident,
    register_resident,
    update_resident,
)
from station_app.ui.counter.ledgers.import_dialog import LedgerImportDialog
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.shared.context import AppContext
from tests.ledgers.ledger_files import id_number, write_book

pytestmark = pytest.mark.gui


def ledger(tmp_path: Path) -> Path:
    rows = [
        ["人民路社区居民台账"],
        ["姓名", "身份证号", "就业状态", "联系电话"],
        ["蒋一", id_number(serial="061"), "未就业", "13912345678"],
        ["沈二", 341282199003070631.0, "单位就业", ""],
        ["韩三", id_number(serial="065"), "灵活就业", "12345"],
    ]
    return write_book(tmp_path / "台账.xlsx", {"台账": rows}, merged={"台账": ["A1:D1"]})


@pytest.fixture
def dialog(qtbot: QtBot, context: AppContext, chinese: None) -> LedgerImportDialog:
    page = show_page(qtbot, ResidentsPage(context))
    assert page.runner.wait_idle()
    return page.ledger_button.open_import("residents")


def test_the_preview_shows_each_refused_row_with_its_reason_in_chinese(
    dialog: LedgerImportDialog, context: AppContext, tmp_path: Path
) -> None:
    dialog.load_file(ledger(tmp_path))
    assert context.runner.wait_idle()
    assert dialog.plan is not None
    assert dialog.table.rowCount() == 3
    first = [dialog.table.item(0, c).text() for c in range(5)]
    assert first[:3] == ["台账", "4", "不予导入"]
    assert "B（身份证号）：Excel 把此身份证号存成了数字" in first[4]
    assert dialog.summary.text().startswith("共 3 行：新增 1 行")
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    assert context.runner.wait_idle()
    assert count_rows(context.db, Resident) == 1
    assert dialog.summary.text().startswith("导入完成：新增 1 条")
    assert not dialog.import_button.isEnabled()


def test_a_cancelled_import_saves_nothing(
    dialog: LedgerImportDialog, context: AppContext, tmp_path: Path
) -> None:
    dialog.load_file(ledger(tmp_path))
    assert context.runner.wait_idle()
    # The app's one worker thread is held busy, so the cancel comes before the import runs.
    release = threading.Event()
    context.runner.run(lambda: release.wait(5), lambda _result: None)
    dialog.start_import()
    assert dialog.cancel_button.isVisible()
    dialog.cancel_button.click()
    release.set()
    assert context.runner.wait_idle()
    assert count_rows(context.db, Resident) == 0
    assert "导入已取消，未保存任何数据" in dialog.summary.text()
    assert dialog.import_button.isEnabled()  # the worker may import after all


def test_a_file_that_is_no_ledger_says_so(
    dialog: LedgerImportDialog, context: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "x.xlsx"
    path.write_text("no workbook")
    dialog.load_file(path)
    assert context.runner.wait_idle()
    assert "无法把 x.xlsx 作为 Excel 工作簿" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()


def test_the_employers_page_exports_a_ledger_that_re_imports(
    qtbot: QtBot, context: AppContext, chinese: None, tmp_path: Path
) -> None:
    from station_app.ui.counter.employers import EmployersPage

    page = show_page(qtbot, EmployersPage(context))
    assert page.runner.wait_idle()
    target = tmp_path / "用人单位.xlsx"
    page.ledger_button.export_to("employers", target)
    assert context.runner.wait_idle()
    message = page.ledger_button.message
    assert message is not None
    assert message.text() == "已导出 0 条记录到 用人单位.xlsx。"
    dialog = page.ledger_button.open_import("employers")
    assert dialog.windowTitle() == "导入用人单位台账"
    dialog.load_file(target)
    assert context.runner.wait_idle()
    assert dialog.plan is not None and dialog.plan.rows == ()
    assert not dialog.import_button.isEnabled()


def _previewed(dialog: LedgerImportDialog, context: AppContext, tmp_path: Path) -> str:
    """A registered resident (their id), and the preview of a ledger giving them a new phone
    and adding another resident."""
    data = ResidentInput(
        id_number=id_number(serial="071"),
        name="朱七",
        community_id=context.session.station.community_id,
        employment_status=EmploymentStatus.UNEMPLOYED,
        phone="13900000000",
    )
    resident_id = context.session.perform(register_resident, data)
    rows = [
        ["姓名", "身份证号", "就业状态", "联系电话"],
        ["", id_number(serial="071"), "", "13911112222"],
        ["秦八", id_number(serial="073"), "未就业", "13933334444"],
    ]
    dialog.load_file(write_book(tmp_path / "台账.xlsx", {"台账": rows}))
    assert context.runner.wait_idle()
    return resident_id


def _import_updating(dialog: LedgerImportDialog, context: AppContext) -> None:
    """The worker chooses to update registered records and imports."""
    dialog.update_choice.click()
    dialog.import_button.click()
    assert context.runner.wait_idle()


def _phone(context: AppContext, resident_id: str) -> str:
    with context.session.read() as rx:
        return get_resident(rx, resident_id).data.phone


def test_the_worker_chooses_to_update_the_registered_records(
    dialog: LedgerImportDialog, context: AppContext, tmp_path: Path
) -> None:
    resident_id = _previewed(dialog, context, tmp_path)
    assert dialog.summary.text().startswith("共 2 行：新增 1 行")
    _import_updating(dialog, context)
    assert dialog.summary.text().startswith("导入完成：新增 1 条，更新 1 条")
    assert _phone(context, resident_id) == "13911112222"
    assert count_rows(context.db, Resident) == 2


def test_a_record_changed_after_the_preview_stops_the_import_with_the_reason(
    dialog: LedgerImportDialog, context: AppContext, tmp_path: Path
) -> None:
    resident_id = _previewed(dialog, context, tmp_path)
    with context.session.read() as rx:
        edit = replace(get_resident(rx, resident_id).data, phone="13800000000")
    context.session.perform(update_resident, resident_id, 1, edit)  # another worker, meanwhile
    _import_updating(dialog, context)
    assert "其他人修改了它" in dialog.summary.text()
    assert _phone(context, resident_id) == "13800000000"
    assert count_rows(context.db, Resident) == 1  # nothing of the file was saved
    assert dialog.import_button.isEnabled()
