"""Keys typed faster than the app draws land where the user meant them."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from app_helpers import demo_file, file_shows, list_lines, make_app, type_burst
from watchtui.app.screens.forms import SeasonForm, ShowForm
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


async def test_a_show_typed_at_once_after_a_is_added(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "a", *"Dark Matter", "enter")
        assert isinstance(app.screen, MainScreen)
        assert "Dark Matter" in [show["title"] for show in file_shows(demo_file)]


async def test_d_then_enter_at_once_deletes_nothing(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "d", "enter")
        await type_burst(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert demo_file.read_bytes() == before


async def test_keys_after_tab_at_once_act_in_the_next_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "tab", "e")
        assert isinstance(app.screen, SeasonForm)


async def test_keys_typed_at_once_keep_their_order(demo_file: Path) -> None:
    # down, then e: the edit is of the show the cursor moved to.
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        second = list_lines(app)[1]
        await type_burst(pilot, "down", "e")
        assert isinstance(app.screen, ShowForm)
        title = app.screen.query_one("#title", Input).value
        assert second.lstrip("◇⚠● ").startswith(title)


async def test_a_key_after_a_cursor_move_acts_on_the_show_moved_to(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        second = list_lines(app)[1].lstrip("◇⚠● ").split("  ")[0]
        await type_burst(pilot, "down", "tab", "n")
        assert isinstance(app.screen, SeasonForm)
        assert second in str(app.screen.query_one("#form").border_title)


async def test_characters_after_a_tab_typed_at_once_go_to_the_next_field(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "a")
        await type_burst(pilot, *"Dark", "tab", *"Dunkel")
        assert isinstance(app.screen, ShowForm)
        assert app.screen.query_one("#title", Input).value == "Dark"
        assert app.screen.query_one("#original_title", Input).value == "Dunkel"


async def test_tab_typed_right_after_a_query_goes_on_to_the_seasons(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "slash", *"arcane", "enter", "tab")
        assert app.focused is app.screen.query_one("#seasons")
        assert app.screen.query_one("#find", Input).value == "arcane"


async def test_editing_keys_typed_at_once_act_in_the_order_typed(demo_file: Path) -> None:
    # Input inserts a character at once but runs backspace, ← or ctrl+u through a
    # binding, after the key has bubbled up: the characters after it went first.
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await type_burst(pilot, "a", *"Dakr", "backspace", "backspace", *"rk")
        title = app.screen.query_one("#title", Input)
        assert title.value == "Dark"
        await type_burst(pilot, "ctrl+u", *"Dark Matter", "left", "left", "left", "x")
        assert title.value == "Dark Matxter"
        await type_burst(pilot, "home", "delete", *"P")
        assert title.value == "Park Matxter"


async def test_a_choice_made_in_a_burst_holds_when_tab_follows(demo_file: Path) -> None:
    # → on the confidence field, then tab at once: → used to be looked up after the
    # tab had moved the focus on, and moved the cursor in the source field instead.
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        window = [*"late 2027"]
        await type_burst(pilot, "n", "tab", "tab", "tab", "tab", *window, "tab", "right", "tab")
        await type_burst(pilot, *"Variety", "enter")
        assert isinstance(app.screen, MainScreen)
        season = file_shows(demo_file)[0]["season"][-1]
        assert (season["window"], season["confidence"]) == ("late 2027", "hinted")
        assert season["source"] == "Variety"
