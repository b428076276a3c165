"""The add-show form looks the title up on TVmaze (a local server replaying its answers)
as it is typed: candidates with year and network, a pick filled in on save; offline,
one quiet line and the show is added as typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from app_helpers import file_shows, make_app, press, settle
from tvmaze_server import TVmaze, refused_url, tvmaze
from watchtui.app.widgets.lookup import OFFLINE, Lookup

__all__ = ["tvmaze"]

TODAY = date(2025, 6, 15)


@pytest.fixture(autouse=True)
def quick_lookup() -> Iterator[None]:
    delay = Lookup.DELAY
    Lookup.DELAY = 0.05
    yield
    Lookup.DELAY = delay


@pytest.fixture
def watchlist_file(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text('version = 1\n\n[[show]]\ntitle = "Dark"\n', encoding="utf-8")
    return path


def line(app: object) -> str:
    from textual.app import App
    from textual.widgets import Static

    assert isinstance(app, App)
    return str(app.screen.query_one("#lookup-line", Static).render())


def candidates(app: object) -> list[str]:
    from textual.app import App

    assert isinstance(app, App)
    options = app.screen.query_one(Lookup).candidates
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_typing_part_of_a_title_then_picking_fills_the_show(
    tvmaze: TVmaze, watchlist_file: Path
) -> None:
    tvmaze.reply("/search/shows?q=severa", file="search_severance.json")
    tvmaze.show(44933)
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "a", *"severa")
        await pilot.pause(0.1)
        await settle(pilot)
        shown = candidates(app)
        assert shown and shown[0] == "Severance  (2022, Apple TV+)"
        assert len(shown) <= Lookup.SHOWN
        await press(pilot, "down", "enter")
        await settle(pilot)
        assert line(app).startswith("From TVmaze: Severance")
        await press(pilot, "enter")
        await settle(pilot)
    show = file_shows(watchlist_file)[1]
    assert show["title"] == "Severance"
    assert show["network"] == "Apple TV+"
    assert show["ids"]["tvmaze"] == 44933
    assert show["ids"]["imdb"]
    assert [s["number"] for s in show["season"]][:2] == [1, 2]
    assert show["season"][0]["window"] == "2022-02-18"
    assert show["season"][0]["source"] == "TVmaze"
    assert show["cast"]


async def test_offline_the_show_is_added_as_typed_with_one_line(
    watchlist_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCHTUI_TVMAZE_URL", refused_url())
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await press(pilot, "a", *"Sev")
        await pilot.pause(0.1)
        await settle(pilot)
        assert line(app) == OFFLINE
        assert candidates(app) == []
        await press(pilot, "enter")
        await settle(pilot)
    show = file_shows(watchlist_file)[1]
    assert show["title"] == "Sev"
    assert "season" not in show and "ids" not in show


async def test_refresh_all_shows_progress_then_one_summary(tvmaze: TVmaze, tmp_path: Path) -> None:
    from textual.widgets import Static

    from app_helpers import notifications

    path = tmp_path / "watchlist.toml"
    path.write_text(
        'version = 1\n\n[[show]]\ntitle = "Dark"\n\n'
        '[[show]]\ntitle = "Severance"\n\n[show.ids]\ntvmaze = 44933\n',
        encoding="utf-8",
    )
    tvmaze.show(44933, delay=0.3)
    app = make_app(path, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "R")
        await pilot.pause(0.1)
        progress = app.screen.query_one("#refresh-progress", Static)
        assert str(progress.render()) == "Refreshing 0/1…"
        await settle(pilot)
        await settle(pilot)
        assert notifications(app)[-1] == "Refreshed from TVmaze: 1 changed, 0 unchanged."
        assert not app.screen.query("#refresh-progress")
    assert [s["number"] for s in file_shows(path)[1]["season"]][:2] == [1, 2]
