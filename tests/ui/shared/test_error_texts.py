"""Every environment error (data folder, database file) has a Chinese text of its own."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from station_app.errors import AlreadyRunningError, DatabaseError, DataFolderError, UserError
from station_app.ui.shared import error_texts
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.error_texts import error_text, known_codes

ROOT = Path(__file__).resolve().parents[3]
RAISING_MODULES = (ROOT / "station_app" / "database.py", ROOT / "station_app" / "data_folder.py")
HAN = re.compile(r"[\u4e00-\u9fff]")


def raised_codes() -> set[str]:
    """The code= given to the errors in the modules that raise them."""
    codes: set[str] = set()
    for module in RAISING_MODULES:
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                for keyword in node.keywords:
                    value = keyword.value
                    if keyword.arg == "code" and isinstance(value, ast.Constant):
                        codes.add(str(value.value))
            # _refusal("database.xxx", ...) passes the code as its first argument
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "_refusal"
                and isinstance(node.args[0], ast.Constant)
            ):
                codes.add(str(node.args[0].value))
    return codes


def test_every_raised_code_has_a_text() -> None:
    codes = raised_codes()
    assert {"data_folder.not_a_folder", "data_folder.in_use", "database.damaged"} <= codes
    assert codes <= known_codes()


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
    ]


@pytest.mark.usefixtures("chinese")
@pytest.mark.parametrize("error", _examples(), ids=lambda e: getattr(e, "code", "?"))
def test_each_text_is_chinese_and_names_the_files(error: UserError) -> None:
    text = user_error_text(error)
    assert text != str(error)
    assert HAN.search(text)
    assert "{" not in text  # every placeholder filled
    for value in getattr(error, "params", {}).values():
        assert value in text


@pytest.mark.usefixtures("chinese")
def test_the_latest_backup_copy_is_named_in_chinese() -> None:
    error = DatabaseError(
        "x", code="database.damaged", params={"path": "D:/s.sqlite", "backup": "D:/b.sqlite"}
    )
    assert user_error_text(error).endswith("最新的备份副本位于 D:/b.sqlite。")


def test_an_error_without_a_known_code_keeps_its_english_message(qapp: object) -> None:
    assert error_text(UserError("the disk is full")) is None
    assert user_error_text(UserError("the disk is full")) == "the disk is full"
    unknown = DatabaseError("the database is odd", code="database.odd")
    assert user_error_text(unknown) == "the database is odd"
    missing_param = DatabaseError("the database is odd", code="database.damaged")
    assert user_error_text(missing_param) == "the database is odd"


def test_the_english_texts_are_the_sources(qapp: object) -> None:
    error = DataFolderError("x", code="data_folder.in_use", path="/data")
    assert error_text(error) == QCoreApplication.translate(
        error_texts.CONTEXT, error_texts._TEXTS["data_folder.in_use"]
    ).format(path="/data")
