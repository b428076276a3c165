"""Odd keys at the real app: each once crashed it, none may now.

A superscript digit typed as a season number, `d` Tab Enter typed ahead of the
question they open, enter pressed twice on a form, ctrl+p then PageDown before
the palette has drawn its list, a settings file whose theme is a list, and
ctrl+q with a change that could not be saved. Keys typed ahead are posted the way
the terminal driver posts them, all before the app has handled the first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input

from app_helpers import (
    DEMO_TODAY,
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
from conftest import Isolation
from watchtui.app.app import WatchApp
from watchtui.app.screens.dialogs import ConfirmScreen
from watchtui.app.screens.forms import SeasonForm
from watchtui.app.screens.main import MainScreen
from watchtui.core.storage.document import Document

__all__ = ["demo_file"]  # the fixture, imported for pytest


def typed_ahead(app: App[object], *keys: str) -> None:
    for key in keys:
        app.post_message(events.Key(key, None))


async def test_a_superscript_digit_is_not_a_season_number(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n")
        assert isinstance(app.screen, SeasonForm)
        number = app.screen.query_one("#number", Input)
        number.value = ""
        await type_text(pilot, "²")
        await press(pilot, "tab")
        await type_text(pilot, "³")  # episodes
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, SeasonForm)  # refused, not crashed
        shown = "\n".join(screen_lines(app))
        assert "the number must be a whole number, 0 or more" in shown
        assert "episodes must be a whole number, 0 or more" in shown
        await press(pilot, "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)
    assert demo_file.read_bytes() == before


async def test_delete_answered_by_keys_typed_ahead_deletes_once(demo_file: Path) -> None:
    titles = [show["title"] for show in file_shows(demo_file)]
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        typed_ahead(app, "d", "tab", "enter", "enter", "d", "tab", "enter")
        await pilot.pause()
        await settle(pilot)
        await pilot.pause()
        assert app.is_running and isinstance(app.screen_stack[0], MainScreen)
        while not isinstance(app.screen, MainScreen):
            await press(pilot, "escape")
        await settle(pilot)
    assert app.return_code in (None, 0)
    left = [show["title"] for show in file_shows(demo_file)]
    assert set(left) <= set(titles) and len(left) >= len(titles) - 2  # each delete asked once


async def test_enter_pressed_twice_on_a_form_saves_once(demo_file: Path) -> None:
    count = len(file_shows(demo_file))
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await type_text(pilot, "Kingdom")
        typed_ahead(app, "enter", "enter", "enter")
        await pilot.pause()
        await settle(pilot)
        assert app.is_running and isinstance(app.screen_stack[0], MainScreen)
    assert app.return_code in (None, 0)
    titles = [show["title"] for show in file_shows(demo_file)]
    assert titles.count("Kingdom") == 1 and len(titles) == count + 1


async def test_pagedown_in_a_palette_not_yet_drawn(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        typed_ahead(app, "ctrl+p", "pagedown", "pagedown", "pageup", "pagedown")
        await pilot.pause()
        await pilot.pause(0.2)
        assert app.is_running
        await press(pilot, "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
    assert app.return_code in (None, 0)


async def test_a_theme_of_the_wrong_type_in_the_settings_is_ignored(
    demo_file: Path, isolated: Isolation
) -> None:
    config = isolated.config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    for text in ('theme = ["x"]\n', "theme = 3\n", 'theme = { name = "x" }\n', "[[[\n"):
        config.write_text(text, encoding="utf-8")
        app = WatchApp(Document.open(demo_file), DEMO_TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            default = app.theme
        assert app.return_code in (None, 0)
        assert default == WatchApp(Document.open(demo_file), DEMO_TODAY).theme


async def test_ctrl_q_asks_before_dropping_a_change_that_is_not_saved(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        demo_file.chmod(0o444)  # the next save is refused: the change stays unsaved
        try:
            await press(pilot, "tab", "minus")
            await settle(pilot)
            assert any("is read-only" in note for note in notifications(app))
            await press(pilot, "ctrl+q")
            await settle(pilot)
            assert isinstance(app.screen, ConfirmScreen)  # asked, not quit
            await press(pilot, "n")
            await pilot.pause()
            assert app.is_running and isinstance(app.screen, MainScreen)
            await press(pilot, "ctrl+q")
            await settle(pilot)
            await press(pilot, "y")
            await pilot.pause()
        finally:
            demo_file.chmod(0o644)
    assert not app.is_running


async def test_ctrl_q_quits_at_once_when_everything_is_saved(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "minus")
        await press(pilot, "ctrl+q")
        await settle(pilot)
    assert not app.is_running
    assert file_shows(demo_file)[0]["season"][0]["watched"] == 11


def test_a_crash_of_the_app_exits_non_zero(
    demo_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug that stops the app must not look like success to a shell or a script."""
    from watchtui.app import run as launcher

    def broken(self: MainScreen) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(MainScreen, "on_mount", broken)
    headless_run = WatchApp.run
    monkeypatch.setattr(WatchApp, "run", lambda self: headless_run(self, headless=True))
    assert launcher.run(demo_file) == 1
    assert "a bug" in capsys.readouterr().err
