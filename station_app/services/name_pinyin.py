"""Pinyin search keys of a Chinese name, with the surname readings dictionaries get wrong."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from station_app import paths

KEY_SEPARATOR = " "


@dataclass(frozen=True)
class NameKeys:
    """Every full-pinyin and initials spelling under which a name should be found."""

    full: tuple[str, ...]
    initials: tuple[str, ...]

    @property
    def full_text(self) -> str:
        return KEY_SEPARATOR.join(self.full)

    @property
    def initials_text(self) -> str:
        return KEY_SEPARATOR.join(self.initials)


@lru_cache(maxsize=1)
def surname_readings() -> dict[str, str]:
    """Surnames whose reading differs from the common one (单 shan, 曾 zeng, 欧阳 ouyang …)."""
    with (paths.data_tables_dir() / "surname_pinyin.csv").open(encoding="utf-8") as handle:
        return {row["surname"]: row["pinyin"] for row in csv.DictReader(handle)}


def warm_up() -> None:
    """Loads pypinyin's dictionaries and the surname readings now, ahead of the first save.

    The load (a quarter of a second) holds Python's interpreter lock even on a background
    thread, so the start does it before anyone is at work in the window.
    """
    surname_readings()
    _syllables("张")


def _syllables(text: str) -> list[str]:
    """The syllables of the text's Chinese characters, as pypinyin's `lazy_pinyin` reads them.

    Its own steps, with the second one remembered: the text is cut into words (phrases of its
    dictionary, single characters, runs of other characters), then each word is read on its
    own. Names share their words (surnames, given-name characters), and reading a word is most
    of the time `lazy_pinyin` takes.
    """
    return [syllable for word in _pinyin().seg(text) for syllable in _word_syllables(word)]


@lru_cache(maxsize=1)
def _pinyin() -> Any:
    """pypinyin's converter as `lazy_pinyin` makes it (it makes a new one at each call)."""
    # Imported here: pypinyin loads its phrase dictionary on import (a quarter of a second),
    # which only saving a name needs, not starting the program.
    from pypinyin.converter import UltimateConverter
    from pypinyin.core import Pinyin

    return Pinyin(UltimateConverter(v_to_u=False, neutral_tone_with_five=False, tone_sandhi=False))


@lru_cache(maxsize=16384)
def _word_syllables(word: str) -> tuple[str, ...]:
    from pypinyin import Style

    # errors="ignore" drops what is not Chinese (the "·" in minority names, stray spaces).
    read = _pinyin().lazy_pinyin([word], style=Style.NORMAL, errors="ignore")
    return tuple(s for s in read if s.isascii())


def _surname_syllables(surname: str, reading: str) -> list[str]:
    """Splits a surname's reading into one syllable per character (欧阳 → ou, yang)."""
    if len(surname) == 1:
        return [reading]
    default = _syllables(surname)
    if "".join(default) == reading:
        return default
    # Compound surnames whose dictionary reading differs: split at the first syllable's length
    # of the library reading when it still fits, otherwise keep the whole reading as one syllable.
    first = _syllables(surname[0])
    if first and reading.startswith(first[0]):
        return [first[0], reading[len(first[0]) :]]
    return [reading]


@lru_cache(maxsize=65536)
def name_keys(name: str) -> NameKeys:
    """The spellings of `name`: the dictionary reading and, if it differs, the surname reading."""
    name = name.strip()
    variants: list[list[str]] = []
    readings = surname_readings()
    for length in (2, 1):
        surname = name[:length]
        if len(name) > length and surname in readings:
            variants.append(
                _surname_syllables(surname, readings[surname]) + _syllables(name[length:])
            )
            break
    variants.append(_syllables(name))
    full: list[str] = []
    initials: list[str] = []
    for syllables in variants:
        if not syllables:
            continue
        spelled = "".join(syllables)
        letters = "".join(s[0] for s in syllables)
        if spelled not in full:
            full.append(spelled)
        if letters not in initials:
            initials.append(letters)
    return NameKeys(full=tuple(full), initials=tuple(initials))


@lru_cache(maxsize=65536)
def plain_keys(text: str) -> str:
    """The search keys of an organisation's name: its full pinyin and initials, space separated.

    The dictionary reading only: surname readings belong to people's names.
    """
    syllables = _syllables(text.strip())
    if not syllables:
        return ""
    return "".join(syllables) + KEY_SEPARATOR + "".join(s[0] for s in syllables)
