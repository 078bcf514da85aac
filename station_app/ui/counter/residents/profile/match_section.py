"""The profile's matches: the open jobs near the resident that they may take, best first,
each with its reasons ("1.2 km · 同类职业 · 薪资符合"), and the referral to one of them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QWidget,
)

from station_app.models import JobKind
from station_app.services.matching import JobMatch, MatchOptions, reasons_text
from station_app.services.resident_profile import ResidentProfile
from station_app.ui.counter.jobs.labels import kind_label, pay_text
from station_app.ui.counter.residents.profile.section_base import TableSection
from station_app.ui.shared import catalogue

MAX_RADIUS_KM = 50.0
DISTANCE = "distance"  # the reason that says how far the job is
TEXT_WIDTHS = {1: 100, 2: 150}  # the job's title and the employer's name, in pixels


class MatchesSection(TableSection):
    """The ranked jobs; the kind, the radius and "within the radius only" change the match
    (`options_changed`), Enter on a job or "Refer…" asks for a referral (`refer_requested`)."""

    column = 1
    stretch_column = 5  # the reasons: the facts before them stay whole
    empty_rows = 5
    options_changed = Signal(object)  # MatchOptions
    refer_requested = Signal(object)  # the JobMatch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matches: tuple[JobMatch, ...] = ()
        self._writable = True
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Every kind"), None)
        for kind in JobKind:
            self.kind.addItem(kind_label(kind), kind.value)
        self.radius = QDoubleSpinBox()
        self.radius.setRange(0.0, MAX_RADIUS_KM)
        self.radius.setDecimals(1)
        self.radius.setSingleStep(0.5)
        self.radius.setSuffix(" km")
        self.radius.setSpecialValueText(self.tr("the station's radius"))
        self.radius.setValue(0.0)  # the special value: the station's setting
        self.within = QCheckBox(self.tr("Within the radius only"))
        self.within.setChecked(True)
        self.refer_button = QPushButton(self.tr("Refer to this job…"))
        self.refer_button.setToolTip(self.tr("Refer the resident to the selected job (Enter)"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Kind")))
        controls.addWidget(self.kind)
        controls.addWidget(QLabel(self.tr("Radius")))
        controls.addWidget(self.radius)
        controls.addWidget(self.within)
        controls.addStretch(1)
        controls.addWidget(self.refer_button)
        layout = self.layout()
        assert isinstance(layout, QFormLayout)
        layout.insertRow(0, controls)
        # The job and its employer get a fixed width (elided, whole in the tooltip): the
        # reasons, what a worker reads, take the rest.
        header = self.table.horizontalHeader()
        for column, width in TEXT_WIDTHS.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.kind.currentIndexChanged.connect(self._options_edited)
        self.radius.editingFinished.connect(self._options_edited)
        self.within.toggled.connect(self._options_edited)
        self.table.activated.connect(self._activated)
        self.refer_button.clicked.connect(self._ask_refer)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._shown_options = self.options()
        self._selection_changed()

    def title(self) -> str:
        return self.tr("Matching jobs nearby")

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Distance"),
            self.tr("Job"),
            self.tr("Employer"),
            self.tr("Kind"),
            self.tr("Pay"),
            self.tr("Why it fits"),
        ]

    def options(self) -> MatchOptions:
        kind = self.kind.currentData()
        radius = self.radius.value()
        return MatchOptions(
            radius_km=radius if radius > 0 else None,
            within_radius_only=self.within.isChecked(),
            kinds=frozenset({JobKind(kind)}) if kind else frozenset(),
        )

    def is_default(self) -> bool:
        return self.options() == MatchOptions()

    def show_profile(self, profile: ResidentProfile) -> None:
        found = profile.parts.get("job_matches")
        if self.is_default() and isinstance(found, tuple):
            self.show_matches(found)

    def show_matches(self, matches: Sequence[JobMatch]) -> None:
        self.matches = tuple(matches)
        texts = catalogue.current()
        self.set_rows(
            [
                (
                    f"{m.distance_km:.1f} km" if m.distance_km is not None else "",
                    m.title,
                    m.employer_name,
                    kind_label(m.kind),
                    pay_text(m.salary_min_fen, m.salary_max_fen),
                    # The distance has its own column.
                    reasons_text(texts, [r for r in m.reasons if r.code != DISTANCE]),
                )
                for m in self.matches
            ],
            self.tr("No open job nearby that the resident may take."),
        )
        if self.matches:
            self.table.selectRow(0)
        self._selection_changed()

    def focus_matches(self) -> None:
        """Puts the keyboard on the best match (the profile's Ctrl+M)."""
        if self.matches:
            self.table.setFocus()
            self.table.selectRow(0)
            self.table.setCurrentCell(0, 0)

    def selected(self) -> JobMatch | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.matches):
            return None
        return self.matches[rows[0].row()]

    def set_writable(self, writable: bool) -> None:
        self.refer_button.setVisible(writable)
        self._writable = writable

    def _options_edited(self) -> None:
        options = self.options()
        if options != self._shown_options:
            self._shown_options = options
            self.options_changed.emit(options)

    def _selection_changed(self) -> None:
        self.refer_button.setEnabled(self.selected() is not None)

    def _activated(self, _index: QModelIndex) -> None:
        self._ask_refer()

    def _ask_refer(self) -> None:
        match = self.selected()
        if match is not None and self._writable:
            self.refer_requested.emit(match)
