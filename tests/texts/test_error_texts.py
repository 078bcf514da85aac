"""Every UserError raised has a text of its own, in English and in Chinese, without Qt."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from station_app import errors
from station_app.core.permissions import Permission
from station_app.errors import (
    AlreadyRunningError,
    AuthenticationError,
    ConflictError,
    DatabaseError,
    DataFolderError,
    DuplicateError,
    NotFoundError,
    PermissionDeniedError,
    UserError,
)
from station_app.texts import Catalogue, placeholders
from station_app.texts.sources import ERROR_ADDITIONS, ERRORS, PROBLEMS, SOURCES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "station_app"
# Every module of the core that raises UserErrors, the front ends' shared code too.
RAISING = (
    sorted((PACKAGE / "services").rglob("*.py"))
    + sorted((PACKAGE / "core").rglob("*.py"))
    + sorted((PACKAGE / "validation").rglob("*.py"))
    + sorted((PACKAGE / "ui").rglob("*.py"))
    + sorted((PACKAGE / "sync").rglob("*.py"))
    + sorted((PACKAGE / "ledgers").rglob("*.py"))
    + [PACKAGE / "database.py", PACKAGE / "data_folder.py", PACKAGE / "errors.py"]
)
# The UserError classes are found as subclasses: the modules outside the UI that may define
# one are imported first.
for _path in RAISING:
    if "ui" not in _path.relative_to(PACKAGE).parts:
        importlib.import_module(
            ".".join(("station_app", *_path.relative_to(PACKAGE).with_suffix("").parts))
        )
ENGLISH = Catalogue.load("en")
CHINESE = Catalogue.load("zh_CN")
HAN = re.compile(r"[\u4e00-\u9fff]")


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _error_classes() -> set[str]:
    found: set[str] = set()
    pending: list[type[UserError]] = [UserError]
    while pending:
        kind = pending.pop()
        found.add(kind.__name__)
        pending.extend(kind.__subclasses__())
    return found


def error_codes_in(tree: ast.AST) -> tuple[set[str], list[str]]:
    """The code= literals given to UserErrors (or to the helpers that make one), and what
    other code= values were found that the scan cannot read (a code built at run time)."""
    # Services import ValidationError as InputError; errors.py passes codes to super().__init__.
    classes = _error_classes() | {"InputError", "__init__"}
    codes: set[str] = set()
    unreadable: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name == "_refusal" and node.args:  # database._refusal(code, reason, ...)
            values: list[ast.expr] = [node.args[0]]
        elif name in classes:
            values = [kw.value for kw in node.keywords if kw.arg == "code"]
        else:
            continue
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                codes.add(value.value)
            elif isinstance(value, ast.Name) and value.id == "code":
                continue  # a constructor passing its own code parameter on
            else:
                unreadable.append(f"{name}: {ast.unparse(value)}")
    return codes, unreadable


def default_codes_in(tree: ast.AST) -> set[str]:
    """The `default_code = "..."` of every class."""
    codes: set[str] = set()
    for node in ast.walk(tree):
        target: ast.expr | None = None
        if isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        elif isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        if (
            isinstance(target, ast.Name)
            and target.id == "default_code"
            and isinstance(value, ast.Constant)
        ):
            codes.add(str(value.value))
    return codes


def _scan() -> tuple[set[str], list[str]]:
    codes: set[str] = set()
    unreadable: list[str] = []
    for path in RAISING:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found, odd = error_codes_in(tree)
        codes |= found | default_codes_in(tree)
        unreadable.extend(f"{path.relative_to(ROOT).as_posix()}: {o}" for o in odd)
    return codes, unreadable


SCANNED, UNREADABLE = _scan()
# The codes errors.py builds at run time: "permission." + the permission's value.
PERMISSION_CODES = {PermissionDeniedError("x", permission=p.value).code for p in Permission}
CODES = sorted(SCANNED | PERMISSION_CODES)


def test_the_scan_finds_the_raise_sites() -> None:
    assert {
        "data_folder.not_a_folder",
        "data_folder.in_use",
        "database.damaged",
        "database.foreign",
        "resident.gone",
        "employer.duplicate_credit_code",
        "station.not_set_up",
        "error.permission",
    } <= SCANNED
    assert {kind.default_code for kind in vars(errors).values() if _is_error(kind)} <= SCANNED


def _is_error(kind: object) -> bool:
    return isinstance(kind, type) and issubclass(kind, UserError)


def test_every_code_the_scan_cannot_read_is_known() -> None:
    # errors.py builds the permission codes (tested below); any other code made at run time
    # would escape this test, so it must be a literal.
    assert UNREADABLE == [
        "station_app/sync/client.py: SyncError: REFUSALS.get(code, 'sync.refused')",
        "station_app/errors.py: __init__: 'permission.' + permission.replace('.', '_')",
    ]


def test_every_refusal_of_the_city_the_station_explains_has_a_text() -> None:
    from station_app.sync.client import REFUSALS

    assert set(REFUSALS.values()) <= SOURCES.keys()


def _code_literals() -> set[str]:
    """Every code="..." string given to any call in the scanned modules."""
    found: set[str] = set()
    for path in RAISING:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "code" and isinstance(value, ast.Constant):
                        found.add(str(value.value))
    return found


def test_every_code_literal_has_a_text() -> None:
    literals = _code_literals()
    assert "phone.invalid" in literals  # Problem(code=...) counts too
    assert sorted(literals - SOURCES.keys()) == []
    assert literals & ERRORS.keys() <= SCANNED


def test_a_permission_code_is_its_value_with_underscores() -> None:
    error = PermissionDeniedError("no", permission=Permission.USER_MANAGE.value)
    assert error.code == "permission.user_manage"


@pytest.mark.parametrize("code", CODES)
def test_every_raised_code_has_a_text_in_each_language(code: str) -> None:
    assert code in ERRORS, f"{code} is raised but has no text in texts/sources.py ERRORS"
    assert code not in PROBLEMS
    assert ENGLISH.text(code) == ERRORS[code]
    assert code in CHINESE.translations
    assert HAN.search(CHINESE.text(code))


def test_every_addition_has_a_text_showing_its_parameter() -> None:
    for name, code in ERROR_ADDITIONS.items():
        assert code in ERRORS
        assert placeholders(ERRORS[code]) == {name}


def _examples() -> list[UserError]:
    return [
        DataFolderError("x", code="data_folder.not_a_folder", path="D:/数据"),
        DataFolderError("x", code="data_folder.not_writable", path="D:/数据"),
        AlreadyRunningError("x", code="data_folder.in_use", path="D:/数据"),
        DatabaseError("x", code="database.damaged", params={"path": "D:/s.sqlite"}),
        DatabaseError(
            "x", code="database.foreign", params={"path": "D:/s.sqlite", "backup": "D:/b.sqlite"}
        ),
        DatabaseError("x", code="database.cannot_open", params={"path": "D:/s.sqlite"}),
        DatabaseError("x", code="database.newer", params={"path": "D:/s.sqlite"}),
        DatabaseError(
            "x",
            code="database.backup_failed",
            params={"path": "D:/s.sqlite", "backups": "D:/backups"},
        ),
        DatabaseError(
            "x",
            code="database.upgrade_failed",
            params={"path": "D:/s.sqlite", "copy": "D:/c.sqlite"},
        ),
        DatabaseError("x", code="station.not_set_up"),
        AuthenticationError("x", code="auth.wrong_credentials"),
        NotFoundError("x", code="resident.gone"),
        ConflictError("x", code="employer.conflict"),
        DuplicateError(
            "x", field="id_number", existing_id="r1", code="resident.duplicate_id_number"
        ),
        PermissionDeniedError("x", permission="audit.read"),
    ]


@pytest.mark.parametrize("error", _examples(), ids=lambda e: e.code)
def test_each_text_is_chinese_and_names_the_files(error: UserError) -> None:
    text = CHINESE.error(error)
    assert text != str(error)
    assert HAN.search(text)
    assert "{" not in text  # every placeholder filled
    for value in error.params.values():
        assert value in text


@pytest.mark.parametrize("error", _examples(), ids=lambda e: e.code)
def test_in_english_a_specific_code_shows_its_source_text(error: UserError) -> None:
    text = ENGLISH.error(error)
    assert text.startswith(ENGLISH.text(error.code, **error.params))
    for value in error.params.values():
        assert value in text


def test_the_latest_backup_copy_is_named_in_a_paragraph_of_its_own() -> None:
    error = DatabaseError(
        "x", code="database.damaged", params={"path": "D:/s.sqlite", "backup": "D:/b.sqlite"}
    )
    assert CHINESE.error(error) == (
        "数据库文件 D:/s.sqlite 已损坏，或不是驿站数据库。该文件保持原样，未做任何更改。"
        "\n\n最新的备份副本位于 D:/b.sqlite。"
    )
    assert ENGLISH.error(error).endswith("\n\nThe latest backup copy is at D:/b.sqlite.")
    upgrade = DatabaseError(
        "x", code="database.upgrade_failed", params={"path": "p", "copy": "D:/c.sqlite"}
    )
    assert CHINESE.error(upgrade).endswith("\n\n升级前的副本位于 D:/c.sqlite。")


def test_an_error_without_a_usable_text_keeps_its_english_message() -> None:
    for catalogue in (ENGLISH, CHINESE):
        unknown = DatabaseError("the database is odd", code="database.odd")
        assert catalogue.error(unknown) == "the database is odd"
        missing_param = DatabaseError("the database is odd", code="database.damaged")
        assert catalogue.error(missing_param) == "the database is odd"
    assert ENGLISH.error(UserError("the disk is full")) == "the disk is full"
    assert CHINESE.error(UserError("the disk is full")) == "操作未能完成。"


def test_an_error_without_a_message_shows_its_code_or_text() -> None:
    assert CHINESE.error(NotFoundError()) == "该记录已不存在。"
    assert ENGLISH.error(UserError(code="nobody.knows")) == "nobody.knows"
