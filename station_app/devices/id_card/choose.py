"""Which reader this computer uses, from STATION_ID_CARD_READER (or the same text in config)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from station_app.devices.id_card.reader import (
    CardReader,
    CardReaderError,
    NoReader,
    SimulatedReader,
)
from station_app.devices.id_card.vendor import USB_PORT, SdtapiReader, TermbReader, load_library

READER_VARIABLE = "STATION_ID_CARD_READER"


def reader_from_setting(
    setting: str | None = None, environ: Mapping[str, str] | None = None
) -> CardReader:
    """The reader named by `setting` or, without one, by the environment variable.

    `none` (or nothing): no reader; `simulated:FILE`: cards from a JSON file; `sdtapi` or
    `termb`, optionally `:PORT` (1001 = the first USB reader) and `:LIBRARY` path after it.
    """
    text = setting if setting is not None else (environ or os.environ).get(READER_VARIABLE, "")
    kind, _, rest = text.strip().partition(":")
    kind = kind.lower()
    if kind in ("", "none"):
        return NoReader()
    if kind == "simulated":
        if not rest:
            raise _unknown(text)
        return SimulatedReader.from_file(Path(rest))
    if kind in ("sdtapi", "termb"):
        port_text, _, library_path = rest.partition(":")
        try:
            port = int(port_text) if port_text else USB_PORT
        except ValueError:
            raise _unknown(text) from None
        library = library_path or f"{kind}.dll"
        lib = load_library(library)
        if kind == "sdtapi":
            return SdtapiReader(lib, port)
        return TermbReader(lib, Path(library).resolve().parent, port)
    raise _unknown(text)


def _unknown(text: str) -> CardReaderError:
    return CardReaderError(
        f"Unknown card reader setting {text!r}: use none, simulated:FILE, sdtapi or termb.",
        code="id_card.setting",
        params={"setting": text},
    )
