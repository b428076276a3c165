"""The status line fits the terminal: a long path is shortened in its middle, so the
file's name stays in sight, at any width and after a resize."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from app_helpers import demo_file, make_app, settle
from watchtui.app.text import fit_path

__all__ = ["demo_file"]  # the fixture, imported for pytest


def status(app: object) -> str:
    return str(app.screen.query_one("#status").render())  # type: ignore[attr-defined]


async def test_a_long_path_keeps_its_file_name_in_sight(demo_file: Path, tmp_path: Path) -> None:
    deep = tmp_path.joinpath("a-rather-long-folder-name", "and-another-one", "my-shows")
    deep.mkdir(parents=True)
    path = deep / "watchlist.toml"
    shutil.copy(demo_file, path)
    app = make_app(path)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        line = status(app).rstrip()
        assert len(line) <= 100 and str(path) not in line
        assert line.endswith("/…/and-another-one/my-shows/watchlist.toml")
        assert "1 hinted" in line and "today 2024-06-01" in line
        await pilot.resize_terminal(200, 24)
        await settle(pilot)
        assert str(path) in status(app)  # room for all of it
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert status(app).rstrip().endswith("/…/watchlist.toml")


parts = st.text(alphabet="abcé日x-._", min_size=1, max_size=12)


@given(st.lists(parts, min_size=1, max_size=8), st.integers(0, 80))
def test_a_shortened_path_fits_and_keeps_what_it_can(names: list[str], width: int) -> None:
    text = os.sep + os.sep.join(names)
    shown = fit_path(text, width)
    assert cell_len(shown) <= width
    if cell_len(text) <= width:
        assert shown == text
    elif width >= cell_len(names[-1]) + 3 and len(names) > 1:
        assert shown.endswith(os.sep + names[-1]) and "…" in shown
