"""Chinese line breaking: no line starts with a closing mark or ends with an opening one.

ReportLab's `wordWrap="CJK"` keeps only part of these rules (it lets a line start with
"，", "；", "：", "？", "！" or "》" and end with any opening mark), so the documents break
their lines here. The text is cut into units that must stay together (a run of Latin letters
and digits such as a serial or "3.5", or one Chinese character); an opening mark sticks to the
unit after it and a closing mark to the unit before it; lines are filled greedily with these
clusters. Only a cluster wider than a whole line is cut, character by character.
"""

from __future__ import annotations

from collections.abc import Callable

# Marks that must not begin a line (full- and half-width closing brackets, stops, pauses).
CLOSING = frozenset("，。、；：？！）》」』】〕〉〗〙］｝”’…‥—～·・％‰℃°,.;:?!)]}%")
# Marks that must not end a line (opening brackets and quotes).
OPENING = frozenset("（《「『【〔〈〖〘［｛“‘([{")

Measure = Callable[[str], float]


def _is_word_char(char: str) -> bool:
    """Latin letters, digits and the signs inside numbers and serials stay together."""
    return char.isascii() and (char.isalnum() or char in "-_./+#@&'")


def _is_space(piece: str) -> bool:
    """A breakable space; the ideographic space (an indent) is kept like a character."""
    return piece.isspace() and "\u3000" not in piece


def units(text: str) -> list[str]:
    """The text cut into unbreakable pieces: Latin words, single characters, single spaces."""
    pieces: list[str] = []
    for char in text:
        if pieces and _is_word_char(char) and _is_word_char(pieces[-1][-1]):
            pieces[-1] += char
        else:
            pieces.append(char)
    return pieces


def clusters(text: str) -> list[str]:
    """Units glued by the rules: an opening mark to what follows, a closing one to what precedes."""
    result: list[str] = []
    pending = ""  # opening marks waiting for the unit they open
    for unit in units(text):
        if unit in OPENING:
            pending += unit
        elif unit in CLOSING and result and not pending and not _is_space(result[-1]):
            result[-1] += unit
        else:
            result.append(pending + unit)
            pending = ""
    if pending:  # opening marks at the very end stay with the text before them
        if result and not _is_space(result[-1]):
            result[-1] += pending
        else:
            result.append(pending)
    return result


def break_lines(text: str, width: float, measure: Measure) -> list[str]:
    """The text's lines no wider than `width` by `measure` (explicit newlines kept).

    Spaces where a line is broken are dropped; everything else is kept in order.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_break_paragraph(paragraph, width, measure))
    return lines


def _break_paragraph(text: str, width: float, measure: Measure) -> list[str]:
    lines: list[str] = []
    line = ""
    for cluster in clusters(text):
        if _is_space(cluster):
            if line:  # a space at the start of a line is dropped
                line += cluster
            continue
        if measure(line + cluster) <= width or not line.strip():
            if not line.strip() and measure(cluster) > width:
                pieces = _cut(cluster, width, measure)
                lines.extend(pieces[:-1])
                line = pieces[-1]
            else:
                line += cluster
            continue
        lines.append(line.rstrip())
        if measure(cluster) > width:
            pieces = _cut(cluster, width, measure)
            lines.extend(pieces[:-1])
            line = pieces[-1]
        else:
            line = cluster
    lines.append(line.rstrip())
    return lines


def _cut(cluster: str, width: float, measure: Measure) -> list[str]:
    """A cluster wider than a line, cut where it must be (at least a character a line),
    moving characters down a line where that keeps a closing mark from starting one."""
    pieces: list[str] = []
    piece = ""
    for char in cluster:
        if piece and measure(piece + char) > width:
            carried = char
            while len(piece) > 1 and (carried[0] in CLOSING or piece[-1] in OPENING):
                piece, carried = piece[:-1], piece[-1] + carried
            pieces.append(piece)
            piece = carried
        else:
            piece += char
    pieces.append(piece)
    return pieces
