"""The `watchtui` argument parser, made of the commands each module declares."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from watchtui import __version__
from watchtui.cli.arguments import Commands, file_option
from watchtui.cli.check import register as check_commands
from watchtui.cli.claims import register as claim_commands
from watchtui.cli.completion import register as completion_commands
from watchtui.cli.edits import register as edit_commands
from watchtui.cli.exchange import register as exchange_commands
from watchtui.cli.listing import register as listing_commands
from watchtui.cli.online import register as online_commands
from watchtui.core.text import printable

__all__ = ["build_parser"]


class Parser(argparse.ArgumentParser):
    """argparse, its error messages (which quote what was typed) safe for the terminal."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="watchtui",
        description="A terminal watchlist for TV series that tells confirmed release "
        "windows from hinted ones.",
    )
    parser.add_argument("--version", action="version", version=f"watchtui {__version__}")
    file_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open a temporary copy of the demo watchlist"
    )
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND"))
    # In the order `--help` lists them.
    for register in (
        check_commands,
        listing_commands,
        edit_commands,
        claim_commands,
        exchange_commands,
        online_commands,
        completion_commands,
    ):
        register(commands)
    return parser
