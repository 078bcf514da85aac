"""The translation files: resources/translations/texts_<language>.json, code -> translated text."""

from __future__ import annotations

import json
from pathlib import Path

from station_app import paths

SOURCE_LANGUAGE = "en"
FILE_PREFIX = "texts_"


def translation_path(language: str, directory: Path | None = None) -> Path:
    """Where the translation of the catalogue into a language such as zh_CN is kept."""
    return (directory or paths.translations_dir()) / f"{FILE_PREFIX}{language}.json"


def translated_languages(directory: Path | None = None) -> list[str]:
    """The languages that have a translation file, in name order."""
    folder = directory or paths.translations_dir()
    return sorted(p.stem.removeprefix(FILE_PREFIX) for p in folder.glob(f"{FILE_PREFIX}*.json"))


def read_translations(path: Path) -> dict[str, str]:
    """The file's texts; OSError if it cannot be read, ValueError if it is not code -> text."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path.name} is not a JSON object of code -> text")
    bad = sorted(str(code) for code, text in data.items() if not isinstance(text, str))
    if bad:
        raise ValueError(f"{path.name}: the translation of {', '.join(bad)} is not text")
    return dict(data)
