"""Opening the watchlist file for a command, and saving a change to it."""

from __future__ import annotations

import argparse
from pathlib import Path

from watchtui.core.locations import resolve_file
from watchtui.core.model import Watchlist
from watchtui.core.storage.document import Change, Document

__all__ = ["commit", "open_document", "path_of", "read"]


def path_of(args: argparse.Namespace) -> Path:
    return resolve_file(args.file)


def read(args: argparse.Namespace) -> Watchlist:
    """The watchlist, for a command that only reads (a large file opens from the cache)."""
    return Document.open(path_of(args)).watchlist


def open_document(args: argparse.Namespace) -> Document:
    """The watchlist, for a command that changes it."""
    return Document.open(path_of(args))


def commit(document: Document, change: Change) -> None:
    document.commit(change)
