"""The residents table: a list of ids whose rows are fetched a page at a time when shown."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from station_app.services.resident_rows import ResidentRow
from station_app.services.resident_search import PackedIds
from station_app.services.residents import age_on
from station_app.ui.counter.residents.labels import key_groups_text, sex_label, status_label
from station_app.ui.shared.table_models import ColumnTableModel

RowFetcher = Callable[[Sequence[str]], Mapping[str, ResidentRow]]

PAGE_SIZE = 40  # rows fetched at once: a screenful and a little more
MAX_CACHED_ROWS = 50 * PAGE_SIZE  # beyond this the cache starts afresh (long scrolls)


class Column(IntEnum):
    NAME = 0
    SEX = 1
    AGE = 2
    ID_NUMBER = 3
    PHONE = 4
    COMMUNITY = 5
    STATUS = 6
    KEY_GROUPS = 7


def column_title(column: Column) -> str:
    titles = {
        Column.NAME: QCoreApplication.translate("ResidentTableModel", "Name"),
        Column.SEX: QCoreApplication.translate("ResidentTableModel", "Sex"),
        Column.AGE: QCoreApplication.translate("ResidentTableModel", "Age"),
        Column.ID_NUMBER: QCoreApplication.translate("ResidentTableModel", "ID number"),
        Column.PHONE: QCoreApplication.translate("ResidentTableModel", "Phone"),
        Column.COMMUNITY: QCoreApplication.translate("ResidentTableModel", "Community"),
        Column.STATUS: QCoreApplication.translate("ResidentTableModel", "Employment status"),
        Column.KEY_GROUPS: QCoreApplication.translate("ResidentTableModel", "Key groups"),
    }
    return titles[column]


class ResidentTableModel(ColumnTableModel):
    """Rows for a list of resident ids; only the pages around the shown rows are fetched.

    `fetch_rows(ids)` returns the rows it found (a deleted resident is simply absent); it is
    injected so the model can be tested without a database.
    """

    columns = Column
    _column_title = staticmethod(column_title)

    def __init__(
        self,
        fetch_rows: RowFetcher,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._today = today
        self._ids: Sequence[str] = ()
        self._cache: dict[str, ResidentRow | None] = {}
        self._texts: dict[str, tuple[str, ...]] = {}  # each cached row's cells, as shown
        self._labels: dict[tuple[object, object], str] = {}  # label texts, once each

    # --- the list of ids ---------------------------------------------------------------

    def set_ids(self, ids: Sequence[str]) -> None:
        """Shows these residents, in this order; the row cache is kept for ids still shown.

        Packed ids (the search index's answer for everyone) and tuples are kept as they are,
        since they cannot change: no copy of 200,000 ids, and no list of them for the garbage
        collector to walk. Anything else is copied into a tuple.
        """
        self.beginResetModel()
        self._ids = ids if isinstance(ids, tuple | PackedIds) else tuple(ids)
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, resident_id: str) -> int | None:
        # A scan at C speed (a few ms for 200,000 ids) instead of a dict of every position,
        # which took longer to build than the few lookups after a save need.
        try:
            return self._ids.index(resident_id)
        except ValueError:
            return None

    def forget(self, ids: Iterable[str], *, repaint: bool = True) -> None:
        """Drops cached rows (after a save) so they are fetched again when shown.

        `repaint=False` when the list is about to be set anew (the reset repaints anyway).
        """
        for resident_id in ids:
            self._cache.pop(resident_id, None)
            self._texts.pop(resident_id, None)
            row = self.row_of(resident_id) if repaint else None
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1), [])

    def cached_count(self) -> int:
        return len(self._cache)

    # --- helpers -----------------------------------------------------------------------

    def _row_count(self) -> int:
        return len(self._ids)

    def _alignment(self, column: Column) -> Qt.AlignmentFlag | None:
        if column is Column.AGE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def _row(self, position: int) -> ResidentRow | None:
        if not 0 <= position < len(self._ids):
            return None
        resident_id = self._ids[position]
        if resident_id not in self._cache:
            self._fetch_page(position)
        return self._cache.get(resident_id)

    def _fetch_page(self, position: int) -> None:
        if len(self._cache) >= MAX_CACHED_ROWS:
            self._cache.clear()
            self._texts.clear()
        start = position // PAGE_SIZE * PAGE_SIZE
        wanted = [rid for rid in self._ids[start : start + PAGE_SIZE] if rid not in self._cache]
        found = self._fetch_rows(wanted)
        today = self._today()
        for resident_id in wanted:
            # A resident deleted meanwhile stays an empty row until the next search.
            row = self._cache[resident_id] = found.get(resident_id)
            if row is not None:
                self._texts[resident_id] = self._row_texts(row, today)

    def cell_text(self, position: int, column: int) -> str | None:
        # The view's call for every painted cell: the row's texts, by plain ints.
        if not 0 <= position < len(self._ids):
            return None
        resident_id = self._ids[position]
        texts = self._texts.get(resident_id)
        if texts is None:
            if resident_id in self._cache:
                return None  # gone since the list was made
            self._fetch_page(position)
            texts = self._texts.get(resident_id)
            if texts is None:
                return None
        return texts[column] if 0 <= column < len(texts) else None

    def _display(self, row: ResidentRow, column: Column) -> str:
        texts = self._texts.get(row.id)
        if texts is None:
            texts = self._texts[row.id] = self._row_texts(row, self._today())
        return texts[column]

    def _row_texts(self, row: ResidentRow, today: date) -> tuple[str, ...]:
        """The row's cells in column order, as shown (made once per row)."""
        return (
            row.name,
            self._label(row.sex, sex_label),
            str(age_on(row.birth_date, today)),
            row.id_number,
            row.phone or "",
            row.community_name,
            self._label(row.employment_status, status_label),
            self._label(row.key_groups, key_groups_text),
        )

    def _label(self, value: Any, label: Callable[[Any], str]) -> str:
        # The catalogue's lookups cost more than the rest of a row; their texts never change
        # while the model lives (the language is chosen at start).
        key = (label, value)
        text = self._labels.get(key)
        if text is None:
            text = self._labels[key] = label(value)
        return text

    def _tooltip(self, row: ResidentRow, column: Column) -> str:
        if column is Column.AGE:
            return self.tr("Born {date}").format(date=row.birth_date.isoformat())
        if column is Column.KEY_GROUPS:
            return key_groups_text(row.key_groups, short=False)
        return self._display(row, column)
