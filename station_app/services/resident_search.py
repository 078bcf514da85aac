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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from heapq import merge
from itertools import islice
from operator import methodcaller

from station_app.database import Database
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

    def __init__(self, values: Sequence[str]) -> None:
        self.width = max(map(len, values), default=0) + 2
        pad = methodcaller("ljust", self.width, PAD)
        self.text = "".join(map(pad, map(f"{START}{{}}{END}".format, values)))

    def __len__(self) -> int:
        return len(self.text) // self.width if self.width else 0

    def value(self, row: int) -> str:
        slot = self.text[row * self.width + 1 : (row + 1) * self.width]
        return slot[: slot.index(END)]

    def rows(self, needle: str) -> Iterator[int]:
        """Rows whose slot contains `needle`, ascending, each once."""
        width, last = self.width, -1
        for match in re.finditer(re.escape(needle), self.text):
            row = match.start() // width
            if row != last:
                last = row
                yield row


class _ExtraSpellings:
    """The few second spellings (polyphonic surnames), as (row, spelling) in row order."""

    def __init__(self, pairs: Sequence[tuple[int, str]]) -> None:
        self.pairs = list(pairs)

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
        self._rebuild(sorted(entries, key=_order))

    @classmethod
    def load(cls, db: Database) -> ResidentSearchIndex:
        """Reads the searchable columns of every resident not deleted (one query)."""
        rows = _fetch(db, _LOAD_SQL, [])
        rows.sort()  # (name_pinyin, name, id): the register order, compared in C
        index = cls.__new__(cls)
        if rows:
            pinyin, names, ids, initials, id_numbers, phones = map(list, zip(*rows, strict=True))
        else:
            pinyin = names = ids = initials = id_numbers = phones = []
        index._pack(ids, names, pinyin, initials, [n.lower() for n in id_numbers], phones)
        return index

    def _rebuild(self, entries: Sequence[SearchEntry]) -> None:
        self._pack(
            [e.id for e in entries],
            [e.name for e in entries],
            [e.name_pinyin for e in entries],
            [e.name_initials for e in entries],
            [e.id_number.lower() for e in entries],
            [e.phone for e in entries],
        )

    def _pack(
        self,
        ids: list[str],
        names: list[str],
        pinyin: list[str],
        initials: list[str],
        id_numbers: list[str],
        phones: list[str],
    ) -> None:
        # Only packed columns are kept (no object per resident), so memory stays small. A
        # rebuild replaces the attributes and never mutates them: a shallow copy is a snapshot.
        self._ids = ids
        self._names = _SlotColumn(names)
        self._id_numbers = _SlotColumn(id_numbers)
        self._phones = _SlotColumn([p if p.isdigit() else _digits(p) for p in phones])
        self._pinyin, self._extra_pinyin = _first_and_extra(pinyin)
        self._initials, self._extra_initials = _first_and_extra(initials)

    def __len__(self) -> int:
        return len(self._ids)

    def all_ids(self) -> list[str]:
        return list(self._ids)

    def search(self, text: str) -> SearchResult:
        """Ids matching `text` in register order (all ids for an empty query).

        Names match anywhere (one character is enough), pinyin by the start of any spelling
        (full or initials), digits anywhere in the ID number or at the end of the phone.
        """
        query = normalize_query(text)
        kind = classify(query)
        if kind == "empty":
            return SearchResult(self._ids)
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
        extra_pinyin = _group(self._extra_pinyin.pairs)
        extra_initials = _group(self._extra_initials.pairs)
        return [
            SearchEntry(
                id=resident_id,
                name=self._names.value(row),
                name_pinyin=KEY_SEPARATOR.join(
                    [self._pinyin.value(row), *extra_pinyin.get(row, [])]
                ),
                name_initials=KEY_SEPARATOR.join(
                    [self._initials.value(row), *extra_initials.get(row, [])]
                ),
                id_number=self._id_numbers.value(row).upper(),
                phone=self._phones.value(row),
            )
            for row, resident_id in enumerate(self._ids)
        ]

    def upsert(self, entries: Iterable[SearchEntry]) -> None:
        """Adds or replaces residents (after a save), keeping register order."""
        changed = {e.id: e for e in entries}
        kept = [e for e in self.entries() if e.id not in changed]
        self._rebuild(sorted(kept + list(changed.values()), key=_order))

    def remove(self, ids: Iterable[str]) -> None:
        gone = set(ids)
        self._rebuild([e for e in self.entries() if e.id not in gone])

    def refresh(self, db: Database, ids: Iterable[str]) -> None:
        """Re-reads these residents from the database: saved ones are updated, deleted removed."""
        wanted = list(ids)
        if not wanted:
            return
        marks = ",".join("?" * len(wanted))
        rows = _fetch(db, f"{_LOAD_SQL} AND id IN ({marks})", wanted)
        found = [
            SearchEntry(id_, name, pinyin, initials, id_number, _digits(phone))
            for pinyin, name, id_, initials, id_number, phone in rows
        ]
        gone = set(wanted) - {e.id for e in found}
        changed = {e.id: e for e in found}
        kept = [e for e in self.entries() if e.id not in gone and e.id not in changed]
        self._rebuild(sorted(kept + found, key=_order))


# Sorting these tuples gives the register order: (name_pinyin, name, id), as SQLite's
# ix_residents_register_order does (UTF-8 byte order equals code point order).
_LOAD_SQL = (
    "SELECT name_pinyin, name, id, name_initials, id_number, coalesce(phone, '') "
    "FROM residents WHERE deleted = 0"
)


def _fetch(db: Database, sql: str, params: list[str]) -> list[tuple[str, ...]]:
    # A plain DB-API cursor: building 200,000 ORM result rows would cost a second more.
    connection = db.engine.raw_connection()
    try:
        cursor = connection.cursor()
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        connection.close()


def _first_and_extra(spellings: list[str]) -> tuple[_SlotColumn, _ExtraSpellings]:
    """The first spelling of every row packed, the rare further ones (曾: zeng, ceng) aside."""
    first = [s.partition(KEY_SEPARATOR)[0] for s in spellings]
    extra = [
        (row, other)
        for row, text in enumerate(spellings)
        if KEY_SEPARATOR in text
        for other in text.split(KEY_SEPARATOR)[1:]
    ]
    return _SlotColumn(first), _ExtraSpellings(extra)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


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


def _group(pairs: Sequence[tuple[int, str]]) -> dict[int, list[str]]:
    grouped: dict[int, list[str]] = {}
    for row, spelling in pairs:
        grouped.setdefault(row, []).append(spelling)
    return grouped
