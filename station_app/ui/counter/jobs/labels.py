"""Job kinds, statuses, pay and refusals as the jobs page and its dialogs show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from station_app.errors import UserError, ValidationError
from station_app.models import JobKind, JobStatus
from station_app.services.jobs import EXPIRY_REASON, FILLED_REASON
from station_app.ui.shared import catalogue
from station_app.ui.shared.problem_texts import problem_text

FEN_PER_YUAN = 100


def kind_label(kind: JobKind | str) -> str:
    return catalogue.current().label(JobKind(kind))


def status_label(status: JobStatus | str) -> str:
    return catalogue.current().label(JobStatus(status))


def pay_text(low_fen: int | None, high_fen: int | None) -> str:
    """ "3000–5000", "3000 起", "至 5000" or "" (whole yuan)."""
    low = None if low_fen is None else low_fen // FEN_PER_YUAN
    high = None if high_fen is None else high_fen // FEN_PER_YUAN
    if low is not None and high is not None:
        return f"{low}" if low == high else f"{low}–{high}"
    if low is not None:
        return QCoreApplication.translate("JobLabels", "from {low}").format(low=low)
    if high is not None:
        return QCoreApplication.translate("JobLabels", "up to {high}").format(high=high)
    return ""


def reason_text(reason: str) -> str:
    """A status change's reason; the program's own reasons in the UI's language."""
    if reason == EXPIRY_REASON:
        return QCoreApplication.translate("JobLabels", "The validity ended")
    if reason == FILLED_REASON:
        return QCoreApplication.translate("JobLabels", "Every post is filled")
    return reason


def refusal_text(error: UserError) -> str:
    """Why a save was refused: every problem of the input, or the error's own text."""
    if isinstance(error, ValidationError):
        return "\n".join(problem_text(p) for p in error.problems)
    return catalogue.current().error(error)
