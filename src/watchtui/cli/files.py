"""Opening the watchlist file for a command, and saving a change to it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from watchtui.cli.output import shown
from watchtui.core.errors import UserError
from watchtui.core.locations import resolve_file
from watchtui.core.model import Show, Watchlist
from watchtui.core.search import lookup
from watchtui.core.storage.document import Change, Document

__all__ = ["commit", "open_document", "path_of", "read", "show_named"]


def path_of(args: argparse.Namespace) -> Path:
    return resolve_file(args.file)


def read(args: argparse.Namespace) -> Watchlist:
    """The watchlist, for a command that only reads (a large file opens from the cache)."""
    return Document.open(path_of(args)).watchlist


def open_document(args: argparse.Namespace) -> Document:
    """The watchlist, for a command that changes it (backed up once a day)."""
    document = Document.open(path_of(args))
    document.backups_daily = True
    return document


def commit(document: Document, change: Change) -> None:
    """Apply the change and save it. If the file changed since this command read it
    (another command, the app, a sync tool), the other change is merged in and both
    are saved; ConflictError only when both changed the same thing."""
    document.apply(change)
    merged = document.save_merging()
    if merged is not None and merged.taken:
        count = len(merged.taken)
        print(
            f"Merged the change made elsewhere ({count} show{'s' * (count != 1)})",
            file=sys.stderr,
        )


MOST_NAMED = 8
"""Candidates an ambiguous title lists at most."""


def show_named(watchlist: Watchlist, title: str) -> Show:
    """The show a title argument means, found as `watchtui.core.search.lookup` says
    (accents, case and a leading "The" aside). UserError, in one line, when no show
    matches or when several do and none exactly: then they are listed."""
    found = lookup(watchlist.shows, title)
    if found.show is not None:
        return found.show
    if not found.candidates:
        raise UserError(f'no show named "{shown(title)}"')
    names = [f'"{shown(show.title)}"' for show in found.candidates[:MOST_NAMED]]
    more = len(found.candidates) - len(names)
    listed = ", ".join(names) + (f" and {more} more" if more else "")
    raise UserError(
        f'"{shown(title)}" matches {len(found.candidates)} shows: {listed}; give more of the title'
    )
