"""The texts the user reads, by stable code, in each language, for every front end (no Qt)."""

from __future__ import annotations

from station_app.texts.catalogue import Catalogue
from station_app.texts.codes import label_code
from station_app.texts.placeholders import HIDDEN_PARAMS, fill, placeholders

__all__ = ["HIDDEN_PARAMS", "Catalogue", "fill", "label_code", "placeholders"]
