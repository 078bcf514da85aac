"""The "Ledgers" button of a page: import, export and the empty template of its kinds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton, QWidget

from station_app.errors import UserError
from station_app.ledgers.writer import write_export, write_template
from station_app.ui.counter.ledgers.import_dialog import LedgerImportDialog
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext


def kind_name(kind: str) -> str:
    return {
        "residents": QCoreApplication.translate("LedgerButton", "residents"),
        "employers": QCoreApplication.translate("LedgerButton", "employers"),
        "jobs": QCoreApplication.translate("LedgerButton", "jobs"),
    }[kind]


def default_file_name(kind: str, *, template: bool) -> str:
    names = {"residents": "居民台账", "employers": "用人单位台账", "jobs": "岗位台账"}
    return names[kind] + ("模板" if template else "") + ".xlsx"


class LedgerButton(QToolButton):
    """A button with a menu of ledger actions for the given kinds of record."""

    def __init__(self, context: AppContext, kinds: Sequence[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self._page = parent
        self.dialogs: list[LedgerImportDialog] = []
        self.message: QMessageBox | None = None
        self.setText(self.tr("Excel ledgers"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Room for the menu arrow, which the style draws over the text's end otherwise.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.text()) + 40)
        menu = QMenu(self)
        for kind in kinds:
            name = kind_name(kind)
            menu.addAction(
                self.tr("Import {kind} from Excel…").format(kind=name),
                lambda k=kind: self.open_import(k),
            )
            menu.addAction(
                self.tr("Export {kind} to Excel…").format(kind=name), lambda k=kind: self._export(k)
            )
            menu.addAction(
                self.tr("Empty template for {kind}…").format(kind=name),
                lambda k=kind: self._template(k),
            )
            menu.addSeparator()
        self.setMenu(menu)

    def open_import(self, kind: str) -> LedgerImportDialog:
        dialog = LedgerImportDialog(self._context, kind, self._page)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))
        dialog.show()
        return dialog

    def _ask_path(self, kind: str, *, template: bool) -> Path | None:
        path, _filter = QFileDialog.getSaveFileName(
            self._page,
            self.tr("Save the Excel ledger"),
            default_file_name(kind, template=template),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        return Path(path) if path else None

    def _export(self, kind: str) -> None:
        path = self._ask_path(kind, template=False)
        if path is not None:
            self.export_to(kind, path)

    def export_to(self, kind: str, path: Path) -> None:
        session = self._context.session

        def export() -> int:
            with session.read() as rx:
                return write_export(rx, kind, path)

        self._context.runner.run(
            export,
            lambda count: self._tell(
                self.tr("{count} records were exported to {file}.").format(
                    count=count, file=path.name
                )
            ),
            self._refused,
        )

    def _template(self, kind: str) -> None:
        path = self._ask_path(kind, template=True)
        if path is None:
            return
        try:
            write_template(kind, path)
        except UserError as error:
            self._refused(error)

    def _tell(self, text: str, icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
        box = self.message = QMessageBox(icon, self.tr("Excel ledgers"), text, parent=self._page)
        box.open()  # not modal: the counter keeps working

    def _refused(self, error: UserError) -> None:
        self._tell(catalogue.current().error(error), QMessageBox.Icon.Warning)
