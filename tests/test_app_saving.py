"""Saving never holds the screen: a stuck disk leaves every key answered."""

from __future__ import annotations

import threading
from pathlib import Path

from app_helpers import DEMO_TODAY, SIZE, demo_file, file_shows, press, settle, table_rows
from watchtui.app.app import WatchApp
from watchtui.app.screens.main import MainScreen
from watchtui.core.storage.document import Document, Snapshot

__all__ = ["demo_file"]  # the fixture, imported for pytest


async def test_a_stuck_disk_never_holds_the_screen(demo_file: Path) -> None:
    document = Document.open(demo_file)
    disk_free = threading.Event()
    write = document.write

    def stuck_write(snapshot: Snapshot) -> None:
        disk_free.wait(10)
        write(snapshot)

    document.write = stuck_write  # type: ignore[method-assign]
    app = WatchApp(document, DEMO_TODAY, remember_theme=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await press(pilot, "tab", "minus")  # All of Us Are Dead S1: 12 → 11
        await pilot.pause()
        assert table_rows(app, "#seasons")[0][1] == "11/12"  # shown while the disk is stuck
        await press(pilot, "down", "w", "y")  # the next keys are answered at once (asked: not out)
        await pilot.pause()
        assert table_rows(app, "#seasons")[1][3] == "✓ watched"
        assert file_shows(demo_file)[0]["season"][0]["watched"] == 12  # not on disk yet
        assert isinstance(app.screen, MainScreen) and not app.screen.unsaved
        disk_free.set()
        await settle(pilot)
        assert "UNSAVED" not in str(app.screen.query_one("#status").content)
    seasons = file_shows(demo_file)[0]["season"]
    assert seasons[0]["watched"] == 11 and "finished" in seasons[1]
