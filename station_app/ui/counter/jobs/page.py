"""The jobs page: filters (kind, status, occupation, community, pay, distance), sortable columns.

The query runs in the service (`services.job_query`) on the app's runner: the page asks for
the ordered ids of every match, then the rows of the page it shows (PAGE_SIZE at a time).
Keys: Ctrl+F finds, Ctrl+N registers a job, Enter edits the selected one, Ctrl+T changes its
status, Ctrl+H shows its status history, Alt+PgDown / Alt+PgUp turn the pages of jobs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.models import JobKind, JobStatus
from station_app.services.communities import list_communities
from station_app.services.job_query import (
    JobFilter,
    JobRow,
    Near,
    SortKey,
    fetch_job_rows,
    job_ids,
    station_centre,
)
from station_app.services.jobs import get_job, status_history
from station_app.ui.counter.jobs.call_list_dialog import CallListDialog
from station_app.ui.counter.jobs.form import MAX_YUAN, JobFormDialog
from station_app.ui.counter.jobs.labels import (
    FEN_PER_YUAN,
    kind_label,
    reason_text,
    status_label,
)
from station_app.ui.counter.jobs.status_dialog import JobStatusDialog
from station_app.ui.counter.jobs.table_model import SORT_KEYS, Column, JobTableModel
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.count_label import CountLabel
from station_app.ui.shared.table_views import RecordTableView, select_row

PAGE_SIZE = 500
SEARCH_DELAY_MS = 150
LIVE = "live"  # the status filter's first choice: open or paused
COLUMN_WIDTHS = {
    Column.TITLE: 150,
    Column.EMPLOYER: 240,
    Column.KIND: 110,
    Column.STATUS: 75,
    Column.SALARY: 120,
    Column.HEADCOUNT: 80,
    Column.VALID_TO: 95,
    Column.COMMUNITY: 125,
    Column.DISTANCE: 80,
}


@dataclass(frozen=True)
class _Found:
    ids: list[str]
    rows: dict[str, JobRow]


class JobsPage(QWidget):
    """The job ledger: filters above, the table of jobs, and the actions on the selected job."""

    required_permission = Permission.EMPLOYER_READ

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._ids: list[str] = []
        self._page = 0
        self._sort = SortKey.VALID_TO
        self._descending = False
        self._query_number = 0
        self._dialogs: list[QDialog] = []
        station = context.session
        self._centre = station.query(station_centre)
        can_write = station.can(Permission.EMPLOYER_WRITE)

        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(self.tr("Part of the job title or the employer's name"))
        self.setFocusProxy(self.search_box)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Every kind"), "")
        for kind in JobKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.status = QComboBox()
        self.status.addItem(self.tr("Open or paused"), LIVE)
        self.status.addItem(self.tr("Every status"), "")
        for status in JobStatus:
            self.status.addItem(status_label(status), status.value)
        self.occupation = QLineEdit()
        self.occupation.setPlaceholderText(self.tr("Occupation code, e.g. 6-01"))
        self.occupation.setMaximumWidth(150)
        self.community = QComboBox()
        self.community.addItem(self.tr("Every community"), "")
        for option in station.query(list_communities):
            self.community.addItem(option.name, option.id)
        self.pay_min = self._yuan_box()
        self.pay_max = self._yuan_box()
        self.within = QSpinBox()
        self.within.setRange(0, 500)
        self.within.setSuffix(" km")
        self.within.setSpecialValueText(self.tr("Any distance"))
        self.within.setToolTip(self.tr("Within this distance of the station's community"))
        self.within.setEnabled(self._centre is not None)

        self.count_label = CountLabel()
        self.page_label = QLabel()
        self.previous_button = QPushButton(self.tr("Previous page"))
        self.next_button = QPushButton(self.tr("Next page"))
        self.register_button = QPushButton(self.tr("Register a job"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.status_button = QPushButton(self.tr("Change status"))
        self.history_button = QPushButton(self.tr("Status history"))
        self.fit_button = QPushButton(self.tr("Residents who fit"))
        self.fit_button.setVisible(station.can(Permission.RESIDENT_READ))
        for button in (self.register_button, self.edit_button, self.status_button):
            button.setVisible(can_write)

        self.model = JobTableModel(self)
        self.table = RecordTableView()
        self._set_up_table()

        filters = QGridLayout()
        filters.addWidget(self.search_box, 0, 0)
        filters.addWidget(self.kind, 0, 1)
        filters.addWidget(self.status, 0, 2)
        filters.addWidget(self.community, 0, 3)
        more = QHBoxLayout()
        more.addWidget(QLabel(self.tr("Occupation")))
        more.addWidget(self.occupation)
        more.addSpacing(12)
        more.addWidget(QLabel(self.tr("Pay (yuan)")))
        more.addWidget(self.pay_min)
        more.addWidget(QLabel(self.tr("to")))
        more.addWidget(self.pay_max)
        more.addSpacing(12)
        more.addWidget(self.within)
        more.addStretch(1)
        filters.addLayout(more, 1, 0, 1, 4)
        filters.setColumnStretch(0, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.count_label)
        actions.addStretch(1)
        for widget in (
            self.previous_button,
            self.page_label,
            self.next_button,
            self.register_button,
            self.edit_button,
            self.status_button,
            self.history_button,
            self.fit_button,
        ):
            actions.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filter)
        for line in (self.search_box, self.occupation):
            line.textChanged.connect(self._timer.start)
        for combo in (self.kind, self.status, self.community):
            combo.currentIndexChanged.connect(self._timer.start)
        for box in (self.pay_min, self.pay_max, self.within):
            box.valueChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self._search_now_and_focus_table)
        self.previous_button.clicked.connect(lambda: self.turn_page(-1))
        self.next_button.clicked.connect(lambda: self.turn_page(1))
        self.register_button.clicked.connect(lambda: self.open_register_form())
        self.edit_button.clicked.connect(lambda: self.open_edit_form())
        self.status_button.clicked.connect(lambda: self.open_status_dialog())
        self.history_button.clicked.connect(lambda: self.open_history())
        self.fit_button.clicked.connect(lambda: self.open_call_list())
        self.table.activated.connect(self._row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        context.changes.changed.connect(self._changes_arrived)
        self._set_up_keys(can_write)
        self.apply_filter()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("JobsPage", "Jobs")

    @property
    def runner(self) -> object:
        return self._runner

    def _yuan_box(self) -> QSpinBox:
        box = QSpinBox()
        box.setMinimumWidth(90)
        box.setRange(0, MAX_YUAN)
        box.setSingleStep(500)
        box.setSpecialValueText(self.tr("any"))
        return box

    def _set_up_table(self) -> None:
        table = self.table
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.VALID_TO, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in COLUMN_WIDTHS.items():
            table.setColumnWidth(column, width)
        table.verticalHeader().hide()

    def _set_up_keys(self, can_write: bool) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys: list[tuple[QKeySequence, Callable[[], object]]] = [
            (QKeySequence(QKeySequence.StandardKey.Find), self.focus_search),
            (QKeySequence("Ctrl+H"), self.open_history),
            (QKeySequence("Ctrl+K"), self.open_call_list),
            (QKeySequence("Alt+PgDown"), lambda: self.turn_page(1)),
            (QKeySequence("Alt+PgUp"), lambda: self.turn_page(-1)),
        ]
        if can_write:
            keys += [
                (QKeySequence(QKeySequence.StandardKey.New), self.open_register_form),
                (QKeySequence("Ctrl+T"), self.open_status_dialog),
            ]
        for key, action in keys:
            shortcut = QShortcut(key, self)
            shortcut.setContext(context)
            shortcut.activated.connect(action)
        for button, key in (
            (self.register_button, QKeySequence.StandardKey.New),
            (self.status_button, "Ctrl+T"),
            (self.history_button, "Ctrl+H"),
            (self.fit_button, "Ctrl+K"),
            (self.next_button, "Alt+PgDown"),
            (self.previous_button, "Alt+PgUp"),
        ):
            button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    # --- the query ---------------------------------------------------------------------

    def job_filter(self) -> JobFilter:
        """The filter the controls describe."""
        status = self.status.currentData()
        statuses: tuple[JobStatus, ...] = ()
        if status == LIVE:
            statuses = (JobStatus.OPEN, JobStatus.PAUSED)
        elif status:
            statuses = (JobStatus(status),)
        kind = self.kind.currentData()
        near = None
        if self._centre is not None and self.within.value() > 0:
            near = Near(*self._centre, km=float(self.within.value()))
        sort = self._sort
        if sort is SortKey.DISTANCE and near is None:
            sort = SortKey.TITLE
        return JobFilter(
            kinds=(JobKind(kind),) if kind else (),
            statuses=statuses,
            occupation_prefix=self.occupation.text(),
            community_id=self.community.currentData() or None,
            salary_min_fen=self.pay_min.value() * FEN_PER_YUAN or None,
            salary_max_fen=self.pay_max.value() * FEN_PER_YUAN or None,
            near=near,
            text=self.search_box.text(),
            sort=sort,
            descending=self._descending,
        )

    def apply_filter(
        self, then: Callable[[], object] | None = None, *, keep_page: bool = False
    ) -> None:
        """Asks the service for the jobs the filters describe; `then` runs once they show."""
        self._timer.stop()
        if not keep_page:
            self._page = 0
        self._query_number += 1
        number, f, page = self._query_number, self.job_filter(), self._page
        station = self._context.session

        def find() -> _Found:
            ids = station.query(job_ids, f)
            shown = ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
            return _Found(ids, station.query(fetch_job_rows, shown, f.near))

        self._runner.run(find, lambda found: self._found(number, found, then))

    def _found(self, number: int, found: _Found, then: Callable[[], object] | None) -> None:
        if self._gone() or number != self._query_number:
            return
        self._ids = found.ids
        pages = max(1, -(-len(found.ids) // PAGE_SIZE))
        self._page = min(self._page, pages - 1)
        shown = found.ids[self._page * PAGE_SIZE : (self._page + 1) * PAGE_SIZE]
        self.model.set_rows([found.rows[i] for i in shown if i in found.rows])
        self.count_label.setText(self.tr("%n job(s)", "", len(found.ids)))
        self.page_label.setText(
            self.tr("Page {page} of {pages}").format(page=self._page + 1, pages=pages)
        )
        self.previous_button.setEnabled(self._page > 0)
        self.next_button.setEnabled(self._page < pages - 1)
        if then is not None:
            then()

    def turn_page(self, step: int) -> None:
        pages = max(1, -(-len(self._ids) // PAGE_SIZE))
        target = min(max(self._page + step, 0), pages - 1)
        if target != self._page:
            self._page = target
            self.apply_filter(keep_page=True)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        key = SORT_KEYS.get(Column(section))
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.apply_filter()

    def sort_by(self, column: Column, *, descending: bool = False) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _gone(self) -> bool:
        return not (shiboken6.isValid(self) and shiboken6.isValid(self.table))

    def _search_now_and_focus_table(self) -> None:
        self.apply_filter(self._focus_first_row)

    def _focus_first_row(self) -> None:
        if self.model.rowCount() > 0:
            select_row(self.table, 0)
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def shown_ids(self) -> list[str]:
        return self.model.ids()

    def selected_id(self) -> str | None:
        return self.table.selected_id()

    def select_job(self, job_id: str) -> bool:
        return self.table.select_id(job_id)

    def _update_buttons(self, *_args: object) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        selected = self.selected_id() is not None and row is not None
        live = selected and row is not None and row.status in (JobStatus.OPEN, JobStatus.PAUSED)
        self.edit_button.setEnabled(live)
        self.status_button.setEnabled(live)
        self.history_button.setEnabled(selected)
        self.fit_button.setEnabled(live)

    def _row_activated(self, index: QModelIndex) -> None:
        job_id = self.model.id_at(index.row())
        if job_id is not None and self.register_button.isVisible():
            self.open_edit_form(job_id)

    # --- actions -----------------------------------------------------------------------

    def _keep(self, dialog: QDialog) -> QDialog:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._dialog_closed(d))
        dialog.show()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()

    def open_dialogs(self) -> list[QDialog]:
        return list(self._dialogs)

    def open_register_form(self, employer_id: str | None = None) -> JobFormDialog:
        form = JobFormDialog(self._context, self, employer_id=employer_id)
        form.job_saved.connect(self._job_saved)
        self._keep(form)
        return form

    def open_edit_form(self, job_id: str | None = None) -> JobFormDialog | None:
        job_id = job_id or self.selected_id()
        if job_id is None:
            return None
        form = JobFormDialog(self._context, self, job_id=job_id)
        form.job_saved.connect(self._job_saved)
        self._keep(form)
        return form

    def open_status_dialog(self, job_id: str | None = None) -> JobStatusDialog | None:
        job_id = job_id or self.selected_id()
        if job_id is None:
            return None
        version, status, data = self._context.session.query(get_job, job_id)
        if status not in (JobStatus.OPEN, JobStatus.PAUSED):
            return None
        dialog = JobStatusDialog(self._context, job_id, version, status, data.title, self)
        self._keep(dialog)
        return dialog

    def open_call_list(self, job_id: str | None = None) -> CallListDialog | None:
        """精准推送: the residents who fit the job, as a call list (Ctrl+K)."""
        job_id = job_id or self.selected_id()
        if job_id is None or not self.fit_button.isVisible():
            return None
        _version, _status, data = self._context.session.query(get_job, job_id)
        dialog = CallListDialog(self._context, job_id, data.title, self)
        dialog.profile_requested.connect(self._open_resident)
        self._keep(dialog)
        dialog.load()
        return dialog

    def _open_resident(self, resident_id: str) -> None:
        # Here: the residents page's package uses the jobs' labels.
        from station_app.ui.counter.residents import ResidentsPage

        window = self.window()
        show_page_of = getattr(window, "show_page_of", None)
        page = show_page_of(ResidentsPage) if show_page_of is not None else None
        if isinstance(page, ResidentsPage):
            page.open_profile(resident_id)

    def open_history(self, job_id: str | None = None) -> QDialog | None:
        job_id = job_id or self.selected_id()
        if job_id is None:
            return None
        _version, _status, data = self._context.session.query(get_job, job_id)
        history = self._context.session.query(status_history, job_id)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Status history: {title}").format(title=data.title))
        table = QTableWidget(len(history), 4, dialog)
        table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Status"), self.tr("Reason"), self.tr("Recorded by")]
        )
        for row, change in enumerate(history):
            cells = (
                change.changed_on.isoformat(),
                status_label(change.to_status),
                reason_text(change.reason),
                change.recorded_by,
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.setColumnWidth(2, 220)
        table.verticalHeader().hide()
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        dialog.resize(620, 300)
        self._keep(dialog)
        return dialog

    def _job_saved(self, job_id: str) -> None:
        self._runner.run(lambda: None, lambda _n: self._gone() or self.select_job(job_id))

    # --- after a change ----------------------------------------------------------------

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if changes.touches("job", "employer", "job_status_change"):
            selected = self.selected_id()
            self.apply_filter(
                lambda: selected is not None and self.select_job(selected), keep_page=True
            )
