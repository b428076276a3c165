"""`watchtui`: the app with no command, else the command, its errors turned into exit statuses."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from watchtui.cli.output import shown
from watchtui.cli.parser import build_parser
from watchtui.core.errors import (
    ConflictError,
    ModelError,
    TodayError,
    UserError,
    WatchlistFileError,
    WindowError,
)

__all__ = ["main"]


def run_app(args: argparse.Namespace) -> int:
    from watchtui.app.run import run

    return run(args.file, demo=args.demo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", run_app)
    try:
        code: int = handler(args)
        return code
    except WatchlistFileError as error:
        print(str(error), file=sys.stderr)
        return 1
    except ConflictError as error:
        print(f"watchtui: {error}; run the command again", file=sys.stderr)
        return 1
    except (UserError, ModelError, WindowError, TodayError) as error:
        print(f"watchtui: {shown(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"watchtui: {where}{error.strerror or error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
