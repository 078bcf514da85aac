"""Errors that say who is to blame: the user or environment (UserError) versus a bug."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass


class UserError(Exception):
    """A problem of the user's input or environment; shown as a clear message, never a crash."""


@dataclass(frozen=True)
class Problem:
    """One reason a value is refused.

    ``code`` is stable and is what front ends translate (the UI maps it to a Chinese text);
    ``message`` is the English text for the CLI and logs; ``params`` fill placeholders in both.
    """

    field: str
    code: str
    message: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)


class ValidationError(UserError):
    """Input that breaks a rule; carries every problem found so a form can show them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in self.problems))


class DuplicateError(UserError):
    """A record that reality allows only once already exists (for example one ID number)."""

    def __init__(self, message: str, *, field: str, existing_id: str) -> None:
        super().__init__(message)
        self.field = field
        self.existing_id = existing_id


class NotFoundError(UserError):
    """The record asked for does not exist (or was deleted)."""


class AuthenticationError(UserError):
    """Wrong user name or password."""


class DatabaseError(UserError):
    """The database file cannot be opened, backed up or upgraded.

    Like a Problem, ``code`` is what front ends translate and ``params`` fill its placeholders
    (``path``: the file; ``backup``: the latest backup copy, when there is one).
    """

    def __init__(
        self, message: str, *, code: str = "database.error", params: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.params = dict(params or {})


class ConflictError(UserError):
    """The record was changed by someone else since it was opened; nothing was overwritten."""


class DataFolderError(UserError):
    """The data folder cannot be used: a file stands in its place, or it cannot be written to.

    ``code`` is what front ends translate; ``params["path"]`` is the folder.
    """

    def __init__(self, message: str, *, code: str, path: str) -> None:
        super().__init__(message)
        self.code = code
        self.params = {"path": path}


class AlreadyRunningError(DataFolderError):
    """Another copy of the program is already using the data folder."""
