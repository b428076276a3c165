"""The command table drives every key: the README, the help, the Footer, and keys
that act on the focused pane's own selection."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from textual.widgets import Input

from app_helpers import (
    demo_file,
    file_shows,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
    table_rows,
)
from watchtui.app.keys import COMMANDS, key_text, readme_rows
from watchtui.app.screens.dialogs import ConfirmScreen, ConflictScreen
from watchtui.app.screens.forms import CastForm, SeasonForm, ShowForm
from watchtui.app.screens.help import HELP_TEXT
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.show_list import ShowList

__all__ = ["demo_file"]  # the fixture, imported for pytest

ROOT = Path(__file__).parent.parent
SMALL = (80, 24)


def readme_key_table() -> list[tuple[tuple[str, ...], str]]:
    """The rows of the markdown table under "## The screen": (keys, what it does)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## The screen\n", 1)[1].split("\n## ", 1)[0]
    table = section.split("| key | action |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines():
        keys_cell, text = (cell.strip() for cell in line.strip().strip("|").split("|", 1))
        rows.append((tuple(re.findall(r"`([^`]+)`", keys_cell)), text))
    return rows


def test_the_readme_key_table_is_the_command_table() -> None:
    readme = readme_key_table()
    table = list(readme_rows())
    assert len(readme) == len(COMMANDS)
    for row in readme:
        assert row in table, f"the README lists {row}, the command table does not"
    for row in table:
        assert row in readme, f"the README misses {row}"
    keys = [key for row_keys, _ in readme for key in row_keys]
    assert len(keys) == len(set(keys)), "a key listed twice"


def test_the_help_lists_every_command_with_its_keys() -> None:
    for command in COMMANDS:
        keys = " / ".join(f"`{key_text(key)}`" for key in command.keys)
        assert f"| {keys} | {command.help} |" in HELP_TEXT


def test_starting_the_app_imports_no_form_dialog_or_help() -> None:
    code = (
        "import sys, watchtui.app.app; "
        "print(sorted(m for m in sys.modules if m.startswith(('watchtui.app.screens', "
        "'textual.widgets._markdown'))))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "forms" not in loaded and "dialogs" not in loaded and "help" not in loaded
    assert "_markdown" not in loaded
    assert "watchtui.app.screens.main" in loaded


# The Footer -----------------------------------------------------------------------


async def test_the_footer_shows_the_keys_of_the_focused_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        footers = []
        for _ in range(3):
            footers.append(screen_lines(app)[-1])
            await press(pilot, "tab")
            await settle(pilot)
    shows, seasons, cast = footers

    def fitted(keys: str) -> str:
        # Each fits 80 columns whole: nothing cut, no stray character after the palette.
        return keys.ljust(80 - len("▏^p palette ")) + "▏^p palette "

    assert shows == fitted("e Edit d Delete a Show+ n Season+ c Cast+ ^z Undo ? Help q Quit")
    assert seasons == fitted("e Edit d Delete w Watched + +1 - -1 n Season+ ^z Undo ? Help q Quit")
    assert cast == fitted("e Edit d Delete a Show+ c Cast+ ^z Undo ? Help q Quit")


async def test_a_footer_too_long_for_60_columns_is_cut_before_the_palette(
    demo_file: Path,
) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        for _ in range(3):
            footer = screen_lines(app)[-1]
            keys, palette = footer.split("▏")
            assert palette == "^p palette "  # nothing shows through after it
            assert len(footer) == 60 and keys.startswith("e Edit d Delete")
            await press(pilot, "tab")
            await settle(pilot)


async def test_the_footer_names_the_keys_that_work_with_no_pane_focused(
    tmp_path: Path,
) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text('[[show]]\ntitle = "Dark"\n', encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        keys = screen_lines(app)[-1].split("▏")[0].split()
        assert keys == ["^z", "Undo", "f1", "Help"]  # a, ? and q would type into the filter
        await press(pilot, "escape", "f")  # hinted: none, so the list hides
        await settle(pilot)
        assert app.focused is None
        footer = screen_lines(app)[-1]
        assert footer.startswith("a Show+ n Season+ c Cast+ ^z Undo f1 Help q Quit ")
        await press(pilot, "q")
        assert not app.is_running


# Keys act where the focus is ----------------------------------------------------


async def test_season_keys_act_only_in_the_seasons_pane(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        hint = "w, +, - and h work in the Seasons pane: tab moves there."
        for key in ("w", "space", "plus", "minus"):  # the shows pane
            await press(pilot, key)
            await settle(pilot)
            assert notifications(app)[-1] == hint
        assert table_rows(app, "#seasons")[0][1] == "12/12"
        await press(pilot, "tab", "tab")  # the cast pane
        assert app.focused is app.screen.query_one("#cast")
        await press(pilot, "w", "minus")
        await settle(pilot)
        assert notifications(app)[-1] == hint
        assert table_rows(app, "#seasons")[0][1] == "12/12"
        assert demo_file.read_bytes() == before  # nothing was changed behind the user's back
        await press(pilot, "shift+tab", "minus")  # the seasons pane: now it acts
        await settle(pilot)
        assert table_rows(app, "#seasons")[0][1] == "11/12"
    assert file_shows(demo_file)[0]["season"][0]["watched"] == 11


async def test_enter_edits_the_focused_panes_item(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        show_list = app.screen.query_one(ShowList)
        await press(pilot, "down", "enter")  # the shows pane: the show
        assert isinstance(app.screen, ShowForm)
        assert app.screen.query_one("#title", Input).value == "Arcane"
        await press(pilot, "escape")
        await press(pilot, "tab", "down", "enter")  # seasons: season 2
        assert isinstance(app.screen, SeasonForm)
        assert app.screen.query_one("#number", Input).value == "2"
        await press(pilot, "escape")
        await press(pilot, "tab", "end", "enter")  # cast: the last note
        assert isinstance(app.screen, CastForm)
        last = show_list.current.cast[-1].name
        assert app.screen.query_one("#name", Input).value == last
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
    assert demo_file.read_bytes() == before


async def test_home_and_end_move_in_the_seasons_and_cast_panes(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        show = app.screen.query_one(ShowList).current
        assert show is not None and show.title == "All of Us Are Dead"
        await press(pilot, "tab", "end", "d")
        assert "Delete Season 2 of All of Us Are Dead?" in "\n".join(screen_lines(app))
        await press(pilot, "n")
        await press(pilot, "home", "d")
        assert "Delete Season 1 of All of Us Are Dead?" in "\n".join(screen_lines(app))
        await press(pilot, "n")
        await press(pilot, "G", "e")  # vi keys too
        assert app.screen.query_one("#number", Input).value == "2"
        await press(pilot, "escape")
        await press(pilot, "tab", "end", "d")
        last = show.cast[-1].name
        assert f"Delete the cast note for {last}?" in "\n".join(screen_lines(app))
        await press(pilot, "n")
        await press(pilot, "g", "d")
        first = show.cast[0].name
        assert f"Delete the cast note for {first}?" in "\n".join(screen_lines(app))
        await press(pilot, "n")
        assert isinstance(app.screen, MainScreen)
    assert demo_file.read_bytes() == before


async def test_delete_acts_on_the_focused_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "tab", "d", "y")  # the cast pane: its first note only
        await settle(pilot)
        assert len(table_rows(app, "#cast")) == 4
        assert len(table_rows(app, "#seasons")) == 2
    show = file_shows(demo_file)[0]
    assert show["title"] == "All of Us Are Dead"
    assert len(show["cast"]) == 4 and len(show["season"]) == 2


# Redo -------------------------------------------------------------------------------


async def test_ctrl_y_redoes_what_ctrl_z_undid_until_a_new_change(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "minus", "minus")  # All of Us Are Dead S1: 12 → 10
        await press(pilot, "ctrl+z", "ctrl+z")
        await settle(pilot)
        assert table_rows(app, "#seasons")[0][1] == "12/12"
        assert file_shows(demo_file)[0]["season"][0]["watched"] == 12
        await press(pilot, "ctrl+y")
        await settle(pilot)
        assert table_rows(app, "#seasons")[0][1] == "11/12"
        assert "Redone: Season 1 of All of Us Are Dead episodes 12→11" in notifications(app)
        assert file_shows(demo_file)[0]["season"][0]["watched"] == 11
        await press(pilot, "ctrl+z", "down", "w", "y")  # a new change (asked: not out yet)
        await press(pilot, "ctrl+y")
        await settle(pilot)
        assert notifications(app)[-1] == "Nothing to redo."
        assert table_rows(app, "#seasons")[0][1] == "12/12"
    season_two = file_shows(demo_file)[0]["season"][1]
    assert "finished" in season_two
    assert file_shows(demo_file)[0]["season"][0]["watched"] == 12


# The palette ------------------------------------------------------------------------


async def test_the_palette_runs_a_pane_command_on_the_focused_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "down", "ctrl+p", *"toggle watched")
        await settle(pilot)
        assert "Toggle watched  (w)" in "\n".join(screen_lines(app))
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)  # season 2 is not out yet: asked
        await press(pilot, "y")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_rows(app, "#seasons")[1][3] == "✓ watched"
        await press(pilot, "shift+tab", "ctrl+p", *"toggle watched")  # the shows pane
        await settle(pilot)
        assert "Toggle watched" not in "\n".join(screen_lines(app))
        await press(pilot, "escape")
    assert "finished" in file_shows(demo_file)[0]["season"][1]


# Dialogs default to the safe answer -----------------------------------------------


async def test_enter_in_the_delete_question_keeps_the_show(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ShowList).current.title == "All of Us Are Dead"
        assert demo_file.read_bytes() == before
        await press(pilot, "tab", "d", "enter")  # a season
        await press(pilot, "tab", "d", "enter")  # a cast note
        await settle(pilot)
        assert len(table_rows(app, "#seasons")) == 2 and len(table_rows(app, "#cast")) == 5
    assert demo_file.read_bytes() == before


async def test_enter_in_the_conflict_question_keeps_the_change_unsaved(
    demo_file: Path,
) -> None:
    elsewhere = 'version = 1\n\n[[show]]\ntitle = "Written Elsewhere"\n'
    app = make_app(demo_file)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        demo_file.write_text(elsewhere, encoding="utf-8")
        await press(pilot, "tab", "w")
        await settle(pilot)
        assert isinstance(app.screen, ConflictScreen)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert "UNSAVED" in screen_lines(app)[0]
        assert table_rows(app, "#seasons")[0][1] == "—"  # the change is still on screen
    assert demo_file.read_text(encoding="utf-8") == elsewhere  # neither reloaded nor written
