"""The main screen, driven with keys as a user drives it.

Every test asserts on what is on screen and on the file; the ones that change
something start a second app on the same file to check the change survived.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from app_helpers import (
    DEMO_TODAY,
    SIZE,
    demo_file,
    file_shows,
    list_lines,
    make_app,
    notifications,
    press,
    screen_lines,
    select_show,
    settle,
    status_line,
    table_rows,
    type_text,
)
from watchtui.app.screens.dialogs import ConfirmScreen
from watchtui.app.screens.forms import SeasonForm, ShowForm
from watchtui.app.screens.help import HelpScreen
from watchtui.app.screens.main import MainScreen
from watchtui.app.screens.upcoming import UpcomingScreen
from watchtui.app.widgets.choice import Choice
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.storage.document import Document

__all__ = ["demo_file"]  # the fixture, imported for pytest

DEMO_TITLES = [
    "All of Us Are Dead",
    "Arcane",
    "Frieren: Beyond Journey's End",
    "Shōgun",
    "Squid Game",
    "Stranger Things",
    "The Last of Us",
]


def titles_on_screen(app) -> list[str]:
    """The titles the shows pane shows, in order (glyph and badge left aside)."""
    titles = []
    candidates = sorted(DEMO_TITLES + extra_titles(app), key=len, reverse=True)
    for line in list_lines(app):
        for title in candidates:
            if line[3:].startswith(title):
                titles.append(title)
                break
    return titles


def extra_titles(app) -> list[str]:
    return [show.title for show in app.document.watchlist.shows if show.title not in DEMO_TITLES]


def row_of(app, title: str) -> str:
    return next(line for line in list_lines(app) if line[3:].startswith(title))


async def restarted_titles(path: Path) -> tuple[list[str], list[list[str]]]:
    """Start a new app on the file: the shows it lists and the first show's seasons."""
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        return titles_on_screen(app), table_rows(app, "#seasons")


# Adding -------------------------------------------------------------------


async def test_add_a_show_to_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "No shows yet." in "\n".join(screen_lines(app))
        await press(pilot, "a")
        assert isinstance(app.screen, ShowForm)
        await type_text(pilot, "Severance")
        await press(pilot, "tab")
        await type_text(pilot, "세브란스")
        await press(pilot, "tab")
        await type_text(pilot, "Apple TV+")
        await press(pilot, "tab")  # the status choice: watching → planned
        assert isinstance(app.focused, Choice)
        await press(pilot, "right")
        await press(pilot, "tab")
        await type_text(pilot, "Office thriller")
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert list_lines(app) == [" " * 3 + "Severance"]
        assert "Added Severance. n adds a season." in notifications(app)
        assert "Shows 1" in screen_lines(app)[1]
        await press(pilot, "q")
    assert file_shows(path) == [
        {
            "title": "Severance",
            "original_title": "세브란스",
            "network": "Apple TV+",
            "status": "planned",
            "notes": "Office thriller",
            "added": DEMO_TODAY,
        }
    ]
    titles, _ = await restarted_titles(path)
    assert titles == ["Severance"]


async def test_add_a_hinted_season_with_the_window_previewed(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Frieren: Beyond Journey's End")
        assert row_of(app, "Frieren").endswith("Frieren: Beyond Journey's End")  # no badge
        await press(pilot, "n")
        form = app.screen
        assert isinstance(form, SeasonForm)
        assert form.query_one("#number", Input).value == "2"  # the next one, prefilled
        preview = form.query_one("#window-preview", Static)
        assert str(preview.content) == "→ no window: to be announced"
        await press(pilot, "tab", "tab", "tab", "tab")
        assert app.focused is form.query_one("#window", Input)
        await type_text(pilot, "late")  # not a window yet: the error says why
        assert not preview.display
        assert "not a release window: 'late'" in str(form.query_one("#window-error").content)
        await type_text(pilot, " 2025")
        assert preview.display
        assert str(preview.content) == "→ 1 Sep – 31 Dec 2025  (third)"
        assert not form.query_one("#window-error").display
        await press(pilot, "tab")
        assert app.focused is form.query_one("#confidence", Choice)
        await press(pilot, "right")
        assert form.query_one("#confidence", Choice).value == "hinted"
        await press(pilot, "tab")
        await type_text(pilot, "Director interview")
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_rows(app, "#seasons")[1] == [
            "2",
            "—",
            "late 2025",
            "◇ hinted",
            "2024-06-01",
            "Director interview",
        ]
        # Frieren was completed: a new season brings it back, marked, to the top.
        assert row_of(app, "Frieren").startswith(" ↻ Frieren")
        assert row_of(app, "Frieren").endswith("returning late 2025 hinted")
        assert list_lines(app)[0] == row_of(app, "Frieren")
        assert "◇ 2 hinted" in status_line(app)
    frieren = next(s for s in file_shows(demo_file) if s["title"].startswith("Frieren"))
    assert frieren["season"][1] == {
        "number": 2,
        "window": "late 2025",
        "confidence": "hinted",
        "source": "Director interview",
        "noted": DEMO_TODAY,
    }
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert row_of(app, "Frieren").endswith("returning late 2025 hinted")


async def test_add_a_cast_note(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Arcane")
        await press(pilot, "c")
        await type_text(pilot, "Katie Leung")
        await press(pilot, "tab")
        await type_text(pilot, "Caitlyn (voice)")
        await press(pilot, "tab")
        await type_text(pilot, "Returns for season 2")
        await press(pilot, "enter")
        await settle(pilot)
        assert table_rows(app, "#cast")[-1] == [
            "Katie Leung",
            "Caitlyn (voice)",
            "Returns for season 2",
        ]
    arcane = next(s for s in file_shows(demo_file) if s["title"] == "Arcane")
    assert arcane["cast"][-1] == {
        "name": "Katie Leung",
        "role": "Caitlyn (voice)",
        "note": "Returns for season 2",
    }
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Arcane")
        assert table_rows(app, "#cast")[-1][0] == "Katie Leung"


# Watching -----------------------------------------------------------------


async def test_watched_and_episodes_on_the_seasons_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        await press(pilot, "tab")
        assert app.focused is app.screen.query_one("#seasons")
        assert table_rows(app, "#seasons")[0][1] == "6/10"
        await press(pilot, "plus")
        assert table_rows(app, "#seasons")[0][1] == "7/10"
        await press(pilot, "minus", "minus")
        assert table_rows(app, "#seasons")[0][1] == "5/10"
        await settle(pilot)  # the save is written on its own thread
        assert file_shows(demo_file)[5]["season"][0]["watched"] == 5
        await press(pilot, "w")
        row = table_rows(app, "#seasons")[0]
        assert row[1] == "10/10" and row[4] == "✓ watched"
        await settle(pilot)
        season = next(s for s in file_shows(demo_file) if s["title"] == "Shōgun")["season"][0]
        assert (season["watched"], season["finished"]) == (10, DEMO_TODAY)
        await press(pilot, "space")  # w or space again: unwatched
        row = table_rows(app, "#seasons")[0]
        assert row[1] == "—" and row[4] == "▶ released"
        await press(pilot, "w", "minus")
        assert table_rows(app, "#seasons")[0][1] == "9/10"
        await settle(pilot)
    season = next(s for s in file_shows(demo_file) if s["title"] == "Shōgun")["season"][0]
    assert season["watched"] == 9 and "finished" not in season
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Shōgun")
        assert table_rows(app, "#seasons")[0][1] == "9/10"


async def test_episode_limits_are_said_not_saved(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "plus")  # All of Us Are Dead S1: 12/12 already
        assert "Season 1: no more episodes" in notifications(app)
        await press(pilot, "down", "minus")  # S2: nothing watched
        assert "Season 2: no episode watched" in notifications(app)
    assert demo_file.read_bytes() == before


# Editing ------------------------------------------------------------------


async def test_edit_on_each_pane(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Squid Game")
        await press(pilot, "e")
        assert isinstance(app.screen, ShowForm)
        title = app.screen.query_one("#title", Input)
        assert title.value == "Squid Game"
        assert title.selected_text == "Squid Game"  # typing would replace it: go to the end
        await press(pilot, "end")
        await type_text(pilot, " (2021)")
        await press(pilot, "enter")
        await settle(pilot)
        assert row_of(app, "Squid Game (2021)")
        await press(pilot, "tab", "down", "enter")  # seasons pane: season 2
        form = app.screen
        assert isinstance(form, SeasonForm)
        await press(pilot, "tab", "tab", "tab", "tab", "ctrl+u")  # window: cleared
        await type_text(pilot, "2024-12-26")
        await press(pilot, "enter")
        await settle(pilot)
        assert table_rows(app, "#seasons")[1][2] == "2024-12-26 ↺1"  # the hint kept
        assert row_of(app, "Squid Game").endswith("S2 26 Dec 2024")
        await press(pilot, "tab")  # cast pane
        assert app.focused is app.screen.query_one("#cast")
        await press(pilot, "e", "tab", "end")
        await type_text(pilot, " (the winner)")
        await press(pilot, "enter")
        await settle(pilot)
        assert table_rows(app, "#cast")[0][1] == "Seong Gi-hun (the winner)"
        await press(pilot, "tab")  # back to the shows pane
        assert app.focused is app.screen.query_one(ShowList)
    squid = next(s for s in file_shows(demo_file) if s["title"].startswith("Squid"))
    assert squid["title"] == "Squid Game (2021)"
    assert squid["season"][1]["window"] == "2024-12-26"
    assert squid["season"][1]["noted"] == DEMO_TODAY  # said anew, noted today
    assert squid["cast"][0]["role"] == "Seong Gi-hun (the winner)"
    titles, _ = await restarted_titles(demo_file)
    assert "Squid Game (2021)" in titles


async def test_escape_cancels_a_form_and_saves_nothing(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "e", "end")
        await type_text(pilot, " changed")
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        assert row_of(app, "All of Us Are Dead").startswith(" ◇ All of Us Are Dead  ")
    assert demo_file.read_bytes() == before


# Invalid input --------------------------------------------------------------


async def test_a_bad_window_is_refused_under_its_field(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "n", "tab", "tab", "tab", "tab")
        await type_text(pilot, "soon")
        form = app.screen
        error = form.query_one("#window-error", Static)
        assert error.display
        assert "soon" in str(error.content)
        assert "late 2025" in str(error.content) or "Q3" in str(error.content)
        assert not form.query_one("#window-preview", Static).display
        await press(pilot, "enter")
        assert app.screen is form  # still open: nothing saved
        assert app.focused is form.query_one("#window", Input)
        assert demo_file.read_bytes() == before
        await press(pilot, "ctrl+u")
        await type_text(pilot, "Q1 2026")
        assert not form.query_one("#window-error", Static).display
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
    assert demo_file.read_bytes() == before


async def test_a_duplicate_title_is_refused_under_its_field(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        form = app.screen
        await type_text(pilot, "  arcane ")
        error = form.query_one("#title-error", Static)
        assert error.display
        assert str(error.content) == 'there is already a show named "Arcane"'
        await press(pilot, "enter")
        assert app.screen is form
        await press(pilot, "tab", "tab", "tab", "tab", "enter")  # saving from another field
        assert app.screen is form
        assert app.focused is form.query_one("#title", Input)
        assert demo_file.read_bytes() == before
        await press(pilot, "escape")
        assert len(list_lines(app)) == len(DEMO_TITLES)
    assert demo_file.read_bytes() == before


# Deleting and undo ----------------------------------------------------------


async def test_delete_asks_first_and_undo_takes_back_several_steps(demo_file: Path) -> None:
    original = Document.open(demo_file).watchlist
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await select_show(pilot, "Arcane")
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete Arcane and its 2 seasons and 2 cast notes?" in "\n".join(screen_lines(app))
        await press(pilot, "n")
        assert isinstance(app.screen, MainScreen)
        assert "Arcane" in titles_on_screen(app)
        assert Document.open(demo_file).watchlist == original
        await press(pilot, "delete", "y")
        await settle(pilot)
        assert "Arcane" not in titles_on_screen(app)
        assert "Deleted Arcane. ctrl+z brings it back." in notifications(app)
        assert "Shows 6" in screen_lines(app)[1]
        await select_show(pilot, "All of Us Are Dead")
        await press(pilot, "tab", "down", "d", "y")  # season 2
        await settle(pilot)
        assert [row[0] for row in table_rows(app, "#seasons")] == ["1"]
        await press(pilot, "tab", "end", "d", "y")  # the last cast note
        await settle(pilot)
        assert len(table_rows(app, "#cast")) == 4
        shows = file_shows(demo_file)
        assert "Arcane" not in [show["title"] for show in shows]
        assert len(shows[0]["season"]) == 1 and len(shows[0]["cast"]) == 4
        assert "◇ 0 hinted" in status_line(app)

        await press(pilot, "ctrl+z")
        assert len(table_rows(app, "#cast")) == 5
        await press(pilot, "ctrl+z")
        assert [row[0] for row in table_rows(app, "#seasons")] == ["1", "2"]
        await press(pilot, "ctrl+z")
        await settle(pilot)
        assert titles_on_screen(app) == DEMO_TITLES
        assert "Undone: delete Arcane" in notifications(app)
        assert "◇ 1 hinted" in status_line(app)
        await press(pilot, "ctrl+z")
        assert "Nothing to undo." in notifications(app)
    assert Document.open(demo_file).watchlist == original
    titles, seasons = await restarted_titles(demo_file)
    assert titles == DEMO_TITLES and len(seasons) == 2


# Finding --------------------------------------------------------------------


async def test_filter_as_you_type_and_escape_clears(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        assert app.focused is app.screen.query_one("#find", Input)
        await type_text(pilot, "s")
        # Titles starting with it first, then the others that hold it, each in title order.
        assert titles_on_screen(app) == [
            "Shōgun",
            "Squid Game",
            "Stranger Things",
            "All of Us Are Dead",
            "Frieren: Beyond Journey's End",
            "The Last of Us",
        ]
        await type_text(pilot, "qu")
        assert titles_on_screen(app) == ["Squid Game"]
        assert "Shows 1/7" in screen_lines(app)[1]
        assert table_rows(app, "#seasons")[1][-1] == "Netflix shareholder briefing"
        await press(pilot, "ctrl+u")
        await type_text(pilot, "葬送")  # the original title is searched too
        assert titles_on_screen(app) == ["Frieren: Beyond Journey's End"]
        await type_text(pilot, "x")
        assert titles_on_screen(app) == []
        assert "No show matches." in "\n".join(screen_lines(app))
        await press(pilot, "escape")
        assert titles_on_screen(app) == DEMO_TITLES
        assert not app.screen.query_one("#find", Input).display
        assert app.focused is app.screen.query_one(ShowList)
    assert demo_file.read_bytes() == before  # looking around never writes


async def test_f_cycles_the_filter(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        seen = []
        for _ in range(5):
            await press(pilot, "f")
            seen.append((notifications(app)[-1], titles_on_screen(app)))
        assert seen == [
            (
                "Showing shows whose next season is hinted or overdue.",
                ["All of Us Are Dead", "Stranger Things"],
            ),
            (
                "Showing shows with a confirmed upcoming season.",
                ["Arcane", "Squid Game", "The Last of Us"],
            ),
            (
                "Showing shows you are watching.",
                [title for title in DEMO_TITLES if not title.startswith("Frieren")],
            ),
            ("Showing completed shows.", ["Frieren: Beyond Journey's End"]),
            ("Showing all shows.", DEMO_TITLES),
        ]
        await press(pilot, "f")
        pane = app.screen.query_one("#shows-pane")
        assert pane.border_subtitle == "filter: hinted"
        assert "Shows 2/7" in screen_lines(app)[1]  # All of Us Are Dead, Stranger Things
    assert demo_file.read_bytes() == before  # looking around never writes


# Other screens --------------------------------------------------------------


async def test_help_opens_and_closes(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        screen = "\n".join(screen_lines(app))
        assert "keys and marks" in screen and "undo the last change" in screen
        await press(pilot, "escape")
        assert isinstance(app.screen, MainScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "f1")
        assert isinstance(app.screen, MainScreen)
    assert demo_file.read_bytes() == before  # looking around never writes


async def test_upcoming_timeline_jumps_to_a_show(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "f", "f", "f", "f")  # completed: the jump has to clear it
        await press(pilot, "u")
        assert isinstance(app.screen, UpcomingScreen)
        rows = table_rows(app, "#timeline")
        shows_listed = [row[1] for row in rows if row[2].startswith("Season")]
        assert sorted(shows_listed) == [
            "All of Us Are Dead",
            "Arcane",
            "Shōgun",  # ready to watch: released, not finished
            "Squid Game",
            "Stranger Things",
            "The Last of Us",
        ]
        while app.screen.entry.show_title != "The Last of Us":  # down, season by season
            await press(pilot, "down")
        await press(pilot, "enter", "enter")  # the whole row, then the show
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ShowList).current.title == "The Last of Us"
        assert titles_on_screen(app) == DEMO_TITLES  # the filter was cleared to show it
        assert table_rows(app, "#seasons")[1][2] == "2025"
        await press(pilot, "u", "escape")
        assert isinstance(app.screen, MainScreen)
    assert demo_file.read_bytes() == before  # looking around never writes


async def test_command_palette_jumps_to_a_show(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "ctrl+p")
        await type_text(pilot, "stranger")
        await settle(pilot)
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ShowList).current.title == "Stranger Things"
        assert table_rows(app, "#seasons")[-1][0] == "5"
    assert demo_file.read_bytes() == before  # looking around never writes


def pane_titles(app) -> list[str]:
    """The titles in the shows pane as the screen last composed it (not drawn afresh):
    a line the list forgot to repaint after a change would show its old text."""
    show_list = app.screen.query_one(ShowList)
    region = show_list.content_region
    lines = screen_lines(app)[region.y : region.y + min(region.height, len(show_list.shows))]
    candidates = sorted(DEMO_TITLES + extra_titles(app), key=len, reverse=True)
    titles = []
    for line in lines:
        text = line[region.x + 3 : region.right]
        titles.append(next((t for t in candidates if text.startswith(t)), text.strip()))
    return titles


async def test_the_screen_repaints_the_rows_a_change_moves(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert pane_titles(app) == DEMO_TITLES
        await select_show(pilot, "Arcane")
        await press(pilot, "e", "ctrl+u")
        await type_text(pilot, "Zz Arcane")  # moves from second to last
        await press(pilot, "enter")
        await settle(pilot)
        moved = [t for t in DEMO_TITLES if t != "Arcane"] + ["Zz Arcane"]
        assert pane_titles(app) == moved
        await press(pilot, "ctrl+z")
        await settle(pilot)
        assert pane_titles(app) == DEMO_TITLES
        await press(pilot, "home", "d", "y")  # delete the first show: every row moves up
        await settle(pilot)
        assert pane_titles(app) == DEMO_TITLES[1:]


async def test_an_accepted_filter_stays_and_tab_moves_on_to_the_seasons(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press(pilot, "slash")
        await type_text(pilot, "squ")
        await press(pilot, "enter")
        assert app.focused is app.screen.query_one(ShowList)
        assert app.screen.query_one("#find", Input).value == "squ"  # still shown
        await press(pilot, "tab")
        assert app.focused is app.screen.query_one("#seasons")
        await press(pilot, "shift+tab", "slash")  # back to the list, then a new query
        assert app.focused is app.screen.query_one("#find", Input)
        await type_text(pilot, "dark")  # the old query was selected: typing replaces it
        assert app.screen.search == "dark"
        assert titles_on_screen(app) == []
