"""Apps for the snapshot tests: the demo watchlist on a fixed day, at a path shown the same way.

The day comes from WATCHTUI_TODAY, read once, as `watchtui` reads it at start;
the file lives in the home folder so the status line shows `~/demo-watchlist.toml`
whatever the temporary folder is called; the theme is the default one, never a
saved setting nor TEXTUAL_THEME.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.core.clock import today
from watchtui.core.storage.document import Document

__all__ = ["demo_app", "settled"]


def demo_app() -> WatchApp:
    """The app on a fresh copy of the demo in the home folder (a test points HOME elsewhere)."""
    path = demo_copy(Path.home())
    app = WatchApp(Document.open(path), today(), remember_theme=False)
    app.theme = "textual-dark"  # not the TEXTUAL_THEME a developer may have set
    return app


async def settled(pilot: Pilot[None], *keys: str) -> None:
    """Press keys, then wait for the workers (the status line's counts) and the screen."""
    await pilot.press(*keys)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
