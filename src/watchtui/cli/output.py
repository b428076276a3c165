"""What the commands print: aligned plain text, with user text made safe for a terminal."""

from __future__ import annotations

import re
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
    "json_safe",
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


_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def json_safe(text: str) -> str:
    """JSON text with the characters that could drive a terminal but that JSON leaves
    as they are (C1 controls such as CSI, line separators, bidirectional overrides)
    written as \\u escapes: the same JSON to a parser, inert in a terminal. (JSON
    escapes the C0 controls itself.)"""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


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
