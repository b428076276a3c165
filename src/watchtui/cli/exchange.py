"""`watchtui export` and `watchtui import`: the watchlist as JSON, CSV or iCalendar,
and shows merged in from other trackers."""

from __future__ import annotations

import argparse
import contextlib
import errno
import json
import os
import secrets
import stat
import sys
from pathlib import Path

from watchtui.cli.arguments import Commands
from watchtui.cli.files import open_document, path_of, show_named
from watchtui.cli.output import json_safe, plural, shown
from watchtui.core.clock import today
from watchtui.core.errors import UserError
from watchtui.core.formats.csv import watchlist_csv
from watchtui.core.formats.ical import CONFIDENCES, calendar_text
from watchtui.core.formats.incoming import ImportFormat
from watchtui.core.formats.json import watchlist_json
from watchtui.core.imports import import_numbers, import_summary, read_import
from watchtui.core.limits import MAX_TEXT, find_problem
from watchtui.core.locations import expand
from watchtui.core.merge import plan_merge
from watchtui.core.schema import table
from watchtui.core.storage.document import Document
from watchtui.core.storage.files import describe_kind
from watchtui.core.text import printable
from watchtui.core.timeline import build_timeline

__all__ = ["register"]


def register(commands: Commands) -> None:
    export = commands.add(
        "export",
        "write the watchlist as JSON, CSV or iCalendar",
        cmd_export,
        epilog="json: every field, read back losslessly by `watchtui import`. "
        "csv: one row per season. ics: each unreleased season with a window as an "
        "all-day event; confirmed ones are CONFIRMED, hinted and rumored ones TENTATIVE, "
        "with the source in the description; each keeps its UID from one export to the "
        "next, so a calendar updates it rather than adding another.",
    )
    export.add_argument(
        "--format", required=True, choices=["json", "csv", "ics"], help="json, csv or ics"
    )
    export.add_argument(
        "--confidence",
        choices=list(CONFIDENCES),
        default=None,
        help="ics: only confirmed windows, only hinted (and rumored) ones, or all (the default)",
    )
    export.add_argument(
        "--show",
        metavar="TITLE",
        action="append",
        help="ics: only this show's seasons (may be given again for more shows)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    importing = commands.add(
        "import",
        "merge shows from another tracker's export (IMDb, Trakt, TV Time, Yamtrack, "
        "SeriesGuide, TMDB, MyAnimeList) or a watchtui JSON export",
        cmd_import,
        epilog="FILE may be a file, a gzipped file, a ZIP or a folder; its format is told "
        "from its content. Shows are matched by any shared id, then by title: nothing is "
        "duplicated, watched progress is never lowered and your own values are kept. "
        "A file that is not what it claims changes nothing. See docs/imports.md.",
    )
    importing.add_argument("source", metavar="FILE", help="the export to import")
    importing.add_argument(
        "--format",
        choices=[f.value for f in ImportFormat],
        default=ImportFormat.AUTO.value,
        help="what the file is (default: auto, told from its content)",
    )
    importing.add_argument(
        "--dry-run", action="store_true", help="say what would change, and write nothing"
    )
    importing.add_argument("--json", action="store_true", help="print the numbers as JSON")


def _write_file(path: Path, data: bytes, watchlist: Path) -> None:
    """Replace `path` whole, so a calendar reading it never sees half a file.

    Only a regular file is written (or made): a symlink, FIFO, device or folder at
    that name is refused rather than replaced or written through, as is a read-only
    file and the watchlist itself. Errors name `path`, never the temporary file.
    """
    try:
        info: os.stat_result | None = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise UserError(f"{path}: cannot be written: {error.strerror}") from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise UserError(
                f"{path}: is {describe_kind(info.st_mode)}; export writes only to a regular "
                "file (pick another name, or leave -o out to print)"
            )
        with contextlib.suppress(OSError):
            if os.path.samestat(info, os.stat(watchlist)):
                raise UserError(f"{path}: that is the watchlist file itself; export elsewhere")
        if info.st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
            raise UserError(f"{path}: is read-only; nothing was written")
    temp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(temp, flags, 0o666)
        try:
            if info is not None and hasattr(os, "fchmod"):
                os.fchmod(descriptor, stat.S_IMODE(info.st_mode))
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temp, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        reason = "the disk is full" if error.errno == errno.ENOSPC else error.strerror
        if isinstance(error, PermissionError):
            reason = "permission denied"
        raise UserError(f"{path}: cannot be written ({reason}); nothing was written") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def cmd_export(args: argparse.Namespace) -> int:
    path = path_of(args)
    if args.format != "ics" and (args.confidence or args.show):
        raise UserError("--confidence and --show are for --format ics")
    watchlist = Document.open(path).watchlist
    day = today()
    if args.format == "json":
        text = json_safe(watchlist_json(watchlist, watchlist.shows, day))
    elif args.format == "csv":
        text = watchlist_csv(watchlist.shows, day)
        if args.output:
            text = "\ufeff" + text  # so spreadsheets open it as UTF-8
    else:
        shows = None
        if args.show:
            shows = [show_named(watchlist, title).title for title in args.show]
        confidence = args.confidence or "all"
        text = calendar_text(build_timeline(watchlist.shows, day), confidence, shows)
    data = text.encode("utf-8")
    if not args.output:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    output = expand(args.output)
    _write_file(output, data, path)
    print(f"exported {plural(len(watchlist.shows), 'show')} to {printable(str(output))}")
    return 0


_JSON_NAMES = {"show": "shows", "season": "seasons"}
"""Where watchtui's JSON names a list in the plural: problems are named as in JSON."""


def cmd_import(args: argparse.Namespace) -> int:
    source = expand(args.source)
    path = path_of(args)
    if source.exists() and path.exists() and source.resolve() == path.resolve():
        raise UserError(f"{source}: that is the watchlist file itself")
    if not source.exists():
        raise UserError(f"{source}: No such file or directory")
    if not (source.is_file() or source.is_dir()):  # a FIFO or a device: never waited on
        kind = describe_kind(source.stat().st_mode)
        raise UserError(f"{source}: is {kind}, not a regular file; is this an export?")
    incoming = read_import(source, today(), ImportFormat(args.format))
    # What the file brings, as the watchlist file would hold it, within its limits.
    held = {**incoming.extra, "show": [table(show) for show in incoming.shows]}
    found = find_problem(held, max_text=MAX_TEXT)
    if found is not None:
        place, problem = found
        where = "".join(
            f"[{part}]" if isinstance(part, int) else f".{_JSON_NAMES.get(part, part)}"
            for part in place
        )
        raise UserError(f"{source}: {where.lstrip('.')}: {problem}")
    document = open_document(args)
    plan = plan_merge(document.watchlist, incoming)
    changes = bool(plan.changes or plan.extra)
    if changes and not args.dry_run:
        # One save for the whole import: all of it lands, or (on a conflict) none of it.
        plan.apply(document.watchlist)
        document.save()
    if args.json:
        numbers = {"file": str(source), **import_numbers(incoming, plan)}
        numbers["dry_run"] = bool(args.dry_run)
        numbers["written"] = changes and not args.dry_run
        print(json.dumps(numbers, ensure_ascii=False))
        return 0
    summary = f"{shown(str(source))} ({incoming.names}): {import_summary(incoming, plan)}"
    if not changes:
        summary += "; nothing to change"
    elif args.dry_run:
        summary += " (dry run: nothing written)"
    print(summary)
    return 0
