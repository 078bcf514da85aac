"""In-memory search over the whole register: name, pinyin, ID fragment, phone's last digits.

Each searchable column is packed into one string of fixed-width slots, every slot opening with
a start mark and its value closed by an end mark. A query is then one literal substring scan at
C speed (`str.find` through `re.finditer`): a prefix is searched as start mark + query, a suffix
as query + end mark, and a match's row is its offset divided by the slot width. 200,000
residents take a few tens of MB and answer in milliseconds, on any query length (SQLite's FTS5
trigram cannot match the 2-character names most Chinese people have).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from heapq import merge
from itertools import islice
from operator import methodcaller

from station_app.core.permissions import Permission
from station_app.core.station_session import ReadTx
from station_app.services.name_pinyin import KEY_SEPARATOR

START = "\x01"
END = "\x02"
PAD = "\x00"
MAX_RESULTS = 5000  # more is no use at a counter: the worker types another character


@dataclass(frozen=True)
class SearchEntry:
    """The searchable facts of one resident."""

    id: str
    name: str
    name_pinyin: str  # spellings separated by KEY_SEPARATOR
    name_initials: str
    id_number: str
    phone: str


class SearchResult(list[str]):
    """Matching ids in register order; `truncated` when only the first MAX_RESULTS are kept."""

    truncated: bool = False


class _SlotColumn:
    """One value per row packed into fixed-width slots: START value END PAD…"""

    def __init__(self, values: Sequence[str], width: int | None = None) -> None:
        self.width = (width if width is not None else max(map(len, values), default=0)) + 2
        self.text = self.pack(values)

    def pack(self, values: Iterable[str]) -> str:
        """The slots of these values (each no longer than width - 2), side by side."""
        pad = methodcaller("ljust", self.width, PAD)
        return "".join(map(pad, map(f"{START}{{}}{END}".format, values)))

    def __len__(self) -> int:
        return len(self.text) // self.width if self.width else 0

    def value(self, row: int) -> str:
        slot = self.text[row * self.width + 1 : (row + 1) * self.width]
        return slot[: slot.index(END)]

    def without(self, row: int) -> _SlotColumn:
        """A copy with this row's slot taken out."""
        start = row * self.width
        return self._copy(self.text[:start] + self.text[start + self.width :])

    def with_inserted(self, row: int, value: str) -> _SlotColumn:
        """A copy with `value` in a new slot before `row` (repacked if it is wider)."""
        if len(value) + 2 > self.width:
            values = [self.value(r) for r in range(len(self))]
            values.insert(row, value)
            return _SlotColumn(values)
        start = row * self.width
        slot = f"{START}{value}{END}".ljust(self.width, PAD)
        return self._copy(self.text[:start] + slot + self.text[start:])

    def _copy(self, text: str) -> _SlotColumn:
        column = _SlotColumn.__new__(_SlotColumn)
        column.width, column.text = self.width, text
        return column

    def rows(self, needle: str) -> Iterator[int]:
        """Rows whose slot contains `needle`, ascending, each once."""
        width, last = self.width, -1
        for match in re.finditer(re.escape(needle), self.text):
            row = match.start() // width
            if row != last:
                last = row
                yield row


class _IdColumn:
    """The residents' ids packed side by side (no string object per resident)."""

    def __init__(self, ids: Sequence[str], width: int | None = None) -> None:
        self.width = width if width is not None else max(map(len, ids), default=36)
        self.text = "".join(i.ljust(self.width, PAD) for i in ids)

    def __len__(self) -> int:
        return len(self.text) // self.width

    def __getitem__(self, row: int) -> str:
        return self.text[row * self.width : (row + 1) * self.width].rstrip(PAD)

    def tolist(self) -> list[str]:
        width, text = self.width, self.text
        return [text[i : i + width].rstrip(PAD) for i in range(0, len(text), width)]

    def index(self, resident_id: str) -> int:
        """The row of this id; ValueError if it is not indexed."""
        start = self.text.find(resident_id)
        while start >= 0 and start % self.width:
            start = self.text.find(resident_id, start + 1)
        if start < 0 or self[start // self.width] != resident_id:
            raise ValueError(resident_id)
        return start // self.width

    def without(self, row: int) -> _IdColumn:
        start = row * self.width
        return self._copy(self.text[:start] + self.text[start + self.width :])

    def with_inserted(self, row: int, resident_id: str) -> _IdColumn:
        if len(resident_id) > self.width:
            ids = self.tolist()
            ids.insert(row, resident_id)
            return _IdColumn(ids)
        start = row * self.width
        return self._copy(
            self.text[:start] + resident_id.ljust(self.width, PAD) + self.text[start:]
        )

    def _copy(self, text: str) -> _IdColumn:
        column = _IdColumn.__new__(_IdColumn)
        column.width, column.text = self.width, text
        return column


class _ExtraSpellings:
    """The few second spellings (polyphonic surnames), as (row, spelling) in row order."""

    def __init__(self, pairs: Sequence[tuple[int, str]]) -> None:
        self.pairs = list(pairs)
        self._rows = [row for row, _ in self.pairs]  # for bisect

    def of_row(self, row: int) -> list[str]:
        start, end = bisect_left(self._rows, row), bisect_right(self._rows, row)
        return [spelling for _, spelling in self.pairs[start:end]]

    def without(self, row: int) -> _ExtraSpellings:
        return _ExtraSpellings([(r - (r > row), s) for r, s in self.pairs if r != row])

    def with_inserted(self, row: int, spellings: Sequence[str]) -> _ExtraSpellings:
        shifted = [(r + (r >= row), s) for r, s in self.pairs]
        return _ExtraSpellings(sorted(shifted + [(row, s) for s in spellings]))

    def rows_with_prefix(self, prefix: str) -> Iterator[int]:
        last = -1
        for row, spelling in self.pairs:
            if row != last and spelling.startswith(prefix):
                last = row
                yield row


def normalize_query(text: str) -> str:
    """Full-width to half-width, lower case, no spaces (what a worker types with any IME)."""
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def classify(query: str) -> str:
    """'name', 'pinyin', 'digits' or 'empty' — how a normalised query is matched."""
    if not query:
        return "empty"
    if any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in query):
        return "name"
    if re.fullmatch(r"[0-9]+x?", query):
        return "digits"
    if re.fullmatch(r"[a-z]+", query):
        return "pinyin"
    return "name"


class ResidentSearchIndex:
    """All residents in register order (by pinyin), and the ids matching a query."""

    def __init__(self, entries: Iterable[SearchEntry]) -> None:
        rows = sorted(_row(entry) for entry in entries)  # the tuples sort in register order
        self._fill(_widths(rows), [rows])

    @classmethod
    def load(cls, rx: ReadTx, *, chunk: int = 5000) -> ResidentSearchIndex:
        """Reads the searchable columns of every resident of the scope, in register order.

        Rows are streamed from the register-order index and packed chunk by chunk, so the
        peak memory stays near the size of the packed index itself.
        """
        rx.require(Permission.RESIDENT_READ)
        index = cls.__new__(cls)
        scope_sql, scope_params = _scope_filter(rx)
        connection = rx.station.db.engine.raw_connection()  # plain DB-API: no ORM row objects
        try:
            cursor = connection.cursor()
            cursor.execute(_WIDTH_SQL + scope_sql, scope_params)
            widths = tuple(width or 0 for width in cursor.fetchone() or ())
            cursor.execute(f"{_LOAD_SQL}{scope_sql} ORDER BY name_pinyin, name, id", scope_params)
            index._fill(widths, iter(lambda: cursor.fetchmany(chunk), []))
        finally:
            connection.close()
        return index

    def _fill(self, widths: Sequence[int], chunks: Iterable[Sequence[Sequence[str]]]) -> None:
        """Packs rows shaped like _LOAD_SQL's, already in register order, into the columns.

        Only packed columns are kept (no object per resident), so memory stays small. Later
        changes replace these attributes and never mutate them: a shallow copy is a snapshot.
        """
        ids = _IdColumn([], widths[0] or 36)
        columns = [_SlotColumn([], width) for width in widths[1:]]
        parts: list[list[str]] = [[] for _ in range(len(columns) + 1)]
        extra_pinyin: list[tuple[int, str]] = []
        extra_initials: list[tuple[int, str]] = []
        base = 0
        for rows in filter(None, chunks):
            pinyin, names, row_ids, initials, id_numbers, phones = zip(*rows, strict=True)
            parts[0].append("".join(i.ljust(ids.width, PAD) for i in row_ids))
            first_pinyin = _split_spellings(pinyin, base, extra_pinyin)
            first_initials = _split_spellings(initials, base, extra_initials)
            values = (names, first_pinyin, first_initials, id_numbers, phones)
            for target, column, chunk_values in zip(parts[1:], columns, values, strict=True):
                target.append(column.pack(chunk_values))
            base += len(rows)
        ids.text = "".join(parts[0])
        for column, texts in zip(columns, parts[1:], strict=True):
            column.text = "".join(texts)
        self._ids = ids
        self._names, self._pinyin, self._initials, self._id_numbers, self._phones = columns
        self._extra_pinyin = _ExtraSpellings(extra_pinyin)
        self._extra_initials = _ExtraSpellings(extra_initials)
        self._all_ids: list[str] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    def all_ids(self) -> list[str]:
        return list(self._every_id())

    def prepare(self) -> ResidentSearchIndex:
        """Unpacks the list of every id now (the empty query's answer), off the GUI thread.

        Unpacking 200,000 ids takes tens of ms; an empty search then only copies the list.
        """
        self._every_id()
        return self

    def _every_id(self) -> list[str]:
        if self._all_ids is None:
            self._all_ids = self._ids.tolist()
        return self._all_ids

    def search(self, text: str) -> SearchResult:
        """Ids matching `text` in register order (all ids for an empty query).

        Names match anywhere (one character is enough), pinyin by the start of any spelling
        (full or initials), digits anywhere in the ID number or at the end of the phone.
        """
        query = normalize_query(text)
        kind = classify(query)
        if kind == "empty":
            return SearchResult(self._every_id())
        if kind == "name":
            rows: Iterator[int] = self._names.rows(query)
        elif kind == "pinyin":
            rows = _union(
                self._pinyin.rows(START + query),
                self._initials.rows(START + query),
                self._extra_pinyin.rows_with_prefix(query),
                self._extra_initials.rows_with_prefix(query),
            )
        else:
            found = [self._id_numbers.rows(query)]
            if query.isdigit():
                found.append(self._phones.rows(query + END))
            rows = _union(*found)
        kept = list(islice(rows, MAX_RESULTS + 1))
        result = SearchResult(self._ids[row] for row in kept[:MAX_RESULTS])
        result.truncated = len(kept) > MAX_RESULTS
        return result

    def entries(self) -> list[SearchEntry]:
        """The indexed residents, unpacked again from the columns, in register order."""
        return [self._entry_at(row) for row in range(len(self._ids))]

    def _entry_at(self, row: int) -> SearchEntry:
        spellings = [self._pinyin.value(row), *self._extra_pinyin.of_row(row)]
        initials = [self._initials.value(row), *self._extra_initials.of_row(row)]
        return SearchEntry(
            id=self._ids[row],
            name=self._names.value(row),
            name_pinyin=KEY_SEPARATOR.join(spellings),
            name_initials=KEY_SEPARATOR.join(initials),
            id_number=self._id_numbers.value(row).upper(),
            phone=self._phones.value(row),
        )

    def upsert(self, entries: Iterable[SearchEntry]) -> None:
        """Adds or replaces residents (after a save), keeping register order.

        Each one is taken out of and put into the packed columns where it belongs, so a save
        costs a few string copies instead of a rebuild of the whole index.
        """
        for entry in entries:
            self._delete(entry.id)
            self._insert(entry)

    def remove(self, ids: Iterable[str]) -> None:
        for resident_id in ids:
            self._delete(resident_id)

    def refresh(self, rx: ReadTx, ids: Iterable[str]) -> None:
        """Re-reads these residents: saved ones are updated, deleted or moved away removed."""
        rx.require(Permission.RESIDENT_READ)
        wanted = list(ids)
        if not wanted:
            return
        marks = ",".join("?" * len(wanted))
        scope_sql, scope_params = _scope_filter(rx)
        rows = _fetch(rx, f"{_LOAD_SQL}{scope_sql} AND id IN ({marks})", [*scope_params, *wanted])
        found = [
            SearchEntry(id_, name, pinyin, initials, id_number, _digits(phone))
            for pinyin, name, id_, initials, id_number, phone in rows
        ]
        self.remove(set(wanted) - {e.id for e in found})
        self.upsert(found)

    # Every change below replaces attributes instead of mutating them, so a shallow copy of
    # the index (taken by a background refresh) stays a consistent snapshot.

    def _delete(self, resident_id: str) -> None:
        try:
            row = self._ids.index(resident_id)
        except ValueError:
            return
        self._ids = self._ids.without(row)
        if self._all_ids is not None:  # a new list of the same id strings, never mutated
            self._all_ids = self._all_ids[:row] + self._all_ids[row + 1 :]
        for name in _COLUMNS:
            setattr(self, name, getattr(self, name).without(row))

    def _insert(self, entry: SearchEntry) -> None:
        key = _order(entry)
        row = bisect_left(range(len(self._ids)), key, key=self._order_at)
        spellings = entry.name_pinyin.split(KEY_SEPARATOR)
        initials = entry.name_initials.split(KEY_SEPARATOR)
        self._ids = self._ids.with_inserted(row, entry.id)
        if self._all_ids is not None:
            self._all_ids = [*self._all_ids[:row], entry.id, *self._all_ids[row:]]
        self._names = self._names.with_inserted(row, entry.name)
        self._id_numbers = self._id_numbers.with_inserted(row, entry.id_number.lower())
        self._phones = self._phones.with_inserted(row, _digits(entry.phone))
        self._pinyin = self._pinyin.with_inserted(row, spellings[0])
        self._initials = self._initials.with_inserted(row, initials[0])
        self._extra_pinyin = self._extra_pinyin.with_inserted(row, spellings[1:])
        self._extra_initials = self._extra_initials.with_inserted(row, initials[1:])

    def _order_at(self, row: int) -> tuple[str, str, str]:
        spellings = [self._pinyin.value(row), *self._extra_pinyin.of_row(row)]
        return (KEY_SEPARATOR.join(spellings), self._names.value(row), self._ids[row])


_COLUMNS = (
    "_names",
    "_id_numbers",
    "_phones",
    "_pinyin",
    "_initials",
    "_extra_pinyin",
    "_extra_initials",
)


# Sorting these tuples gives the register order: (name_pinyin, name, id), as SQLite's
# ix_residents_register_order does (UTF-8 byte order equals code point order).
_LOAD_SQL = (
    "SELECT name_pinyin, name, id, name_initials, lower(id_number), "
    "replace(replace(coalesce(phone, ''), '-', ''), ' ', '') FROM residents WHERE deleted = 0"
)

# The widths of the packed columns: id, name, first pinyin spelling, first initials, ID, phone.
_WIDTH_SQL = (
    "SELECT max(length(id)), max(length(name)), "
    "max(length(substr(name_pinyin, 1, instr(name_pinyin || ' ', ' ') - 1))), "
    "max(length(substr(name_initials, 1, instr(name_initials || ' ', ' ') - 1))), "
    "max(length(id_number)), max(length(replace(replace(coalesce(phone, ''), '-', ''), ' ', ''))) "
    "FROM residents WHERE deleted = 0"
)


def _split_spellings(texts: Sequence[str], base: int, extra: list[tuple[int, str]]) -> list[str]:
    """First spellings of a chunk; further ones go to `extra` as (row, spelling)."""
    first = []
    for offset, text in enumerate(texts):
        head, separator, rest = text.partition(KEY_SEPARATOR)
        first.append(head)
        if separator:
            extra.extend((base + offset, other) for other in rest.split(KEY_SEPARATOR))
    return first


def _scope_filter(rx: ReadTx) -> tuple[str, list[str]]:
    """The SQL condition (after WHERE …) limiting rows to the station's scope, and its values."""
    ids = sorted(rx.scope.ids)
    return f" AND scope_id IN ({','.join('?' * len(ids))})", ids


def _fetch(rx: ReadTx, sql: str, params: list[str]) -> list[tuple[str, ...]]:
    # A plain DB-API cursor: building 200,000 ORM result rows would cost a second more.
    connection = rx.station.db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        connection.close()


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _row(entry: SearchEntry) -> tuple[str, str, str, str, str, str]:
    """An entry as _LOAD_SQL returns it (ID number in lower case, phone as digits)."""
    return (
        entry.name_pinyin,
        entry.name,
        entry.id,
        entry.name_initials,
        entry.id_number.lower(),
        _digits(entry.phone),
    )


def _widths(rows: Sequence[Sequence[str]]) -> tuple[int, ...]:
    """The widths _WIDTH_SQL would give for these rows."""
    return (
        max((len(r[2]) for r in rows), default=0),
        max((len(r[1]) for r in rows), default=0),
        max((len(_first_spelling(r[0])) for r in rows), default=0),
        max((len(_first_spelling(r[3])) for r in rows), default=0),
        max((len(r[4]) for r in rows), default=0),
        max((len(r[5]) for r in rows), default=0),
    )


def _first_spelling(text: str) -> str:
    return text.partition(KEY_SEPARATOR)[0]


def _order(entry: SearchEntry) -> tuple[str, str, str]:
    """Register order: by the name's pinyin spellings, then the name, then the id."""
    return (entry.name_pinyin, entry.name, entry.id)


def _union(*ascending: Iterator[int]) -> Iterator[int]:
    """Merges ascending row streams into one ascending stream without repeats."""
    last = -1
    for row in merge(*ascending):
        if row != last:
            last = row
            yield row
