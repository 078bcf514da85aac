"""The employers page: find employers by name or credit code, register and edit them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from station_app.services.employers import count_employers, list_employers
from station_app.ui.context import AppContext
from station_app.ui.employers.form import EmployerFormDialog
from station_app.ui.employers.table_model import Column, EmployerTableModel
from station_app.ui.task_runner import TaskRunner

SEARCH_DELAY_MS = 150
LIST_LIMIT = 500  # rows shown at most; a broader search says how many there are
COLUMN_WIDTHS = {
    Column.NAME: 250,
    Column.CREDIT_CODE: 180,
    Column.TYPE: 120,
    Column.INDUSTRY: 210,
    Column.CONTACT: 100,
    Column.PHONE: 130,
}


class EmployersPage(QWidget):
    """Search box, result count and the employers table, with register and edit buttons.

    The employers of a station are few (thousands at most): each search asks the service
    directly. Saving goes through the form, on the page's background runner.
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = runner if runner is not None else TaskRunner(self)
        self._forms: list[EmployerFormDialog] = []

        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Part of the name or of the credit code"))
        self.count_label = QLabel()
        self.register_button = QPushButton(self.tr("Register an employer"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setEnabled(False)
        self.model = EmployerTableModel(self)
        self.table = QTableView()
        self._set_up_table()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.register_button)
        top.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._search_now_and_focus_table)
        self._search_timer.timeout.connect(self.apply_search)
        self.register_button.clicked.connect(lambda: self.open_register_form())
        self.edit_button.clicked.connect(lambda: self.open_edit_form())
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.apply_search()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("EmployersPage", "Employers")

    @property
    def runner(self) -> TaskRunner:
        """The runner of the page's saves (tests wait on it: `runner.wait_idle()`)."""
        return self._runner

    # --- searching ---------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Puts `text` in the search box and searches at once (no typing delay)."""
        self.search_box.setText(text)
        self.apply_search()

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search_box.text()
        rows = list_employers(self._context.db, text, limit=LIST_LIMIT)
        self.model.set_rows(rows)
        if len(rows) < LIST_LIMIT:
            self.count_label.setText(self.tr("%n employer(s)", "", len(rows)))
            return
        total = count_employers(self._context.db, text)
        label = self.tr("First %1 of %n shown; type more to narrow the search", "", total)
        self.count_label.setText(label.replace("%1", str(len(rows))))

    def shown_ids(self) -> list[str]:
        return self.model.ids()

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.id_at(index.row())

    def select_employer(self, employer_id: str) -> bool:
        """Selects and shows this employer's row if it is in the list."""
        row = self.model.row_of(employer_id)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    # --- forms -------------------------------------------------------------------------

    def open_register_form(self) -> EmployerFormDialog:
        """Shows an empty form to register an employer (not modal) and returns it."""
        form = self._new_form()
        form.show()
        return form

    def open_edit_form(self, employer_id: str | None = None) -> EmployerFormDialog | None:
        """Shows the form for this employer (default: the selected one) and returns it."""
        employer_id = employer_id or self.selected_id()
        if employer_id is None:
            return None
        form = self._new_form()
        form.load_employer(employer_id)
        form.show()
        return form

    def open_forms(self) -> list[EmployerFormDialog]:
        return list(self._forms)

    def _new_form(self) -> EmployerFormDialog:
        form = EmployerFormDialog(self._context, self._runner, self)
        form.record_saved.connect(self._record_saved)
        form.finished.connect(lambda _result, f=form: self._form_closed(f))
        self._forms.append(form)
        return form

    def _form_closed(self, form: EmployerFormDialog) -> None:
        if form in self._forms:
            self._forms.remove(form)
        form.deleteLater()

    def _record_saved(self, employer_id: str) -> None:
        self.apply_search()
        if not self.select_employer(employer_id):
            # The saved employer does not match the current search: show everyone.
            self.search("")
            self.select_employer(employer_id)

    # --- table -------------------------------------------------------------------------

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _row_activated(self, index: QModelIndex) -> None:
        employer_id = self.model.id_at(index.row())
        if employer_id is not None:
            self.open_edit_form(employer_id)

    def _search_now_and_focus_table(self) -> None:
        self.apply_search()
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.select_employer(self.model.ids()[0])

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)
