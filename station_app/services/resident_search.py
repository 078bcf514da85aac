"""In-memory search over the whole register: name, pinyin, ID fragment, phone's last digits.

Each searchable column is packed into one string of fixed-width slots, so a query is a
C-speed substring scan (`re.finditer`) and a match's slot is its offset divided by the width.
200,000 residents take a few tens of MB and answer in milliseconds, on any query length
(SQLite's FTS5 trigram cannot match the 2-character names most Chinese people have).
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from station_app.database import Database
from station_app.models import Resident
from station_app.services.name_pinyin import KEY_SEPARATOR

_PAD = "\x00"


@dataclass(frozen=True)
class SearchEntry:
    """The searchable facts of one resident."""

    id: str
    name: str
    name_pinyin: str  # spellings separated by KEY_SEPARATOR
    name_initials: str
    id_number: str
    phone: str  # digits only


class _SlotColumn:
    """Strings packed into fixed-width slots; a slot maps back to a row position."""

    def __init__(self, values: Iterable[tuple[str, int]], *, align_right: bool = False) -> None:
        items = list(values)
        self.width = max((len(v) for v, _ in items), default=0) + 1
        if align_right:
            self.text = "".join(v.rjust(self.width, _PAD) for v, _ in items)
        else:
            self.text = "".join(v.ljust(self.width, _PAD) for v, _ in items)
        self.rows = array("l", (row for _, row in items))

    def slot(self, index: int) -> str:
        return self.text[index * self.width : (index + 1) * self.width].strip(_PAD)

    def rows_matching(self, pattern: re.Pattern[str]) -> set[int]:
        width, rows = self.width, self.rows
        return {rows[m.start() // width] for m in pattern.finditer(self.text)}


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
    """All residents in register order, and the ids matching a query, in the same order."""

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self._rebuild(sorted(entries, key=_order))

    @classmethod
    def load(cls, db: Database) -> ResidentSearchIndex:
        """Reads the searchable columns of every resident not deleted (one query)."""
        with db.session() as session:
            rows = session.execute(_ENTRY_QUERY).all()
        return cls([_entry(row) for row in rows])

    def _rebuild(self, entries: Sequence[SearchEntry]) -> None:
        # Only the packed columns are kept (no object per resident), to keep memory small.
        self._ids = [e.id for e in entries]
        self._names = _SlotColumn((e.name, i) for i, e in enumerate(entries))
        self._pinyin = _SlotColumn(
            (spelling, i)
            for i, e in enumerate(entries)
            for spelling in e.name_pinyin.split(KEY_SEPARATOR)
            if spelling
        )
        self._initials = _SlotColumn(
            (spelling, i)
            for i, e in enumerate(entries)
            for spelling in e.name_initials.split(KEY_SEPARATOR)
            if spelling
        )
        self._id_numbers = _SlotColumn((e.id_number.lower(), i) for i, e in enumerate(entries))
        self._phones = _SlotColumn(((e.phone, i) for i, e in enumerate(entries)), align_right=True)

    def __len__(self) -> int:
        return len(self._ids)

    def all_ids(self) -> list[str]:
        return list(self._ids)

    def search(self, text: str) -> list[str]:
        """Ids of the residents matching `text`, in register order; all ids for an empty query."""
        query = normalize_query(text)
        kind = classify(query)
        if kind == "empty":
            return self.all_ids()
        escaped = re.escape(query)
        if kind == "name":
            rows = self._names.rows_matching(re.compile(escaped))
        elif kind == "pinyin":
            # A spelling starts at its slot's start: the pad character precedes every slot
            # but the first, so "start of text or after a pad" anchors the prefix.
            prefix = re.compile(f"(?:^|(?<={_PAD})){escaped}")
            rows = self._pinyin.rows_matching(prefix) | self._initials.rows_matching(prefix)
        else:
            rows = self._id_numbers.rows_matching(re.compile(escaped))
            if query.isdigit():
                # The phone's last digits: right-aligned slots end where the next one starts.
                suffix = re.compile(f"{escaped}(?={_PAD}|$)")
                rows |= self._phones.rows_matching(suffix)
        return [self._ids[row] for row in sorted(rows)]

    def entries(self) -> list[SearchEntry]:
        """The indexed residents, unpacked again from the columns, in register order."""
        spellings: list[list[str]] = [[] for _ in self._ids]
        initials: list[list[str]] = [[] for _ in self._ids]
        for column, target in ((self._pinyin, spellings), (self._initials, initials)):
            for slot, row in enumerate(column.rows):
                target[row].append(column.slot(slot))
        return [
            SearchEntry(
                id=resident_id,
                name=self._names.slot(row),
                name_pinyin=KEY_SEPARATOR.join(spellings[row]),
                name_initials=KEY_SEPARATOR.join(initials[row]),
                id_number=self._id_numbers.slot(row).upper(),
                phone=self._phones.slot(row),
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
        with db.session() as session:
            rows = session.execute(_ENTRY_QUERY.where(Resident.id.in_(wanted))).all()
        found = [_entry(row) for row in rows]
        self.remove(set(wanted) - {e.id for e in found})
        self.upsert(found)


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


_ENTRY_QUERY = select(
    Resident.id,
    Resident.name,
    Resident.name_pinyin,
    Resident.name_initials,
    Resident.id_number,
    Resident.phone,
).where(Resident.deleted.is_(False))


def _entry(row: Sequence[Any]) -> SearchEntry:
    id_, name, pinyin, initials, id_number, phone = row
    return SearchEntry(
        id=id_,
        name=name,
        name_pinyin=pinyin,
        name_initials=initials,
        id_number=id_number,
        phone=_digits(phone or ""),
    )


def _order(entry: SearchEntry) -> tuple[str, str, str]:
    """Register order: by the name's first pinyin spelling, then the name, then the id."""
    return (entry.name_pinyin.split(KEY_SEPARATOR, 1)[0], entry.name, entry.id)
