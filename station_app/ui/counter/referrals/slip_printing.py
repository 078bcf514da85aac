"""Referral slips from the counter: one slip in the print preview, or many in a batch."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from station_app.errors import UserError
from station_app.printing.referral_slip import referral_slip_pdf
from station_app.services.referral_slips import SlipFacts, slip_facts
from station_app.sync.slip_identity import slip_keys
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.batch_print import BatchPrintDialog
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from station_app.ui.shared.printing.printer_choice import choose_printer
from station_app.ui.shared.refusal_text import refusal_text


def read_slips(context: AppContext, serials: Sequence[str]) -> Callable[[], list[SlipFacts]]:
    """The work that reads the slips' facts (on the app's runner: keys, then the database)."""
    station, data_dir, wanted = context.session, context.data_dir, tuple(serials)

    def read() -> list[SlipFacts]:
        keys = slip_keys(data_dir)
        assert keys is not None  # made when missing
        return [station.query(slip_facts, serial, keys=keys) for serial in wanted]

    return read


def show_slip(
    context: AppContext,
    serial: str,
    parent: QWidget,
    then: Callable[[PrintPreviewDialog], object] | None = None,
) -> None:
    """Reads the slip and shows it in the print preview (Ctrl+P prints it)."""

    def arrived(slips: list[SlipFacts]) -> None:
        if not shiboken6.isValid(parent):
            return
        (facts,) = slips
        dialog = PrintPreviewDialog(
            referral_slip_pdf(facts),
            QCoreApplication.translate("SlipPrinting", "Referral slip {serial}").format(
                serial=facts.serial
            ),
            f"推荐信-{facts.serial}",
            parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.activateWindow()
        if then is not None:
            then(dialog)

    context.runner.run(read_slips(context, [serial]), arrived, lambda e: _refused(parent, e))


def print_slips(
    context: AppContext,
    serials: Sequence[str],
    parent: QWidget,
    then: Callable[[BatchPrintDialog[SlipFacts]], object] | None = None,
) -> None:
    """Reads the slips, asks for a printer and prints them one by one with a progress bar
    (Cancel stops between slips)."""

    def arrived(slips: list[SlipFacts]) -> None:
        if not shiboken6.isValid(parent) or not slips:
            return
        printer = choose_printer(parent, len(slips))
        if printer is None:
            return
        dialog: BatchPrintDialog[SlipFacts] = BatchPrintDialog(
            slips,
            referral_slip_pdf,
            printer,
            title=QCoreApplication.translate(
                "SlipPrinting", "Printing {count} referral slips"
            ).format(count=len(slips)),
            parent=parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start()
        if then is not None:
            then(dialog)

    context.runner.run(read_slips(context, serials), arrived, lambda e: _refused(parent, e))


def _refused(parent: QWidget, error: UserError) -> None:
    if shiboken6.isValid(parent):
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("SlipPrinting", "The slip cannot be printed"),
            refusal_text(error),
        )
