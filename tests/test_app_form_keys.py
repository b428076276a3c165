"""Forms save on enter from any field, a choice included, and on ctrl+s; escape
cancels, and says so when something had been typed."""

from __future__ import annotations

from pathlib import Path

from app_helpers import (
    SIZE,
    demo_file,
    file_shows,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
    type_text,
)
from watchtui.app.screens.form_base import FormScreen
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.choice import Choice

__all__ = ["demo_file"]  # the fixture, imported for pytest


async def test_enter_on_the_confidence_choice_saves_the_season(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "tab", "tab", "tab", "tab")  # AoUAD season 3: its window
        await type_text(pilot, "late 2026")
        await press(pilot, "tab", "right")  # confidence: hinted
        assert isinstance(app.focused, Choice) and app.focused.value == "hinted"
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        await settle(pilot)
    season = file_shows(demo_file)[0]["season"][-1]
    assert (season["number"], season["window"], season["confidence"]) == (3, "late 2026", "hinted")


async def test_enter_on_the_status_choice_saves_the_show(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await type_text(pilot, "Kingdom")
        await press(pilot, "tab", "tab", "tab", "right", "right")  # status: paused
        await press(pilot, "enter")
        assert isinstance(app.screen, MainScreen)
        await settle(pilot)
    kingdom = [show for show in file_shows(demo_file) if show["title"] == "Kingdom"]
    assert [show.get("status") for show in kingdom] == ["paused"]


async def test_ctrl_s_saves_from_any_field_and_the_form_says_so(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "c")  # a cast note for All of Us Are Dead
        assert "ctrl+s save" in "\n".join(screen_lines(app))
        await type_text(pilot, "Lee Yoo-mi")
        await press(pilot, "tab")
        await type_text(pilot, "Lee Na-yeon")
        await press(pilot, "ctrl+s")
        assert isinstance(app.screen, MainScreen)
        await settle(pilot)
    cast = file_shows(demo_file)[0]["cast"]
    assert cast[-1] == {"name": "Lee Yoo-mi", "role": "Lee Na-yeon"}


async def test_escape_says_nothing_was_saved_only_when_something_was_typed(
    demo_file: Path,
) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "escape")  # nothing typed: nothing to say
        assert isinstance(app.screen, MainScreen)
        assert not any("Cancelled" in note for note in notifications(app))
        await press(pilot, "n", "tab", "tab", "tab", "tab")
        await type_text(pilot, "2027")
        assert isinstance(app.screen, FormScreen)
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert "Cancelled: nothing was saved." in notifications(app)
        await settle(pilot)
    assert demo_file.read_bytes() == before
