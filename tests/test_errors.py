"""Every UserError carries a stable code: its own, or its class's default."""

from __future__ import annotations

import re

import pytest

from station_app.errors import (
    AuthenticationError,
    ConflictError,
    DatabaseError,
    DuplicateError,
    NotFoundError,
    Problem,
    UserError,
    ValidationError,
)

DEFAULT_CODES = {
    UserError: "error.user",
    NotFoundError: "error.not_found",
    AuthenticationError: "error.authentication",
    DatabaseError: "error.database",
    ConflictError: "error.conflict",
}


@pytest.mark.parametrize(("kind", "code"), DEFAULT_CODES.items())
def test_the_message_stays_positional_and_the_code_defaults(
    kind: type[UserError], code: str
) -> None:
    error = kind("the English message")
    assert str(error) == "the English message"
    assert error.code == code
    assert error.params == {}


def test_a_raise_site_can_give_its_own_code_and_params() -> None:
    error = NotFoundError("the resident does not exist", code="resident.gone", params={"id": "r1"})
    assert (error.code, error.params) == ("resident.gone", {"id": "r1"})
    assert str(error) == "the resident does not exist"
    assert NotFoundError.default_code == "error.not_found"  # the class keeps its default


def test_a_validation_error_keeps_its_problems() -> None:
    problem = Problem("name", "resident.name_empty", "enter the name")
    error = ValidationError([problem])
    assert error.problems == [problem]
    assert error.code == "error.validation"
    assert str(error) == "name: enter the name"


def test_a_duplicate_keeps_the_existing_record() -> None:
    error = DuplicateError("already registered", field="id_number", existing_id="r1")
    assert (error.field, error.existing_id, error.code) == ("id_number", "r1", "error.duplicate")
    coded = DuplicateError(
        "already registered", field="id_number", existing_id="r1", code="resident.duplicate"
    )
    assert coded.code == "resident.duplicate"


def _every_user_error() -> list[type[UserError]]:
    """UserError and every subclass in the app's modules (imported here, whatever ran before)."""
    import importlib
    import pkgutil

    import station_app

    for module in pkgutil.walk_packages(station_app.__path__, "station_app."):
        name = module.name
        if ".ui" in name or ".migrations" in name or name.endswith("__main__"):
            continue
        importlib.import_module(name)
    found: list[type[UserError]] = [UserError]
    for kind in found:
        found += [sub for sub in kind.__subclasses__() if sub not in found]
    return found


def test_every_subclass_has_a_code_of_its_own() -> None:
    kinds = [kind for kind in _every_user_error() if "default_code" in vars(kind)]
    codes = [kind.default_code for kind in kinds]
    assert len(kinds) > 10
    assert len(set(codes)) == len(codes), sorted(codes)
    assert all(re.fullmatch(r"[a-z_]+(\.[a-z_]+)+", code) for code in codes), codes
