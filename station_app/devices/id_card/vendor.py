"""The vendors' reader libraries (Windows): the `sdtapi.dll` and `termb.dll` families, by ctypes.

Both wrap the same security module and hand out the same 256-byte base message (see card.py):
sdtapi.dll through SDT_OpenPort / SDT_StartFindIDCard / SDT_SelectIDCard / SDT_ReadBaseMsg,
termb.dll through InitComm / Authenticate / Read_Content, which writes the message to
`wz.txt` (and the photo to `xp.wlt`) beside the library. Ports: 1001-1016 are USB readers,
1-16 serial ones.
"""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

from station_app.devices.id_card.card import BASE_MESSAGE_BYTES, CardData, decode_base_message
from station_app.devices.id_card.reader import CardReaderError

USB_PORT = 1001
PHOTO_BYTES = 1024
_SDT_OK = 0x90
_SDT_CARD_FOUND = 0x9F


def load_library(name: str) -> Any:
    """The vendor library by file name or path, with the stdcall convention of its API."""
    if sys.platform != "win32":
        raise CardReaderError(
            f"The {name} reader library works on Windows only.",
            code="id_card.windows_only",
            params={"library": name},
        )
    try:
        return ctypes.WinDLL(name)  # type: ignore[attr-defined,unused-ignore]
    except OSError as error:
        raise CardReaderError(
            f"The reader library {name} cannot be loaded: {error}",
            code="id_card.library",
            params={"library": name},
        ) from None


class _SameCard:
    """Remembers the card last read, so a card left on the reader is reported once."""

    def __init__(self) -> None:
        self._last: str | None = None

    def new(self, card: CardData | None) -> CardData | None:
        if card is None:
            self._last = None
            return None
        if card.id_number == self._last:
            return None
        self._last = card.id_number
        return card


class SdtapiReader:
    """A reader driven by sdtapi.dll."""

    name = "sdtapi"

    def __init__(self, library: Any, port: int = USB_PORT) -> None:
        self._lib = library
        self._port = port
        self._same = _SameCard()
        if self._lib.SDT_OpenPort(port) != _SDT_OK:
            raise CardReaderError(
                f"No card reader answers on port {port}.",
                code="id_card.no_reader",
                params={"port": str(port)},
            )

    def poll(self) -> CardData | None:
        info = ctypes.create_string_buffer(8)
        if self._lib.SDT_StartFindIDCard(self._port, info, 1) != _SDT_CARD_FOUND:
            return self._same.new(None)
        if self._lib.SDT_SelectIDCard(self._port, info, 1) != _SDT_OK:
            return None
        text = ctypes.create_string_buffer(BASE_MESSAGE_BYTES)
        photo = ctypes.create_string_buffer(PHOTO_BYTES)
        text_length, photo_length = ctypes.c_uint(0), ctypes.c_uint(0)
        status = self._lib.SDT_ReadBaseMsg(
            self._port, text, ctypes.byref(text_length), photo, ctypes.byref(photo_length), 1
        )
        if status != _SDT_OK:
            return None  # taken away while reading: the next poll tries again
        card = decode_base_message(text.raw[: text_length.value], photo.raw[: photo_length.value])
        return self._same.new(card)

    def close(self) -> None:
        self._lib.SDT_ClosePort(self._port)


class TermbReader:
    """A reader driven by termb.dll; `folder` is where the library writes what it read."""

    name = "termb"

    def __init__(self, library: Any, folder: Path, port: int = USB_PORT) -> None:
        self._lib = library
        self._folder = folder
        self._same = _SameCard()
        if self._lib.InitComm(port) != 1:
            raise CardReaderError(
                f"No card reader answers on port {port}.",
                code="id_card.no_reader",
                params={"port": str(port)},
            )

    def poll(self) -> CardData | None:
        if self._lib.Authenticate() != 1:
            return self._same.new(None)
        if self._lib.Read_Content(1) != 1:
            return None
        try:
            message = (self._folder / "wz.txt").read_bytes()
            photo_file = self._folder / "xp.wlt"
            photo = photo_file.read_bytes() if photo_file.exists() else None
        except OSError as error:
            raise CardReaderError(
                f"The reader's output cannot be read: {error}", code="id_card.library"
            ) from None
        return self._same.new(decode_base_message(message, photo))

    def close(self) -> None:
        self._lib.CloseComm()
