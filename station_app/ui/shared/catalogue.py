"""The text catalogue of the running language, for the widgets (set with the translators)."""

from __future__ import annotations

from station_app.texts import Catalogue


class _Current:
    """The one catalogue the UI shows; English until a language is chosen."""

    catalogue = Catalogue()


def current() -> Catalogue:
    return _Current.catalogue


def use_language(language: str) -> Catalogue:
    """Loads the catalogue of a language ("zh_CN", "en") and makes it the UI's."""
    _Current.catalogue = Catalogue.load(language)
    return _Current.catalogue


def use(catalogue: Catalogue) -> None:
    """Makes a catalogue the UI's (tests put the previous one back)."""
    _Current.catalogue = catalogue
