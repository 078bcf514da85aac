"""Prints many documents (500 slips) with a progress dialog the worker may cancel.

The documents are made one by one on a thread of this dialog's own (pure ReportLab work on
plain data: read what they need from the database first, on the app's task runner) and each
is sent to the printer on the GUI thread as it arrives. Cancel stops between documents; the
outcome says how many were printed, never more than reached the printer.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.ui.shared.printing.printer_output import print_pdf
from station_app.ui.shared.refusal_text import refusal_text

log = logging.getLogger(__name__)

T = TypeVar("T")
Deliver = Callable[[bytes, QPrinter], None]


@dataclass(frozen=True)
class BatchOutcome:
    printed: int  # documents the printer took, in order from the first
    total: int
    cancelled: bool
    error: UserError | None = None

    @property
    def complete(self) -> bool:
        return self.printed == self.total


class _Relay(QObject):
    made = Signal(int, bytes)
    failed = Signal(object)


class BatchPrintDialog(QDialog, Generic[T]):
    """Makes `make_pdf(item)` for each item in the background and prints each on `printer`.

    `start()` begins; `batch_finished(BatchOutcome)` is emitted once at the end (done,
    cancelled or failed), and the dialog then offers Close.
    """

    batch_finished = Signal(object)

    def __init__(
        self,
        items: Sequence[T],
        make_pdf: Callable[[T], bytes],
        printer: QPrinter,
        *,
        title: str,
        parent: QWidget | None = None,
        deliver: Deliver = print_pdf,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._items = items
        self._make_pdf = make_pdf
        self._printer = printer
        self._deliver = deliver
        self._printed = 0
        self._stop = threading.Event()
        self._outcome: BatchOutcome | None = None
        self._thread: threading.Thread | None = None
        self._relay = _Relay(self)
        self._relay.made.connect(self._print_one)
        self._relay.failed.connect(self._making_failed)

        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, len(items))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setText(self.tr("Cancel"))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self._show_progress()

    @property
    def outcome(self) -> BatchOutcome | None:
        return self._outcome

    def start(self) -> None:
        if not self._items:
            self._finish(cancelled=False)
            return
        self._thread = threading.Thread(target=self._make_all, name="batch-print", daemon=True)
        self._thread.start()

    def cancel(self) -> None:
        """Stops after the document being printed; what was printed stays counted."""
        if self._outcome is None:
            self._stop.set()
            self._finish(cancelled=True)

    def reject(self) -> None:  # Esc and Cancel: cancel first, close once finished
        if self._outcome is None:
            self.cancel()
        else:
            super().reject()

    def wait_for_thread(self, timeout_s: float = 10.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout_s)

    def _make_all(self) -> None:
        """On the batch's thread: makes the documents in order until told to stop."""
        for index, item in enumerate(self._items):
            if self._stop.is_set():
                return
            try:
                pdf = self._make_pdf(item)
            except Exception as error:  # handed to the GUI thread: a message or the crash dialog
                self._relay.failed.emit(error)
                return
            self._relay.made.emit(index, pdf)

    @Slot(int, bytes)
    def _print_one(self, index: int, pdf: bytes) -> None:
        if self._outcome is not None:
            return  # cancelled or failed meanwhile: documents still arriving are dropped
        try:
            self._deliver(pdf, self._printer)
        except UserError as error:
            self._stop.set()
            self._finish(cancelled=False, error=error)
            QMessageBox.warning(self, self.tr("Printing stopped"), refusal_text(error))
            return
        self._printed = index + 1
        self._show_progress()
        if self._printed == len(self._items):
            self._finish(cancelled=False)

    @Slot(object)
    def _making_failed(self, error: BaseException) -> None:
        if self._outcome is not None:
            return
        self._stop.set()
        if isinstance(error, UserError):
            self._finish(cancelled=False, error=error)
            QMessageBox.warning(self, self.tr("Printing stopped"), refusal_text(error))
            return
        self._finish(cancelled=False)
        raise error  # a bug: the app's crash dialog

    def _show_progress(self) -> None:
        total = len(self._items)
        self.bar.setValue(self._printed)
        self.label.setText(
            self.tr("Printing: {done} of {total} documents printed").format(
                done=self._printed, total=total
            )
        )

    def _finish(self, *, cancelled: bool, error: UserError | None = None) -> None:
        total = len(self._items)
        self._outcome = BatchOutcome(self._printed, total, cancelled, error)
        if cancelled:
            text = self.tr("Cancelled: {done} of {total} documents were printed.")
        elif error is not None:
            text = self.tr("Stopped: {done} of {total} documents were printed.")
        else:
            text = self.tr("Done: all {total} documents were printed.")
        self.label.setText(text.format(done=self._printed, total=total))
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.batch_finished.emit(self._outcome)
