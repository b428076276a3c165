"""What a value in a watchlist may be: the limits every reader checks.

A watchlist is written back as TOML, read by other tools, and shown on a screen.
So whatever a file or an import brings must be something TOML can hold (no null),
that other tools read (whole numbers within 64 bits), that can be written as
UTF-8 (no lone surrogates), and not so deep or long that writing it back or
showing it fails. `find_problem` walks a value without recursion, so even a
value nested thousands of levels deep is answered, not crashed on.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "MAX_KEY",
    "MAX_NESTING",
    "MAX_TEXT",
    "Place",
    "find_problem",
]

MAX_NESTING = 64
"""How deep values may nest. tomllib reads a few hundred levels that tomli_w then
cannot write back (RecursionError), so such a file would open and fail at its first
save."""


INT_MIN, INT_MAX = -(2**63), 2**63 - 1
"""Whole numbers TOML holds: 64 bits, signed."""
MAX_TEXT = 10_000
"""Characters in one text of an import: a title, a note, a value of a key we do not know."""
MAX_KEY = 200
"""Characters in one key of an import."""

Place = tuple[str | int, ...]
"""Where a value is, from the top: keys and list positions."""


def _text_problem(text: str, max_text: int | None) -> str | None:
    if max_text is not None and len(text) > max_text:
        return f"a text of {len(text):,} characters; at most {max_text:,} are read"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "text that is not valid Unicode (a lone surrogate)"
    return None


def find_problem(
    value: Any,
    *,
    max_depth: int = MAX_NESTING,
    max_text: int | None = None,
    place: Place = (),
) -> tuple[Place, str] | None:
    """The first value that breaks a limit, with where it is, or None.

    Checked everywhere: whole numbers within 64 bits, valid Unicode, no null (TOML
    has none), nesting at most `max_depth`; with `max_text`, the length of texts
    and keys too.
    """
    stack: list[tuple[Any, Place]] = [(value, place)]
    while stack:
        item, where = stack.pop()
        if len(where) - len(place) > max_depth:
            return where, f"values nested more than {max_depth} levels deep"
        if item is None:
            return where, "null, which a watchlist file (TOML) cannot hold"
        if isinstance(item, bool):
            continue
        if isinstance(item, int):
            if not INT_MIN <= item <= INT_MAX:
                return where, "a whole number too large for other tools to read (over 64 bits)"
        elif isinstance(item, str):
            problem = _text_problem(item, max_text)
            if problem:
                return where, problem
        elif isinstance(item, dict):
            for key, child in reversed(item.items()):
                if not isinstance(key, str):
                    return where, f"a key that is not text ({type(key).__name__})"
                problem = _text_problem(key, MAX_KEY if max_text is not None else None)
                if problem:
                    return (*where, key[:40]), f"a key that is {problem}"
                stack.append((child, (*where, key)))
        elif isinstance(item, list | tuple):
            stack.extend((child, (*where, n)) for n, child in reversed(list(enumerate(item))))
    return None
