"""The file changed on disk behind the app's back: the user decides, nothing is lost silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from app_helpers import (
    SIZE,
    demo_file,
    file_shows,
    list_lines,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
    status_line,
    table_rows,
)
from watchtui.app.screens import main_commands
from watchtui.app.screens.dialogs import ConfirmScreen, ConflictScreen
from watchtui.app.screens.main import MainScreen
from watchtui.core.model import Show
from watchtui.core.storage.document import Change, Document

__all__ = ["demo_file"]  # the fixture, imported for pytest

ELSEWHERE = """\
version = 1

[[show]]
title = "Written Elsewhere"
network = "Another program"
status = "planned"
"""


async def change_behind_the_back(pilot, path: Path) -> None:
    """Write another watchlist over the file, then unmark All of Us Are Dead S1 in the app."""
    path.write_text(ELSEWHERE, encoding="utf-8")
    await press(pilot, "tab", "w")
    await settle(pilot)
    app = pilot.app
    assert isinstance(app.screen, ConflictScreen)
    screen = "\n".join(screen_lines(app))
    assert "The file changed on disk" in screen
    assert "r reload it (your last change is dropped)" in screen


async def test_reload_takes_the_file_on_disk(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await change_behind_the_back(pilot, demo_file)
        await press(pilot, "r")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert list_lines(app) == ["   Written Elsewhere"]
        assert "Reloaded the file from disk." in notifications(app)
        assert "UNSAVED" not in status_line(app)
        await press(pilot, "ctrl+z")  # the reload dropped the undo history with the change
        assert "Nothing to undo." in notifications(app)
    assert demo_file.read_text(encoding="utf-8") == ELSEWHERE
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert list_lines(app) == ["   Written Elsewhere"]


async def test_overwrite_keeps_what_the_app_shows(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await change_behind_the_back(pilot, demo_file)
        await press(pilot, "o")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "Saved over the file on disk." in notifications(app)
        assert "UNSAVED" not in status_line(app)
        assert table_rows(app, "#seasons")[0][1] == "—"
        await press(pilot, "plus")  # the next change saves without asking again
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    shows = file_shows(demo_file)
    assert "Written Elsewhere" not in [show["title"] for show in shows]
    first = shows[0]["season"][0]
    assert shows[0]["title"] == "All of Us Are Dead"
    assert first["watched"] == 1 and "finished" not in first
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert table_rows(app, "#seasons")[0][1] == "1/12"


async def test_cancel_keeps_the_change_unsaved_and_quitting_asks(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await change_behind_the_back(pilot, demo_file)
        await press(pilot, "c")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "UNSAVED" in status_line(app)
        assert table_rows(app, "#seasons")[0][1] == "—"  # the change stays on screen
        assert demo_file.read_text(encoding="utf-8") == ELSEWHERE
        await press(pilot, "plus")  # another change: asked again, not written over
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await press(pilot, "escape")
        assert demo_file.read_text(encoding="utf-8") == ELSEWHERE
        await press(pilot, "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Your last change is not saved. Quit anyway?" in "\n".join(screen_lines(app))
        assert "ctrl+z" not in "\n".join(screen_lines(app))  # quitting cannot be undone
        await press(pilot, "n")
        assert isinstance(app.screen, MainScreen)
        await press(pilot, "q", "y")
        await settle(pilot)
        assert not app.is_running
    assert demo_file.read_text(encoding="utf-8") == ELSEWHERE


def add_elsewhere(path: Path, title: str) -> None:
    """What `watchtui add TITLE` does: open the file, add a show, save."""
    other = Document.open(path)
    other.commit(Change(f"add {title}", None, Show(title)))


async def test_a_save_merges_a_change_made_elsewhere_to_another_show(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        add_elsewhere(demo_file, "Written Elsewhere")
        await press(pilot, "tab", "w")  # before the poll sees it: the save finds it
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        app.screen.saver.flush()
        await settle(pilot)
        assert "Merged the change made elsewhere (1 show)." in notifications(app)
        assert "   Written Elsewhere" in list_lines(app)
        assert table_rows(app, "#seasons")[0][1] == "—"  # ours is still on screen
        assert "UNSAVED" not in status_line(app)
    shows = file_shows(demo_file)
    assert "Written Elsewhere" in [show["title"] for show in shows]
    assert "finished" not in shows[0]["season"][0]  # ours is in the file too


async def test_the_app_takes_in_a_change_made_elsewhere_while_it_runs(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_commands, "POLL_SECONDS", 0.05)
    app = make_app(demo_file)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "w")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        app.screen.saver.flush()
        add_elsewhere(demo_file, "Written Elsewhere")
        await pilot.pause(0.3)
        assert "   Written Elsewhere" in list_lines(app)  # no question, no key pressed
        assert "Merged the change made elsewhere (1 show)." in notifications(app)
        assert "UNSAVED" not in status_line(app)
        await press(pilot, "ctrl+z")  # our own change, made before the merge, is undone
        await settle(pilot)
        app.screen.saver.flush()
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        await press(pilot, "q")
        await settle(pilot)
        assert not app.is_running  # nothing unsaved: no question
    shows = file_shows(demo_file)
    assert "Written Elsewhere" in [show["title"] for show in shows]
    assert "finished" in shows[0]["season"][0]  # back as it was: watched in full
