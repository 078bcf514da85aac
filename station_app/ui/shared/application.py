"""The QApplication of the counter: names, bundled CJK font, translators, logging, crash dialog."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from station_app import __version__, paths
from station_app.config import Language
from station_app.errors import UserError
from station_app.ui.shared import catalogue

log = logging.getLogger(__name__)

APPLICATION_NAME = "Station"
ORGANIZATION_NAME = "Jieshou Employment Service"
ORGANIZATION_DOMAIN = "jieshou.gov.cn"
FONT_FAMILY = "WenQuanYi Micro Hei"
FONT_POINT_SIZE = 10
LOG_MAX_BYTES = 2_000_000
LOG_BACKUPS = 5
QT_TRANSLATION = "qtbase_zh_CN.qm"
# Qt messages that say nothing about our program (the offscreen platform lacks a feature).
QT_NOISE = frozenset({"This plugin does not support propagateSizeHints()"})
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def create_application(argv: list[str] | None = None) -> QApplication:
    """The application object (the existing one if there is one), with names and the CJK font."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APPLICATION_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setFont(load_cjk_font())
    return app


def load_cjk_font(font_path: Path | None = None) -> QFont:
    """Registers the bundled WenQuanYi Micro Hei and returns the application font made of it.

    The stations' PCs (and offscreen machines) may have no Chinese font at all, so the UI
    never relies on a system one. A missing file is an installation problem: UserError.
    """
    path = font_path or paths.cjk_font_path()
    if not path.is_file():
        raise UserError(
            f"the bundled font is missing: {path} (reinstall the program)",
            code="install.font_missing",
            params={"path": str(path)},
        )
    if FONT_FAMILY not in QFontDatabase.families():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0 or FONT_FAMILY not in QFontDatabase.applicationFontFamilies(font_id):
            raise UserError(
                f"the bundled font cannot be loaded: {path} (reinstall the program)",
                code="install.font_broken",
                params={"path": str(path)},
            )
    font = QFont(FONT_FAMILY, FONT_POINT_SIZE)
    font.setStyleHint(QFont.StyleHint.SansSerif)
    return font


def install_translators(app: QCoreApplication, language: Language) -> list[QTranslator]:
    """Installs the Chinese translations (ours and Qt's standard buttons); English needs none.

    The UI's text catalogue (problems, labels: station_app.texts) follows the language too.
    A missing or unreadable .qm file is logged and the UI falls back to the English sources.
    """
    catalogue.use_language(language)
    if language != "zh_CN":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return []
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    installed: list[QTranslator] = []
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    candidates = [
        (paths.station_translation("zh_CN"), True),
        (qt_dir / QT_TRANSLATION, False),
    ]
    for qm, required in candidates:
        if not qm.is_file():
            if required:
                log.warning("translation %s is missing: the UI will be in English", qm)
            continue
        translator = QTranslator(app)
        if translator.load(str(qm)) and app.installTranslator(translator):
            installed.append(translator)
        else:
            log.warning("cannot load the translation %s", qm)
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to the English sources, the text catalogue too."""
    catalogue.use_language("en")
    for translator in translators:
        app.removeTranslator(translator)


def set_up_file_logging(data_dir: Path) -> Path:
    """Adds a rotating log file in the data dir to the root logger (once) and returns its path."""
    log_file = paths.log_file(data_dir)
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == log_file:
            return log_file
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        log_file, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return log_file


def route_qt_messages() -> None:
    """Sends Qt's own warnings to the log (and the log file) instead of bare stderr."""
    qInstallMessageHandler(_log_qt_message)


def _log_qt_message(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    if message not in QT_NOISE:
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def show_user_error(parent: QWidget | None, error: UserError) -> None:
    """A problem of the user or the environment: a plain warning, no traceback."""
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Application", "Smart Employment Station"),
        user_error_text(error),
    )


def user_error_text(error: UserError) -> str:
    """The error in the UI's language: the text of its code in the catalogue (station_app.texts)."""
    return catalogue.current().error(error) or type(error).__name__


class CrashHandler:
    """sys.excepthook: logs every unexpected exception and shows one crash dialog at a time."""

    def __init__(self, log_file: Path | None = None) -> None:
        self.log_file = log_file
        self.dialog_open = False
        self.previous_hook = sys.excepthook

    def install(self) -> None:
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous_hook

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self.previous_hook(kind, error, tb)
            return
        if isinstance(error, UserError):
            log.warning("unhandled user error: %s", error)
            if QApplication.instance() is not None:
                show_user_error(QApplication.activeWindow(), error)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        if QApplication.instance() is None or self.dialog_open:
            return  # one dialog is enough; the log has every one
        self.dialog_open = True
        try:
            self._show_dialog(error, tb)
        finally:
            self.dialog_open = False

    def _show_dialog(self, error: BaseException, tb: TracebackType | None) -> None:
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("CrashHandler", "Unexpected error"))
        box.setText(
            QCoreApplication.translate(
                "CrashHandler",
                "Something went wrong inside the program. Your saved data is safe; "
                "the last action may not have been completed.",
            )
        )
        if self.log_file is not None:
            box.setInformativeText(
                QCoreApplication.translate(
                    "CrashHandler",
                    "Please tell the technical support. The details are in the log file:\n{path}",
                ).format(path=self.log_file)
            )
        box.setDetailedText("".join(traceback.format_exception(type(error), error, tb)))
        box.exec()
