"""Batch printing: every document printed in order, or a cancel that counts only what printed."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from station_app.errors import UserError
from station_app.ui.shared.printing import batch_print
from station_app.ui.shared.printing.batch_print import BatchOutcome, BatchPrintDialog


def make_pdf(number: int) -> bytes:
    return f"document {number}".encode()


def test_every_document_is_printed_in_order(qtbot: QtBot) -> None:
    printed: list[bytes] = []
    dialog = BatchPrintDialog(
        list(range(30)),
        make_pdf,
        QPrinter(),
        title="推荐信",
        deliver=lambda pdf, _p: printed.append(pdf),
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.batch_finished, timeout=10_000) as finished:
        dialog.start()
    outcome = finished.args[0]
    assert outcome == BatchOutcome(printed=30, total=30, cancelled=False)
    assert outcome.complete and printed == [make_pdf(n) for n in range(30)]
    assert dialog.bar.value() == 30 and dialog.cancel_button.text() == "Close"


def test_cancel_stops_between_documents_and_counts_only_the_printed(qtbot: QtBot) -> None:
    printed: list[bytes] = []
    third_made = threading.Event()
    release = threading.Event()

    def slow_make(number: int) -> bytes:
        if number == 3:
            third_made.set()
            release.wait(5)
        return make_pdf(number)

    dialog = BatchPrintDialog(
        list(range(500)),
        slow_make,
        QPrinter(),
        title="推荐信",
        deliver=lambda pdf, _p: printed.append(pdf),
    )
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitUntil(lambda: len(printed) == 3 and third_made.is_set(), timeout=5000)
    with qtbot.waitSignal(dialog.batch_finished) as finished:
        dialog.reject()  # Esc or Cancel while document 4 is being made
    release.set()
    dialog.wait_for_thread()
    qtbot.wait(50)  # a document made after the cancel arrives, and is dropped
    assert finished.args[0] == BatchOutcome(printed=3, total=500, cancelled=True)
    assert printed == [make_pdf(n) for n in range(3)]
    assert "3" in dialog.label.text() and "500" in dialog.label.text()


def test_a_printer_failure_stops_the_batch_with_a_chinese_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, chinese: None
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(batch_print.QMessageBox, "warning", lambda _w, _t, text: shown.append(text))
    calls: list[bytes] = []

    def deliver(pdf: bytes, _printer: QPrinter) -> None:
        if len(calls) == 2:
            raise UserError(
                "lp refused", code="printing.failed", params={"printer": "p", "reason": "offline"}
            )
        calls.append(pdf)

    dialog = BatchPrintDialog(list(range(10)), make_pdf, QPrinter(), title="t", deliver=deliver)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.batch_finished) as finished:
        dialog.start()
    outcome = finished.args[0]
    assert (outcome.printed, outcome.cancelled, outcome.complete) == (2, False, False)
    assert isinstance(outcome.error, UserError) and shown == ["打印机 p 未能接收文件：offline"]
    dialog.wait_for_thread()
