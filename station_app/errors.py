"""Errors that say who is to blame: the user or environment (UserError) versus a bug."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar


class UserError(Exception):
    """A problem of the user's input or environment; shown as a clear message, never a crash.

    The positional message is the English text for the CLI and logs. ``code`` is stable and is
    what front ends translate (``station_app.texts``); without one the error carries its class's
    ``default_code``. ``params`` fill the placeholders of the code's text.
    """

    default_code: ClassVar[str] = "error.user"

    def __init__(
        self, *args: object, code: str | None = None, params: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(*args)
        self.code: str = code or type(self).default_code
        self.params: dict[str, str] = dict(params or {})


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
    """Input that breaks a rule; carries every problem found so a form can show them all.

    Its texts are those of its problems; its own code only names the kind of error.
    """

    default_code: ClassVar[str] = "error.validation"

    def __init__(
        self,
        problems: list[Problem],
        *,
        code: str | None = None,
        params: Mapping[str, str] | None = None,
    ) -> None:
        self.problems = list(problems)
        super().__init__(
            "; ".join(f"{p.field}: {p.message}" for p in self.problems), code=code, params=params
        )


class DuplicateError(UserError):
    """A record that reality allows only once already exists (for example one ID number)."""

    default_code: ClassVar[str] = "error.duplicate"

    def __init__(
        self,
        message: str,
        *,
        field: str,
        existing_id: str,
        code: str | None = None,
        params: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message, code=code, params=params)
        self.field = field
        self.existing_id = existing_id


class NotFoundError(UserError):
    """The record asked for does not exist (or was deleted)."""

    default_code: ClassVar[str] = "error.not_found"


class AuthenticationError(UserError):
    """Wrong user name or password."""

    default_code: ClassVar[str] = "error.authentication"


class DatabaseError(UserError):
    """The database file cannot be opened, backed up or upgraded.

    Like a Problem, ``code`` is what front ends translate and ``params`` fill its placeholders
    (``path``: the file; ``backup``: the latest backup copy, when there is one).
    """

    default_code: ClassVar[str] = "error.database"


class ConflictError(UserError):
    """The record was changed by someone else since it was opened; nothing was overwritten."""

    default_code: ClassVar[str] = "error.conflict"


class PermissionDeniedError(UserError):
    """The logged-in user's role does not allow this action (or this record is outside the
    station's scope); nothing was read or changed."""

    default_code: ClassVar[str] = "error.permission"

    def __init__(self, message: str, *, permission: str) -> None:
        super().__init__(message, code="permission." + permission.replace(".", "_"))
        self.permission = permission


class DataFolderError(UserError):
    """The data folder cannot be used: a file stands in its place, or it cannot be written to.

    ``code`` is what front ends translate; ``params["path"]`` is the folder.
    """

    default_code: ClassVar[str] = "error.data_folder"

    def __init__(self, message: str, *, code: str, path: str) -> None:
        super().__init__(message, code=code, params={"path": path})


class AlreadyRunningError(DataFolderError):
    """Another copy of the program is already using the data folder."""
