"""The residents list's filter row: community, status, key group and age band."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from station_app.models import EmploymentStatus, KeyGroup
from station_app.services.communities import CommunityOption
from station_app.services.resident_filter import AgeBand, ResidentFilter
from station_app.ui.counter.residents.labels import key_group_label, status_label


class FilterBar(QWidget):
    """Four choices, each "all" at first; `changed(filter)` whenever one changes."""

    changed = Signal(object)  # a ResidentFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.community = self._combo(self.tr("All communities"))
        self.status = self._combo(self.tr("Any status"))
        for status in EmploymentStatus:
            self.status.addItem(status_label(status), status)
        self.key_group = self._combo(self.tr("Any key group"))
        for group in KeyGroup:
            self.key_group.addItem(key_group_label(group), group)
        self.age_band = self._combo(self.tr("Any age"))
        for band in AgeBand:
            self.age_band.addItem(self.tr("Aged {band}").format(band=band.value), band)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Filter:")))
        for combo in (self.community, self.status, self.key_group, self.age_band):
            layout.addWidget(combo)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit(self.value()))
        layout.addStretch(1)

    @staticmethod
    def _combo(everything: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        return combo

    def set_communities(self, communities: Sequence[CommunityOption]) -> None:
        if self.community.count() > 1:
            return
        for option in communities:
            self.community.addItem(option.name, option.id)

    def value(self) -> ResidentFilter:
        return ResidentFilter(
            community_id=self.community.currentData(),
            status=self.status.currentData(),
            key_group=self.key_group.currentData(),
            age_band=self.age_band.currentData(),
        )
