"""Helpers for driving the real app with a Pilot and reading what the user sees.

The app is built the way `watchtui.app.run` builds it (a Document opened on a
file, an explicit today), with `remember_theme=False` so a test never depends on
a saved theme. What the user sees is read from the rendered screen: the shows
pane's lines as `ShowList.render_line` draws them, the tables' cells, the
notifications' toasts, and the whole screen as a screenshot shows it.
"""

from __future__ import annotations

import html
import re
import tomllib
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.storage.document import Document

DEMO_TODAY = date(2024, 6, 1)
"""The day the demo is meant to be seen on: All of Us Are Dead S2 is a live "2024 hinted"."""

SIZE = (120, 36)

__all__ = [
    "DEMO_TODAY",
    "SIZE",
    "cells_wide",
    "demo_file",
    "file_shows",
    "list_lines",
    "make_app",
    "notifications",
    "screen_lines",
    "select_show",
    "settle",
    "status_line",
    "table_rows",
    "type_text",
]


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    """A fresh copy of the bundled demo watchlist."""
    return demo_copy(tmp_path)


def make_app(path: Path, today: date = DEMO_TODAY) -> WatchApp:
    """The app on `path`, as `watchtui --file PATH` opens it.

    Its `run_test` shows notifications (Textual's test default hides them), as
    `watchtui` does, so that tests read them off the screen."""
    app = WatchApp(Document.open(path), today, remember_theme=False)
    app.run_test = partial(app.run_test, notifications=True)  # type: ignore[method-assign]
    return app


async def settle(pilot: Pilot[Any]) -> None:
    """Let the saves under way reach the file, workers (the status line's counts)
    finish and the screen catch up."""
    for screen in pilot.app.screen_stack:
        if isinstance(screen, MainScreen):
            screen.session.flush()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def select_show(pilot: Pilot[Any], title: str) -> None:
    """Move the shows cursor to a title with the arrow keys."""
    show_list = pilot.app.screen.query_one(ShowList)
    target = next(n for n, show in enumerate(show_list.shows) if show.title == title)
    await press(pilot, "home", *["down"] * target)
    assert show_list.current is not None and show_list.current.title == title


_KEY_NAMES = {
    " ": "space",
    "+": "plus",
    "-": "minus",
    "=": "equals_sign",
    "/": "slash",
    "?": "question_mark",
    ".": "full_stop",
    ",": "comma",
    ":": "colon",
    "'": "apostrophe",
    "(": "left_parenthesis",
    ")": "right_parenthesis",
}
"""The names a terminal gives the keys of some characters."""

CHARACTERS = {name: character for character, name in _KEY_NAMES.items()}
"""The characters of the named keys that type one, as a terminal reports them."""


def key_event(key: str) -> events.Key:
    """A key as the terminal driver reports it: `+` or `plus` is the key `plus`,
    typing `+`; `tab` or `ctrl+u` types nothing."""
    if len(key) == 1:
        return events.Key(key if key.isalnum() else _KEY_NAMES.get(key, key), key)
    return events.Key(key, CHARACTERS.get(key))


def _post(app: App[Any], key: str) -> None:
    event = key_event(key)
    event.set_sender(app)
    app.post_message(event)


def _busy(app: App[Any]) -> bool:
    """Messages still queued anywhere on the current screen."""
    screen = app.screen
    return any(pump.message_queue_size for pump in (app, screen, *screen.walk_children()))


async def press(pilot: Pilot[Any], *keys: str) -> None:
    """Keys pressed one after another, each handled and its frame drawn before the
    next arrives, as `Pilot.press` does, but without its waits for the process to
    go idle (40 ms a key at least): `pause(0)` until two rounds find nothing queued."""
    app = pilot.app
    for key in keys:
        _post(app, key)
        quiet = 0
        while quiet < 2:
            await pilot.pause(0)
            quiet = 0 if _busy(app) else quiet + 1


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type text as a quick typist does: the keys arrive one after another, faster
    than the app draws, named as a terminal names them ("space", "slash")."""
    for character in text:
        _post(pilot.app, character)
    await pilot.pause()
    await pilot.pause()


async def type_burst(pilot: Pilot[Any], *keys: str) -> None:
    """Keys arriving at once, as a terminal delivers fast typing: all of them are
    queued before the app handles the first. Then the app settles."""
    for key in keys:
        _post(pilot.app, key)
    await settle(pilot)


def list_lines(app: App[Any]) -> list[str]:
    """The shows pane's lines as drawn (one per show, trailing blanks removed)."""
    show_list = app.screen.query_one(ShowList)
    return [
        show_list.render_line(y).text.rstrip()
        for y in range(min(len(show_list.shows), show_list.size.height))
    ]


def table_rows(app: App[Any], selector: str) -> list[list[str]]:
    """The cells of a table on the current screen, as plain text."""
    table = app.screen.query_one(selector, DataTable)
    return [
        ["" if cell is None else cell.plain for cell in table.get_row_at(n)]
        for n in range(table.row_count)
    ]


_CLIP = re.compile(r'<clipPath id="[^"]*-line-(\d+)">\s*<rect x="0" y="([\d.]+)" width="([\d.]+)"')
_CELL = re.compile(r"<(rect|text) ([^>]*?)(?:/>|>(.*?)</text>)", re.DOTALL)
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')


def screen_lines(app: App[Any]) -> list[str]:
    """Every line of the current screen as rendered, read from a screenshot.

    `export_screenshot` draws the screen as the terminal would get it, as SVG: a
    rectangle for each run of cells with a background (every cell in Textual has
    one) and a text element for each run of characters, both placed in cells. The
    lines are put back together from those; a line is as wide as its cells reach.
    """
    svg = app.export_screenshot()
    clips = [(int(n), float(y), float(w)) for n, y, w in _CLIP.findall(svg)]
    char_width = clips[0][2] / app.size.width
    line_height = clips[1][1] - clips[0][1]
    top = clips[0][1]
    cells: list[dict[int, str]] = [{} for _ in range(app.size.height)]
    ends = [0] * app.size.height
    for kind, attributes, content in _CELL.findall(svg):
        found = dict(_ATTRIBUTE.findall(attributes))
        if "crispEdges" not in found.values() and "clip-path" not in found:
            continue  # the window's frame or title, not a cell
        x = round(float(found["x"]) / char_width)
        if kind == "rect":
            y = round((float(found["y"]) - top) / line_height)
            ends[y] = max(ends[y], x + round(float(found["width"]) / char_width))
        else:
            y = int(found["clip-path"].rsplit("-", 1)[1].rstrip(")"))
            text = html.unescape(content.replace("&#160;", " ").replace("\n", ""))
            cells[y][x] = text
            ends[y] = max(ends[y], x + cell_len(text))
    lines = []
    for y, runs in enumerate(cells):
        line = ""
        for x in sorted(runs):
            line += " " * (x - cell_len(line)) + runs[x]
        lines.append(line + " " * (ends[y] - cell_len(line)))
    return lines


def status_line(app: App[Any]) -> str:
    """The main screen's top line, as rendered."""
    return screen_lines(app)[0]


def notifications(app: App[Any]) -> list[str]:
    """The notifications shown on the current screen (Textual's `Toast` widgets), oldest
    first: their text, the title (if any) on a line before the message."""
    return [toast.render().plain for toast in app.screen.query("Toast")]


def file_shows(path: Path) -> list[dict[str, Any]]:
    """The shows in the file, read with the standard library (what a person would see)."""
    data: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8")).get("show", [])
    return data


def cells_wide(text: str) -> int:
    return cell_len(text)
