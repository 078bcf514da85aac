"""The translated text of the environment errors (data folder, database file) by their code.

`DataFolderError` and `DatabaseError` carry a stable `code` and `params` (the folder or file,
the latest backup copy); their English message stays for the log and the CLI.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from station_app.errors import UserError

CONTEXT = "ErrorTexts"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")

# QT_TRANSLATE_NOOP marks the texts for lupdate and returns them unchanged.
_SOURCES: dict[str, object] = {
    "data_folder.not_a_folder": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The data folder {path} cannot be used: a file is in its place. "
        "Choose another data folder. Nothing was changed.",
    ),
    "data_folder.not_writable": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The program may not write to the data folder {path}. Choose a folder you may write "
        "to, or ask the technical support for the permission. Nothing was changed.",
    ),
    "data_folder.in_use": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The program is already running on the data folder {path}. Use the window that is "
        "already open, or close it before starting the program again.",
    ),
    "database.damaged": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The database file {path} is damaged or is not a station database. It was left as it is.",
    ),
    "database.foreign": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The file {path} is the database of another program. It was left as it is.",
    ),
    "database.cannot_open": QT_TRANSLATE_NOOP(
        "ErrorTexts", "The database file {path} cannot be opened. It was left as it is."
    ),
    "database.newer": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The database {path} was written by a newer version of the program; install that "
        "version. The file was left as it is.",
    ),
    "database.backup_failed": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The database {path} needs an upgrade, but no backup copy could be written to "
        "{backups}, so it was not upgraded.",
    ),
    "database.upgrade_failed": QT_TRANSLATE_NOOP(
        "ErrorTexts",
        "The database {path} could not be upgraded to this version. It was left as it was.",
    ),
}

# Added when the error names a copy of the database.
_ADDITIONS: dict[str, object] = {
    "backup": QT_TRANSLATE_NOOP("ErrorTexts", "The latest backup copy is at {backup}."),
    "copy": QT_TRANSLATE_NOOP("ErrorTexts", "A copy from before the upgrade is at {copy}."),
}

_TEXTS: dict[str, str] = {code: str(text) for code, text in _SOURCES.items()}


def known_codes() -> frozenset[str]:
    return frozenset(_TEXTS)


def error_text(error: UserError) -> str | None:
    """The error in the UI's language, or None if it has no code with a text of its own."""
    code = getattr(error, "code", None)
    params: dict[str, str] = getattr(error, "params", {})
    source = _TEXTS.get(code) if isinstance(code, str) else None
    if source is None or not _complete(source, params):
        return None
    parts = [_fill(QCoreApplication.translate(CONTEXT, source), params)]
    for name, addition in _ADDITIONS.items():
        if name in params:
            parts.append(_fill(QCoreApplication.translate(CONTEXT, str(addition)), params))
    return "\n\n".join(parts)


def _complete(source: str, params: dict[str, str]) -> bool:
    return all(name in params for name in _PLACEHOLDER.findall(source))


def _fill(text: str, params: dict[str, str]) -> str:
    # Only placeholders with a value are replaced; a translation cannot break on a missing one.
    return _PLACEHOLDER.sub(lambda m: params.get(m.group(1), m.group(0)), text)
