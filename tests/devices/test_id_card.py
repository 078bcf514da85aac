"""Tests of the ID-card readers: the base-message decoder, the simulated reader, the chooser."""

from __future__ import annotations

import ctypes
import json
import sys
from datetime import date
from pathlib import Path

import pytest

from station_app.devices.id_card import (
    CardData,
    CardReaderError,
    NoReader,
    SimulatedReader,
    decode_base_message,
    encode_base_message,
    reader_from_setting,
)
from station_app.devices.id_card.card import BASE_MESSAGE_BYTES, CardDataError
from station_app.devices.id_card.vendor import SdtapiReader
from station_app.models.enums import Sex
from station_app.validation import compute_id_check_character

FIRST17 = "34128219900307123"
ID_NUMBER = FIRST17 + compute_id_check_character(FIRST17)  # a man born 1990-03-07

CARD = CardData(
    name="张伟",
    sex=Sex.MALE,
    ethnicity="汉",
    birth_date=date(1990, 3, 7),
    address="安徽省界首市东城街道人民路88号",
    id_number=ID_NUMBER,
    issuer="界首市公安局",
    valid_from=date(2015, 6, 1),
    valid_to=date(2035, 6, 1),
)


def _message(**fields: str) -> bytes:
    """A base message built field by field as the card lays it out (UCS-2LE, fixed widths)."""
    values = {
        "name": "张伟",
        "sex": "1",
        "ethnicity": "01",
        "birth": "19900307",
        "address": "安徽省界首市东城街道人民路88号",
        "id": ID_NUMBER,
        "issuer": "界首市公安局",
        "start": "20150601",
        "end": "20350601",
    } | fields
    widths = [
        ("name", 15), ("sex", 1), ("ethnicity", 2), ("birth", 8), ("address", 35),
        ("id", 18), ("issuer", 15), ("start", 8), ("end", 8),
    ]  # fmt: skip
    text = "".join(values[key].ljust(width) for key, width in widths) + " " * 18
    return text.encode("utf-16-le")


def test_a_constructed_base_message_decodes_field_by_field() -> None:
    message = _message()
    assert len(message) == BASE_MESSAGE_BYTES
    card = decode_base_message(message, b"wlt")
    assert card == CardData(**{**CARD.__dict__, "photo": b"wlt"})
    assert card.name == "张伟" and card.address.endswith("88号")


def test_a_card_valid_without_end_and_other_ethnic_groups() -> None:
    card = decode_base_message(_message(end="长期", ethnicity="03"))
    assert card.valid_to is None
    assert card.ethnicity == "回"
    assert decode_base_message(_message(ethnicity="56")).ethnicity == "56"  # unknown: the code


@pytest.mark.parametrize(
    "fields",
    [
        {"id": FIRST17 + ("0" if ID_NUMBER[-1] != "0" else "1")},  # wrong check character
        {"sex": "2"},  # the ID number says a man
        {"birth": "19900308"},  # the ID number says the 7th
        {"birth": "1990XX07"},
        {"name": ""},
    ],
)
def test_a_message_that_is_not_a_valid_card_is_refused(fields: dict[str, str]) -> None:
    with pytest.raises(CardDataError):
        decode_base_message(_message(**fields))


def test_a_short_message_is_refused() -> None:
    with pytest.raises(CardDataError):
        decode_base_message(b"\x00" * 100)


def test_encoding_round_trips() -> None:
    assert decode_base_message(encode_base_message(CARD)) == CARD


def test_the_simulated_reader_hands_out_each_card_once() -> None:
    reader = SimulatedReader([CARD])
    assert reader.poll() == CARD
    assert reader.poll() is None
    reader.put(CARD)
    assert reader.poll() == CARD
    reader.close()
    assert NoReader().poll() is None


def test_cards_from_a_json_file(tmp_path: Path) -> None:
    path = tmp_path / "cards.json"
    entry = {
        "name": "张伟",
        "sex": "M",
        "birth_date": "1990-03-07",
        "address": CARD.address,
        "id_number": ID_NUMBER.lower(),  # a lowercase x is folded like a typed one
        "issuer": CARD.issuer,
        "valid_from": "2015-06-01",
        "valid_to": "2035-06-01",
    }
    path.write_text(json.dumps([entry]), encoding="utf-8")
    reader = reader_from_setting(f"simulated:{path}")
    assert reader.poll() == CARD
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(CardReaderError) as raised:
        reader_from_setting(f"simulated:{path}")
    assert raised.value.code == "id_card.simulated_file"


def test_the_setting_chooses_the_reader(tmp_path: Path) -> None:
    assert isinstance(reader_from_setting(""), NoReader)
    assert isinstance(reader_from_setting(None, environ={}), NoReader)
    assert isinstance(
        reader_from_setting(None, environ={"STATION_ID_CARD_READER": "none"}), NoReader
    )
    for bad in ("magic", "simulated", "sdtapi:port"):
        with pytest.raises(CardReaderError) as raised:
            reader_from_setting(bad)
        assert raised.value.code == "id_card.setting"


@pytest.mark.skipif(sys.platform == "win32", reason="the vendor libraries load on Windows")
def test_vendor_libraries_need_windows() -> None:
    for kind in ("sdtapi", "termb"):
        with pytest.raises(CardReaderError) as raised:
            reader_from_setting(kind)
        assert raised.value.code == "id_card.windows_only"


class _FakeSdtapi:
    """The calls of sdtapi.dll, answering as a reader with one card placed."""

    def __init__(self, message: bytes) -> None:
        self.message = message
        self.present = True

    def SDT_OpenPort(self, port: int) -> int:
        return 0x90

    def SDT_StartFindIDCard(self, port: int, info: object, if_open: int) -> int:
        return 0x9F if self.present else 0x80

    def SDT_SelectIDCard(self, port: int, info: object, if_open: int) -> int:
        return 0x90

    def SDT_ReadBaseMsg(
        self, port: int, text: object, text_len: object, photo: object, photo_len: object, _: int
    ) -> int:
        ctypes.memmove(text, self.message, len(self.message))
        ctypes.cast(text_len, ctypes.POINTER(ctypes.c_uint))[0] = len(self.message)
        ctypes.cast(photo_len, ctypes.POINTER(ctypes.c_uint))[0] = 0
        return 0x90

    def SDT_ClosePort(self, port: int) -> int:
        return 0x90


def test_the_sdtapi_reader_reports_a_placed_card_once() -> None:
    library = _FakeSdtapi(_message())
    reader = SdtapiReader(library)
    assert reader.poll() == CARD
    assert reader.poll() is None  # still on the reader
    library.present = False
    assert reader.poll() is None
    library.present = True
    assert reader.poll() == CARD  # placed again
    reader.close()
