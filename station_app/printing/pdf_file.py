"""Writes a PDF to a file whole or not at all (beside it first, then moved into its place)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from station_app.errors import UserError


def write_pdf_file(pdf: bytes, path: Path) -> None:
    """UserError ("printing.cannot_write") when the file cannot be written; no half file."""
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_bytes(pdf)
        partial.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise UserError(
            f"cannot write {path}: {reason}",
            code="printing.cannot_write",
            params={"path": str(path), "reason": reason},
        ) from exc
