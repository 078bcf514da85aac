"""The status bar's sync indicator: last sync, what waits, conflicts, or why it failed."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from station_app.sync.status import SyncStatus
from station_app.ui.shared import catalogue
from station_app.ui.shared.sync_controller import SyncController

OK_STYLE = "QPushButton { border: none; padding: 0 6px; }"
WARN_STYLE = "QPushButton { border: none; padding: 0 6px; color: #b45309; font-weight: bold; }"
ERROR_STYLE = "QPushButton { border: none; padding: 0 6px; color: #b91c1c; font-weight: bold; }"


class SyncIndicator(QPushButton):
    """Shows the controller's status in one line; a click syncs now."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_indicator")
        self.setFlat(True)
        self._controller = controller
        # Bound methods, not lambdas: Qt drops them with this widget.
        controller.status_changed.connect(self._show)
        controller.running_changed.connect(self._show)
        self.clicked.connect(controller.sync_now)
        self._show()

    def _show(self, _news: object = None) -> None:
        text, tip, style = describe(self._controller.status, self._controller.running)
        self.setText(text)
        self.setToolTip(tip)
        self.setStyleSheet(style)


def describe(status: SyncStatus, running: bool) -> tuple[str, str, str]:
    """The indicator's text, its tooltip and its style for a status."""
    if not status.enrolled:
        return (
            QCoreApplication.translate("SyncIndicator", "City sync: not enrolled"),
            QCoreApplication.translate(
                "SyncIndicator",
                "This station is not enrolled with the city server: see the Sync page.",
            ),
            OK_STYLE,
        )
    waiting = QCoreApplication.translate("SyncIndicator", "{pending} to send").format(
        pending=status.pending
    )
    cases = QCoreApplication.translate("SyncIndicator", "{cases} to check").format(
        cases=status.open_cases
    )
    if running:
        return QCoreApplication.translate("SyncIndicator", "Syncing…"), status.server_url, OK_STYLE
    if status.error_code:
        reason = catalogue.current().text(status.error_code, **status.error_params)
        text = QCoreApplication.translate("SyncIndicator", "Sync failed · {pending}").format(
            pending=waiting
        )
        tip = QCoreApplication.translate(
            "SyncIndicator", "{reason}\nLast successful sync: {when}\nClick to try again."
        ).format(reason=reason, when=when(status.last_success_at))
        return text, tip, ERROR_STYLE
    text = QCoreApplication.translate(
        "SyncIndicator", "Synced {when} · {pending} · {cases}"
    ).format(when=when(status.last_success_at), pending=waiting, cases=cases)
    tip = QCoreApplication.translate(
        "SyncIndicator", "City server: {server}\nClick to sync now."
    ).format(server=status.server_url)
    return text, tip, WARN_STYLE if status.open_cases or status.rejected else OK_STYLE


def when(moment: datetime | None) -> str:
    """A time of the station's clock as the worker reads it: today's to the minute."""
    if moment is None:
        return QCoreApplication.translate("SyncIndicator", "never")
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
