"""The residents page: search the register as you type, register and edit residents."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.core.station_session import StationSession
from station_app.services.communities import CommunityOption, list_communities
from station_app.services.resident_filter import ResidentFilter, filtered_ids
from station_app.services.resident_order import ResidentOrder, SortKey, resident_order
from station_app.services.resident_rows import fetch_rows, register_ids
from station_app.services.resident_search import ResidentSearchIndex, SearchResult
from station_app.services.resident_sql_search import search_in_sql
from station_app.ui.counter.ledgers.ledger_menu import LedgerButton
from station_app.ui.counter.record_page import RecordPage
from station_app.ui.counter.residents.filter_bar import FilterBar
from station_app.ui.counter.residents.form import ResidentFormDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.table_model import Column, ResidentTableModel
from station_app.ui.shared.task_runner import TaskRunner

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
    one arrives (a refresh changes only the index's small overlay, but now and then folds it
    into the packed columns, which takes a while on a big register).
    """

    def __init__(self, station: StationSession) -> None:
        self._station = station
        self._index: ResidentSearchIndex | None = None

    def load(self) -> ResidentSearchIndex:
        self._index = self._station.query(ResidentSearchIndex.load).prepare()
        return self._index

    def refresh(self, ids: list[str]) -> ResidentSearchIndex:
        if self._index is None:
            return self.load()
        fresh = copy.copy(self._index)  # a refresh replaces attributes, never mutates them
        self._station.query(fresh.refresh, ids)
        self._index = fresh.prepare()
        return fresh


SORT_KEYS: dict[Column, SortKey] = {
    Column.NAME: SortKey.NAME,
    Column.SEX: SortKey.SEX,
    Column.AGE: SortKey.AGE,
    Column.ID_NUMBER: SortKey.ID_NUMBER,
    Column.PHONE: SortKey.PHONE,
    Column.COMMUNITY: SortKey.COMMUNITY,
    Column.STATUS: SortKey.STATUS,
}


class ResidentsPage(RecordPage):
    """Search box, result count and the residents table, with register and edit buttons."""

    index_loaded = Signal()  # the search index arrived (first load or after a change)
    form_class = ResidentFormDialog
    entity = "resident"
    write_permission = Permission.RESIDENT_WRITE
    column_widths = COLUMN_WIDTHS
    model: ResidentTableModel

    def _set_up(self) -> None:
        self._keeper = _IndexKeeper(self._context.session)
        self._index: ResidentSearchIndex | None = None
        self._to_select: str | None = None  # saved by this page's form, shown once refreshed
        # Searches before the index has arrived go to the database, beside the index load.
        self._early_runner: TaskRunner | None = TaskRunner(self)
        self._early_query: str | None = None  # the text of the newest early search
        self._everyone: list[str] | None = None  # the register's ids until the index arrives
        self.search_box.setPlaceholderText(
            self.tr("Name, pinyin initials, part of the ID number or last digits of the phone")
        )
        self.register_button.setText(self.tr("Register a new resident"))
        self.profile_button = QPushButton(self.tr("Open profile"))
        self.profile_button.setToolTip(self.tr("The resident's profile (Enter)"))
        self.profile_button.setEnabled(False)
        self.profile_button.clicked.connect(lambda: self.open_profile())
        self.top_bar.insertWidget(self.top_bar.indexOf(self.edit_button), self.profile_button)
        self._profiles: list[ResidentProfileDialog] = []
        self._communities: list[CommunityOption] | None = None  # the forms' choice
        self._all_communities: list[CommunityOption] | None = None  # an edit form's
        self._set_up_contacts()
        self.ledger_button = LedgerButton(self._context, ("residents",), self)
        self.top_bar.addWidget(self.ledger_button)
        self.filter_bar = FilterBar(self)
        self._allowed: frozenset[str] | None = None  # what the filter lets through; None: all
        self._filter_asked: ResidentFilter = ResidentFilter()
        self.filter_bar.changed.connect(self._filter_changed)
        page_layout = self.layout()
        assert isinstance(page_layout, QVBoxLayout)
        page_layout.insertWidget(1, self.filter_bar)
        self._set_up_sorting()
        self.load_index()
        self._load_communities()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("ResidentsPage", "Residents")

    # --- contacts ------------------------------------------------------------------------

    def _set_up_contacts(self) -> None:
        self.contact_button = QPushButton(self.tr("Record a contact (Ctrl+L)"))
        self.contact_button.setEnabled(False)
        self.top_bar.addWidget(self.contact_button)
        self.contact_button.clicked.connect(lambda: self.record_contact())
        self.contact_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        self.contact_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.contact_shortcut.activated.connect(self.record_contact)
        self.table.selectionModel().selectionChanged.connect(self._update_contact_button)
        self.model.modelReset.connect(self._update_contact_button)

    def _update_contact_button(self) -> None:
        self.contact_button.setEnabled(self.selected_id() is not None)

    def record_contact(self, resident_id: str | None = None) -> QDialog | None:
        """Opens the contact dialog for this resident (default: the selected one)."""
        # Here: the dialog's module uses this package's labels.
        from station_app.ui.counter.follow_ups import ContactDialog

        resident_id = resident_id or self.selected_id()
        if resident_id is None:
            return None
        dialog = ContactDialog(self._context, resident_id, self)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.show()
        return dialog

    def _make_model(self) -> ResidentTableModel:
        station = self._context.session
        return ResidentTableModel(lambda ids: station.query(fetch_rows, ids), self)

    # --- searching ---------------------------------------------------------------------

    @property
    def is_loaded(self) -> bool:
        return self._index is not None

    def load_index(self) -> None:
        """Shows the whole register, then loads the search index, both in the background.

        The register's order comes from a covering index (fast even for 200,000 residents, but
        still too long for the GUI thread); searching waits for the index, which applies the
        box's text when it arrives.
        """
        station = self._context.session
        self._runner.run(lambda: station.query(register_ids), self._register_ready)

    def _register_ready(self, everyone: list[str]) -> None:
        if self._gone():
            return
        self._everyone = everyone
        if self._index is None:
            self.model.set_ids(everyone)
            self.count_label.setText(
                self.tr("%n resident(s); preparing the search…", "", len(everyone))
            )
        # After the first paint of these rows: the load computes in Python and would hold the
        # interpreter lock while the table paints.
        QTimer.singleShot(0, self, self._start_index_load)  # dropped if the page is gone

    def _start_index_load(self) -> None:
        self._runner.run(self._keeper.load, self._index_ready)

    def apply_search(self, then: Callable[[], object] | None = None) -> None:
        self._search_timer.stop()
        if self._index is None:
            self._search_early(then)  # the index applies the box's text when it arrives
            return
        self._show_found(self._index.search(self.search_box.text()))
        if then is not None:
            then()

    def _search_early(self, then: Callable[[], object] | None) -> None:
        """Asks the database while the index loads (a query typed right after login)."""
        text = self.search_box.text()
        runner = self._early_runner
        self._early_query = text
        if runner is None:
            return
        if not text.strip():
            if self._everyone is not None:  # the register, as before the search
                self.model.set_ids(self._everyone)
            return
        station = self._context.session

        def arrived(found: SearchResult | None) -> None:
            # Dropped when a newer search was typed or the index arrived meanwhile.
            if self._gone() or self._index is not None or text != self._early_query:
                return
            if found is not None:
                self._show_found(found)
                if then is not None:
                    then()

        runner.run(lambda: station.query(search_in_sql, text), arrived)

    def _filter_changed(self, wanted: ResidentFilter) -> None:
        """Reads what the filter lets through in the background, then searches again."""
        self._filter_asked = wanted
        if wanted.is_empty:
            self._allowed = None
            self.apply_search()
            return
        station = self._context.session

        def arrived(allowed: frozenset[str]) -> None:
            if not self._gone() and wanted == self._filter_asked:
                self._allowed = allowed
                self.apply_search()

        self._runner.run(lambda: station.query(filtered_ids, wanted), arrived)

    # --- sorting by a column (the order computed in SQL, services/resident_order.py) -----

    def _set_up_sorting(self) -> None:
        self._order: ResidentOrder | None = None  # None: the register's order
        self._order_asked: tuple[SortKey, bool] | None = None
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)

    def sort_by(self, column: Column, *, descending: bool = False) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _sort_changed(self, section: int, order: Qt.SortOrder) -> None:
        key = SORT_KEYS.get(Column(section))
        if key is None:  # key groups: a set, not an order
            self.table.horizontalHeader().setSortIndicator(Column.NAME, Qt.SortOrder.AscendingOrder)
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is SortKey.NAME and not descending:
            self._order, self._order_asked = None, None
            self.apply_search()
            return
        self._load_order(key, descending)

    def _load_order(self, key: SortKey, descending: bool) -> None:
        asked = self._order_asked = (key, descending)
        station = self._context.session

        def arrived(order: ResidentOrder) -> None:
            if not self._gone() and self._order_asked == asked:
                self._order = order
                self.apply_search()

        self._runner.run(lambda: station.query(resident_order, key, descending=descending), arrived)

    def _in_order(self, ids: Sequence[str]) -> Sequence[str]:
        """The ids shown in the chosen order (the filter already applied to them)."""
        order = self._order
        if order is None:
            return ids
        if not self.search_box.text().strip():
            # The whole register (or what the filter lets through): walk the order once
            # instead of sorting 200,000 ids on the GUI thread.
            allowed = self._allowed
            walked = order.ids if allowed is None else [i for i in order.ids if i in allowed]
            if len(walked) == len(ids):
                return walked
        return order.rank(ids)  # a search's answer, or rows the order does not know yet

    def _show_found(self, found: SearchResult) -> None:
        allowed = self._allowed
        if allowed is not None:
            found = SearchResult([i for i in found.ids if i in allowed], truncated=found.truncated)
        self.model.set_ids(self._in_order(found.ids))
        if found.truncated:
            # The index keeps only the first matches of a very broad query.
            text = self.tr("First %n shown; type more to narrow the search", "", len(found))
        else:
            text = self.tr("%n resident(s)", "", len(found))
        self.count_label.setText(text)

    def select_resident(self, resident_id: str) -> bool:
        """Selects and shows this resident's row if it is in the list."""
        return self.select_record(resident_id)

    # --- the profile ------------------------------------------------------------------

    def open_profile(self, resident_id: str | None = None) -> ResidentProfileDialog | None:
        """Opens the profile of this resident (default: the selected one), read in the
        background; it shows once it has arrived. One profile per resident: an open one is
        brought to the front."""
        resident_id = resident_id or self.selected_id()
        if resident_id is None:
            return None
        for profile in self._profiles:
            if profile.resident_id == resident_id:
                profile.activateWindow()
                return profile
        profile = ResidentProfileDialog(self._context, self)
        profile.edit_requested.connect(self.open_edit_form)
        profile.finished.connect(lambda _result, p=profile: self._profile_closed(p))
        self._profiles.append(profile)
        profile.load(resident_id, lambda _shown: self._show_profile(profile))
        return profile

    def open_profiles(self) -> list[ResidentProfileDialog]:
        return list(self._profiles)

    def _show_profile(self, profile: ResidentProfileDialog) -> None:
        if profile in self._profiles:  # not closed meanwhile
            profile.show()

    def _profile_closed(self, profile: ResidentProfileDialog) -> None:
        if profile in self._profiles:
            self._profiles.remove(profile)
        profile.deleteLater()

    def _row_activated(self, index: QModelIndex) -> None:
        resident_id = self.model.id_at(index.row())
        if resident_id is not None:
            self.open_profile(resident_id)

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "profile_button"):  # the model resets before _set_up made it
            self.profile_button.setEnabled(self.selected_id() is not None)

    # --- what the forms need --------------------------------------------------------------

    def _load_communities(self) -> None:
        """Reads the communities for the forms in the background (a form built on the GUI
        thread would otherwise read them itself, some ms each time, 20 the first): those the
        station serves, where a resident is registered, and all, where one may move to."""
        station = self._context.session
        self._runner.run(
            lambda: (
                station.query(list_communities, served_only=True),
                station.query(list_communities),
            ),
            self._communities_ready,
        )

    def _communities_ready(
        self, lists: tuple[list[CommunityOption], list[CommunityOption]]
    ) -> None:
        if not self._gone():
            self._communities, self._all_communities = lists
            self.filter_bar.set_communities(lists[0])

    def _form_options(self, *, editing: bool) -> dict[str, Any]:
        # A resident who moved may be edited to any community: they then leave this station.
        return {"communities": self._all_communities if editing else self._communities}

    def _other_changes(self, changes: ChangeSet) -> None:
        if changes.of("community"):
            self._communities = self._all_communities = None  # forms read them meanwhile
            self._load_communities()

    # --- after a change ----------------------------------------------------------------

    def _records_changed(self, ids: frozenset[str]) -> None:
        wanted = sorted(ids)
        if self._order is not None:  # a new or changed row takes its place in the order
            self._load_order(self._order.key, self._order.descending)
        self._runner.run(
            lambda: self._keeper.refresh(wanted), lambda index: self._index_ready(index, wanted)
        )

    def _record_saved(self, resident_id: str) -> None:
        # The change signal came first and its index refresh is under way: select once done.
        if self._runner.busy:
            self._to_select = resident_id
        else:
            self._select_saved(resident_id)

    def _index_ready(self, index: ResidentSearchIndex, changed: Iterable[str] = ()) -> None:
        if self._gone():
            return
        self._index = index
        self._everyone = None
        # Changed rows are read again only now: a read while the refresh runs would wait on
        # the background thread for Python's interpreter lock and freeze the window meanwhile.
        self.model.forget(list(changed), repaint=False)  # apply_search sets the list anew
        selected = self.selected_id()
        self.apply_search()
        to_select, self._to_select = self._to_select, None
        if to_select is not None:
            self._select_saved(to_select)
        elif selected is not None:
            self.select_record(selected)
        self.index_loaded.emit()
