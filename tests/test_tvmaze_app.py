"""`r` on the main screen: the selected show refreshed from TVmaze (a local server replaying
its answers), in a worker, with one line of feedback; offline is one line too."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from app_helpers import file_shows, make_app, notifications, press, settle, table_rows
from tvmaze_server import TVmaze, refused_url, tvmaze

__all__ = ["tvmaze"]

TODAY = date(2025, 6, 15)

FILE = """\
version = 1

[[show]]
title = "Dark"
status = "completed"

[[show]]
title = "Severance"
status = "watching"

[show.ids]
tvmaze = 44933

[[show.season]]
number = 1
episodes = 9
watched = 9
finished = 2022-04-10
window = "2022-02-18"
source = "Apple TV+"
"""


@pytest.fixture
def watchlist_file(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(FILE, encoding="utf-8")
    return path


async def select_severance(pilot: Pilot[None]) -> None:
    await press(pilot, "down")
    await settle(pilot)


async def test_r_refreshes_the_selected_show(tvmaze: TVmaze, watchlist_file: Path) -> None:
    tvmaze.show(44933)
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_severance(pilot)
        await press(pilot, "r")
        await settle(pilot)
        await settle(pilot)
        said = notifications(app)[-1]
        assert said == "Severance: Season 2, Season 3 added; network filled; ids filled."
        rows = table_rows(app, "#seasons")
        assert [row[0] for row in rows] == ["1", "2", "3"]
        assert any("2025-01-17" in cell for cell in rows[1])
        show = file_shows(watchlist_file)[1]
        assert [s["number"] for s in show["season"]] == [1, 2, 3]
        assert show["season"][0]["source"] == "Apple TV+"  # the user's window kept
        await press(pilot, "ctrl+z")  # one change, one undo
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "#seasons")] == ["1"]
    assert file_shows(watchlist_file)[1]["season"] == [
        {
            "number": 1,
            "episodes": 9,
            "watched": 9,
            "finished": date(2022, 4, 10),
            "window": "2022-02-18",
            "confidence": "confirmed",
            "source": "Apple TV+",
        }
    ]


async def test_r_offline_is_one_line_of_feedback(
    tvmaze: TVmaze, watchlist_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCHTUI_TVMAZE_URL", refused_url())
    before = watchlist_file.read_bytes()
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_severance(pilot)
        await press(pilot, "r")
        await settle(pilot)
        assert notifications(app)[-1] == (
            "Not refreshed\nTVmaze could not be reached: connection refused"
        )
        await press(pilot, "j")  # the app goes on
        await settle(pilot)
    assert watchlist_file.read_bytes() == before


async def test_the_screen_answers_keys_while_tvmaze_is_slow(
    tvmaze: TVmaze, watchlist_file: Path
) -> None:
    tvmaze.show(44933, delay=1.0)
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await select_severance(pilot)
        await press(pilot, "r")
        await press(pilot, "up")  # to Dark, while TVmaze has not answered
        await pilot.pause()
        assert [row[0] for row in table_rows(app, "#seasons")] == []  # Dark has no seasons
        assert any(worker.is_running for worker in app.screen.workers)
        while any(worker.is_running for worker in app.screen.workers):
            await asyncio.sleep(0.05)
        await settle(pilot)
        assert notifications(app)[-1].startswith("Severance: Season 2, Season 3 added")
    assert len(file_shows(watchlist_file)[1]["season"]) == 3


async def test_r_on_a_show_without_ids_says_so(tvmaze: TVmaze, watchlist_file: Path) -> None:
    app = make_app(watchlist_file, TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)  # Dark is selected
        await press(pilot, "r")
        await settle(pilot)
        assert notifications(app)[-1] == "Dark has no TVmaze, IMDb or TheTVDB id to refresh it by."
    assert tvmaze.requests == []


def test_starting_the_app_does_not_import_the_http_client() -> None:
    code = "import sys, watchtui.app.app; print('httpx' in sys.modules, 'dateutil' in sys.modules)"
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert loaded.split() == ["False", "False"]
