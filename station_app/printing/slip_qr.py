"""The QR code on a referral slip: its payload (serial and check code) and its drawing.

Payload: ``STATION-REFERRAL:1:<serial>:<check code>``, e.g.
``STATION-REFERRAL:1:3F2A9C41-2026-000123:K7Q2M4X9AB`` — a fixed prefix, the format's version,
then the two values the city's ``POST /v1/referrals/verify`` takes. Every character is in the
QR alphanumeric set, so the code stays small (version 3 at level M).
"""

from __future__ import annotations

import segno
from reportlab.pdfgen.canvas import Canvas

PREFIX = "STATION-REFERRAL"
VERSION = "1"


def slip_payload(serial: str, check_code: str) -> str:
    """What the slip's QR code carries."""
    return f"{PREFIX}:{VERSION}:{serial.strip().upper()}:{check_code.strip().upper()}"


def parse_slip_payload(text: str) -> tuple[str, str] | None:
    """The serial and check code a scanned payload carries; None if it is not a slip's."""
    parts = text.strip().split(":")
    if len(parts) != 4 or parts[0] != PREFIX or parts[1] != VERSION:
        return None
    serial, code = parts[2], parts[3]
    if not serial or not code:
        return None
    return serial, code


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """The payload's QR code as vector squares, `size` wide with its quiet zone, at (x, y)."""
    qr = segno.make(payload, error="m", micro=False)
    matrix = qr.matrix
    count = len(matrix)
    border = 4  # the quiet zone the standard asks for, in modules
    module = size / (count + 2 * border)
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setStrokeColorRGB(0, 0, 0)
    path = canvas.beginPath()
    for row_index, row in enumerate(matrix):
        top = y + size - (border + row_index + 1) * module
        column = 0
        while column < count:  # one rectangle per run of dark modules
            if row[column]:
                start = column
                while column < count and row[column]:
                    column += 1
                path.rect(x + (border + start) * module, top, (column - start) * module, module)
            else:
                column += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
