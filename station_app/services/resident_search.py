"""In-memory search over the whole register: name, pinyin, ID fragment, phone's last digits.

Each searchable column is packed into one string of fixed-width slots, every slot opening with
a start mark and its value closed by an end mark. A query is then one literal substring scan at
C speed (`str.find` through `re.finditer`): a prefix is searched as start mark + query, a suffix
as query + end mark, and a match's row is its offset divided by the slot width. 200,000
residents take a few tens of MB and answer in milliseconds, on any query length (SQLite's FTS5
trigram cannot match the 2-character names most Chinese people have).
"""

from __future__ import annotations

import operator
import re
import unicodedata
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from heapq import merge
from itertools import islice
from operator import methodcaller
from typing import Any, overload

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


class SearchResult(Sequence[str]):
    """Matching ids in register order; `truncated` when only the first MAX_RESULTS are kept.

    `ids` cannot change: the empty query's answer is the index's own PackedIds of everyone,
    handed out without a copy, and other answers are tuples. Equal to a list or tuple of the
    same ids.
    """

    __slots__ = ("ids", "truncated")

    def __init__(self, ids: Iterable[str] = (), *, truncated: bool = False) -> None:
        self.ids: Sequence[str] = ids if isinstance(ids, tuple | PackedIds) else tuple(ids)
        self.truncated = truncated

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, position: int) -> str: ...

    @overload
    def __getitem__(self, position: slice) -> Sequence[str]: ...

    def __getitem__(self, position: int | slice) -> str | Sequence[str]:
        return self.ids[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __contains__(self, resident_id: object) -> bool:
        return resident_id in self.ids

    def __eq__(self, other: object) -> bool:
        if isinstance(other, SearchResult):
            return self.truncated == other.truncated and list(self.ids) == list(other.ids)
        if isinstance(other, list | tuple):
            return list(self.ids) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        cut = ", truncated=True" if self.truncated else ""
        return f"SearchResult({list(self.ids)!r}{cut})"


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

    def fits(self, value: str) -> bool:
        return len(value) + 2 <= self.width

    def spliced(self, plan: _Splice, values: Sequence[str]) -> _SlotColumn:
        """A copy with the plan's rows taken out and these values (one per insert) put in."""
        column = _SlotColumn.__new__(_SlotColumn)
        column.width = self.width
        column.text = plan.apply(self.text, self.width, self.pack(values))
        return column

    def rows(self, needle: str, limit: int) -> list[int]:
        """The first `limit` rows whose slot contains `needle`, ascending, each once."""
        width = self.width
        if self.text.isascii():
            # One str.find per matching row, each resuming at the next slot (so each row comes
            # once): on digits, a third faster than the regular expression engine's scan.
            find, found = self.text.find, list[int]()
            offset = find(needle)
            while offset >= 0 and len(found) < limit:
                row = offset // width
                found.append(row)
                offset = find(needle, (row + 1) * width)
            return found
        to_row = width.__rfloordiv__  # offset // width, without a Python statement per match
        rows: dict[int, None] = {}
        matches = re.finditer(re.escape(needle), self.text)
        while len(rows) < limit:
            offsets = [match.start() for match in islice(matches, limit - len(rows))]
            if not offsets:
                break
            rows.update(dict.fromkeys(map(to_row, offsets)))
        return list(islice(rows, limit))

    def is_sorted(self) -> bool:
        """Whether the values ascend with the rows (then a prefix is a range of rows)."""
        values = [self.value(row) for row in range(len(self))]
        return all(map(operator.le, values, values[1:]))

    def prefix_rows(self, prefix: str, limit: int) -> list[int]:
        """The first `limit` rows whose value starts with `prefix`; the values must ascend."""
        rows = range(len(self))
        first = bisect_left(rows, prefix, key=self.value)
        width = len(prefix)
        after = bisect_right(rows, prefix, lo=first, key=lambda row: self.value(row)[:width])
        return list(range(first, min(after, first + limit)))


class PackedIds(Sequence[str]):
    """Residents' ids packed side by side in one string of fixed-width slots.

    No string object per resident, and nothing for the garbage collector to walk: a list of
    200,000 ids costs about 18 MB and tens of ms at every full collection; this costs its
    characters. An id is unpacked when it is asked for.
    """

    def __init__(self, ids: Sequence[str], width: int | None = None) -> None:
        self.width = width if width is not None else max(map(len, ids), default=36)
        self.text = "".join(i.ljust(self.width, PAD) for i in ids)

    def __len__(self) -> int:
        return len(self.text) // self.width

    @overload
    def __getitem__(self, row: int) -> str: ...

    @overload
    def __getitem__(self, row: slice) -> list[str]: ...

    def __getitem__(self, row: int | slice) -> str | list[str]:
        if isinstance(row, slice):
            return self.take(range(len(self))[row])
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        return self.text[row * self.width : (row + 1) * self.width].rstrip(PAD)

    def __iter__(self) -> Iterator[str]:
        width, text = self.width, self.text
        return (text[i : i + width].rstrip(PAD) for i in range(0, len(text), width))

    def __contains__(self, resident_id: object) -> bool:
        return isinstance(resident_id, str) and self._find(resident_id) >= 0

    def take(self, rows: Iterable[int]) -> list[str]:
        """The ids of these rows, in this order."""
        width, text = self.width, self.text
        return [text[row * width : row * width + width].rstrip(PAD) for row in rows]

    def index(self, resident_id: Any, start: int = 0, stop: int | None = None) -> int:
        """The first row of this id (from `start`, before `stop`); ValueError if none."""
        row = self._find(resident_id, start) if isinstance(resident_id, str) else -1
        if row < 0 or (stop is not None and row >= stop):
            raise ValueError(resident_id)
        return row

    def _find(self, resident_id: str, start: int = 0) -> int:
        """The first row from `start` holding exactly this id, or -1."""
        width, text = self.width, self.text
        if not resident_id or len(resident_id) > width or PAD in resident_id:
            return -1
        slot = resident_id.ljust(width, PAD)
        at = text.find(slot, max(start, 0) * width)
        while at >= 0 and at % width:  # a match across two slots
            at = text.find(slot, at + 1)
        return at // width if at >= 0 else -1

    def fits(self, resident_id: str) -> bool:
        return len(resident_id) <= self.width

    def spliced(self, plan: _Splice, ids: Sequence[str]) -> PackedIds:
        column = PackedIds.__new__(PackedIds)
        column.width = self.width
        inserted = "".join(i.ljust(self.width, PAD) for i in ids)
        column.text = plan.apply(self.text, self.width, inserted)
        return column


class _PhoneTails:
    """The rows of each phone's last TAIL digits, ascending: a query of TAIL digits or more
    is answered from the rows of its own last TAIL digits instead of a scan of every phone.

    Two arrays of machine ints, whatever the size of the register: the rows ordered by their
    phone's tail (then by row), and where each tail's rows start. A dict of lists would hold
    an object per resident, for the garbage collector to walk at every full collection.
    """

    TAIL = 4
    _TAILS = 10**TAIL

    def __init__(self) -> None:
        self._tail_of_row = array("i")  # while rows are added: each row's tail, -1 for none
        self._rows = array("i")  # rows ordered by tail, then row
        self._starts = array("i", bytes(4 * (self._TAILS + 1)))  # tail t: _rows[s[t]:s[t+1]]

    @classmethod
    def of(cls, phones: _SlotColumn) -> _PhoneTails:
        """The tails of a packed column of phones (after a fold)."""
        tails = cls()
        tails.add(0, [phones.value(row) for row in range(len(phones))])
        return tails.finish()

    def add(self, base: int, phones: Iterable[str]) -> None:
        """Adds phones of the rows base, base + 1, … (after every row added before);
        `finish` makes them searchable."""
        assert base == len(self._tail_of_row), "rows are added in order"
        tail = self.TAIL
        ends = (phone[-tail:] for phone in phones)
        self._tail_of_row.extend(
            int(end) if len(end) == tail and end.isascii() and end.isdigit() else -1 for end in ends
        )

    def finish(self) -> _PhoneTails:
        """Orders the rows added by tail (a stable sort keeps each tail's rows ascending)."""
        tail_of_row = self._tail_of_row
        ordered = sorted(
            (row for row, tail in enumerate(tail_of_row) if tail >= 0),
            key=tail_of_row.__getitem__,
        )
        tails = [tail_of_row[row] for row in ordered]
        self._rows = array("i", ordered)
        self._starts = array("i", (bisect_left(tails, t) for t in range(self._TAILS + 1)))
        self._tail_of_row = array("i")
        return self

    def rows(self, digits: str, phones: _SlotColumn) -> list[int]:
        """Rows whose phone ends with `digits` (at least TAIL of them), ascending."""
        tail = int(digits[-self.TAIL :])
        candidates = self._rows[self._starts[tail] : self._starts[tail + 1]]
        if len(digits) == self.TAIL:
            return list(candidates)
        return [row for row in candidates if phones.value(row).endswith(digits)]


class _ExtraSpellings:
    """The few second spellings (polyphonic surnames), as (row, spelling) in row order."""

    def __init__(self, pairs: Sequence[tuple[int, str]]) -> None:
        self.pairs = list(pairs)
        self._rows = [row for row, _ in self.pairs]  # for bisect

    def of_row(self, row: int) -> list[str]:
        start, end = bisect_left(self._rows, row), bisect_right(self._rows, row)
        return [spelling for _, spelling in self.pairs[start:end]]

    def spliced(self, plan: _Splice, spellings: Sequence[Sequence[str]]) -> _ExtraSpellings:
        """The pairs of the rows kept, renumbered, and those of the inserted rows."""
        kept = [(plan.new_row(r), s) for r, s in self.pairs if r not in plan.hidden]
        pairs = zip(plan.new_rows, spellings, strict=True)
        added = [(row, s) for row, extra in pairs for s in extra]
        return _ExtraSpellings(sorted(kept + added))

    def rows_with_prefix(self, prefix: str) -> list[int]:
        """Rows with a second spelling starting with `prefix`, ascending, each once."""
        return list(
            dict.fromkeys(row for row, spelling in self.pairs if spelling.startswith(prefix))
        )


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


class _Splice:
    """Where the overlay's rows go into packed columns and which rows leave them (a fold).

    `hidden` are rows of the packed columns to drop; `positions` (ascending) the row each
    inserted value goes before.
    """

    def __init__(self, hidden: frozenset[int], positions: Sequence[int]) -> None:
        self.hidden = hidden
        self._hidden = sorted(hidden)
        self._positions = list(positions)
        self.new_rows = [p - bisect_left(self._hidden, p) + i for i, p in enumerate(positions)]
        # (row, 0, i): insert value i before row; (row, 1, 0): drop row
        self._events = sorted(
            [(p, 0, i) for i, p in enumerate(positions)] + [(r, 1, 0) for r in self._hidden]
        )

    def new_row(self, row: int) -> int:
        """Where a kept row is after the fold."""
        return row - bisect_left(self._hidden, row) + bisect_right(self._positions, row)

    def apply(self, text: str, width: int, inserted: str) -> str:
        """The slots of `text` with the plan applied; `inserted` holds the new slots in order."""
        pieces, cursor = [], 0
        for row, drop, i in self._events:
            pieces.append(text[cursor * width : row * width])
            if drop:
                cursor = row + 1
            else:
                pieces.append(inserted[i * width : (i + 1) * width])
                cursor = row
        pieces.append(text[cursor * width :])
        return "".join(pieces)


class ResidentSearchIndex:
    """All residents in register order (by pinyin), and the ids matching a query.

    The packed columns never change after a load. Saved residents go to a small overlay (an
    index of their own, each with the row of the packed columns it goes before) and their old
    rows are hidden; searches merge both in register order. The overlay is folded into the
    packed columns once it holds more than `fold_at` changes (one pass over each column).
    """

    fold_at = 500

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
        ids = PackedIds([], widths[0] or 36)
        columns = [_SlotColumn([], width) for width in widths[1:]]
        parts: list[list[str]] = [[] for _ in range(len(columns) + 1)]
        extra_pinyin: list[tuple[int, str]] = []
        extra_initials: list[tuple[int, str]] = []
        tails = _PhoneTails()
        base = 0
        for rows in filter(None, chunks):
            pinyin, names, row_ids, initials, id_numbers, phones = zip(*rows, strict=True)
            tails.add(base, phones)
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
        self._phone_tails = tails.finish()
        # The register is in pinyin order, so the first spellings ascend (a spelling never
        # holds a character below its separator, the space); checked, not assumed.
        self._pinyin_sorted = self._pinyin.is_sorted()
        self._extra_pinyin = _ExtraSpellings(extra_pinyin)
        self._extra_initials = _ExtraSpellings(extra_initials)
        self._all_ids: PackedIds | None = None  # every id, overlay merged in
        self._reset_overlay()

    def __len__(self) -> int:
        return len(self._ids) - len(self._hidden) + len(self._changed)

    def all_ids(self) -> list[str]:
        return list(self._every_id())

    def prepare(self) -> ResidentSearchIndex:
        """Merges the overlay into the ids now (the empty query's answer), off the GUI thread.

        Splicing 200,000 packed ids takes some ms; an empty search then hands them out.
        """
        self._every_id()
        return self

    def _every_id(self) -> PackedIds:
        if self._all_ids is None:
            if self._overlay is None and not self._hidden:
                self._all_ids = self._ids
            else:
                plan = _Splice(self._hidden, self._overlay_pos)
                overlay_ids = list(self._overlay._ids) if self._overlay is not None else []
                self._all_ids = self._ids.spliced(plan, overlay_ids)
        return self._all_ids

    def search(self, text: str) -> SearchResult:
        """Ids matching `text` in register order (all ids for an empty query).

        Names match anywhere (one character is enough), pinyin by the start of any spelling
        (full or initials), digits anywhere in the ID number or at the end of the phone.
        """
        query = normalize_query(text)
        kind = classify(query)
        if kind == "empty":
            return SearchResult(self._every_id())  # not a copy: the packed ids themselves
        overlay = self._overlay
        # Enough base rows for the first MAX_RESULTS + 1 shown, hidden ones not counted.
        rows = self._rows(query, kind, MAX_RESULTS + 1 + len(self._hidden))
        if overlay is None and not self._hidden:
            return SearchResult(
                self._ids.take(rows[:MAX_RESULTS]), truncated=len(rows) > MAX_RESULTS
            )
        overlay_rows = overlay._rows(query, kind, MAX_RESULTS + 1) if overlay is not None else []
        kept = list(islice(self._merge(iter(rows), iter(overlay_rows)), MAX_RESULTS + 1))
        overlay_ids = overlay._ids if overlay is not None else self._ids
        return SearchResult(
            (
                overlay_ids[row] if changed else self._ids[row]
                for changed, row in kept[:MAX_RESULTS]
            ),
            truncated=len(kept) > MAX_RESULTS,
        )

    def _rows(self, query: str, kind: str, limit: int) -> list[int]:
        """The first `limit` rows of the packed columns matching a normalised query, ascending."""
        if kind == "name":
            return self._names.rows(query, limit)
        if kind == "pinyin":
            if self._pinyin_sorted:
                spellings = self._pinyin.prefix_rows(query, limit)
            else:
                spellings = self._pinyin.rows(START + query, limit)
            return _union(
                limit,
                spellings,
                self._initials.rows(START + query, limit),
                self._extra_pinyin.rows_with_prefix(query),
                self._extra_initials.rows_with_prefix(query),
            )
        found = [self._id_numbers.rows(query, limit)]
        if query.isdigit():
            if len(query) >= _PhoneTails.TAIL:
                found.append(self._phone_tails.rows(query, self._phones))
            else:
                found.append(self._phones.rows(query + END, limit))
        return _union(limit, *found)

    def _merge(
        self, rows: Iterator[int], overlay_rows: Iterator[int]
    ) -> Iterator[tuple[bool, int]]:
        """(from the overlay, row) in register order: visible base rows and overlay rows.

        An overlay row goes before the base row at its position (its order key is smaller).
        """
        hidden, positions = self._hidden, self._overlay_pos
        base = ((row, 1, row) for row in rows if row not in hidden)
        changed = ((positions[row], 0, row) for row in overlay_rows)
        for _, kind, row in merge(base, changed):
            yield kind == 0, row

    def entries(self) -> list[SearchEntry]:
        """The indexed residents, unpacked again from the columns, in register order."""
        overlay = self._overlay
        rows = self._merge(iter(range(len(self._ids))), iter(range(len(self._changed))))
        return [
            overlay._entry_at(row) if changed and overlay is not None else self._entry_at(row)
            for changed, row in rows
        ]

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

        The packed columns are not touched: the changed residents go to the overlay and their
        old rows are hidden, so a save costs a few small lists instead of copies of the columns.
        """
        changed, hidden = dict(self._changed), set(self._hidden)
        for entry in entries:
            if entry.id not in changed:
                row = self._base_row(entry.id)
                if row is not None:
                    hidden.add(row)
            changed[entry.id] = entry
        self._set_overlay(changed, hidden)

    def remove(self, ids: Iterable[str]) -> None:
        changed, hidden = dict(self._changed), set(self._hidden)
        for resident_id in ids:
            if changed.pop(resident_id, None) is None:  # a changed one's old row is hidden
                row = self._base_row(resident_id)
                if row is not None:
                    hidden.add(row)
        self._set_overlay(changed, hidden)

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

    # --- the overlay -------------------------------------------------------------------
    # Every change below replaces attributes instead of mutating them, so a shallow copy of
    # the index (taken by a background refresh) stays a consistent snapshot.

    def _reset_overlay(self) -> None:
        self._changed: dict[str, SearchEntry] = {}
        self._positions: dict[str, int] = {}  # changed id -> the base row it goes before
        self._overlay: ResidentSearchIndex | None = None
        self._overlay_pos: tuple[int, ...] = ()  # per overlay row, in its register order
        self._hidden: frozenset[int] = frozenset()
        self._all_ids = None

    def _base_row(self, resident_id: str) -> int | None:
        try:
            return self._ids.index(resident_id)
        except ValueError:
            return None

    def _set_overlay(self, changed: dict[str, SearchEntry], hidden: set[int]) -> None:
        positions = {
            rid: self._positions[rid]
            if rid in self._positions and self._changed[rid] == entry
            else self._position(entry)
            for rid, entry in changed.items()
        }
        ordered = sorted(changed.values(), key=_order)
        self._changed, self._positions, self._hidden = changed, positions, frozenset(hidden)
        self._overlay = ResidentSearchIndex(ordered) if ordered else None
        self._overlay_pos = tuple(positions[e.id] for e in ordered)
        self._all_ids = None
        if len(changed) + len(hidden) > self.fold_at:
            self._fold()

    def _position(self, entry: SearchEntry) -> int:
        """The base row an entry goes before in register order (hidden rows counted)."""
        return bisect_left(range(len(self._ids)), _order(entry), key=self._order_at)

    def _order_at(self, row: int) -> tuple[str, str, str]:
        spellings = [self._pinyin.value(row), *self._extra_pinyin.of_row(row)]
        return (KEY_SEPARATOR.join(spellings), self._names.value(row), self._ids[row])

    def _fold(self) -> None:
        """Moves the overlay into the packed columns: one pass over each column."""
        overlay = self._overlay
        entries = overlay.entries() if overlay is not None else []
        plan = _Splice(self._hidden, self._overlay_pos)
        values = (
            [e.name for e in entries],
            [_first_spelling(e.name_pinyin) for e in entries],
            [_first_spelling(e.name_initials) for e in entries],
            [e.id_number.lower() for e in entries],
            [e.phone for e in entries],
        )
        columns = (self._names, self._pinyin, self._initials, self._id_numbers, self._phones)
        fits = all(self._ids.fits(e.id) for e in entries) and all(
            column.fits(value)
            for column, column_values in zip(columns, values, strict=True)
            for value in column_values
        )
        if not fits:  # a wider value: pack everything again
            rows = [_row(entry) for entry in self.entries()]
            self._fill(_widths(rows), [rows])
            return
        self._ids = self._ids.spliced(plan, [e.id for e in entries])
        spliced = [c.spliced(plan, v) for c, v in zip(columns, values, strict=True)]
        self._names, self._pinyin, self._initials, self._id_numbers, self._phones = spliced
        self._phone_tails = _PhoneTails.of(self._phones)
        self._pinyin_sorted = self._pinyin.is_sorted()
        extra_pinyin = [e.name_pinyin.split(KEY_SEPARATOR)[1:] for e in entries]
        extra_initials = [e.name_initials.split(KEY_SEPARATOR)[1:] for e in entries]
        self._extra_pinyin = self._extra_pinyin.spliced(plan, extra_pinyin)
        self._extra_initials = self._extra_initials.spliced(plan, extra_initials)
        self._reset_overlay()


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


def _union(limit: int, *ascending: list[int]) -> list[int]:
    """The first `limit` rows of the union of ascending lists, ascending, without repeats.

    Each list needs only its own first `limit` rows: the union's first `limit` are among them.
    """
    non_empty = [rows for rows in ascending if rows]
    if len(non_empty) == 1:
        return non_empty[0][:limit]
    return sorted(set().union(*non_empty))[:limit]
