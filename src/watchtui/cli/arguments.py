"""How a command module declares its commands: a name, a help line, a handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

from watchtui.core.clock import typed_day
from watchtui.core.model import MAX_COUNT

__all__ = ["Commands", "Handler", "day", "file_option", "whole_number"]

Handler = Callable[[argparse.Namespace], int]


def file_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--file",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="the watchlist file (default: $WATCHTUI_FILE, else the platform's data folder)",
    )


class Commands:
    """The `watchtui` subcommands, each with `--file` and a handler."""

    def __init__(self, subparsers: Any) -> None:
        self.subparsers = subparsers

    def add(self, name: str, help: str, handler: Handler, **kw: Any) -> argparse.ArgumentParser:
        """A command whose description is its help line, capitalised."""
        kw.setdefault("description", help[:1].upper() + help[1:])
        return self.add_plain(name, help, handler, **kw)

    def add_plain(
        self, name: str, help: str, handler: Handler, **kw: Any
    ) -> argparse.ArgumentParser:
        """A command with no description beyond its usage."""
        parser: argparse.ArgumentParser = self.subparsers.add_parser(name, help=help, **kw)
        file_option(parser, top=False)
        parser.set_defaults(handler=handler)
        return parser


def whole_number(text: str) -> int:
    """A count typed on the command line: ASCII digits, 0 to MAX_COUNT (what the file
    holds and other tools read)."""
    stripped = text.strip()
    digits = stripped[1:] if stripped[:1] in "+-" else stripped
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 40:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    value = int(stripped)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    if value > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_COUNT}, not {value}")
    return value


def day(text: str) -> date:
    """A day typed on the command line, as 2025-03-14."""
    try:
        found = typed_day(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if found is None:
        raise argparse.ArgumentTypeError("a day is needed, like 2025-03-14")
    return found
