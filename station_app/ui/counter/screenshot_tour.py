"""Renders the main screens offscreen to PNG files, for reviews and machines without a display."""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from sqlalchemy import select

from station_app import paths
from station_app.config import Language, load_settings
from station_app.core.station_session import ReadTx
from station_app.database import Database, open_database
from station_app.demo import DEMO_PASSWORD, DEMO_USERNAME
from station_app.errors import UserError
from station_app.models import JobKind, Referral, ReferralStatus
from station_app.services.auth import log_in
from station_app.services.job_query import fetch_job_rows
from station_app.services.placements import open_jobs
from station_app.services.referrals import ReferralRow, get_referral
from station_app.services.station import StationInfo, station_info
from station_app.ui.counter.employers import EmployersPage
from station_app.ui.counter.employers.ledger_dialog import EmployerLedgerDialog
from station_app.ui.counter.jobs import JobsPage
from station_app.ui.counter.login_dialog import LoginDialog
from station_app.ui.counter.main_window import MainWindow
from station_app.ui.counter.referrals.slip_printing import show_slip
from station_app.ui.counter.residents import ResidentsPage
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.counter.residents.profile.referral_section import ReferralsSection
from station_app.ui.counter.setup_dialog import SetupDialog
from station_app.ui.counter.sync import SyncPage
from station_app.ui.counter.today import TodayPage
from station_app.ui.shared.application import (
    create_application,
    install_translators,
    remove_translators,
    route_qt_messages,
)
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.printing.preview_dialog import PrintPreviewDialog

log = logging.getLogger(__name__)

# The smallest screen the counter is used on (1366×768): nothing may be clipped there.
WINDOW_WIDTH = 1366
WINDOW_HEIGHT = 768
SEARCH_EXAMPLE = "张伟"
INVALID_ID_NUMBER = "341282199001011235"  # a plausible number whose check digit is wrong
INVALID_CREDIT_CODE = "91341282MA2N0A1B30"  # the same: its check character is wrong
LOAD_TIMEOUT_S = 15.0
SETTLE_MS = 150


class _Shots:
    """Numbers and writes the PNG files of one tour."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.files: list[Path] = []

    def save(self, widget: QWidget, name: str) -> Path:
        _wait(SETTLE_MS)  # layouts, lazy rows and background results arrive
        path = self.out_dir / f"{len(self.files) + 1:02d}-{name}.png"
        if not widget.grab().save(str(path), "PNG"):
            raise UserError(f"cannot write the screenshot {path}")
        log.info("wrote %s", path)
        self.files.append(path)
        return path


def render_tour(data_dir: Path, out_dir: Path, *, language: Language | None = None) -> list[Path]:
    """Renders login, set-up, main window, search and the resident form; returns the PNG paths.

    Needs a station database in `data_dir`. Only a demo database is logged into (with the
    published demo credentials); for a real station only the two dialogs are rendered.
    """
    database = paths.database_path(data_dir)
    if not database.is_file():
        raise UserError(
            f"there is no station database in {data_dir} yet: run `station-app demo` first"
        )
    if QApplication.instance() is None:
        # Read when the QApplication is made: the same pictures with or without a display.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    settings = load_settings(paths.settings_path(data_dir))
    app = create_application()
    route_qt_messages()
    translators = install_translators(app, language or settings.language)
    db = open_database(database, backups=paths.backups_dir(data_dir))
    try:
        station = station_info(db)
        if station is None:
            raise UserError(
                f"the station in {data_dir} is not set up yet: run `station-app demo` first"
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        shots = _Shots(out_dir)
        _login_dialog(shots, db, station, data_dir)
        _setup_dialog(shots)
        if station.is_demo:
            _main_window(shots, db, station, data_dir)
        else:
            log.info("not a demo database: the tour does not log in")
        return shots.files
    finally:
        db.close()
        remove_translators(app, translators)


def _login_dialog(shots: _Shots, db: Database, station: StationInfo, data_dir: Path) -> None:
    settings = load_settings(paths.settings_path(data_dir))
    dialog = LoginDialog(db, station, settings, paths.settings_path(data_dir))
    dialog.show()
    shots.save(dialog, "login")
    dialog.close()
    dialog.deleteLater()


def _setup_dialog(shots: _Shots) -> None:
    with tempfile.TemporaryDirectory(prefix="station-tour-") as tmp:
        scratch = open_database(Path(tmp) / "setup.sqlite", backups=Path(tmp) / "backups")
        try:
            dialog = SetupDialog(scratch)
            # The first community of the city's list is chosen; it also serves two neighbours.
            for row in (0, 1):
                dialog.also_serves.item(row).setCheckState(Qt.CheckState.Checked)
            dialog.username.setText("admin")
            dialog.display_name.setText("王芳")
            dialog.password.setText("1234")
            dialog.mark_edited("username", "password")
            dialog.show()
            shots.save(dialog, "setup")
            dialog.close()
            dialog.deleteLater()
        finally:
            scratch.close()


def _main_window(shots: _Shots, db: Database, station: StationInfo, data_dir: Path) -> None:
    session = log_in(db, DEMO_USERNAME, DEMO_PASSWORD)
    settings = load_settings(paths.settings_path(data_dir))
    context = AppContext.create(session, settings=settings, data_dir=data_dir)
    window = MainWindow(context)
    window.resize(WINDOW_WIDTH, WINDOW_HEIGHT)
    window.show()
    home = window.current_page()
    assert isinstance(home, TodayPage)
    _wait_until(lambda: home.overview is not None)
    shots.save(window, "today")
    _contact_dialog(shots, home)
    page = window.show_page_of(ResidentsPage)
    assert isinstance(page, ResidentsPage)
    _wait_until(lambda: page.is_loaded)
    shots.save(window, "main-window")

    page.search(SEARCH_EXAMPLE)
    shots.save(window, "search")

    form = page.open_register_form()
    shots.save(form, "register-form")
    form.set_field_text("id_number", INVALID_ID_NUMBER)
    shots.save(form, "register-form-invalid")
    form.done(0)  # dropped without the question a worker would get for the typed number
    form.deleteLater()

    employers = window.show_page_of(EmployersPage)
    assert isinstance(employers, EmployersPage)
    _wait_until(lambda: not context.runner.busy)  # the page searches in the background
    shots.save(window, "employers")
    employer_form = employers.open_register_form()
    employer_form.set_field_text("name", "界首市示例食品有限公司")
    employer_form.set_field_text("credit_code", INVALID_CREDIT_CODE)
    employer_form.set_field_text("contact_phone", "1391234567")
    shots.save(employer_form, "employer-form-invalid")
    employer_form.done(0)
    employer_form.deleteLater()

    window.show_page_of(SyncPage)
    _wait_until(lambda: not context.runner.busy and not context.sync.runner.busy)
    shots.save(window, "sync")

    window.show_page_of(ResidentsPage)
    found = page.shown_ids()
    profile = page.open_profile(found[0]) if found else None
    if profile is not None:
        _wait_until(profile.isVisible)
        shots.save(profile, "resident-profile")
        _recognition_and_placement(shots, context, profile)
        status = profile.open_status_change()
        if status is not None:
            _wait_until(lambda: not context.runner.busy)  # the employers are read
            shots.save(status, "status-change")
            status.done(0)
        profile.close()
    _ledger_import(shots, context, page)
    _jobs(shots, window, context)
    _referrals(shots, window, context, page)
    window.close()
    window.deleteLater()
    context.close()
    _wait(50)


def _ledger_import(shots: _Shots, context: AppContext, page: ResidentsPage) -> None:
    """The import dialog's preview of a small ledger with two bad rows (nothing imported)."""
    from openpyxl import Workbook

    from station_app.validation import compute_id_check_character

    def number(serial: str) -> str:
        body = f"34128219880412{serial}"
        return body + compute_id_check_character(body)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "居民台账.xlsx"
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "居民台账"
        where = context.station.community_name
        sheet.append(["东城街道居民就业台账（示例）"])
        sheet.append(["姓名", "公民身份号码", "所属社区", "就业状态", "联系电话", "重点群体"])
        sheet.append(["冯晓梅", number("902"), where, "未就业", "13955501234", "就业困难人员"])
        sheet.append(["褚建国", 341282198804129010.0, where, "单位就业", "13955501235", ""])
        sheet.append(["卫东", number("911"), where, "灵活就业", "1395550", "农民工"])
        sheet.append(["蒋丽", number("924"), "城南社区", "自主创业", "0558-4812345", ""])
        sheet.append(["韩梅", number("937"), where, "待业", "", "外来务工"])
        workbook.save(path)
        dialog = page.ledger_button.open_import("residents")
        dialog.load_file(path)
        _wait_until(lambda: dialog.plan is not None)
        shots.save(dialog, "ledger-import")
        dialog.close()


def _jobs(shots: _Shots, window: MainWindow, context: AppContext) -> None:
    """The jobs page, a job's form and its status dialog."""
    jobs = window.show_page_of(JobsPage)
    assert isinstance(jobs, JobsPage)
    _wait_until(lambda: not context.runner.busy)
    shots.save(window, "jobs")
    found = jobs.shown_ids()
    if not found:
        return
    jobs.select_job(found[0])
    form = jobs.open_edit_form(found[0])
    if form is not None:
        shots.save(form, "job-form")
        form.done(0)
    status = jobs.open_status_dialog(found[0])
    if status is not None:
        shots.save(status, "job-status")
        status.done(0)
    employer_id = context.session.query(fetch_job_rows, found[:1])[found[0]].employer_id
    ledger = EmployerLedgerDialog(context, employer_id, window)
    ledger.show()
    shots.save(ledger, "employer-jobs-contacts")
    ledger.done(0)


def _referrals(shots: _Shots, window: MainWindow, context: AppContext, page: ResidentsPage) -> None:
    """A profile with its matching jobs and referrals, a referral to its best match (not
    made), an interviewed referral's outcome, a slip in the print preview and a job's
    residents who fit (the tour changes nothing)."""
    interviewed = context.session.query(_a_referral, ReferralStatus.INTERVIEWED)
    if interviewed is None:
        log.info("the demo has no interviewed referral: the tour shows no referrals")
        return
    profile = page.open_profile(interviewed.resident_id)
    if profile is None:
        return
    _wait_until(lambda: profile.isVisible() and profile.profile is not None)
    shots.save(profile, "profile-matches")
    referrals = profile.section(ReferralsSection)
    scroll = profile.findChild(QScrollArea)
    if scroll is not None:
        scroll.ensureWidgetVisible(referrals)
    shots.save(profile, "profile-referrals")
    referral = profile.open_referral()
    if referral is not None:
        shots.save(referral, "referral")
        referral.done(0)
    outcome = profile.open_outcome(interviewed)
    if outcome is not None:
        shots.save(outcome, "referral-outcome")
        outcome.done(0)
    previews: list[PrintPreviewDialog] = []
    show_slip(context, interviewed.serial, profile, previews.append)
    if _wait_until(lambda: bool(previews)):
        previews[0].resize(760, WINDOW_HEIGHT - 40)
        shots.save(previews[0], "referral-slip")
        previews[0].close()
    profile.close()
    jobs = window.show_page_of(JobsPage)
    assert isinstance(jobs, JobsPage)
    dialog = jobs.open_call_list(interviewed.job_id)
    if dialog is not None:
        _wait_until(lambda: dialog.count.text() != "")
        shots.save(dialog, "residents-who-fit")
        dialog.close()


def _a_referral(rx: ReadTx, status: ReferralStatus) -> ReferralRow | None:
    referral_id = rx.session.scalar(
        select(Referral.id).where(Referral.status == status).order_by(Referral.id).limit(1)
    )
    return get_referral(rx, referral_id) if referral_id is not None else None


def _contact_dialog(shots: _Shots, home: TodayPage) -> None:
    """The contact dialog for the first resident due, as the home page opens it."""
    residents = home.shown_residents()
    if not residents:
        log.info("no contact is due in the demo: the tour shows no contact dialog")
        return
    home.select_resident(residents[0])
    dialog = home.record_contact()
    assert dialog is not None
    _wait_until(lambda: dialog.state is not None)
    shots.save(dialog, "contact-dialog")
    dialog.close()


def _recognition_and_placement(
    shots: _Shots, context: AppContext, profile: ResidentProfileDialog
) -> None:
    """The recognition dialog, and a public welfare post refused with its reason shown."""
    recognition = profile.open_recognition()
    if recognition is not None:
        _wait_until(lambda: not context.runner.busy)
        shots.save(recognition, "recognition")
        recognition.close()
    placement = profile.open_placement()
    if placement is None:
        return
    welfare = context.session.query(
        open_jobs, "", on_day=date.today(), kind=JobKind.PUBLIC_WELFARE, limit=1
    )
    if welfare:
        placement.search.setText(welfare[0].title)
        placement.find_jobs()
        _wait_until(lambda: not context.runner.busy)
        kinds = [job.kind for job in placement.jobs]
        placement.table.selectRow(kinds.index(JobKind.PUBLIC_WELFARE))
        placement.place_selected()
    _wait_until(lambda: not context.runner.busy)
    shots.save(placement, "placement")
    placement.close()


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait_until(condition: Callable[[], bool], *, timeout_s: float = LOAD_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            log.warning("gave up waiting after %.0f s; rendering what is there", timeout_s)
            return False
        _wait(25)
    return True
