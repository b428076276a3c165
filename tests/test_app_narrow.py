"""The screen fits a small terminal: a choice field shows every option at 80 columns,
the longest form, its buttons too, fits 24 rows, and the seasons pane cuts what
would reach past its border with an ellipsis."""

from __future__ import annotations

from pathlib import Path

from app_helpers import demo_file, make_app, press, screen_lines, select_show, settle, table_rows
from watchtui.app.screens.forms import SeasonForm, ShowForm
from watchtui.core.model import Status

__all__ = ["demo_file"]  # the fixture, imported for pytest


async def test_the_status_field_shows_every_status_at_80_columns(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "a")
        await settle(pilot)
        assert isinstance(app.screen, ShowForm)
        line = next(line for line in screen_lines(app) if "Status" in line)
        for status in Status:
            assert status.value in line, line


async def test_the_season_form_its_problems_and_buttons_fit_24_rows(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "tab", "enter")  # the longest form: a season's
        await settle(pilot)
        assert isinstance(app.screen, SeasonForm)
        await press(pilot, "x", "tab", "tab", "tab", "x", "tab", "x")  # three problems shown
        lines = screen_lines(app)
        problems = ("must be a whole number", "not a date like", "not a release window")
        assert sum(any(problem in line for problem in problems) for line in lines) == 3
        labels = ["Number", "Episodes", "Watched", "Finished", "Release window"]
        labels += ["Confidence", "Source", "Season title"]
        for label in labels:
            assert any(line.lstrip("█ ").startswith(label) for line in lines), label
        assert any("Cancel" in line and "Save" in line for line in lines)


async def test_the_seasons_pane_cuts_its_columns_at_80_columns(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await select_show(pilot, "Stranger Things")
        await settle(pilot)
        state = next(row[3] for row in table_rows(app, "#seasons") if "overdue" in row[3])
        assert state == "⚠ overdue (rumored)"  # the cell holds it all; the screen cuts it
        lines = screen_lines(app)
        row = next(line for line in lines if "⚠ overdue …" in line)
        assert row.rstrip().endswith("│") and len(row.rstrip()) == 80
        assert all(len(line.rstrip()) <= 80 for line in lines)
