"""The foot of a dialog: the button that does its work, and Cancel, in the UI's language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

StandardButton = QDialogButtonBox.StandardButton


def action_buttons(
    dialog: QDialog, kind: StandardButton, text: str, on_accept: Callable[[], object]
) -> tuple[QDialogButtonBox, QPushButton]:
    """A button box of `kind` (labelled `text`, it calls `on_accept`) and Cancel (rejects)."""
    box = QDialogButtonBox(kind | StandardButton.Cancel)
    primary = box.button(kind)
    primary.setText(text)
    box.button(StandardButton.Cancel).setText(QCoreApplication.translate("DialogButtons", "Cancel"))
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    return box, primary
