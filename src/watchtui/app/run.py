"""Launch the app on a file, or on a temporary copy of the demo watchlist."""

from __future__ import annotations

import gc
import sys
import tempfile
from datetime import date
from pathlib import Path

from watchtui.core.clock import today
from watchtui.core.demo import demo_text
from watchtui.core.errors import TodayError, WatchlistFileError
from watchtui.core.locations import resolve_file
from watchtui.core.storage.document import Document, collector_paused
from watchtui.core.text import printable

__all__ = ["demo_copy", "open_document", "run"]


def demo_copy(folder: Path, today: date | None = None) -> Path:
    """A fresh copy of the bundled demo watchlist in `folder`, its dates moved so that
    `today` stands where the demo's own day stood (as bundled with None)."""
    target = folder / "demo-watchlist.toml"
    target.write_bytes(demo_text(today).encode("utf-8"))
    return target


def open_document(path: Path) -> Document:
    """Read the watchlist the app will show; WatchlistFileError if the file is bad."""
    # The watchlist lives as long as the app: its objects (100,000 at 10,000 shows)
    # are frozen out of the cycle collector's sight before it runs again. Else its
    # first collection would walk them all at once (70 ms at 10,000 shows), and
    # every full one after. Shows hold no cycles, so replaced ones are still freed.
    with collector_paused():
        document = Document.open(path)
        gc.freeze()
    return document


def run(file: str | Path | None, *, demo: bool = False) -> int:
    try:
        day = today()
    except TodayError as error:
        print(f"watchtui: {printable(str(error))}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="watchtui-demo-") as scratch:
        path = demo_copy(Path(scratch), day) if demo else resolve_file(file)
        try:
            document = open_document(path)
        except WatchlistFileError as error:
            print(printable(str(error)), file=sys.stderr)
            print(
                "watchtui: the file was left as it is; fix it and start again "
                "(`watchtui check` lists the problems)",
                file=sys.stderr,
            )
            return 1
        from watchtui.app.app import WatchApp

        app = WatchApp(document, day, remember_theme=not demo, remember_start=not demo)
        app.run()
    # Textual has restored the terminal and printed what went wrong, if anything did:
    # a crash must not look like success to a script or a shell.
    return app.return_code or 0
