"""The resident profile: a read-only dialog of sections, the hub of the counter's work."""

from station_app.ui.counter.residents.profile.dialog import ResidentProfileDialog
from station_app.ui.counter.residents.profile.sections import SECTIONS, ProfileSection

__all__ = ["SECTIONS", "ProfileSection", "ResidentProfileDialog"]
