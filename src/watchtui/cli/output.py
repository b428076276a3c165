"""What the commands print: aligned plain text, with user text made safe for a terminal."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from watchtui.core.errors import UserError
from watchtui.core.model import Season
from watchtui.core.state import SeasonState, state_glyph
from watchtui.core.text import printable
from watchtui.core.windows import parse_window

__all__ = [
    "UserError",
    "has_window",
    "plural",
    "printable",
    "season_name",
    "shown",
    "state_word",
    "table",
    "width",
    "window_words",
]


shown = printable
"""User text as typed, with control characters made visible (`core.text.printable`)."""


def width(text: str) -> int:
    """Columns a text takes in a terminal: wide East Asian characters take two."""
    total = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) == "Cf":
            continue
        total += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return total


def table(rows: Sequence[Sequence[str]], indent: str = "") -> list[str]:
    """Rows as aligned columns (two spaces apart), trailing spaces trimmed."""
    if not rows:
        return []
    widths = [max(width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)]
        lines.append((indent + "  ".join(cells)).rstrip())
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
