"""Resident ID-card readers: one interface, the vendor libraries and a simulated reader."""

from station_app.devices.id_card.card import CardData, decode_base_message, encode_base_message
from station_app.devices.id_card.choose import READER_VARIABLE, reader_from_setting
from station_app.devices.id_card.reader import (
    CardReader,
    CardReaderError,
    NoReader,
    SimulatedReader,
)

__all__ = [
    "READER_VARIABLE",
    "CardData",
    "CardReader",
    "CardReaderError",
    "NoReader",
    "SimulatedReader",
    "decode_base_message",
    "encode_base_message",
    "reader_from_setting",
]
