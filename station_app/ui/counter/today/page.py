"""The home page ("today"), first after login: contacts due, notices ending, jobs ending,
referrals waiting too long for their outcome.

Each list has its counts above it; Enter (or a double click) opens the record behind a row:
the resident's profile (from which "Edit" opens their form), or the job's form.
Ctrl+L records a contact with the selected resident. The page reads in the background and
refreshes when contacts, residents, recognitions or jobs change, whoever changed them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from station_app.core.changes import ChangeSet
from station_app.core.permissions import Permission
from station_app.services.communities import list_communities
from station_app.services.contact_rules import RULES
from station_app.services.referrals import ReferralRow
from station_app.services.today import (
    JOB_DAYS_AHEAD,
    NOTICE_DAYS_AHEAD,
    TodayOverview,
    today_overview,
)
from station_app.ui.counter.follow_ups import ContactDialog
from station_app.ui.counter.jobs.form import JobFormDialog
from station_app.ui.counter.referrals.outcome_dialog import OutcomeDialog
from station_app.ui.counter.residents.form import ResidentFormDialog
from station_app.ui.counter.residents.profile import ResidentProfileDialog
from station_app.ui.shared import catalogue
from station_app.ui.shared.context import AppContext

RECORD_CONTACT_SHORTCUT = "Ctrl+L"
WATCHED = ("service_record", "resident", "job", "employer", "recognition", "referral")
CONTACT_WIDTHS = (120, 110, 130, 110)
JOB_WIDTHS = (150, 190, 90)
NOTICE_WIDTHS = (120, 110)
REFERRAL_WIDTHS = (80, 150, 90)


def _table(headers: list[str], widths: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for column, width in enumerate(widths):
        header.resizeSection(column, width)
    return table


def _cell(text: str, record_id: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if record_id is not None:
        item.setData(Qt.ItemDataRole.UserRole, record_id)
    return item


class TodayPage(QWidget):
    """Contacts due (overdue, today, this week) above; jobs ending within a week below."""

    def __init__(
        self, context: AppContext, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._runner = context.runner
        self._fixed_today = today
        self._overview: TodayOverview | None = None
        self._dialogs: list[Any] = []
        self._waiting: tuple[ReferralRow, ...] = ()

        self.heading = QLabel()
        self.heading.setStyleSheet("QLabel { font-size: 13pt; font-weight: bold; }")
        self.contacts_count = QLabel(self.tr("Reading…"))
        self.contacts = _table(
            [
                self.tr("Name"),
                self.tr("Due on"),
                self.tr("When"),
                self.tr("Last contact"),
                self.tr("Contact rule"),
            ],
            CONTACT_WIDTHS,
        )
        self.record_button = QPushButton(self.tr("Record a contact (Ctrl+L)"))
        self.open_resident_button = QPushButton(self.tr("Open the resident"))
        contact_buttons = QHBoxLayout()
        contact_buttons.addWidget(self.contacts_count, 1)
        contact_buttons.addWidget(self.record_button)
        contact_buttons.addWidget(self.open_resident_button)
        contacts_box = QGroupBox(self.tr("Contacts due"))
        contacts_layout = QVBoxLayout(contacts_box)
        contacts_layout.addLayout(contact_buttons)
        contacts_layout.addWidget(self.contacts, 1)

        self.jobs_count = QLabel()
        self.jobs = _table(
            [self.tr("Job"), self.tr("Employer"), self.tr("Valid until"), self.tr("Days left")],
            JOB_WIDTHS,
        )
        self.open_job_button = QPushButton(self.tr("Open the job"))
        job_buttons = QHBoxLayout()
        job_buttons.addWidget(self.jobs_count, 1)
        job_buttons.addWidget(self.open_job_button)
        self.jobs_box = QGroupBox(
            self.tr("Jobs ending within {days} days").format(days=JOB_DAYS_AHEAD)
        )
        jobs_layout = QVBoxLayout(self.jobs_box)
        jobs_layout.addLayout(job_buttons)
        jobs_layout.addWidget(self.jobs, 1)

        self.notices_count = QLabel()
        self.notices = _table(
            [self.tr("Name"), self.tr("Notice ends"), self.tr("When")], NOTICE_WIDTHS
        )
        self.open_notice_button = QPushButton(self.tr("Open the resident"))
        notice_buttons = QHBoxLayout()
        notice_buttons.addWidget(self.notices_count, 1)
        notice_buttons.addWidget(self.open_notice_button)
        self.notices_box = QGroupBox(
            self.tr("Public notices of recognitions ending within {days} days").format(
                days=NOTICE_DAYS_AHEAD
            )
        )
        notices_layout = QVBoxLayout(self.notices_box)
        notices_layout.addLayout(notice_buttons)
        notices_layout.addWidget(self.notices, 1)

        self.referrals_count = QLabel()
        self.referrals = _table(
            [self.tr("Name"), self.tr("Job"), self.tr("Last step"), self.tr("Waiting")],
            REFERRAL_WIDTHS,
        )
        self.outcome_button = QPushButton(self.tr("Record the outcome…"))
        referral_buttons = QHBoxLayout()
        referral_buttons.addWidget(self.referrals_count, 1)
        referral_buttons.addWidget(self.outcome_button)
        self.referrals_box = QGroupBox(self.tr("Referrals without an outcome"))
        referrals_layout = QVBoxLayout(self.referrals_box)
        referrals_layout.addLayout(referral_buttons)
        referrals_layout.addWidget(self.referrals, 1)

        # A third of the page each: the titles take the width left, nothing scrolls sideways.
        for table, column in ((self.referrals, 1), (self.jobs, 0)):
            header = table.horizontalHeader()
            header.setStretchLastSection(False)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            for other in range(table.columnCount()):
                if other != column:
                    header.setSectionResizeMode(other, QHeaderView.ResizeMode.ResizeToContents)
        bottom = QHBoxLayout()
        bottom.addWidget(self.notices_box, 1)
        bottom.addWidget(self.referrals_box, 1)
        bottom.addWidget(self.jobs_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(contacts_box, 3)
        layout.addLayout(bottom, 2)
        self.setFocusProxy(self.contacts)

        self.shortcut = QShortcut(QKeySequence(RECORD_CONTACT_SHORTCUT), self)
        self.shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.shortcut.activated.connect(self.record_contact)
        self.record_button.clicked.connect(self.record_contact)
        self.open_resident_button.clicked.connect(lambda: self.open_resident())
        self.open_job_button.clicked.connect(lambda: self.open_job())
        self.open_notice_button.clicked.connect(lambda: self.open_resident(self._notice_resident()))
        self.notices.activated.connect(lambda _index: self.open_resident(self._notice_resident()))
        self.notices.itemSelectionChanged.connect(self._update_buttons)
        self.contacts.activated.connect(lambda _index: self.open_resident())
        self.jobs.activated.connect(lambda _index: self.open_job())
        self.referrals.activated.connect(
            lambda _index: self.open_resident(self._referral_resident())
        )
        self.referrals.itemSelectionChanged.connect(self._update_buttons)
        self.outcome_button.clicked.connect(lambda: self.record_outcome())
        self.contacts.itemSelectionChanged.connect(self._update_buttons)
        self.jobs.itemSelectionChanged.connect(self._update_buttons)
        context.changes.changed.connect(self._changes_arrived)
        self._update_buttons()
        self.reload()

    @staticmethod
    def navigation_title() -> str:
        return QCoreApplication.translate("TodayPage", "Today")

    @property
    def runner(self) -> Any:
        return self._runner

    @property
    def overview(self) -> TodayOverview | None:
        return self._overview

    def today(self) -> date:
        return self._fixed_today or date.today()

    # --- reading -----------------------------------------------------------------------

    def reload(self) -> None:
        station, today = self._context.session, self.today()
        self._runner.run(lambda: station.query(today_overview, today), self._overview_read)

    def _changes_arrived(self, changes: ChangeSet) -> None:
        if any(changes.of(entity) for entity in WATCHED):
            self.reload()

    def _overview_read(self, overview: TodayOverview) -> None:
        if not shiboken6.isValid(self):
            return
        self._overview = overview
        self.heading.setText(self.tr("Today, {day}").format(day=overview.today.isoformat()))
        self._show_contacts(overview)
        self._show_notices(overview)
        self._show_jobs(overview)
        self._show_referrals(overview)
        self._update_buttons()

    def _show_contacts(self, overview: TodayOverview) -> None:
        due = overview.contacts
        selected = self.selected_resident()
        self.contacts.setRowCount(0)
        if due is None:
            self.contacts_count.setText(self.tr("Your role may not see residents."))
            return
        week = due.total - due.overdue - due.due_today
        self.contacts_count.setText(
            self.tr("Overdue: {overdue} · due today: {today} · due this week: {week}").format(
                overdue=due.overdue, today=due.due_today, week=week
            )
        )
        self.contacts.setRowCount(len(due.items))
        texts = catalogue.current()
        for row, item in enumerate(due.items):
            days = (item.due_on - overview.today).days
            when = self._when(item.due_on, overview.today)
            rule = ""
            if item.rule_code is not None:
                rule = texts.text(f"contact_rule.{item.rule_code}", days=self._days(item.rule_code))
            last = item.last_contact.isoformat() if item.last_contact else self.tr("never")
            cells = (item.name, item.due_on.isoformat(), when, last, rule)
            for column, text in enumerate(cells):
                self.contacts.setItem(row, column, _cell(text, item.resident_id))
            if days < 0:
                self.contacts.item(row, 2).setForeground(Qt.GlobalColor.red)
        # The first row is selected, so Ctrl+L and Enter work as soon as the page shows.
        if not (selected is not None and self.select_resident(selected)) and due.items:
            self.contacts.selectRow(0)

    @staticmethod
    def _days(rule_code: str) -> int:
        return next(rule.interval_days for rule in RULES if rule.code == rule_code)

    def _show_notices(self, overview: TodayOverview) -> None:
        notices = overview.notices
        self.notices_box.setVisible(notices is not None)
        self.notices.setRowCount(0)
        if notices is None:
            return
        self.notices_count.setText(self.tr("%n notice(s) end soon", "", len(notices)))
        self.notices.setRowCount(len(notices))
        for row, notice in enumerate(notices):
            cells = (
                notice.resident_name,
                notice.notice_ends_on.isoformat(),
                self._when(notice.notice_ends_on, overview.today, ended=True),
            )
            for column, text in enumerate(cells):
                self.notices.setItem(row, column, _cell(text, notice.resident_id))

    def _when(self, day: date, today: date, *, ended: bool = False) -> str:
        days = (day - today).days
        if days < 0:
            if ended:
                return self.tr("ended %n day(s) ago", "", -days)
            return self.tr("%n day(s) overdue", "", -days)
        if days == 0:
            return self.tr("today")
        return self.tr("in %n day(s)", "", days)

    def _show_jobs(self, overview: TodayOverview) -> None:
        jobs = overview.jobs
        self.jobs_box.setVisible(jobs is not None)
        self.jobs.setRowCount(0)
        if jobs is None:
            return
        self.jobs_count.setText(self.tr("%n job(s) end soon", "", jobs.total))
        self.jobs.setRowCount(len(jobs.items))
        for row, job in enumerate(jobs.items):
            days = (job.valid_to - overview.today).days
            cells = (job.title, job.employer_name, job.valid_to.isoformat(), str(days))
            for column, text in enumerate(cells):
                self.jobs.setItem(row, column, _cell(text, job.id))

    def _show_referrals(self, overview: TodayOverview) -> None:
        waiting = overview.referrals
        self.referrals_box.setVisible(waiting is not None)
        self.referrals.setRowCount(0)
        self._waiting = waiting.items if waiting is not None else ()
        if waiting is None:
            return
        self.referrals_box.setTitle(
            self.tr("Referrals without an outcome after {days} days").format(days=waiting.days)
        )
        self.referrals_count.setText(self.tr("%n referral(s) waiting", "", waiting.total))
        self.referrals.setRowCount(len(waiting.items))
        for row, referral in enumerate(waiting.items):
            days = (overview.today - referral.last_step_on).days
            cells = (
                referral.resident_name,
                f"{referral.job_title} · {referral.employer_name}",
                referral.last_step_on.isoformat(),
                self.tr("%n day(s)", "", days),
            )
            for column, text in enumerate(cells):
                item = _cell(text, referral.resident_id)
                item.setToolTip(text)
                self.referrals.setItem(row, column, item)
        if waiting.items:
            self.referrals.selectRow(0)

    def shown_referrals(self) -> list[str]:
        """The serials of the referrals listed, in order."""
        return [r.serial for r in self._waiting]

    def _referral_resident(self) -> str | None:
        return self._selected(self.referrals)

    def record_outcome(self) -> OutcomeDialog | None:
        """The outcome dialog of the selected waiting referral."""
        rows = self.referrals.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._waiting):
            return None
        dialog = OutcomeDialog(self._context, self._waiting[rows[0].row()], self)
        self._keep(dialog)
        dialog.show()
        return dialog

    # --- selection and opening -----------------------------------------------------------

    def shown_residents(self) -> list[str]:
        return [self._id_at(self.contacts, row) or "" for row in range(self.contacts.rowCount())]

    def due_text(self, resident_id: str) -> str | None:
        """The due date shown for this resident, if they are listed."""
        for row in range(self.contacts.rowCount()):
            if self._id_at(self.contacts, row) == resident_id:
                return self.contacts.item(row, 1).text()
        return None

    def selected_resident(self) -> str | None:
        return self._selected(self.contacts)

    def select_resident(self, resident_id: str) -> bool:
        for row in range(self.contacts.rowCount()):
            if self._id_at(self.contacts, row) == resident_id:
                self.contacts.selectRow(row)
                return True
        return False

    def selected_job(self) -> str | None:
        return self._selected(self.jobs)

    def _notice_resident(self) -> str | None:
        return self._selected(self.notices)

    def shown_notices(self) -> list[str]:
        return [self._id_at(self.notices, row) or "" for row in range(self.notices.rowCount())]

    @staticmethod
    def _id_at(table: QTableWidget, row: int) -> str | None:
        item = table.item(row, 0)
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _selected(self, table: QTableWidget) -> str | None:
        rows = table.selectionModel().selectedRows()
        return self._id_at(table, rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        has_resident = self.selected_resident() is not None
        self.record_button.setEnabled(has_resident)
        self.open_resident_button.setEnabled(has_resident)
        self.open_job_button.setEnabled(self.selected_job() is not None)
        self.open_notice_button.setEnabled(self._notice_resident() is not None)
        self.outcome_button.setEnabled(
            self._referral_resident() is not None
            and self._context.session.can(Permission.RESIDENT_WRITE)
        )

    def record_contact(self, resident_id: str | None = None) -> ContactDialog | None:
        """Opens the contact dialog for this resident (default: the selected one)."""
        resident_id = resident_id or self.selected_resident()
        if resident_id is None:
            return None
        dialog = ContactDialog(self._context, resident_id, self, today=self.today())
        self._keep(dialog)
        dialog.show()
        return dialog

    def open_resident(self, resident_id: str | None = None) -> None:
        """Opens the resident's profile (read in the background) for the selected row."""
        resident_id = resident_id or self.selected_resident()
        if resident_id is None:
            return
        profile = ResidentProfileDialog(self._context, self)
        self._keep(profile)
        profile.edit_requested.connect(self.open_resident_form)
        profile.load(resident_id, lambda _shown: profile.show())

    def open_resident_form(self, resident_id: str) -> None:
        """The resident's edit form, as the profile's "Edit" asks."""
        station = self._context.session

        def show(communities: Any) -> None:
            form = ResidentFormDialog(self._context, self, communities=communities)
            self._keep(form)
            form.load_record(resident_id, lambda _ok: form.show())

        self._runner.run(lambda: station.query(list_communities), show)

    def open_job(self, job_id: str | None = None) -> JobFormDialog | None:
        """The job's form (the job page's own), for the selected row."""
        job_id = job_id or self.selected_job()
        if job_id is None:
            return None
        form = JobFormDialog(self._context, self, job_id=job_id)
        self._keep(form)
        form.show()
        return form

    def open_dialogs(self) -> list[Any]:
        return list(self._dialogs)

    def _keep(self, dialog: Any) -> None:
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))

    def _forget(self, dialog: Any) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        dialog.deleteLater()
