"""The command line: the app, and commands for scripts on the same file and rules.

Exit status: 0 success, 1 a user error (one line on stderr), 2 bad usage.
Textual is imported only when the app is launched, so commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from watchtui import __version__
from watchtui.core.clock import TodayError, today
from watchtui.core.codec import WatchlistFileError
from watchtui.core.locations import resolve_file
from watchtui.core.model import ModelError
from watchtui.core.state import SeasonState, season_state
from watchtui.core.store import ConflictError, load
from watchtui.core.windows import WindowError

__all__ = ["UserError", "build_parser", "main"]

Command = Callable[[argparse.Namespace], int]


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 1."""


def _file_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    parser.add_argument(
        "--file",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="the watchlist file (default: $WATCHTUI_FILE, else the platform's data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="watchtui",
        description="A terminal watchlist for TV series that tells confirmed release "
        "windows from hinted ones.",
    )
    parser.add_argument("--version", action="version", version=f"watchtui {__version__}")
    _file_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open a temporary copy of the demo watchlist"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="validate the file and list its problems")
    _file_option(check, top=False)
    check.set_defaults(handler=cmd_check)

    from watchtui import commands as more  # the scripting commands live beside this

    more.register(commands, lambda p: _file_option(p, top=False))
    return parser


def cmd_check(args: argparse.Namespace) -> int:
    path = resolve_file(args.file)
    if not path.exists():
        raise UserError(f"{path}: no such file")
    loaded = load(path)
    day = today()
    states = [
        season_state(season, day) for show in loaded.watchlist.shows for season in show.seasons
    ]
    hinted = states.count(SeasonState.HINTED)
    overdue = states.count(SeasonState.OVERDUE)
    shows = len(loaded.watchlist.shows)
    print(
        f"{path}: ok — {shows} show{'s' * (shows != 1)}, {len(states)} season"
        f"{'s' * (len(states) != 1)}, {hinted} hinted, {overdue} overdue"
    )
    return 0


def run_app(args: argparse.Namespace) -> int:
    from watchtui.app.run import run

    return run(Path(args.file) if args.file else None, demo=args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Command = getattr(args, "handler", run_app)
    try:
        return handler(args)
    except WatchlistFileError as error:
        print(str(error), file=sys.stderr)
        return 1
    except ConflictError as error:
        print(f"watchtui: {error}; run the command again", file=sys.stderr)
        return 1
    except (UserError, ModelError, WindowError, TodayError) as error:
        print(f"watchtui: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"watchtui: {where}{error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
