"""The screen follows the edit rules of `watchtui.core.edits`, driven with keys:
marking watched never loses progress, the last episode finishes a season, a
window said anew is noted today, and an edit that changes nothing says so and
writes nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, Static

from app_helpers import (
    DEMO_TODAY,
    SIZE,
    demo_file,
    file_shows,
    make_app,
    notifications,
    press,
    select_show,
    settle,
    table_rows,
    type_text,
)
from watchtui.app.app import WatchApp
from watchtui.app.screens.forms import CastForm, SeasonForm, ShowForm
from watchtui.app.screens.main import MainScreen

__all__ = ["demo_file"]  # the fixture, imported for pytest


def show_in_file(path: Path, title: str) -> dict[str, object]:
    return next(show for show in file_shows(path) if show["title"] == title)


def season_in_file(path: Path, title: str, index: int) -> dict[str, object]:
    seasons = show_in_file(path, title)["season"]
    assert isinstance(seasons, list)
    season: dict[str, object] = seasons[index]
    return season


def assert_shogun_watched_in_full(app: WatchApp, path: Path) -> None:
    """Shōgun's season 1, on screen and in the file: all 10 episodes seen, finished today."""
    row = table_rows(app, "#seasons")[0]
    assert row[1] == "10/10" and row[4] == "✓ watched"
    season = season_in_file(path, "Shōgun", 0)
    assert (season["watched"], season["finished"]) == (10, DEMO_TODAY)


async def test_w_on_a_partly_watched_season_marks_the_rest_watched(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        await press(pilot, "tab")
        assert table_rows(app, "#seasons")[0][1] == "6/10"
        await press(pilot, "w")  # 6 of 10 seen: the other 4 are marked seen, none lost
        await settle(pilot)
        assert_shogun_watched_in_full(app, demo_file)
        await press(pilot, "ctrl+z")  # the progress as it was comes back
        await settle(pilot)
        assert "Undone: mark Season 1 of Shōgun watched" in notifications(app)
        assert table_rows(app, "#seasons")[0][1] == "6/10"
        season = season_in_file(demo_file, "Shōgun", 0)
        assert season["watched"] == 6 and "finished" not in season
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        assert table_rows(app, "#seasons")[0][1] == "6/10"


async def test_plus_to_the_last_episode_finishes_the_season_and_no_further(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        await press(pilot, "tab", "plus", "plus", "plus")
        assert table_rows(app, "#seasons")[0][1] == "9/10"
        await press(pilot, "plus")  # the last episode
        await settle(pilot)
        assert_shogun_watched_in_full(app, demo_file)
        saved = demo_file.read_bytes()
        await press(pilot, "plus")  # there is no eleventh
        await settle(pilot)
        assert notifications(app)[-1] == "Season 1: no more episodes"
        assert table_rows(app, "#seasons")[0][1] == "10/10"
        assert demo_file.read_bytes() == saved
        await press(pilot, "ctrl+z")  # the refused step left nothing to undo
        assert "Undone: Season 1 of Shōgun episodes 9→10" in notifications(app)
        assert table_rows(app, "#seasons")[0][1] == "9/10"


async def test_the_season_form_sets_the_finished_day_today_unless_one_is_typed(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        await press(pilot, "tab", "enter", "tab", "tab", "ctrl+u")  # season 1: watched
        form = app.screen
        assert isinstance(form, SeasonForm)
        await type_text(pilot, "10")
        await press(pilot, "enter")  # the finished field left empty: today
        await settle(pilot)
        assert_shogun_watched_in_full(app, demo_file)

        await press(pilot, "enter", "tab", "tab", "tab")  # the finished field, filled in
        form = app.screen
        assert isinstance(form, SeasonForm)
        assert app.focused is form.query_one("#finished", Input)
        assert form.query_one("#finished", Input).value == DEMO_TODAY.isoformat()
        await press(pilot, "ctrl+u")
        await type_text(pilot, "2024-5-20")
        error = form.query_one("#finished-error", Static)
        assert str(error.content) == "not a date like 2025-03-14: '2024-5-20'"
        await press(pilot, "ctrl+u")
        await type_text(pilot, "2024-06-02")  # the day after today
        await press(pilot, "enter")
        assert app.screen is form
        problem = str(form.query_one("#form-error", Static).content)
        assert problem == "the finished day 2024-06-02 is after today"
        await press(pilot, "ctrl+u")
        await type_text(pilot, "2024-05-20")
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert season_in_file(demo_file, "Shōgun", 0)["finished"] == date(2024, 5, 20)
        await press(pilot, "ctrl+z")
        await settle(pilot)
        assert season_in_file(demo_file, "Shōgun", 0)["finished"] == DEMO_TODAY


async def test_the_season_form_notes_a_window_said_anew_and_stores_tba_empty(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Squid Game")
        await press(pilot, "tab", "down", "enter", "tab")  # season 2: its episodes
        assert isinstance(app.screen, SeasonForm)
        await type_text(pilot, "7")
        await press(pilot, "enter")
        await settle(pilot)
        season = season_in_file(demo_file, "Squid Game", 1)
        assert season["episodes"] == 7
        assert season["noted"] == date(2024, 4, 23)  # the window was not said anew

        await press(pilot, "enter", "tab", "tab", "tab", "tab", "ctrl+u")  # its window
        await type_text(pilot, "Q4 2024")
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_rows(app, "#seasons")[1][2] == "Q4 2024 ↺1"  # the old claim kept
        season = season_in_file(demo_file, "Squid Game", 1)
        assert (season["window"], season["noted"]) == ("Q4 2024", DEMO_TODAY)
        assert [claim["window"] for claim in season["earlier"]] == ["2024"]

        await press(pilot, "enter", "tab", "tab", "tab", "tab", "ctrl+u")
        await type_text(pilot, " TBA ")
        await press(pilot, "enter")
        await settle(pilot)
        season = season_in_file(demo_file, "Squid Game", 1)
        assert "window" not in season  # "no window" is stored as none
        assert season["source"] == "Netflix shareholder briefing"
        assert season["noted"] == DEMO_TODAY


async def test_saving_a_form_unchanged_says_so_and_writes_nothing(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    files = sorted(demo_file.parent.iterdir())
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e")
        assert isinstance(app.screen, ShowForm)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert notifications(app)[-1] == "All of Us Are Dead unchanged"

        await press(pilot, "tab", "down", "enter", "tab", "tab", "tab", "tab", "tab", "tab", "end")
        form = app.screen
        assert isinstance(form, SeasonForm)
        assert app.focused is form.query_one("#source", Input)
        await type_text(pilot, "  ")  # outer spaces are not a change
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert notifications(app)[-1] == "Season 2 unchanged"

        await press(pilot, "tab", "enter")
        assert isinstance(app.screen, CastForm)
        await press(pilot, "enter")
        await settle(pilot)
        assert notifications(app)[-1] == "cast note for Park Ji-hu unchanged"
        await press(pilot, "ctrl+z")
        assert notifications(app)[-1] == "Nothing to undo."
    assert demo_file.read_bytes() == before
    assert sorted(demo_file.parent.iterdir()) == files  # not written: no backup made


async def test_a_refused_edit_keeps_the_form_open_with_the_reason(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")  # one note per name: this one exists, written otherwise
        form = app.screen
        assert isinstance(form, CastForm)
        await type_text(pilot, "park ji-hu")
        await press(pilot, "enter")
        await settle(pilot)
        assert app.screen is form
        reason = str(form.query_one("#form-error", Static).content)
        assert reason == '"All of Us Are Dead" already has a cast note for Park Ji-hu'
        await press(pilot, "ctrl+u", "space")  # no name: said as it is typed
        assert str(form.query_one("#name-error", Static).content) == "a cast note needs a name"
        await press(pilot, "enter")
        assert app.screen is form
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert len(table_rows(app, "#cast")) == 5
    assert demo_file.read_bytes() == before


async def test_marking_a_season_not_out_yet_asks_first(demo_file: Path) -> None:
    from watchtui.app.screens.dialogs import ConfirmScreen

    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Arcane")
        await press(pilot, "tab", "end", "w")  # season 2: confirmed, not out yet
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "enter")  # the safe button: keep it as it is
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert demo_file.read_bytes() == before
        await press(pilot, "w", "y")
        await settle(pilot)
        season = season_in_file(demo_file, "Arcane", 1)
        assert season.get("finished") == DEMO_TODAY
