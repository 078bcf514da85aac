"""The print preview: a PDF shown with QtPdf, printed or saved as it is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.printing.pdf_file import write_pdf_file
from station_app.ui.shared.printing.printer_choice import choose_printer
from station_app.ui.shared.printing.printer_output import print_pdf
from station_app.ui.shared.refusal_text import refusal_text


class PrintPreviewDialog(QDialog):
    """Shows `pdf`; Print… (Ctrl+P) asks for a printer, Save as PDF… (Ctrl+S), Esc closes."""

    printed = Signal()
    saved = Signal(str)

    def __init__(
        self, pdf: bytes, title: str, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.file_name = file_name if file_name.endswith(".pdf") else file_name + ".pdf"
        self.setWindowTitle(self.tr("Print preview: {title}").format(title=title))
        self.resize(760, 900)
        self._title = title
        # The buffer and its bytes must outlive the document that reads from them.
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        pages = self.document.pageCount()
        self.page_label = QLabel(self.tr("%n page(s)", "", pages), self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.setToolTip(self.tr("Print on a printer (Ctrl+P)"))
        self.print_button.clicked.connect(self.ask_and_print)
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setToolTip(self.tr("Save the document as a PDF file (Ctrl+S)"))
        self.save_button.clicked.connect(self.ask_and_save)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.ask_and_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self.ask_and_save)

        buttons = QHBoxLayout()
        buttons.addWidget(self.page_label)
        buttons.addStretch(1)
        for button in (self.print_button, self.save_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.setFocus()

    def ask_and_print(self) -> None:
        """Print…: the print dialog chooses printer, copies and pages, then `print_to`."""
        printer = choose_printer(self, self.document.pageCount())
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Prints on the printer as it is set up; a failure is shown, and False."""
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            print_pdf(self.pdf, printer, title=self._title)
        except UserError as error:
            QGuiApplication.restoreOverrideCursor()
            self._show_failure(self.tr("Not printed"), error)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.printed.emit()
        return True

    def ask_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.file_name, self.tr("PDF documents (*.pdf)")
        )
        if path:
            self.save_to(Path(path))

    def save_to(self, path: Path) -> bool:
        """Writes the PDF to the file, whole or not at all; a failure is shown, and False."""
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        try:
            write_pdf_file(self.pdf, path)
        except UserError as error:
            self._show_failure(self.tr("Not saved"), error)
            return False
        self.saved.emit(str(path))
        return True

    def _show_failure(self, title: str, error: UserError) -> None:
        QMessageBox.warning(self, title, refusal_text(error))
