"""National code tables shipped with the app: industries, education levels and occupations."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from station_app.paths import data_tables_dir
from station_app.validation.id_number import to_half_width

INDUSTRIES_FILE = "industries.csv"
EDUCATION_FILE = "education.csv"
OCCUPATIONS_FILE = "occupations.csv"


@dataclass(frozen=True)
class Code:
    """One entry of a code table; ``parent`` is None at the top level, where ``level`` is 1."""

    code: str
    name: str
    parent: str | None = None
    level: int = 1


class CodeTable:
    """An immutable, ordered code table with lookup, hierarchy and search."""

    def __init__(self, name: str, codes: Iterable[Code]) -> None:
        self.name = name
        self._codes: tuple[Code, ...] = tuple(codes)
        self._by_code: dict[str, Code] = {}
        self._children: dict[str | None, list[Code]] = {}
        for entry in self._codes:
            if not entry.code or not entry.name:
                raise ValueError(f"{name}: empty code or name in {entry!r}")
            if entry.code in self._by_code:
                raise ValueError(f"{name}: duplicate code {entry.code!r}")
            self._by_code[entry.code] = entry
            self._children.setdefault(entry.parent, []).append(entry)
        for entry in self._codes:
            if entry.parent is None:
                if entry.level != 1:
                    raise ValueError(
                        f"{name}: top-level code {entry.code!r} has level {entry.level}"
                    )
                continue
            parent = self._by_code.get(entry.parent)
            if parent is None:
                raise ValueError(f"{name}: code {entry.code!r} has unknown parent {entry.parent!r}")
            if entry.level != parent.level + 1:
                raise ValueError(f"{name}: code {entry.code!r} is not one level below its parent")

    def __repr__(self) -> str:
        return f"CodeTable({self.name!r}, {len(self._codes)} codes)"

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[Code]:
        return iter(self._codes)

    def get(self, code: str) -> Code | None:
        return self._by_code.get(code)

    def label(self, code: str) -> str:
        """The name of a code; raises KeyError for an unknown code."""
        entry = self._by_code.get(code)
        if entry is None:
            raise KeyError(code)
        return entry.name

    def items(self, level: int | None = None) -> list[Code]:
        """All codes in file order, or only those of one level."""
        return [entry for entry in self._codes if level is None or entry.level == level]

    def children(self, parent: str | None) -> list[Code]:
        """The direct children of a code; ``None`` gives the top level."""
        return list(self._children.get(parent, []))

    def search(self, text: str, limit: int = 50) -> list[Code]:
        """Codes whose code or name contains ``text`` (case- and width-insensitive).

        Exact code matches come first, then codes starting with the text, then names
        starting with it, then the other matches; ties keep file order.
        """
        needle = to_half_width(text).strip().casefold()
        if not needle or limit <= 0:
            return []
        ranked: list[tuple[int, int, Code]] = []
        for index, entry in enumerate(self._codes):
            code = entry.code.casefold()
            name = entry.name.casefold()
            if code == needle:
                rank = 0
            elif code.startswith(needle):
                rank = 1
            elif name.startswith(needle):
                rank = 2
            elif needle in code or needle in name:
                rank = 3
            else:
                continue
            ranked.append((rank, index, entry))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [entry for _, _, entry in ranked[:limit]]


def read_code_table(path: Path, *, name: str) -> CodeTable:
    """Read a UTF-8 CSV with columns ``code,name`` and optionally ``parent`` and ``level``.

    Without a ``level`` column the level is the depth below the top (top level is 1).
    """
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or ())
        if not {"code", "name"} <= columns:
            raise ValueError(f"{path.name}: the header must contain 'code' and 'name'")
        rows = [
            (
                row["code"].strip(),
                row["name"].strip(),
                (row.get("parent") or "").strip() or None,
                (row.get("level") or "").strip(),
                reader.line_num,
            )
            for row in reader
        ]
    depths: dict[str, int] = {}
    codes: list[Code] = []
    for code, label, parent, level_text, line in rows:
        if level_text:
            try:
                level = int(level_text)
            except ValueError:
                raise ValueError(
                    f"{path.name}:{line}: level {level_text!r} is not a number"
                ) from None
        else:
            level = 1 if parent is None else depths.get(parent, 0) + 1
        depths[code] = level
        codes.append(Code(code=code, name=label, parent=parent, level=level))
    return CodeTable(name, codes)


@lru_cache(maxsize=1)
def industries() -> CodeTable:
    """GB/T 4754-2017 industry sections (门类) A–T."""
    return read_code_table(data_tables_dir() / INDUSTRIES_FILE, name="industries")


@lru_cache(maxsize=1)
def education_levels() -> CodeTable:
    """GB/T 4658-2006 education levels (学历), top-level codes."""
    return read_code_table(data_tables_dir() / EDUCATION_FILE, name="education_levels")


@lru_cache(maxsize=1)
def occupations() -> CodeTable:
    """Occupational classification (职业分类大典, 2022 edition), all four levels."""
    return read_code_table(data_tables_dir() / OCCUPATIONS_FILE, name="occupations")
