"""The seasons pane's claim columns and the history view (`h`), driven as a user would."""

from __future__ import annotations

from pathlib import Path

from app_helpers import (
    SIZE,
    demo_file,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
    table_rows,
    type_text,
)
from watchtui.app.screens.history import HistoryScreen
from watchtui.app.screens.main import MainScreen

__all__ = ["demo_file"]  # the fixture


def _screen(app: object) -> str:
    return "\n".join(screen_lines(app))  # type: ignore[arg-type]


async def test_the_seasons_pane_shows_each_claims_source_and_noted_day_at_120_columns(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down")  # Arcane: its first season has two earlier claims
        await settle(pilot)
        rows = table_rows(app, "#seasons")
        assert rows[0] == ["1", "9/9", "2021-11-06 ↺2", "✓ watched", "2021-09-25", "Netflix"]
        assert rows[1][2:5] == ["November 2024", "● upcoming", "2023-11-07"]
        screen = _screen(app)
        assert "Noted" in screen and "2021-11-06 ↺2" in screen and "2023-11-07" in screen


async def test_h_opens_the_history_oldest_first_with_verdicts_and_escape_closes_it(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "down", "tab")  # Arcane, the Seasons pane, season 1
        await press(pilot, "h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        lines = screen_lines(app)
        text = "\n".join(lines)
        assert "Arcane — Season 1: history" in text
        assert "3 claims, oldest first. Real date: 2021-11-06 (the confirmed day)." in text
        claims = [line for line in lines if "● confirmed" in line]
        assert len(claims) == 3
        assert "2019-10-16  2020" in claims[0] and "« early" in claims[0]
        assert "Riot Games, League of Legends" in claims[0]
        assert "2021-05-03  fall 2021" in claims[1] and "✓ right" in claims[1]
        assert "Riot Games teaser" in claims[1]
        assert "2021-09-25  2021-11-06" in claims[2] and "✓ right (now)" in claims[2]
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.focused is app.screen.query_one("#seasons")


async def test_a_live_hint_is_pending_and_the_key_that_opened_the_history_closes_it(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "down", "h")  # All of Us Are Dead, season 2: one hint
        await settle(pilot)
        text = _screen(app)
        assert "1 claim, oldest first. The real date is not known yet." in text
        assert "◇ hinted" in text and "… pending (now)" in text
        await press(pilot, "h")  # the key that opens it closes it
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_history_of_a_season_nothing_was_said_about(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(
        '[[show]]\ntitle = "Dark"\n[[show.season]]\nnumber = 1\nepisodes = 10\n', "utf-8"
    )
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "h")
        await settle(pilot)
        assert "Nothing has been said about this season's release window yet." in _screen(app)


async def test_h_elsewhere_says_where_it_works_and_the_palette_offers_it(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "h")  # the shows pane
        await settle(pilot)
        assert notifications(app)[-1] == "w, +, - and h work in the Seasons pane: tab moves there."
        await press(pilot, "down", "tab", "ctrl+p")
        await settle(pilot)
        await type_text(pilot, "claim history")
        await settle(pilot)
        assert "Claim history  (h)" in _screen(app)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        assert "Arcane — Season 1: history" in _screen(app)
