"""The counter's journey from the keyboard alone: a card on the reader, the resident's profile,
the best match, a referral, and its slip sent to the printer — keystrokes counted and timed.

The printer is the one the print dialog offers first: in CI the CUPS test queue, elsewhere
maybe "print to file" (the test runs in a temporary folder, so such a file lands there).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from keyboard_helpers import Keyboard, inside, of_type
from PySide6.QtCore import Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from station_app.core.station_session import StationSession
from station_app.devices.id_card import CardData, SimulatedReader
from station_app.models import ReferralStatus, Sex
from station_app.services.referrals import referrals_of
from station_app.ui.counter.card_reader import attach_card_reader
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.referrals.referral_dialog import ReferralDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog
from station_app.validation import compute_id_check_character
from tests.services.match_helpers import job_at, resident

pytestmark = pytest.mark.gui

W = TypeVar("W", bound=QWidget)
MAX_KEYSTROKES = 10  # the aim
CTRL = Qt.KeyboardModifier.ControlModifier


def _card(id_number: str) -> CardData:
    return CardData(
        name="李娟",
        sex=Sex.MALE,
        ethnicity="汉",
        birth_date=date(1990, 5, 5),
        address="安徽省界首市东城街道人民路18号",
        id_number=id_number,
        issuer="界首市公安局",
        valid_from=date(2016, 1, 1),
        valid_to=None,
    )


def _shown(qtbot: QtBot, kind: type[W]) -> W:
    """Waits for a window of the kind to show and activates it, as a desktop's window manager
    does with a new window (the offscreen platform does not)."""
    found: list[W] = []

    def up() -> None:
        found[:] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
        ]
        assert found, f"no {kind.__name__} is shown"

    qtbot.waitUntil(up, timeout=5000)
    window = found[-1]
    window.activateWindow()
    return window


def _accept_print_dialog(keyboard: Keyboard) -> None:
    """Presses Enter in the print dialog once it is up and active (it runs its own event
    loop; like a window manager, the dialog is activated first)."""

    def press() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QPrintDialog):
            QTimer.singleShot(20, press)
            return
        focus = QApplication.focusWidget()
        if focus is None or focus.window() is not dialog:
            dialog.activateWindow()
            QTimer.singleShot(20, press)
            return
        QTest.keyClick(focus, Qt.Key.Key_Return)
        keyboard.keys += 1

    QTimer.singleShot(20, press)


def test_card_profile_best_match_referral_and_printed_slip(
    qtbot: QtBot,
    context: AppContext,
    station: StationSession,
    type_text: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # where a "print to file" would land
    resident_id = resident(station, 1)
    body = "34128219900505001"
    job = job_at(station, 0.6, 1, title="营销员")
    job_at(station, 2.0, 2, title="营销员（远）")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.card_reader.watch.stop()  # the one made from the (empty) environment setting
    window.removeAction(window.card_reader.read_action)  # F4 is the simulated reader's
    reader = SimulatedReader()
    counter = attach_card_reader(window, context, reader)
    counter.watch.timer.stop()  # no polling: F4 reads now
    keyboard = Keyboard(qtbot, type_text)  # type: ignore[arg-type]
    window.activateWindow()
    keyboard.wait_for_focus(inside(window), "the main window")

    started = time.perf_counter()
    reader.put(_card(body + compute_id_check_character(body)))
    keyboard.press(Qt.Key.Key_F4)  # the card: the resident's profile opens
    profile = _shown(qtbot, ResidentProfileDialog)
    qtbot.waitUntil(lambda: profile.profile is not None, timeout=5000)
    keyboard.wait_for_focus(of_type(ResidentProfileDialog), "the profile")
    assert profile.resident_id == resident_id

    keyboard.press(Qt.Key.Key_M, CTRL)  # to the best match
    keyboard.press(Qt.Key.Key_Return)  # refer to it
    _shown(qtbot, ReferralDialog)
    keyboard.wait_for_focus(of_type(ReferralDialog), "the referral dialog")
    referral_dialog = profile.referral_dialog
    assert referral_dialog is not None and referral_dialog.job.job_id == job
    keyboard.press(Qt.Key.Key_Return)  # refer, and the slip comes up
    preview = _shown(qtbot, PrintPreviewDialog)
    keyboard.wait_for_focus(of_type(PrintPreviewDialog), "the slip's preview")
    assert inside(preview)(QApplication.focusWidget() or QWidget())

    _accept_print_dialog(keyboard)
    with qtbot.waitSignal(preview.printed, timeout=30_000):
        keyboard.press(Qt.Key.Key_P, CTRL)  # print…, and Enter in the print dialog
    elapsed = time.perf_counter() - started

    (referral,) = station.query(referrals_of, resident_id)
    assert referral.status is ReferralStatus.REFERRED and referral.job_id == job
    assert referral.serial in preview.windowTitle()
    print(f"\ncounter journey: {keyboard.keys} keystrokes, {elapsed:.2f} s")
    assert keyboard.keys <= MAX_KEYSTROKES
