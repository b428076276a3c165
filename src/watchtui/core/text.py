"""User and file text on its way to a terminal: the one function that makes it safe,
and the words a message uses to name a value it refuses (`kind_of`).

Titles, sources, notes, paths and the messages that quote them come from people
and from files other programs wrote. Printed as they are, an escape sequence in a
title could clear the screen, retitle the terminal window (OSC), ring the bell,
move the cursor back over a line (CR), or reorder a line (bidirectional
overrides). Every piece of such text goes through `printable` before it reaches
the screen, a message, the command line's output or a calendar file: controls
become visible stand-ins (ESC as ␛, BEL as ␇), so the text is still readable and
nothing in it can drive the terminal.
"""

from __future__ import annotations

import datetime as dt
import json as _json
import re

__all__ = ["json_kind", "kind_of", "printable", "unsafe"]

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f"  # C0 controls, DEL, C1 controls (CSI, OSC, ST as one byte)
    "\u2028\u2029"  # line and paragraph separators: some terminals break the line
    "\u202a-\u202e\u2066-\u2069"  # bidirectional overrides and isolates
    "\ud800-\udfff]"  # lone surrogates: not text, and cannot be encoded to print
)


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in "\n\r\u2028\u2029":
        return "⏎"
    if char == "\t":
        return " "
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, ␀ for NUL, …
    if code == 0x7F:
        return "␡"
    return "\ufffd"


def unsafe(text: str) -> bool:
    """True if the text holds a character `printable` would replace."""
    return _UNSAFE.search(text) is not None


def printable(text: str) -> str:
    """The text with every character that could drive a terminal replaced by a visible
    stand-in: one line, safe to print anywhere."""
    return _UNSAFE.sub(_stand_in, text) if _UNSAFE.search(text) else text


def kind_of(value: object, *, json: bool = False) -> str:
    """A value as a message names it: 'the number 3', 'a list', "'late 2025'".

    With `json`, in a JSON file's words: "an object", `true`, a text in double quotes.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        word = str(value).lower()
        return word if json else f"{word} (true/false)"
    if isinstance(value, str):
        shown = value if len(value) <= 30 else value[:29] + "…"
        return _json.dumps(shown, ensure_ascii=False) if json else repr(shown)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.datetime | dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object" if json else "a table"
    return type(value).__name__


def json_kind(value: object) -> str:
    """A value as a message about a JSON file names it."""
    return kind_of(value, json=True)
