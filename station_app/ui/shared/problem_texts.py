"""The text of every Problem code in the UI's language: the catalogue of station_app.texts."""

from __future__ import annotations

from station_app.errors import Problem
from station_app.texts import HIDDEN_PARAMS
from station_app.texts.sources import PROBLEMS
from station_app.ui.shared import catalogue

__all__ = ["HIDDEN_PARAMS", "known_codes", "problem_text"]


def known_codes() -> frozenset[str]:
    """The Problem codes that have a text of their own (the rest fall back to the message)."""
    return frozenset(PROBLEMS)


def problem_text(problem: Problem) -> str:
    """The problem in the UI's language, its parameters filled in; unknown code → message."""
    return catalogue.current().problem(problem)
