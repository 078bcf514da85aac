"""The check that a translation fits its sources: every code, no stray ones, same placeholders."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from station_app.texts.placeholders import HIDDEN_PARAMS, placeholders
from station_app.texts.sources import SOURCES
from station_app.texts.translations import read_translations, translation_path


def check_sources(sources: Mapping[str, str] = SOURCES) -> list[str]:
    """What is wrong with the English sources: bad placeholders, hidden ones shown."""
    faults: list[str] = []
    for code, text in sources.items():
        try:
            names = placeholders(text)
        except ValueError as exc:
            faults.append(f"{code}: {exc}")
            continue
        for name in sorted(names & HIDDEN_PARAMS):
            faults.append(f"{code}: shows the hidden parameter {{{name}}}")
    return faults


def check_translations(
    translations: Mapping[str, str], sources: Mapping[str, str] = SOURCES
) -> list[str]:
    """What is wrong with a translation: missing or empty codes, stray codes, placeholders."""
    faults: list[str] = []
    for code, source in sources.items():
        text = translations.get(code)
        if text is None or not text.strip():
            faults.append(f"{code}: no translation of {source!r}")
            continue
        try:
            wanted, found = placeholders(source), placeholders(text)
        except ValueError as exc:
            faults.append(f"{code}: {exc}")
            continue
        if wanted != found:
            faults.append(
                f"{code}: the translation has the placeholders {_names(found)}, "
                f"its source {_names(wanted)}"
            )
    faults.extend(
        f"{code}: no such code in the sources" for code in translations if code not in sources
    )
    return faults


def check_language(language: str, directory: Path | None = None) -> list[str]:
    """What is wrong with the translation file of a language (also: that it cannot be read)."""
    path = translation_path(language, directory)
    try:
        translations = read_translations(path)
    except (OSError, ValueError) as exc:
        return [f"{path.name}: cannot be read: {exc}"]
    return [f"{path.name}: {fault}" for fault in check_translations(translations)]


def _names(names: frozenset[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "none"
