"""The one placeholder style of the catalogue, ``{name}``: finding and filling placeholders."""

from __future__ import annotations

import string
from collections.abc import Mapping

# Parameters a text never shows. "expected" (the right check character of an ID number or
# credit code) is deliberately hidden: a worker would type it in and hide the real typo
# elsewhere in the number.
HIDDEN_PARAMS = frozenset({"expected"})

_FORMATTER = string.Formatter()


def placeholders(text: str) -> frozenset[str]:
    """The names of the text's placeholders; ValueError for anything but plain ``{name}``.

    Braces that are not placeholders are written ``{{`` and ``}}`` as in str.format.
    """
    names: set[str] = set()
    for _literal, name, spec, conversion in _FORMATTER.parse(text):
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            field = name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "")
            raise ValueError(f"a placeholder is a plain {{name}}, not {{{field}}}: {text!r}")
        names.add(name)
    return frozenset(names)


def fill(text: str, params: Mapping[str, object]) -> str:
    """The text with each placeholder replaced by its parameter.

    A placeholder without a value (or with a hidden one) stays as it is, so a translation can
    never fail on a missing parameter; a text that is not in the catalogue's style comes back
    unchanged.
    """
    try:
        parts = list(_FORMATTER.parse(text))
    except ValueError:
        return text
    out: list[str] = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name in params and name not in HIDDEN_PARAMS and not spec and not conversion:
            out.append(str(params[name]))
        else:
            conversion_part = f"!{conversion}" if conversion else ""
            spec_part = f":{spec}" if spec else ""
            out.append("{" + name + conversion_part + spec_part + "}")
    return "".join(out)
