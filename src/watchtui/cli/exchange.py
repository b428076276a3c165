"""`watchtui export` and `watchtui import`: the watchlist as JSON, CSV or iCalendar,
and shows merged in from other trackers."""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import secrets
import stat
import sys
from pathlib import Path

from watchtui.cli.arguments import Commands
from watchtui.cli.files import open_document, path_of
from watchtui.cli.output import json_safe, plural
from watchtui.core.clock import today
from watchtui.core.errors import UserError
from watchtui.core.formats.csv import watchlist_csv
from watchtui.core.formats.ical import calendar_text
from watchtui.core.formats.incoming import ImportFormat
from watchtui.core.formats.json import watchlist_json
from watchtui.core.imports import read_import_file
from watchtui.core.locations import expand
from watchtui.core.merge import plan_merge
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
        "all-day event; hinted and rumored ones are tentative.",
    )
    export.add_argument(
        "--format", required=True, choices=["json", "csv", "ics"], help="json, csv or ics"
    )
    export.add_argument("-o", "--output", metavar="FILE", help="write here (default: stdout)")

    importing = commands.add(
        "import",
        "merge shows from a watchtui JSON export, an IMDb list CSV or a Trakt export",
        cmd_import,
        epilog="Shows are matched by title, ignoring case: nothing is duplicated, "
        "watched progress is never lowered and your own values are kept. A file "
        "that is not what it claims changes nothing.",
    )
    importing.add_argument("source", metavar="FILE", help="the file to import")
    importing.add_argument(
        "--format",
        choices=[f.value for f in ImportFormat],
        default=ImportFormat.AUTO.value,
        help="what the file is (default: auto, told from its content)",
    )


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
    watchlist = Document.open(path).watchlist
    day = today()
    if args.format == "json":
        text = json_safe(watchlist_json(watchlist, watchlist.shows, day))
    elif args.format == "csv":
        text = watchlist_csv(watchlist.shows, day)
        if args.output:
            text = "\ufeff" + text  # so spreadsheets open it as UTF-8
    else:
        text = calendar_text(build_timeline(watchlist.shows, day))
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


def cmd_import(args: argparse.Namespace) -> int:
    source = expand(args.source)
    path = path_of(args)
    with contextlib.suppress(OSError):
        if os.path.samefile(source, path):
            raise UserError(f"{source}: that is the watchlist file itself")
    incoming = read_import_file(source, ImportFormat(args.format), today())
    document = open_document(args)
    plan = plan_merge(document.watchlist, incoming)
    parts = [
        f"{plural(plan.added, 'new show')}",
        f"{plan.updated} updated",
        f"{plan.unchanged} already up to date",
    ]
    if incoming.skipped:
        parts.append(f"{plural(incoming.skipped, 'item')} skipped (not series)")
    summary = f"{printable(str(source))} ({incoming.format.value}): " + ", ".join(parts)
    if not plan.changes and not plan.extra:
        print(f"{summary}; nothing to change")
        return 0
    # One save for the whole import: all of it lands, or (on a conflict) none of it.
    plan.apply(document.watchlist)
    document.save()
    print(summary)
    return 0
