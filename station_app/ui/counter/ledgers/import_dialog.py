"""The ledger import dialog: pick a file, preview every row with its problems, import or not."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.ledgers.importer import (
    ImportPlan,
    ImportResult,
    MatchChoice,
    PlannedRow,
    RowAction,
    commit_import,
    plan_import,
)
from station_app.ledgers.writer import write_report
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext

PREVIEW_ROWS = 2000  # rows shown; the refused ones first (the report holds them all)


class _Progress(QObject):
    """Carries the import's progress from the worker thread to the dialog (queued)."""

    advanced = Signal(int, int)


class LedgerImportDialog(QDialog):
    """One import of one kind of ledger; nothing is saved before the worker presses Import."""

    imported = Signal(object)  # the ImportResult

    def __init__(self, context: AppContext, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._kind = kind
        self._plan: ImportPlan | None = None
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self._progress.advanced.connect(self._advanced)
        self.setWindowTitle(self._title())
        self.resize(1000, 620)

        self.file_label = QLabel(self.tr("Choose the Excel ledger (.xlsx) to import."))
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self._choose)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Result"),
                self.tr("Name"),
                self.tr("Problems"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        for column, width in enumerate((110, 60, 130, 120)):
            self.table.setColumnWidth(column, width)
        self.update_choice = QRadioButton(self.tr("Update the records registered already"))
        self.skip_choice = QRadioButton(self.tr("Skip the records registered already"))
        self.skip_choice.setChecked(True)
        self.progress_bar = QProgressBar()
        self.progress_bar.setVisible(False)
        self.import_button = QPushButton(self.tr("Import the accepted rows"))
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.report_button = QPushButton(self.tr("Save the report…"))
        self.report_button.setEnabled(False)
        self.report_button.clicked.connect(self._save_report)
        self.cancel_button = QPushButton(self.tr("Cancel the import"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_import)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(self.choose_button)
        choices = QHBoxLayout()
        choices.addWidget(self.update_choice)
        choices.addWidget(self.skip_choice)
        choices.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress_bar, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(0)
        buttons.addWidget(self.report_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addLayout(buttons)

    def _title(self) -> str:
        titles = {
            "residents": self.tr("Import a residents' ledger"),
            "employers": self.tr("Import an employers' ledger"),
            "jobs": self.tr("Import a jobs' ledger"),
        }
        return titles[self._kind]

    @property
    def plan(self) -> ImportPlan | None:
        return self._plan

    # --- reading ------------------------------------------------------------------------

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self._title(), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Reads and checks the file in the background; the preview follows."""
        self._plan = None
        self.file_label.setText(path.name)
        self.summary.setText(self.tr("Reading and checking every row…"))
        self.table.setRowCount(0)
        self._set_busy(True)
        session, kind = self._context.session, self._kind
        self._context.runner.run(
            lambda: session.query(plan_import, kind, path), self._planned, self._failed
        )

    def _planned(self, plan: ImportPlan) -> None:
        self._set_busy(False)
        self._plan = plan
        counts = plan.counts
        self.summary.setText(
            self.tr(
                "{rows} rows: {new} new, {update} registered with changes, {unchanged} "
                "registered and unchanged, {rejected} refused (never imported)."
            ).format(
                rows=len(plan.rows),
                new=counts[RowAction.NEW],
                update=counts[RowAction.UPDATE],
                unchanged=counts[RowAction.UNCHANGED],
                rejected=counts[RowAction.REJECTED],
            )
        )
        shown = plan.of(RowAction.REJECTED) + [
            r for r in plan.rows if r.action is not RowAction.REJECTED
        ]
        shown = shown[:PREVIEW_ROWS]
        self.table.setRowCount(len(shown))
        for index, row in enumerate(shown):
            self._fill_row(index, row)
        self.import_button.setEnabled(bool(counts[RowAction.NEW] or counts[RowAction.UPDATE]))
        self.report_button.setEnabled(True)

    def _fill_row(self, index: int, row: PlannedRow) -> None:
        texts = catalogue.current()
        problems = " ".join(
            (f"{p.column}（{p.header}）：" if p.column else f"{p.header}：" if p.header else "")
            + (texts.text(p.code, **p.params) if p.code in texts else p.message)
            for p in row.problems
        )
        cells = (row.sheet, str(row.row), self._action_text(row.action), row.label, problems)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(index, column, item)

    def _action_text(self, action: RowAction) -> str:
        return {
            RowAction.NEW: self.tr("New"),
            RowAction.UPDATE: self.tr("Registered, changed"),
            RowAction.UNCHANGED: self.tr("Registered, unchanged"),
            RowAction.REJECTED: self.tr("Refused"),
        }[action]

    # --- saving -------------------------------------------------------------------------

    def start_import(self) -> None:
        """Saves every accepted row in one transaction, in the background; cancel undoes all."""
        plan = self._plan
        if plan is None:
            return
        choice = MatchChoice.UPDATE if self.update_choice.isChecked() else MatchChoice.SKIP
        self._cancel.clear()
        self._set_busy(True, importing=True)
        session, progress, cancel = self._context.session, self._progress, self._cancel
        self._context.runner.run(
            lambda: commit_import(
                session,
                plan,
                on_match=choice,
                progress=progress.advanced.emit,
                cancelled=cancel.is_set,
            ),
            self._done,
            self._failed,
        )

    def cancel_import(self) -> None:
        self._cancel.set()

    def _advanced(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _done(self, result: ImportResult) -> None:
        self._set_busy(False)
        self._plan = None
        self.import_button.setEnabled(False)
        self.summary.setText(
            self.tr(
                "Imported: {created} new, {updated} updated, {skipped} skipped, {unchanged} "
                "unchanged; {rejected} refused rows were not imported."
            ).format(
                created=result.created,
                updated=result.updated,
                skipped=result.skipped,
                unchanged=result.unchanged,
                rejected=result.rejected,
            )
        )
        self.imported.emit(result)

    def _failed(self, error: UserError) -> None:
        self._set_busy(False)
        self.summary.setText(catalogue.current().error(error))
        self.import_button.setEnabled(self._plan is not None)

    def _set_busy(self, busy: bool, *, importing: bool = False) -> None:
        self.choose_button.setEnabled(not busy)
        self.import_button.setEnabled(not busy and self._plan is not None)
        self.close_button.setEnabled(not busy)
        self.progress_bar.setVisible(busy)
        self.cancel_button.setVisible(busy and importing)
        if busy:
            self.progress_bar.setRange(0, 0)

    def _save_report(self) -> None:
        plan = self._plan
        if plan is None:
            return
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), "导入报告.xlsx", self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            try:
                write_report(plan, Path(path))
            except UserError as error:
                self.summary.setText(catalogue.current().error(error))
