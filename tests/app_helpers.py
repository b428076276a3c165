"""Helpers for driving the real app with a Pilot and reading what the user sees.

The app is built the way `watchtui.app.run` builds it (a Document opened on a
file, an explicit today), with `remember_theme=False` so a test never depends on
a saved theme. What the user sees is read from the rendered screen: the shows
pane's lines as `ShowList.render_line` draws them, the tables' cells, the
notifications, and the whole screen as the compositor renders it.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import DataTable

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.document import Document

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
    """The app on `path`, as `watchtui --file PATH` opens it."""
    return WatchApp(Document.open(path), today, remember_theme=False)


async def settle(pilot: Pilot[Any]) -> None:
    """Let the saves under way reach the file, workers (the status line's counts)
    finish and the screen catch up."""
    for screen in pilot.app.screen_stack:
        if isinstance(screen, MainScreen):
            screen.session.flush()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[Any], text: str) -> None:
    """Type text one key at a time, as a user does."""
    await pilot.press(*text)


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


def screen_lines(app: App[Any]) -> list[str]:
    """Every line of the current screen as rendered."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def status_line(app: App[Any]) -> str:
    """The main screen's top line, as rendered."""
    return screen_lines(app)[0]


def notifications(app: App[Any]) -> list[str]:
    return [notification.message for notification in app._notifications]


def file_shows(path: Path) -> list[dict[str, Any]]:
    """The shows in the file, read with the standard library (what a person would see)."""
    data: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8")).get("show", [])
    return data


def cells_wide(text: str) -> int:
    return cell_len(text)
