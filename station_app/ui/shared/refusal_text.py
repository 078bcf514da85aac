"""What a dialog says when a use case refused: each problem's text, or the error's."""

from __future__ import annotations

from station_app.errors import UserError, ValidationError
from station_app.ui.shared.application import user_error_text
from station_app.ui.shared.problem_texts import problem_text


def refusal_text(error: UserError) -> str:
    """The problems of a ValidationError joined in the UI's language, else the error's text."""
    if isinstance(error, ValidationError):
        return " ".join(problem_text(problem) for problem in error.problems)
    return user_error_text(error)
