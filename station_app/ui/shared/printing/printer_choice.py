"""Asks the worker for a printer, copies and pages with Qt's print dialog."""

from __future__ import annotations

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget


def new_printer() -> QPrinter:
    """A printer at its full resolution (the system's default printer)."""
    return QPrinter(QPrinter.PrinterMode.HighResolution)


def choose_printer(parent: QWidget | None, page_count: int = 0) -> QPrinter | None:
    """The printer the worker chose, or None if they cancelled."""
    printer = new_printer()
    dialog = QPrintDialog(printer, parent)
    if page_count > 0:
        dialog.setMinMax(1, page_count)
    else:
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, False)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None
