"""The card-reader interface, the "no reader" and the simulated reader (tests, demos)."""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from station_app.devices.id_card.card import CardData, decode_base_message, encode_base_message
from station_app.errors import UserError
from station_app.models.enums import Sex


class CardReaderError(UserError):
    """The reader cannot be used (no library, not connected, an unknown setting)."""

    default_code = "id_card.reader"


class CardReader(Protocol):
    """A reader polled by the counter or the kiosk, on a worker thread (a read can block).

    `poll` returns a card once when it is placed (then None while it stays there), None when
    there is none; it raises CardReaderError when the reader itself fails.
    """

    name: str

    def poll(self) -> CardData | None: ...

    def close(self) -> None: ...


class NoReader:
    """No reader at this computer: never a card."""

    name = "none"

    def poll(self) -> CardData | None:
        return None

    def close(self) -> None:
        pass


class SimulatedReader:
    """Cards from a queue (tests put them) or a JSON file (demos): one card per poll.

    Each card goes through the real decoder (encoded as a reader would hand it out), so its
    ID number is checked as a real card's would be.
    """

    name = "simulated"

    def __init__(self, cards: Iterable[CardData] = ()) -> None:
        self._queue: deque[CardData] = deque(cards)

    @classmethod
    def from_file(cls, path: Path) -> SimulatedReader:
        """Cards from a JSON list of objects with the CardData fields (dates as YYYY-MM-DD)."""
        try:
            entries = json.loads(path.read_text(encoding="utf-8"))
            return cls(_card(entry) for entry in entries)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CardReaderError(
                f"The simulated cards in {path} cannot be read: {error}",
                code="id_card.simulated_file",
                params={"path": str(path)},
            ) from None

    def put(self, card: CardData) -> None:
        """Places a card on the reader (it is read at the next poll)."""
        self._queue.append(card)

    def poll(self) -> CardData | None:
        if not self._queue:
            return None
        card = self._queue.popleft()
        return decode_base_message(encode_base_message(card), card.photo)

    def close(self) -> None:
        self._queue.clear()


def _optional_date(value: Any) -> date | None:
    return date.fromisoformat(value) if value else None


def _card(entry: dict[str, Any]) -> CardData:
    return CardData(
        name=entry["name"],
        sex=Sex(entry["sex"]),
        ethnicity=entry.get("ethnicity", "汉"),
        birth_date=date.fromisoformat(entry["birth_date"]),
        address=entry.get("address", ""),
        id_number=entry["id_number"],
        issuer=entry.get("issuer", ""),
        valid_from=_optional_date(entry.get("valid_from")),
        valid_to=_optional_date(entry.get("valid_to")),
    )
