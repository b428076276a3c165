"""`watchtui`: the app with no command, else the command, its errors turned into exit statuses."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import traceback
from collections.abc import Sequence

from watchtui.cli.parser import build_parser
from watchtui.core.errors import (
    ConflictError,
    ModelError,
    TodayError,
    UserError,
    WatchlistFileError,
    WindowError,
)
from watchtui.core.text import printable, unsafe

__all__ = ["main"]


def run_app(args: argparse.Namespace) -> int:
    from watchtui.app.run import run

    return run(args.file, demo=args.demo)


INTERNAL_ERROR = 70
"""Exit status of a crash (a bug, not something the user did): EX_SOFTWARE."""


def _say(message: str) -> None:
    """One line on stderr, user and file text in it made safe for the terminal."""
    print(f"{printable(message)}", file=sys.stderr)


def _invalid_argument(argv: Sequence[str]) -> str | None:
    """An argument that is not valid UTF-8 (the shell passed bytes Python could not
    decode): it could never be written to the file, so it is refused up front."""
    for argument in argv:
        if unsafe(argument) and any("\ud800" <= ch <= "\udfff" for ch in argument):
            return argument
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser()
    invalid = _invalid_argument(arguments)
    if invalid is not None:
        parser.error(f"not valid UTF-8 text: {invalid!r}")
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", run_app)
    try:
        code: int = handler(args)
        sys.stdout.flush()
        return code
    except WatchlistFileError as error:
        _say(str(error))
        return 1
    except ConflictError as error:
        _say(f"watchtui: {error}; run the command again")
        return 1
    except (UserError, ModelError, WindowError, TodayError) as error:
        _say(f"watchtui: {error}")
        return 1
    except BrokenPipeError:
        # The reader went away (`watchtui list | head -1`): stop quietly.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        _say(f"watchtui: {where}{error.strerror or error}")
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: one line that says so, a status that says so
        _say(
            f"watchtui: internal error ({type(error).__name__}: {error}); nothing more was "
            "changed. Please report it; WATCHTUI_DEBUG=1 shows the details"
        )
        if os.environ.get("WATCHTUI_DEBUG"):
            traceback.print_exc()
        return INTERNAL_ERROR
