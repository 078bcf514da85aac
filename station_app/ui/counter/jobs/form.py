"""The register/edit job dialog: the employer, what the job is, its pay, ages and validity."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from station_app.errors import UserError
from station_app.models import JobKind
from station_app.services import code_tables
from station_app.services.employers import list_employers
from station_app.services.jobs import MAX_AGE, MIN_AGE, JobInput, get_job, register_job, update_job
from station_app.ui.counter.jobs.labels import FEN_PER_YUAN, kind_label, refusal_text
from station_app.ui.counter.residents.occupation_widgets import OccupationCombo
from station_app.ui.shared.context import AppContext
from station_app.ui.shared.dialog_buttons import StandardButton, action_buttons
from station_app.ui.shared.form_rows import notice_label, select_data, show_notice

EMPLOYER_CHOICES = 2000  # the employers offered in the list (by name)
MAX_YUAN = 1_000_000


def _yuan_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, MAX_YUAN)
    box.setSingleStep(100)
    box.setSpecialValueText("—")  # 0: not stated
    return box


def _age_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(MIN_AGE - 1, MAX_AGE)
    box.setSpecialValueText("—")  # MIN_AGE - 1: no limit
    return box


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


class JobFormDialog(QDialog):
    """Registers a job (of `employer_id`, when given) or edits one (`job_id`); not modal.

    Saves on the app's runner and emits `job_saved(id)`; problems show under the fields.
    """

    job_saved = Signal(str)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        employer_id: str | None = None,
        job_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._job_id = job_id
        self._version = 0
        station = context.session
        self.employer = QComboBox()
        self.employer.setEditable(True)
        self.employer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in station.query(list_employers, "", limit=EMPLOYER_CHOICES):
            self.employer.addItem(row.name, row.id)
        if employer_id is not None:
            select_data(self.employer, employer_id)
        self.title = QLineEdit()
        self.title.setMaxLength(120)
        self.kind = QComboBox()
        for kind in JobKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.occupation = OccupationCombo(code_tables.occupations())
        self.headcount = QSpinBox()
        self.headcount.setRange(1, 10_000)
        self.salary_min = _yuan_box()
        self.salary_max = _yuan_box()
        self.age_min = _age_box()
        self.age_max = _age_box()
        today = date.today()
        self.valid_from = QDateEdit(_to_qdate(today))
        self.valid_from.setCalendarPopup(True)
        self.valid_to = QDateEdit(_to_qdate(today.replace(day=1)).addMonths(3))
        self.valid_to.setCalendarPopup(True)
        self.open_ended = QCheckBox(self.tr("No end date"))
        self.open_ended.toggled.connect(lambda on: self.valid_to.setEnabled(not on))
        self.location = QLineEdit()
        self.location.setMaxLength(200)
        self.location.setPlaceholderText(self.tr("Empty: at the employer's address"))
        self.description = QPlainTextEdit()
        self.description.setFixedHeight(60)
        self.notice = notice_label()

        form = QFormLayout()
        form.addRow(self.tr("Employer"), self.employer)
        form.addRow(self.tr("Job title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Occupation"), self.occupation)
        form.addRow(self.tr("Posts"), self.headcount)
        form.addRow(self.tr("Monthly pay (yuan)"), self._pair(self.salary_min, self.salary_max))
        form.addRow(self.tr("Age"), self._pair(self.age_min, self.age_max))
        validity = QHBoxLayout()
        validity.addWidget(self.valid_from)
        validity.addWidget(QLabel("—"))
        validity.addWidget(self.valid_to)
        validity.addWidget(self.open_ended)
        validity.addStretch(1)
        form.addRow(self.tr("Valid"), validity)
        form.addRow(self.tr("Place of work"), self.location)
        form.addRow(self.tr("Description"), self.description)
        buttons, self.save_button = action_buttons(
            self, StandardButton.Save, self.tr("Save"), self.save
        )
        save_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)  # as in every form
        save_key.activated.connect(self.save)
        self.save_button.setToolTip(save_key.key().toString())
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.notice)
        layout.addWidget(buttons)
        self.setWindowTitle(self.tr("Register a job"))
        self.resize(620, self.sizeHint().height())
        if job_id is not None:
            self._load(job_id)

    def _pair(self, low: QSpinBox, high: QSpinBox) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(low)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(high)
        row.addStretch(1)
        return row

    @property
    def job_id(self) -> str | None:
        return self._job_id

    def _load(self, job_id: str) -> None:
        version, _status, data = self._context.session.query(get_job, job_id)
        self._version = version
        select_data(self.employer, data.employer_id)
        self.employer.setEnabled(False)  # a job stays with its employer
        self.title.setText(data.title)
        select_data(self.kind, data.kind.value)
        self.occupation.set_code(data.occupation_code)
        self.headcount.setValue(data.headcount)
        self.salary_min.setValue((data.salary_min_fen or 0) // FEN_PER_YUAN)
        self.salary_max.setValue((data.salary_max_fen or 0) // FEN_PER_YUAN)
        self.age_min.setValue(data.age_min or MIN_AGE - 1)
        self.age_max.setValue(data.age_max or MIN_AGE - 1)
        self.valid_from.setDate(_to_qdate(data.valid_from))
        self.open_ended.setChecked(data.valid_to is None)
        if data.valid_to is not None:
            self.valid_to.setDate(_to_qdate(data.valid_to))
        self.location.setText(data.location)
        self.description.setPlainText(data.description)
        self._keep = (data.education_min, data.latitude, data.longitude)
        self.setWindowTitle(self.tr("Edit job: {title}").format(title=data.title))

    def to_input(self) -> JobInput:
        def fen(box: QSpinBox) -> int | None:
            return box.value() * FEN_PER_YUAN if box.value() else None

        def age(box: QSpinBox) -> int | None:
            return box.value() if box.value() >= MIN_AGE else None

        education, latitude, longitude = getattr(self, "_keep", (None, None, None))
        try:
            occupation = self.occupation.code()
        except ValueError:
            occupation = self.occupation.currentText().strip()  # refused as unknown
        return JobInput(
            employer_id=self.employer.currentData() or "",
            title=self.title.text(),
            kind=JobKind(self.kind.currentData()),
            headcount=self.headcount.value(),
            valid_from=_from_qdate(self.valid_from.date()),
            occupation_code=occupation,
            salary_min_fen=fen(self.salary_min),
            salary_max_fen=fen(self.salary_max),
            age_min=age(self.age_min),
            age_max=age(self.age_max),
            education_min=education,
            location=self.location.text(),
            latitude=latitude,
            longitude=longitude,
            valid_to=None if self.open_ended.isChecked() else _from_qdate(self.valid_to.date()),
            description=self.description.toPlainText(),
        )

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # a save is under way (Ctrl+S pressed twice)
        data = self.to_input()
        station, job_id, version = self._context.session, self._job_id, self._version

        def write() -> str:
            if job_id is None:
                return station.perform(register_job, data)
            station.perform(update_job, job_id, version, data)
            return job_id

        self.save_button.setEnabled(False)
        self._context.runner.run(write, self._saved, self._refused)

    def _saved(self, job_id: str) -> None:
        self._job_id = job_id
        self.job_saved.emit(job_id)
        self.accept()

    def _refused(self, error: UserError) -> None:
        self.save_button.setEnabled(True)
        show_notice(self.notice, refusal_text(error))
