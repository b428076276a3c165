"""What the commands print: aligned plain text, with user text made safe for a terminal."""

from __future__ import annotations

import re
import shutil
import unicodedata
from collections.abc import Sequence

from watchtui.core.errors import UserError
from watchtui.core.model import Season
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.text import printable
from watchtui.core.windows import parse_window

__all__ = [
    "UserError",
    "cut",
    "has_window",
    "json_safe",
    "plural",
    "printable",
    "season_name",
    "shown",
    "state_word",
    "table",
    "terminal_width",
    "width",
    "window_words",
]


shown = printable
"""User text as typed, with control characters made visible (`core.text.printable`)."""


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """JSON text with the characters that could drive a terminal but that JSON leaves
    as they are (C1 controls such as CSI, line separators, bidirectional overrides)
    written as \\u escapes: the same JSON to a parser, inert in a terminal. (JSON
    escapes the C0 controls itself.)"""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _cells(character: str) -> int:
    if unicodedata.combining(character) or unicodedata.category(character) == "Cf":
        return 0
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def width(text: str) -> int:
    """Columns a text takes in a terminal: wide East Asian characters take two."""
    if text.isascii():
        return len(text)
    return sum(_cells(character) for character in text)


def cut(text: str, limit: int) -> str:
    """The text in at most `limit` columns: cut with "…" when longer."""
    if width(text) <= limit:
        return text
    if limit <= 0:
        return ""
    kept, used = [], 0
    for character in text:
        cells = _cells(character)
        if used + cells > limit - 1:
            break
        kept.append(character)
        used += cells
    return "".join(kept) + "…"


def terminal_width() -> int:
    """The width to fit: `COLUMNS` when set, else the terminal's, else 80 (piped)."""
    return max(20, shutil.get_terminal_size((80, 24)).columns)


def table(
    rows: Sequence[Sequence[str]],
    indent: str = "",
    *,
    fit: int | None = None,
    steps: Sequence[tuple[int, int | None]] = (),
) -> list[str]:
    """Rows as aligned columns (two spaces apart), trailing spaces trimmed.

    With `fit`, lines are kept within that many columns by taking `steps` in order
    until they fit: (column, narrowest) narrows a column, its cells cut with "…";
    (column, None) leaves a column out.
    """
    if not rows:
        return []
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    kept = list(range(len(widths)))
    if fit is not None:
        for column, narrowest in steps:
            used = sum(widths[i] for i in kept) + 2 * (len(kept) - 1)
            excess = len(indent) + used - fit
            if excess <= 0:
                break
            if narrowest is None:
                kept.remove(column)
            else:
                widths[column] -= max(0, min(excess, widths[column] - narrowest))
    lines = []
    for row in rows:
        cells = [(i, cut(row[i], widths[i])) for i in kept]
        padded = [cell + " " * (widths[i] - width(cell)) for i, cell in cells]
        lines.append((indent + "  ".join(padded)).rstrip())
    return lines


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def state_word(state: SeasonState) -> str:
    return f"{state_glyph(state)} {state.value}"


def season_name(season: Season) -> str:
    return f"{season.label}: {shown(season.title)}" if season.title else season.label


def has_window(season: Season) -> bool:
    return parse_window(season.window) is not None


def window_words(season: Season) -> str:
    if not has_window(season):
        return "no window"
    return f"{shown(season.window.strip())}, {season.confidence.value}"
