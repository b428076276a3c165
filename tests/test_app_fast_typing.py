"""Keys typed faster than the app draws land where the user meant them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from app_helpers import demo_file, list_lines, make_app, type_burst
from watchtui.app.screens.main import MainScreen

__all__ = ["demo_file"]  # the fixture, imported for pytest


async def test_a_query_typed_at_once_after_slash_goes_into_the_query(demo_file: Path) -> None:
    # "e" is also the edit key: typed into the query, it must not open a form.
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "slash", *"frieren", "enter")
        assert isinstance(app.screen, MainScreen)
        assert [line.strip() for line in list_lines(app)] == ["Frieren: Beyond Journey's End"]


async def test_a_slash_in_the_query_is_a_slash(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "slash", "a", "slash", "b")
        assert app.screen.query_one("#find", Input).value == "a/b"
