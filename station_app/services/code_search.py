"""Finding entries of a code table by code, by name, or by the pinyin of the name."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from station_app.services import code_tables
from station_app.services.code_tables import Code, CodeTable
from station_app.validation.id_number import to_half_width

# How well an entry matches, best first; ties keep the table's order.
_EXACT_CODE, _EXACT_NAME, _CODE_PREFIX, _NAME_PREFIX, _INITIALS_PREFIX = range(5)
_PINYIN_PREFIX, _IN_NAME, _IN_INITIALS, _IN_PINYIN, _IN_CODE = range(5, 10)


def fold(text: str) -> str:
    """The form typed text and keys are compared in: half-width, no outer spaces, casefolded."""
    return to_half_width(text).strip().casefold()


def pinyin_keys(name: str) -> tuple[str, str]:
    """The full pinyin (``diangong``) and the initials (``dg``) of a name, without tones.

    Characters that are not Chinese (digits, letters, punctuation) are left out of both.
    """
    # Imported here: pypinyin loads its phrase dictionary on import (a quarter of a second).
    from pypinyin import Style, lazy_pinyin

    syllables = [
        s for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore") if s.isascii() and s
    ]
    return "".join(syllables).casefold(), "".join(s[0] for s in syllables).casefold()


@dataclass(frozen=True)
class _Keys:
    entry: Code
    code: str
    name: str
    pinyin: str
    initials: str


class CodeSearch:
    """A keystroke search over some entries of a code table (all of them unless told).

    The pinyin keys are worked out once, when the search is made; each search then only
    compares strings (about a millisecond over the 2,177 occupations).
    """

    def __init__(self, table: CodeTable, entries: Iterable[Code] | None = None) -> None:
        self.table = table
        self._keys = tuple(
            _Keys(entry, fold(entry.code), fold(entry.name), *pinyin_keys(entry.name))
            for entry in (table if entries is None else entries)
        )

    def __len__(self) -> int:
        return len(self._keys)

    @property
    def entries(self) -> tuple[Code, ...]:
        return tuple(keys.entry for keys in self._keys)

    def search(self, text: str, limit: int | None = 50) -> list[Code]:
        """Entries matching ``text`` by code, name, full pinyin or initials, best first.

        An exact code comes first, then an exact name (or its whole pinyin or initials),
        then codes, names, initials and full pinyin starting
        with the text, then those containing it. Spaces and apostrophes inside typed
        pinyin (``dian gong``, ``xi'an``) are ignored.
        """
        needle = fold(text)
        if not needle or (limit is not None and limit <= 0):
            return []
        letters = needle.replace(" ", "").replace("'", "")
        latin = letters.isascii() and letters.isalpha()
        ranked: list[tuple[int, int, Code]] = []
        for index, keys in enumerate(self._keys):
            rank = _rank(keys, needle, letters if latin else "")
            if rank is not None:
                ranked.append((rank, index, keys.entry))
        ranked.sort(key=lambda item: (item[0], item[1]))
        found = [entry for _, _, entry in ranked]
        return found if limit is None else found[:limit]

    def codes(self, text: str) -> list[str]:
        """The codes of every matching entry, best first (for filtering a whole list)."""
        return [entry.code for entry in self.search(text, limit=None)]


def _rank(keys: _Keys, needle: str, letters: str) -> int | None:
    if keys.code == needle:
        return _EXACT_CODE
    if keys.name == needle or (letters and letters in (keys.pinyin, keys.initials)):
        return _EXACT_NAME
    if keys.code.startswith(needle):
        return _CODE_PREFIX
    if keys.name.startswith(needle):
        return _NAME_PREFIX
    if letters and keys.initials.startswith(letters):
        return _INITIALS_PREFIX
    if letters and keys.pinyin.startswith(letters):
        return _PINYIN_PREFIX
    if needle in keys.name:
        return _IN_NAME
    if letters and letters in keys.initials:
        return _IN_INITIALS
    if letters and letters in keys.pinyin:
        return _IN_PINYIN
    if needle in keys.code:
        return _IN_CODE
    return None


def selectable_occupations(table: CodeTable) -> list[Code]:
    """The occupations a person is recorded under: the finest entries (those without children).

    The catch-all 小类 such as 其他居民服务人员 (4-10-99) have no 职业 below them, so they
    are offered themselves.
    """
    return [entry for entry in table if not table.children(entry.code)]


@lru_cache(maxsize=1)
def occupation_search() -> CodeSearch:
    """The search behind the occupation pickers: the selectable occupations of the 大典."""
    table = code_tables.occupations()
    return CodeSearch(table, selectable_occupations(table))


def warm_up() -> None:
    """Works out the occupations' pinyin now (a tenth of a second), ahead of the first form."""
    occupation_search()
