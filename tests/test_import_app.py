"""Import… in the app: a path (completed as typed), a preview, then confirm."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Button, Input, Static

from app_helpers import (
    demo_file,
    file_shows,
    list_lines,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
)
from app_helpers import type_text as typed
from watchtui.app.screens.import_screen import ImportScreen

__all__ = ["demo_file"]

DATA = Path(__file__).parent / "data" / "imports"


async def test_import_previews_then_adds_only_once_confirmed(
    demo_file: Path, tmp_path: Path
) -> None:
    export = tmp_path / "exports" / "tmdb-watchlist-export.csv"
    export.parent.mkdir()
    shutil.copy(DATA / "tmdb_watchlist.csv", export)
    before = [show["title"] for show in file_shows(demo_file)]
    app = make_app(demo_file)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "i")
        await settle(pilot)
        assert isinstance(app.screen, ImportScreen)
        # The folder's entries complete the path: "tm" becomes the file's whole name.
        field = app.screen.query_one("#path", Input)
        field.value = f"{export.parent}/"  # pasted
        await typed(pilot, "tm")
        await settle(pilot)
        await press(pilot, "right")
        assert app.screen.query_one("#path", Input).value == str(export)
        await press(pilot, "enter")
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        assert "TMDB: 2 added, 0 merged, 0 already up to date" in shown
        assert "add    South Park" in shown and "add    Breaking Bad" in shown
        # The safe button has the focus: enter alone imports nothing.
        assert isinstance(app.focused, Button) and app.focused.id == "cancel"
        await press(pilot, "enter")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
        assert [show["title"] for show in file_shows(demo_file)] == before

        await press(pilot, "i")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(export)
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "tab", "enter")  # to Import, and press it
        await settle(pilot)
        assert any("South Park" in line for line in list_lines(app))
        await press(pilot, "q")
    titles = [show["title"] for show in file_shows(demo_file)]
    assert titles == [*before, "Breaking Bad", "South Park"]


async def test_one_undo_takes_a_whole_import_back_and_redo_makes_it_again(
    demo_file: Path,
) -> None:
    before = file_shows(demo_file)
    app = make_app(demo_file)
    async with app.run_test(size=(100, 36), notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "i")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(DATA.parent / "imdb_watchlist.csv")
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "tab", "enter")  # Import
        await settle(pilot)
        imported = file_shows(demo_file)
        assert len(imported) == len(before) + 5  # 5 added, All of Us Are Dead merged
        assert notifications(app)[-1] == ("Imported: 5 added, 1 merged (ctrl+z takes it all back).")
        await press(pilot, "ctrl+z")
        await settle(pilot)
        assert notifications(app)[-1] == "Undone: import (5 added, 1 merged)"
        assert file_shows(demo_file) == before  # all six shows, in one step
        await press(pilot, "ctrl+y")
        await settle(pilot)
        assert file_shows(demo_file) == imported


async def test_a_file_that_is_no_export_says_so_and_changes_nothing(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=(100, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "i")
        await settle(pilot)
        app.screen.query_one("#path", Input).value = str(DATA / "letterboxd_diary.csv")
        await press(pilot, "enter")
        await settle(pilot)
        preview = str(app.screen.query_one("#preview", Static).render())
        assert preview == (
            f"{DATA / 'letterboxd_diary.csv'}: not an export watchtui can import (it reads "
            "IMDb, Trakt, TV Time, Yamtrack, SeriesGuide, TMDB, MyAnimeList, watchtui JSON)"
        )
        assert app.screen.query_one("#import", Button).disabled
        await press(pilot, "escape")
        await press(pilot, "q")
    assert demo_file.read_bytes() == before
