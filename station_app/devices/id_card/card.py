"""What a resident ID card holds, and the decoding of the readers' 256-byte base message.

The second-generation card's text (the "base message" the security module hands out) is
UCS-2 little-endian, in fixed-width fields padded with spaces, in this order and width
(characters): name 15, sex 1 (GB/T 2261.1: 1 male, 2 female), ethnicity 2 (GB/T 3304 code,
01 汉), birth date 8 (YYYYMMDD), address 35, ID number 18, issuing authority 15, valid from 8,
valid to 8 (a date, or 长期 for a card without end), and 18 reserved (the latest address on
some cards). 256 bytes in all. The photo comes apart, 1,024 bytes in the card's own
compressed (wlt) format that only the vendor's library turns into a picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from station_app.errors import UserError, ValidationError
from station_app.models.enums import Sex
from station_app.validation import parse_id_number

BASE_MESSAGE_BYTES = 256
FIELDS: tuple[tuple[str, int], ...] = (
    ("name", 15),
    ("sex", 1),
    ("ethnicity", 2),
    ("birth_date", 8),
    ("address", 35),
    ("id_number", 18),
    ("issuer", 15),
    ("valid_from", 8),
    ("valid_to", 8),
    ("reserved", 18),
)
NO_END = "长期"
_SEX_CODES = {"1": Sex.MALE, "2": Sex.FEMALE}
# GB/T 3304 codes of the ethnic groups most often met; others are shown by their code.
# fmt: off
_NAMES = ("汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗",
          "瑶", "白", "土家", "哈尼", "哈萨克", "傣")
# fmt: on
ETHNICITIES = {f"{number:02d}": name for number, name in enumerate(_NAMES, start=1)}


class CardDataError(UserError):
    """The reader handed out a message that is not a valid card's."""

    default_code = "id_card.unreadable"


@dataclass(frozen=True)
class CardData:
    """One read of a card. `valid_to` is None for a card valid without end (长期)."""

    name: str
    sex: Sex
    ethnicity: str  # the name (汉) when known, else the GB/T 3304 code
    birth_date: date
    address: str
    id_number: str
    issuer: str
    valid_from: date | None = None
    valid_to: date | None = None
    photo: bytes | None = None  # the raw photo (wlt or, from a simulated card, any bytes)


def _date(text: str, field: str) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise CardDataError(f"The card's {field} is not a date: {text!r}.") from None


def decode_base_message(message: bytes, photo: bytes | None = None) -> CardData:
    """The card data in a base message; raises CardDataError for a malformed one.

    The ID number is checked like a typed one (check character, birth date), and must agree
    with the sex and birth date fields.
    """
    if len(message) < BASE_MESSAGE_BYTES:
        raise CardDataError(f"A base message has {BASE_MESSAGE_BYTES} bytes, not {len(message)}.")
    text = message[:BASE_MESSAGE_BYTES].decode("utf-16-le", errors="replace")
    values: dict[str, str] = {}
    position = 0
    for field, width in FIELDS:
        values[field] = text[position : position + width].strip(" \x00")
        position += width
    sex = _SEX_CODES.get(values["sex"])
    if sex is None or not values["name"]:
        raise CardDataError("The card's name or sex is missing.")
    birth = _date(values["birth_date"], "birth date")
    try:
        number = parse_id_number(values["id_number"])
    except ValidationError as error:
        raise CardDataError(f"The card's ID number is invalid: {error}") from None
    if number.birth_date != birth or number.sex != sex:
        raise CardDataError("The card's ID number does not match its birth date or sex.")
    valid_to = values["valid_to"]
    return CardData(
        name=values["name"],
        sex=sex,
        ethnicity=ETHNICITIES.get(values["ethnicity"], values["ethnicity"]),
        birth_date=birth,
        address=values["address"],
        id_number=number.number,
        issuer=values["issuer"],
        valid_from=_date(values["valid_from"], "validity") if values["valid_from"] else None,
        valid_to=None if not valid_to or valid_to == NO_END else _date(valid_to, "validity"),
        photo=photo or None,
    )


def encode_base_message(card: CardData) -> bytes:
    """The base message a reader would hand out for `card` (for the simulated reader, tests)."""
    codes = {v: k for k, v in ETHNICITIES.items()}
    values = {
        "name": card.name,
        "sex": "1" if card.sex is Sex.MALE else "2",
        "ethnicity": codes.get(card.ethnicity, card.ethnicity),
        "birth_date": card.birth_date.strftime("%Y%m%d"),
        "address": card.address,
        "id_number": card.id_number,
        "issuer": card.issuer,
        "valid_from": card.valid_from.strftime("%Y%m%d") if card.valid_from else "",
        "valid_to": card.valid_to.strftime("%Y%m%d") if card.valid_to else NO_END,
        "reserved": "",
    }
    text = "".join(values[field][:width].ljust(width) for field, width in FIELDS)
    return text.encode("utf-16-le")
