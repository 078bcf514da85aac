"""Shared fixtures: a set-up station database, its admin, the UI context; Qt runs offscreen."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from station_app import paths
from station_app.config import Settings
from station_app.core.actor import Actor
from station_app.core.station_session import StationInfo, StationSession
from station_app.database import Database, open_database
from station_app.models import UserRole
from station_app.services.station import (
    AdminInput,
    CommunityInput,
    set_up_station,
    station_info,
)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from station_app.ui.shared.context import AppContext

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "secret-123"
DEMO_USERNAME = "demo"  # the demo generator's published credentials
DEMO_PASSWORD = "demo1234"
COMMUNITY = CommunityInput(
    code="341282001001", name="人民路社区", street="东城街道", latitude=33.26, longitude=115.37
)


def make_station(
    data_dir: Path,
    *,
    demo: bool = False,
    username: str = ADMIN_USERNAME,
    password: str = ADMIN_PASSWORD,
) -> tuple[Database, StationSession]:
    """A station database at the data dir's usual place, set up with one administrator.

    Returns the database and the administrator's session (set-up logs the admin in).
    """
    db = open_database(paths.database_path(data_dir), backups=paths.backups_dir(data_dir))
    admin = AdminInput(
        username=username, display_name="王芳", password=password, password_again=password
    )
    return db, set_up_station(db, COMMUNITY, admin, demo=demo)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def station_db(data_dir: Path) -> Iterator[tuple[Database, StationSession]]:
    db, station = make_station(data_dir)
    yield db, station
    db.close()


@pytest.fixture
def db(station_db: tuple[Database, StationSession]) -> Database:
    """A set-up (not demo) station database; its admin is `actor`."""
    return station_db[0]


@pytest.fixture
def station(station_db: tuple[Database, StationSession]) -> StationSession:
    """The administrator's session on `db` (the doorway every use case goes through)."""
    return station_db[1]


@pytest.fixture
def actor(station: StationSession) -> Actor:
    return station.actor


def _session_as(db: Database, role: UserRole, username: str = "someone") -> StationSession:
    """A session on `db` for a user of this role (no login needed; the station may not be set
    up yet, then its scope is no community)."""
    info = station_info(db) or StationInfo("no-community", "", "", is_demo=False)
    actor = Actor(f"{username}-id", username, username, role, info.community_id)
    return StationSession(db, actor, info)


SessionAs = Callable[..., StationSession]


@pytest.fixture
def session_as() -> SessionAs:
    """session_as(db, role, username="someone"): a session for a user of this role on `db`."""
    return _session_as


@pytest.fixture
def demo_db(data_dir: Path) -> Iterator[Database]:
    """A station marked as demo data with the demo login, but without generated residents."""
    db, _actor = make_station(data_dir, demo=True, username=DEMO_USERNAME, password=DEMO_PASSWORD)
    yield db
    db.close()


@pytest.fixture
def context(station: StationSession, data_dir: Path, qapp: QApplication) -> Iterator[AppContext]:
    from station_app.ui.shared.context import AppContext

    context = AppContext.create(station, settings=Settings(), data_dir=data_dir)
    yield context
    context.close()


def _type_text(widget: QWidget, text: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QInputMethodEvent

    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """The compiled Chinese translation and the Chinese text catalogue, for one test."""
    from PySide6.QtCore import QTranslator

    from station_app.ui.shared import catalogue

    qm = paths.station_translation("zh_CN")
    if not qm.is_file():
        pytest.skip("the Chinese translation is not compiled yet")
    translator = QTranslator()
    assert translator.load(str(qm))
    qapp.installTranslator(translator)
    previous = catalogue.current()
    catalogue.use_language("zh_CN")
    yield
    catalogue.use(previous)
    qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def _english_ui_catalogue() -> Iterator[None]:
    """A test that chose the UI's language (a start in Chinese, say) leaves it English."""
    yield
    # The core's tests never import the UI.
    module = sys.modules.get("station_app.ui.shared.catalogue")
    if module is not None:
        module.use_language("en")


@pytest.fixture(autouse=True)
def _root_logger_as_it_was() -> Iterator[None]:
    """A test that ran a command's main() (which logs INFO to stderr) leaves the root logger as
    it found it: later tests read stderr without that handler's lines."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture
def type_text() -> Callable[[QWidget, str], None]:
    """type_text(widget, text) types as an input method commits (keyClicks cannot type Chinese)."""
    return _type_text


# The offscreen platform warns about a feature it lacks; that is not a bug of ours.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the Qt application are `gui` tests (`pytest -m "not gui"` skips them)."""
    for item in items:
        if {"qtbot", "qapp"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))
