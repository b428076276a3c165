"""User text is shown literally: markup, escape sequences, bells, long, wide and emoji text.

Text comes in two ways, both tested: from a file (a person edited it, an import
brought it), and typed or pasted into the forms. On screen it must appear as
written (controls replaced by visible stand-ins such as ␛ and ␇), every line
must keep the terminal's width, and the file must keep the text exactly.
"""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from textual import events

from app_helpers import (
    SIZE,
    file_shows,
    list_lines,
    make_app,
    notifications,
    press,
    screen_lines,
    settle,
    table_rows,
    type_text,
)
from watchtui.app.screens.forms import CastForm, SeasonForm
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.storage.document import Document

LONG = "A very long title " * 17  # 306 characters

HOSTILE_FILE = f"""\
version = 1

[[show]]
title = "[bold]X[/]"
notes = "[/]"

[[show.season]]
number = 1
window = "2024"
confidence = "hinted"
source = "[link=x]y"

[[show.cast]]
name = "[b]Name[/b]"
role = "\\u001b[31mred"
note = "bell \\u0007 here"

[[show]]
title = "[/] closing tag"

[[show]]
title = "\\u001b[31mred"

[[show]]
title = "ring \\u0007 bell"

[[show]]
title = "{LONG}"

[[show]]
title = "지금 우리 학교는"

[[show.season]]
number = 2
window = "late 2025"
confidence = "rumored"
source = "팬 커뮤니티 🧟 rumour"

[[show]]
title = "🧟 Zombies 🎬"
"""


def write_hostile(folder: Path) -> Path:
    path = folder / "hostile.toml"
    path.write_text(HOSTILE_FILE, encoding="utf-8")
    return path


def assert_full_width(lines: list[str], width: int) -> None:
    """No line is longer or shorter than the terminal: nothing pushed or torn."""
    assert [cell_len(line) for line in lines] == [width] * len(lines)


async def select(pilot, title: str) -> None:
    show_list = pilot.app.screen.query_one(ShowList)
    target = next(n for n, show in enumerate(show_list.shows) if show.title == title)
    await press(pilot, "home", *["down"] * target)


async def test_text_from_a_file_is_shown_literally(tmp_path: Path) -> None:
    path = write_hostile(tmp_path)
    before = Document.open(path).watchlist
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        lines = list_lines(app)
        titles = [line[3:].split("  ")[0] for line in lines]
        assert "[bold]X[/]" in titles
        assert "[/] closing tag" in titles
        assert "␛[31mred" in titles
        assert "ring ␇ bell" in titles
        assert "지금 우리 학교는" in titles
        assert "🧟 Zombies 🎬" in titles
        long_line = next(line for line in lines if line[3:].startswith("A very long"))
        assert long_line.endswith("…")
        show_list = app.screen.query_one(ShowList)
        width = show_list.scrollable_content_region.width
        drawn = [show_list.render_line(y) for y in range(len(lines))]
        assert [strip.cell_length for strip in drawn] == [width] * len(lines)  # wide chars too
        badges = [line.rsplit("  ", 1)[-1] for line in lines if line.startswith(" ◇")]
        assert badges == ["S1 2024 hinted", "S2 late 2025 rumored"]
        assert len({cell_len(line) for line in lines if line.startswith(" ◇")}) == 1  # aligned
        assert_full_width(screen_lines(app), SIZE[0])

        await select(pilot, "[bold]X[/]")
        assert table_rows(app, "#seasons")[0][-1] == "[link=x]y"
        assert table_rows(app, "#cast") == [["[b]Name[/b]", "␛[31mred", "bell ␇ here"]]
        screen = "\n".join(screen_lines(app))
        assert "[link=x]y" in screen and "␛[31mred" in screen and "bell ␇ here" in screen
        assert "\x1b" not in screen and "\x07" not in screen

        await select(pilot, "지금 우리 학교는")
        assert table_rows(app, "#seasons")[0][-1] == "팬 커뮤니티 🧟 rumour"
        assert_full_width(screen_lines(app), SIZE[0])

        for title in ("[/] closing tag", "[bold]X[/]", "ring \x07 bell"):
            await select(pilot, title)
            await press(pilot, "n")  # the form's border names the show
            assert isinstance(app.screen, SeasonForm)
            shown = title.replace("\x07", "␇")
            assert f"Add a season — {shown}" in "\n".join(screen_lines(app))
            await press(pilot, "escape", "c")
            assert isinstance(app.screen, CastForm)
            assert f"Add a cast note — {shown}" in "\n".join(screen_lines(app))
            await press(pilot, "escape")

        await select(pilot, "[/] closing tag")
        await press(pilot, "d")
        assert "Delete [/] closing tag?" in "\n".join(screen_lines(app))
        await press(pilot, "y")
        await settle(pilot)
        assert "Deleted [/] closing tag. ctrl+z brings it back." in notifications(app)
        assert "Deleted [/] closing tag." in "\n".join(screen_lines(app))  # the toast
        await press(pilot, "ctrl+z")
        await settle(pilot)
        assert "Undone: delete [/] closing tag" in "\n".join(screen_lines(app))

        await press(pilot, "u")
        rows = table_rows(app, "#timeline")
        assert ["[bold]X[/]", "[link=x]y"] in [[row[1], row[-1]] for row in rows]
        assert_full_width(screen_lines(app), SIZE[0])
        await press(pilot, "escape", "ctrl+p")
        await type_text(pilot, "bold")
        await settle(pilot)
        assert "[bold]X[/]" in "\n".join(screen_lines(app))
        await press(pilot, "enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app.screen.query_one(ShowList).current.title == "[bold]X[/]"
    assert Document.open(path).watchlist == before  # deleted, undone: the same, text exact
    assert [show["title"] for show in file_shows(path)][:4] == [
        "[bold]X[/]",
        "[/] closing tag",
        "\x1b[31mred",
        "ring \x07 bell",
    ]


async def test_text_typed_and_pasted_into_forms_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await type_text(pilot, "[bold]Typed[/] 🧟")
        await press(pilot, "tab")
        app.screen.query_one("#original_title").post_message(events.Paste("\x1b[2J 학교 \x07"))
        await press(pilot, "tab")
        await type_text(pilot, "[link=x]y")
        await press(pilot, "enter")
        await settle(pilot)
        assert list_lines(app) == ["   [bold]Typed[/] 🧟"]
        assert "Added [bold]Typed[/] 🧟. n adds a season." in "\n".join(screen_lines(app))
        await press(pilot, "n", "tab", "tab", "tab", "tab")
        await type_text(pilot, "2026")
        await press(pilot, "tab", "right", "right", "tab")  # rumored
        await type_text(pilot, "[/] from a [i]forum")
        await press(pilot, "enter")
        await settle(pilot)
        await press(pilot, "c")
        await type_text(pilot, "[red]Cast[/red]")
        await press(pilot, "tab", "tab")
        app.screen.query_one("#note").post_message(events.Paste("\x07 bell and \x1b[1m bold"))
        await press(pilot, "enter")
        await settle(pilot)
        assert table_rows(app, "#seasons")[0][2:] == [
            "2026",
            "rumored",
            "◇ hinted",
            "2024-06-01",
            "[/] from a [i]forum",
        ]
        assert table_rows(app, "#cast") == [["[red]Cast[/red]", "", "␇ bell and ␛[1m bold"]]
        assert_full_width(screen_lines(app), SIZE[0])
    (show,) = file_shows(path)
    assert show["title"] == "[bold]Typed[/] 🧟"
    assert show["original_title"] == "\x1b[2J 학교 \x07".strip()
    assert show["network"] == "[link=x]y"
    assert show["season"][0]["source"] == "[/] from a [i]forum"
    assert show["cast"] == [{"name": "[red]Cast[/red]", "note": "\x07 bell and \x1b[1m bold"}]
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (line,) = list_lines(app)
        assert line.startswith(" ◇ [bold]Typed[/] 🧟 ")
        assert line.endswith(" S1 2026 rumored")
