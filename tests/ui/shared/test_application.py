"""The application set-up: CJK font, translators, log file and the crash handler."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontInfo
from PySide6.QtWidgets import QApplication, QMessageBox

from station_app import paths
from station_app.errors import DatabaseError, UserError
from station_app.ui.shared import application
from station_app.ui.shared.application import (
    FONT_FAMILY,
    CrashHandler,
    create_application,
    install_translators,
    load_cjk_font,
    remove_translators,
    set_up_file_logging,
    user_error_text,
)


def test_the_bundled_font_becomes_the_application_font(qapp: QApplication) -> None:
    previous = qapp.font()
    try:
        app = create_application()
        assert app is qapp
        assert app.font().family() == FONT_FAMILY
        assert QFontInfo(app.font()).family() == FONT_FAMILY  # really resolved, no fallback
        assert app.applicationName() == application.APPLICATION_NAME
    finally:
        qapp.setFont(previous)


def test_a_missing_font_is_a_clear_error(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="font is missing") as caught:
        load_cjk_font(tmp_path / "missing.ttc")
    assert caught.value.code == "install.font_missing"
    assert user_error_text(caught.value) == (
        f"The bundled font is missing: {tmp_path / 'missing.ttc'}. Reinstall the program."
    )


@pytest.mark.skipif(
    not paths.station_translation("zh_CN").is_file(),
    reason="translations not compiled (python installer/build_translations.py)",
)
def test_chinese_translators_translate_ours_and_qts(qapp: QApplication) -> None:
    translators = install_translators(qapp, "zh_CN")
    try:
        assert len(translators) == 2
        assert QCoreApplication.translate("LoginDialog", "Log in") == "登录"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        remove_translators(qapp, translators)
    assert QCoreApplication.translate("LoginDialog", "Log in") == "Log in"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []


def test_a_missing_translation_is_logged_not_fatal(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(paths, "translations_dir", lambda: tmp_path)
    translators = install_translators(qapp, "zh_CN")
    remove_translators(qapp, translators)
    assert "station_zh_CN.qm" in caplog.text
    assert "missing" in caplog.text


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield root
    for handler in root.handlers:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_file_logging_goes_to_the_logs_dir_once(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    log_file = set_up_file_logging(tmp_path)
    assert set_up_file_logging(tmp_path) == log_file
    assert log_file == paths.logs_dir(tmp_path) / "station.log"
    files = [h for h in root_logger.handlers if isinstance(h, RotatingFileHandler)]
    assert len(files) == 1
    logging.getLogger("station_app.test").info("hello 驿站")
    files[0].flush()
    assert "hello 驿站" in log_file.read_text(encoding="utf-8")


def _raise(error: BaseException) -> tuple[type[BaseException], BaseException, TracebackType | None]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_crash_handler_logs_and_shows_one_dialog(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[BaseException] = []
    handler = CrashHandler(Path("station.log"))

    def show(error: BaseException, _tb: TracebackType | None) -> None:
        shown.append(error)
        handler(*_raise(RuntimeError("while the dialog is open")))  # no second dialog

    monkeypatch.setattr(handler, "_show_dialog", show)
    handler(*_raise(RuntimeError("boom")))
    assert [str(e) for e in shown] == ["boom"]
    assert "boom" in caplog.text
    assert "while the dialog is open" in caplog.text
    assert "Traceback" in caplog.text


def test_crash_handler_shows_user_errors_as_messages(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    handler = CrashHandler()
    handler(*_raise(UserError("the disk is full")))
    assert warnings == ["the disk is full"]


def test_crash_handler_installs_and_uninstalls() -> None:
    before = sys.excepthook
    handler = CrashHandler()
    handler.install()
    try:
        assert sys.excepthook is handler
    finally:
        handler.uninstall()
    assert sys.excepthook is before


def test_a_user_error_is_shown_in_the_language_of_the_ui(qapp: QApplication) -> None:
    error = DatabaseError(
        "x", code="database.damaged", params={"path": "D:/s.sqlite", "backup": "D:/b.sqlite"}
    )
    assert user_error_text(error).startswith("The database file D:/s.sqlite is damaged")
    translators = install_translators(qapp, "zh_CN")
    try:
        assert user_error_text(error).endswith("最新的备份副本位于 D:/b.sqlite。")
        assert user_error_text(UserError("the disk is full")) == "操作未能完成。"
    finally:
        remove_translators(qapp, translators)
    assert user_error_text(UserError("the disk is full")) == "the disk is full"
    assert user_error_text(UserError()) == "The action could not be completed."
