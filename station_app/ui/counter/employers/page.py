"""The employers page: find employers by name, pinyin or credit code, register and edit them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton

from station_app.core.permissions import Permission
from station_app.services.employers import EmployerRow, count_employers, list_employers
from station_app.ui.counter.employers.form import EmployerFormDialog
from station_app.ui.counter.employers.ledger_dialog import EmployerLedgerDialog
from station_app.ui.counter.employers.table_model import Column, EmployerTableModel
from station_app.ui.counter.ledgers.ledger_menu import LedgerButton
from station_app.ui.counter.record_page import RecordPage

LIST_LIMIT = 500  # rows shown at most; a broader search says how many there are
COLUMN_WIDTHS = {
    Column.NAME: 250,
    Column.CREDIT_CODE: 180,
    Column.TYPE: 120,
    Column.INDUSTRY: 210,
    Column.CONTACT: 100,
    Column.PHONE: 130,
}


class EmployersPage(RecordPage):
    """Search box, result count and the employers table, with register and edit buttons.

    The employers of a station are few (thousands at most): each search asks the database,
    on the app's runner (a search through 12,000 names takes tens of ms). The list is
    searched again whenever an employer changes.
    """

    form_class = EmployerFormDialog
    entity = "employer"
    write_permission = Permission.EMPLOYER_WRITE
    column_widths = COLUMN_WIDTHS
    model: EmployerTableModel

    def _set_up(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Part of the name, its pinyin or of the credit code")
        )
        self.register_button.setText(self.tr("Register an employer"))
        self.ledger_button = LedgerButton(self._context, ("employers", "jobs"), self)
        self.top_bar.addWidget(self.ledger_button)
        self.jobs_button = QPushButton(self.tr("Jobs and contacts"))
        self.jobs_button.setToolTip(QKeySequence("Ctrl+J").toString())
        self.jobs_button.setEnabled(False)
        self.jobs_button.clicked.connect(lambda: self.open_jobs_and_contacts())
        self.top_bar.addWidget(self.jobs_button)
        shortcut = QShortcut(QKeySequence("Ctrl+J"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.open_jobs_and_contacts)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.jobs_button.setEnabled(self.selected_id() is not None)
        )
        self.apply_search()

    def open_jobs_and_contacts(self, employer_id: str | None = None) -> EmployerLedgerDialog | None:
        """The employer's jobs and contact history (default: the selected employer's)."""
        employer_id = employer_id or self.selected_id()
        if employer_id is None:
            return None
        dialog = EmployerLedgerDialog(self._context, employer_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("EmployersPage", "Employers")

    def _make_model(self) -> EmployerTableModel:
        return EmployerTableModel(self)

    # --- searching ---------------------------------------------------------------------

    def apply_search(self, then: Callable[[], object] | None = None) -> None:
        self._search_timer.stop()
        text = self.search_box.text()
        station = self._context.session

        def find() -> tuple[list[EmployerRow], int]:
            rows = station.query(list_employers, text, limit=LIST_LIMIT)
            total = len(rows) if len(rows) < LIST_LIMIT else station.query(count_employers, text)
            return rows, total

        self._runner.run(find, lambda found: self._found(text, found, then))

    def _found(
        self,
        text: str,
        found: tuple[list[EmployerRow], int],
        then: Callable[[], object] | None,
    ) -> None:
        if self._gone() or text != self.search_box.text():
            return  # the page is gone, or the worker typed on: a newer search is coming
        rows, total = found
        self.model.set_rows(rows)
        if total <= len(rows):
            self.count_label.setText(self.tr("%n employer(s)", "", len(rows)))
        else:
            label = self.tr("First {shown} of %n shown; type more to narrow the search", "", total)
            self.count_label.setText(label.format(shown=len(rows)))
        if then is not None:
            then()

    def select_employer(self, employer_id: str) -> bool:
        """Selects and shows this employer's row if it is in the list."""
        return self.select_record(employer_id)

    # --- after a change ----------------------------------------------------------------

    def _records_changed(self, ids: frozenset[str]) -> None:
        selected = self.selected_id()
        self.apply_search(lambda: selected is not None and self.select_record(selected))
