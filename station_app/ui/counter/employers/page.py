"""The employers page: find employers by name or credit code, register and edit them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.services.employers import count_employers, list_employers
from station_app.ui.counter.employers.form import EmployerFormDialog
from station_app.ui.counter.employers.table_model import Column, EmployerTableModel
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

    The employers of a station are few (thousands at most): each search asks the service
    directly. The list is searched again whenever an employer changes.
    """

    form_class = EmployerFormDialog
    entity = "employer"
    column_widths = COLUMN_WIDTHS
    model: EmployerTableModel

    def _set_up(self) -> None:
        self.search_box.setPlaceholderText(self.tr("Part of the name or of the credit code"))
        self.register_button.setText(self.tr("Register an employer"))
        self.apply_search()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("EmployersPage", "Employers")

    def _make_model(self) -> EmployerTableModel:
        return EmployerTableModel(self)

    # --- searching ---------------------------------------------------------------------

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text()
        station = self._context.session
        rows = station.query(list_employers, text, limit=LIST_LIMIT)
        self.model.set_rows(rows)
        if len(rows) < LIST_LIMIT:
            self.count_label.setText(self.tr("%n employer(s)", "", len(rows)))
            return
        total = station.query(count_employers, text)
        label = self.tr("First {shown} of %n shown; type more to narrow the search", "", total)
        self.count_label.setText(label.format(shown=len(rows)))

    def select_employer(self, employer_id: str) -> bool:
        """Selects and shows this employer's row if it is in the list."""
        return self.select_record(employer_id)

    # --- after a change ----------------------------------------------------------------

    def _records_changed(self, ids: frozenset[str]) -> None:
        selected = self.selected_id()
        self.apply_search()
        if selected is not None:
            self.select_record(selected)
