"""Helpers of the record page tests: fill a form, save it, open one, count rows, show a page."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import ExitStack
from typing import Any, TypeVar

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from station_app.database import Database

TypeText = Callable[[QWidget, str], None]
PageT = TypeVar("PageT", bound=QWidget)


def count_rows(db: Database, entity: type) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(entity)) or 0


def show_page(qtbot: QtBot, page: PageT) -> PageT:
    """The page, closed after the test, shown at a desktop size."""
    qtbot.addWidget(page)
    page.resize(1280, 760)
    page.show()
    return page


def fill(form: Any, **fields: str) -> None:
    for name, text in fields.items():
        form.set_field_text(name, text)


def save(qtbot: QtBot, form: Any, *also: SignalInstance) -> str:
    """Clicks Save and waits for `record_saved` (and the signals `also`); returns the id."""
    assert form.save_button.isEnabled(), form.general_message_text()
    with ExitStack() as stack:
        saved = stack.enter_context(qtbot.waitSignal(form.record_saved))
        for signal in also:
            stack.enter_context(qtbot.waitSignal(signal))
        form.save_button.click()
    return str(saved.args[0])


def register(qtbot: QtBot, page: Any, *also: SignalInstance, **fields: str) -> str:
    """Registers a record through the page's form; returns its id."""
    form = page.open_register_form()
    fill(form, **fields)
    return save(qtbot, form, *also)


def open_edit(page: Any, record_id: str | None = None) -> Any:
    """Opens the edit form of a record and waits until it has been read and is shown."""
    form = page.open_edit_form(record_id)
    assert form is not None
    assert page.runner.wait_idle(5000)
    assert form.isVisible()
    return form


def open_profile_dialog(qtbot: QtBot, context: Any, resident_id: str) -> Any:
    """A resident's profile dialog (the counter's own), shown once its profile has arrived."""
    from station_app.ui.counter.residents.profile import ResidentProfileDialog

    profile = ResidentProfileDialog(context)
    qtbot.addWidget(profile)
    with qtbot.waitSignal(profile.profile_shown, timeout=5000):
        profile.load(resident_id)
    profile.show()
    return profile
