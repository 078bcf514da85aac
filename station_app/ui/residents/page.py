"""The residents page: search the register as you type, register and edit residents."""

from __future__ import annotations

import copy
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
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

from station_app.database import Database
from station_app.services.resident_rows import fetch_rows, register_ids
from station_app.services.resident_search import ResidentSearchIndex
from station_app.ui.context import AppContext
from station_app.ui.residents.form import ResidentFormDialog
from station_app.ui.residents.table_model import Column, ResidentTableModel
from station_app.ui.task_runner import TaskRunner

SEARCH_DELAY_MS = 150
COLUMN_WIDTHS = {
    Column.NAME: 110,
    Column.SEX: 64,
    Column.AGE: 50,
    Column.ID_NUMBER: 180,
    Column.PHONE: 130,
    Column.COMMUNITY: 120,
    Column.STATUS: 170,
}


class _IndexKeeper:
    """The newest search index as the background thread knows it; only its tasks touch it.

    Refreshing works on a copy, so the GUI keeps searching the index it has until the new
    one arrives (a refresh rebuilds the packed columns, which takes a while on a big register).
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._index: ResidentSearchIndex | None = None

    def load(self) -> ResidentSearchIndex:
        self._index = ResidentSearchIndex.load(self._db)
        return self._index

    def refresh(self, ids: list[str]) -> ResidentSearchIndex:
        if self._index is None:
            return self.load()
        fresh = copy.copy(self._index)  # _rebuild replaces the columns, never mutates them
        fresh.refresh(self._db, ids)
        self._index = fresh
        return fresh


class ResidentsPage(QWidget):
    """Search box, result count and the residents table, with register and edit buttons."""

    index_loaded = Signal()  # the search index arrived (first load or after a save)

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
        self._keeper = _IndexKeeper(context.db)
        self._index: ResidentSearchIndex | None = None
        self._forms: list[ResidentFormDialog] = []

        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Name, pinyin initials, part of the ID number or last digits of the phone")
        )
        self.count_label = QLabel()
        self.register_button = QPushButton(self.tr("Register a new resident"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setEnabled(False)
        self.model = ResidentTableModel(lambda ids: fetch_rows(context.db, ids), self)
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
        self.setFocusProxy(self.search_box)  # typing goes to the search when the page opens

        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self._search_now_and_focus_table)
        self._search_timer.timeout.connect(self.apply_search)
        self.register_button.clicked.connect(lambda: self.open_register_form())
        self.edit_button.clicked.connect(lambda: self.open_edit_form())
        self.table.activated.connect(self._row_activated)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.load_index()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("ResidentsPage", "Residents")

    # --- searching ---------------------------------------------------------------------

    @property
    def runner(self) -> TaskRunner:
        """The runner of the page's background work (tests wait on it: `runner.wait_idle()`)."""
        return self._runner

    @property
    def is_loaded(self) -> bool:
        return self._index is not None

    def load_index(self) -> None:
        """Shows the whole register at once, and loads the search index in the background.

        The register's order comes from a covering index (fast even for 200,000 residents);
        searching waits for the index, which applies the box's text when it arrives.
        """
        everyone = register_ids(self._context.db)
        self.model.set_ids(everyone)
        self.count_label.setText(
            self.tr("%n resident(s); preparing the search…", "", len(everyone))
        )
        # After the first paint of these rows: the load computes in Python and would hold the
        # interpreter lock while the table paints.
        QTimer.singleShot(0, self, self._start_index_load)  # dropped if the page is gone

    def _start_index_load(self) -> None:
        self._runner.run(self._keeper.load, self._index_ready)

    def search(self, text: str) -> None:
        """Puts `text` in the search box and searches at once (no typing delay)."""
        self.search_box.setText(text)
        self.apply_search()

    def apply_search(self) -> None:
        self._search_timer.stop()
        if self._index is None:
            return  # the index is still loading; it applies the box's text when it arrives
        ids = self._index.search(self.search_box.text())
        self.model.set_ids(ids)
        if getattr(ids, "truncated", False):
            # The index keeps only the first matches of a very broad query.
            text = self.tr("First %n shown; type more to narrow the search", "", len(ids))
        else:
            text = self.tr("%n resident(s)", "", len(ids))
        self.count_label.setText(text)

    def shown_ids(self) -> list[str]:
        return self.model.ids()

    def selected_id(self) -> str | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.id_at(index.row())

    def select_resident(self, resident_id: str) -> bool:
        """Selects and shows this resident's row if it is in the list."""
        row = self.model.row_of(resident_id)
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

    def open_register_form(self) -> ResidentFormDialog:
        """Shows an empty form to register a resident (not modal) and returns it."""
        form = self._new_form()
        form.show()
        return form

    def open_edit_form(self, resident_id: str | None = None) -> ResidentFormDialog | None:
        """Shows the form for this resident (default: the selected one) and returns it."""
        resident_id = resident_id or self.selected_id()
        if resident_id is None:
            return None
        form = self._new_form()
        form.load_resident(resident_id)
        form.show()
        return form

    def open_forms(self) -> list[ResidentFormDialog]:
        return list(self._forms)

    def _new_form(self) -> ResidentFormDialog:
        form = ResidentFormDialog(self._context, self._runner, self)
        form.record_saved.connect(self._record_saved)
        form.finished.connect(lambda _result, f=form: self._form_closed(f))
        self._forms.append(form)
        return form

    def _form_closed(self, form: ResidentFormDialog) -> None:
        if form in self._forms:
            self._forms.remove(form)
        form.deleteLater()

    # --- after a save ------------------------------------------------------------------

    def _record_saved(self, resident_id: str) -> None:
        self._refresh_index([resident_id])

    def _refresh_index(self, ids: Iterable[str]) -> None:
        wanted = list(ids)
        self._runner.run(
            lambda: self._keeper.refresh(wanted), lambda index: self._index_ready(index, wanted)
        )

    def _index_ready(self, index: ResidentSearchIndex, saved: list[str] | None = None) -> None:
        self._index = index
        # Saved rows are read again only now: a read while the refresh runs would wait on the
        # background thread for Python's interpreter lock and freeze the window meanwhile.
        self.model.forget(saved or [])
        self.apply_search()
        if saved and not self.select_resident(saved[-1]):
            # The saved resident does not match the current search: show everyone.
            self.search("")
            self.select_resident(saved[-1])
        self.index_loaded.emit()

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
        resident_id = self.model.id_at(index.row())
        if resident_id is not None:
            self.open_edit_form(resident_id)

    def _search_now_and_focus_table(self) -> None:
        self.apply_search()
        if self.model.rowCount() > 0:
            self.table.setFocus()
            self.select_resident(self.model.ids()[0])

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)
