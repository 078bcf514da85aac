"""精准推送 at the counter: a job's residents who fit, told about it, printed as a call list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from record_helpers import show_page

from station_app.core.station_session import StationSession
from station_app.models import KeyGroup
from station_app.services.migrant_bundle import bundle_state
from station_app.services.referrals import referrals_of
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.jobs.call_list_dialog import CallListDialog
from station_app.ui.counter.referrals import slip_printing
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.batch_print import BatchPrintDialog
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from tests.printing.pdf_helpers import needs_poppler, pdf_text
from tests.services.match_helpers import job_at, resident

pytestmark = pytest.mark.gui


def _open(qtbot: QtBot, context: AppContext, job_id: str) -> CallListDialog:
    page = show_page(qtbot, JobsPage(context))
    assert page.runner.wait_idle()  # type: ignore[attr-defined]
    dialog = page.open_call_list(job_id)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.count.text() != "", timeout=5000)
    return dialog


def test_the_residents_who_fit_are_listed_told_and_counted_as_a_job_offer(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    migrant = resident(station, 1, key_groups=frozenset({KeyGroup.MIGRANT_WORKER}), name="王芳")
    resident(station, 2, name="刘洋", desired="6-01-01-01")
    job = job_at(station, 0.8, 1)
    dialog = _open(qtbot, context, job)
    names = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert names[0] == "王芳" and set(names) == {"王芳", "刘洋"}
    assert dialog.table.item(0, 3).text() == "13800138000"  # a worker sees the full phone
    assert dialog.table.item(0, 6).text() == ""  # never told

    with qtbot.waitSignal(dialog.listed, timeout=5000):
        qtbot.keyClick(dialog.table, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.item(0, 6).text() == date.today().isoformat()
    assert "王芳" in dialog.message_text()
    offers = station.query(bundle_state, migrant).parts
    assert next(p for p in offers if p.part.code == "job_offers").done == 1


@needs_poppler
def test_the_call_list_prints_with_the_job_and_the_residents(
    qtbot: QtBot, context: AppContext, station: StationSession, tmp_path: Path
) -> None:
    resident(station, 1, name="王芳")
    job = job_at(station, 0.8, 1, title="营销员甲")
    dialog = _open(qtbot, context, job)
    shown: list[PrintPreviewDialog] = []
    dialog.print_list(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    text = pdf_text(shown[0].pdf, tmp_path)
    assert "营销员甲" in text and "王芳" in text and "第1页" in text.replace(" ", "")


def test_enter_opens_the_residents_profile(
    qtbot: QtBot, context: AppContext, station: StationSession
) -> None:
    rid = resident(station, 1)
    dialog = _open(qtbot, context, job_at(station, 0.8, 1))
    with qtbot.waitSignal(dialog.profile_requested) as asked:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert asked.args == [rid]
    assert dialog.isVisible()  # Enter never closes the list


def test_the_selected_residents_are_referred_and_their_slips_printed_in_one_batch(
    qtbot: QtBot,
    context: AppContext,
    station: StationSession,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = resident(station, 1, name="王芳")
    second = resident(station, 2, name="刘洋")
    job = job_at(station, 0.8, 1, headcount=5)
    dialog = _open(qtbot, context, job)
    printed: list[Path] = []

    def to_file(_parent: object, _pages: int = 0) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        path = tmp_path / f"batch-{len(printed)}.pdf"
        printed.append(path)
        printer.setOutputFileName(str(path))  # what the print dialog's "print to file" sets
        return printer

    monkeypatch.setattr(slip_printing, "choose_printer", to_file)
    dialog.table.selectAll()
    batches: list[BatchPrintDialog[object]] = []
    dialog.refer_selected(batches.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(batches) and batches[0].outcome is not None, timeout=10_000)
    outcome = batches[0].outcome
    assert outcome is not None
    assert (outcome.printed, outcome.total, outcome.cancelled) == (2, 2, False)
    serials = {r.serial for rid in (first, second) for r in station.query(referrals_of, rid)}
    assert len(serials) == 2
    assert "Referred: 2 resident(s)." in dialog.message_text()


def test_a_resident_already_referred_is_named_and_the_others_still_referred(
    qtbot: QtBot,
    context: AppContext,
    station: StationSession,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = resident(station, 1, name="王芳")
    resident(station, 2, name="刘洋")
    job = job_at(station, 0.8, 1, headcount=5)
    dialog = _open(qtbot, context, job)
    monkeypatch.setattr(slip_printing, "choose_printer", lambda *_args: None)  # cancelled
    row = next(i for i, r in enumerate(dialog.residents) if r.resident_id == first)
    dialog.table.selectRow(row)
    dialog.refer_selected()
    qtbot.waitUntil(lambda: "Referred: 1" in dialog.message_text(), timeout=5000)
    dialog.table.selectAll()
    dialog.refer_selected()
    qtbot.waitUntil(lambda: "Not referred" in dialog.message_text(), timeout=5000)
    assert "王芳" in dialog.message_text() and "Referred: 1" in dialog.message_text()


def test_the_call_list_exports_to_excel(
    qtbot: QtBot, context: AppContext, station: StationSession, tmp_path: Path
) -> None:
    from python_calamine import CalamineWorkbook

    resident(station, 1, name="王芳")
    dialog = _open(qtbot, context, job_at(station, 0.8, 1, title="营销员甲"))
    target = tmp_path / "名单"
    dialog.export_to(target)  # the extension is added
    qtbot.waitUntil(lambda: "Exported 1" in dialog.message_text(), timeout=5000)
    rows = CalamineWorkbook.from_path(str(tmp_path / "名单.xlsx")).get_sheet_by_index(0)
    values = rows.to_python()
    assert "营销员甲" in str(values[0][0])
    assert values[2][:2] == ["序号", "姓名"]
    assert values[3][1] == "王芳" and values[3][5] == "13800138000"
