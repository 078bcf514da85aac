"""The list page shared by residents and employers: search box, table, register/edit forms."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.ui.counter.record_form import RecordFormDialog
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.count_label import CountLabel
from station_app.ui.shared.table_views import RecordTableView
from station_app.ui.shared.task_runner import TaskRunner

SEARCH_DELAY_MS = 150


class RecordPage(QWidget):
    """Search box, result count and a table of records, with register and edit buttons.

    Subclasses make the table model (`_make_model`; it has `ids`, `id_at` and `row_of`), set
    the texts of the search box and the register button (`_set_up`), search (`apply_search`)
    and refresh the records of their `entity` that changed (`_records_changed`), whoever
    changed them: the page listens to the core's change signal, not to its own forms. Forms
    (`form_class`) are not modal.
    """

    form_class: type[RecordFormDialog]
    entity: str  # the kind of record the page lists, as the core names it ("resident")
    # Who may register and edit here; others (an inspector) get no register or edit button.
    write_permission: Permission | None = None
    column_widths: Mapping[int, int] = {}

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._forms: list[RecordFormDialog] = []

        self.search_box = QLineEdit()
        self.search_box.setClearButtonEnabled(True)
        self.setFocusProxy(self.search_box)  # typing goes to the search when the page opens
        self.count_label = CountLabel()
        self.register_button = QPushButton()
        self.edit_button = QPushButton(self.tr("Edit"))
        self.edit_button.setEnabled(False)
        self.model = self._make_model()
        self.table = RecordTableView()
        self._set_up_table()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        # A coarse timer may fire up to 5 % late: the worker would wait for it after typing.
        self._search_timer.setTimerType(Qt.TimerType.PreciseTimer)

        top = self.top_bar = QHBoxLayout()  # a page may add its own buttons
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
        context.changes.changed.connect(self._changes_arrived)
        self.can_write = self.write_permission is None or context.session.can(self.write_permission)
        self.register_button.setVisible(self.can_write)
        self.edit_button.setVisible(self.can_write)
        self._set_up_keys()
        self._set_up()

    def _make_model(self) -> Any:
        raise NotImplementedError

    def _set_up_keys(self) -> None:
        """Ctrl+F finds, Ctrl+N registers, Down from the search box goes to the results."""
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        keys: tuple[tuple[QKeySequence.StandardKey, Any], ...] = (
            (QKeySequence.StandardKey.Find, self.focus_search),
        )
        if self.can_write:
            keys += ((QKeySequence.StandardKey.New, self.open_register_form),)
        for key, action in keys:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(action)
        self.register_button.setToolTip(QKeySequence(QKeySequence.StandardKey.New).toString())
        self.search_box.installEventFilter(self)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_box
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._focus_first_row()
            return True
        return super().eventFilter(watched, event)

    def _set_up(self) -> None:
        """The subclass's own set-up, last in `__init__`: texts, the first search."""
        raise NotImplementedError

    @property
    def runner(self) -> TaskRunner:
        """The app's runner, which does the page's database work (tests: `runner.wait_idle()`)."""
        return self._runner

    # --- changes -----------------------------------------------------------------------

    def _changes_arrived(self, changes: ChangeSet) -> None:
        ids = changes.of(self.entity)
        if ids:
            self._records_changed(ids)
        self._other_changes(changes)

    def _other_changes(self, changes: ChangeSet) -> None:
        """Other records changed (all of them are in `changes`): for what the page keeps."""

    def _records_changed(self, ids: frozenset[str]) -> None:
        """Shows the current state of these records (saved here, elsewhere or by a sync)."""
        raise NotImplementedError

    # --- searching ---------------------------------------------------------------------

    def search(self, text: str, then: Callable[[], object] | None = None) -> None:
        """Puts `text` in the search box and searches at once (no typing delay)."""
        self.search_box.setText(text)
        self.apply_search(then)

    def apply_search(self, then: Callable[[], object] | None = None) -> None:
        """Shows the records matching the search box; calls `then` once they are shown.

        A page may search in the background: `then` runs when its rows have arrived (never,
        if a newer search replaced them before).
        """
        raise NotImplementedError

    def _gone(self) -> bool:
        """The page (or its table) was deleted while a background result was on its way."""
        return not (shiboken6.isValid(self) and shiboken6.isValid(self.table))

    def shown_ids(self) -> list[str]:
        return self.model.ids()

    def selected_id(self) -> str | None:
        return self.table.selected_id()

    def select_record(self, record_id: str) -> bool:
        """Selects and shows this record's row if it is in the list."""
        return self.table.select_id(record_id)

    def _select_saved(self, record_id: str) -> None:
        """Selects a record just saved, clearing the search if it does not match."""
        if not self.select_record(record_id):
            # The saved record does not match the current search: show everyone.
            self.search("", lambda: self.select_record(record_id))

    # --- forms -------------------------------------------------------------------------

    def open_register_form(self) -> Any:
        """Shows an empty form to register a record (not modal) and returns it."""
        form = self._new_form()
        form.show()
        return form

    def open_edit_form(self, record_id: str | None = None) -> Any:
        """Opens the form for this record (default: the selected one) and returns it.

        The record is read in the background; the form shows once it has arrived (or with
        the reason it could not be read), so the window never waits for the database.
        """
        record_id = record_id or self.selected_id()
        if record_id is None:
            return None
        form = self._new_form(editing=True)
        form.load_record(record_id, lambda _loaded: self._show_form(form))
        return form

    def _show_form(self, form: RecordFormDialog) -> None:
        if form in self._forms:  # not closed meanwhile
            form.show()

    def open_forms(self) -> list[Any]:
        return list(self._forms)

    def _form_options(self, *, editing: bool) -> dict[str, Any]:
        """Keyword arguments for a new form (what the page already knows), none by default."""
        return {}

    def _new_form(self, *, editing: bool = False) -> RecordFormDialog:
        form = self.form_class(self._context, self, **self._form_options(editing=editing))
        form.record_saved.connect(self._record_saved)
        form.finished.connect(lambda _result, f=form: self._form_closed(f))
        self._forms.append(form)
        return form

    def _form_closed(self, form: RecordFormDialog) -> None:
        if form in self._forms:
            self._forms.remove(form)
        form.deleteLater()

    def _record_saved(self, record_id: str) -> None:
        """A form of this page saved the record: show it once the list has been refreshed.

        The change signal came first and queued the refresh on the runner, which runs tasks
        in order: a task queued now is delivered after it.
        """

        def select(_nothing: object) -> None:
            if not self._gone():
                self._select_saved(record_id)

        self._runner.run(lambda: None, select)

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
        for column, width in self.column_widths.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

    def _row_activated(self, index: QModelIndex) -> None:
        record_id = self.model.id_at(index.row())
        if record_id is not None:
            self.open_edit_form(record_id)

    def _search_now_and_focus_table(self) -> None:
        self.apply_search(self._focus_first_row)

    def _focus_first_row(self) -> None:
        first = self.model.id_at(0)
        if first is not None:
            self.table.setFocus()
            self.select_record(first)

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.selected_id() is not None)
