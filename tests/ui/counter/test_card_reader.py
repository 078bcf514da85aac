"""The ID-card reader at the counter: a read card opens the resident or fills the form."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from station_app.devices.id_card import CardData, SimulatedReader
from station_app.models import EmploymentStatus, Sex
from station_app.services.residents import ResidentInput, register_resident
from station_app.ui.counter.card_reader import CardAtCounter, attach_card_reader
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.form import ResidentFormDialog
from station_app.ui.shared.context import AppContext
from station_app.validation import compute_id_check_character

pytestmark = pytest.mark.gui


def _id(birth: str, sequence: str) -> str:
    first17 = "341282" + birth + sequence
    return first17 + compute_id_check_character(first17)


WANG = _id("19850512", "022")  # a woman (even 17th digit)


def _card(number: str, name: str, sex: Sex, birth: date) -> CardData:
    return CardData(
        name=name,
        sex=sex,
        ethnicity="汉",
        birth_date=birth,
        address="安徽省界首市东城街道人民路18号",
        id_number=number,
        issuer="界首市公安局",
        valid_from=date(2016, 1, 1),
        valid_to=None,
    )


def _window(
    qtbot: QtBot, context: AppContext, reader: SimulatedReader
) -> tuple[MainWindow, CardAtCounter]:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.card_reader.watch.stop()  # the one made from the (empty) environment setting
    return window, attach_card_reader(window, context, reader)


def _open_forms(window: MainWindow) -> list[ResidentFormDialog]:
    page = window.show_page_of(ResidentsPage)
    assert isinstance(page, ResidentsPage)
    return [f for f in page.open_forms() if isinstance(f, ResidentFormDialog)]


def test_an_unknown_card_fills_the_registration_form(qtbot: QtBot, context: AppContext) -> None:
    reader = SimulatedReader()
    window, _counter = _window(qtbot, context, reader)
    reader.put(_card(WANG, "王芳", Sex.FEMALE, date(1985, 5, 12)))
    qtbot.keyClick(window, Qt.Key.Key_F4)  # read now, without waiting for the timer
    qtbot.waitUntil(lambda: bool(_open_forms(window)), timeout=5000)
    form = _open_forms(window)[0]
    assert form.fields.id_number.text() == WANG
    assert form.fields.name.text() == "王芳"
    assert form.fields.address.text() == "安徽省界首市东城街道人民路18号"
    assert "1985-05-12" in form.fields.derived.text()  # birth date and sex from the number
    assert "王芳" in window.statusBar().currentMessage()


def test_a_registered_card_opens_the_profile(qtbot: QtBot, context: AppContext) -> None:
    resident_id = context.session.perform(
        register_resident,
        ResidentInput(
            id_number=WANG,
            name="王芳",
            community_id=context.station.community_id,
            employment_status=EmploymentStatus.UNEMPLOYED,
        ),
    )
    reader = SimulatedReader()
    window, counter = _window(qtbot, context, reader)
    page = window.show_page_of(ResidentsPage)
    assert isinstance(page, ResidentsPage)
    reader.put(_card(WANG.lower(), "王芳", Sex.FEMALE, date(1985, 5, 12)))
    counter.watch.timer.setInterval(20)
    counter.watch.start()  # the timer polls: no key needed
    qtbot.waitUntil(lambda: bool(page.open_profiles()), timeout=5000)
    assert page.open_profiles()[0].resident_id == resident_id
    assert not _open_forms(window)
    counter.watch.stop()
