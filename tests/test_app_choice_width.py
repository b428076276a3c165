"""A choice field shows every option, even in an 80-column terminal."""

from __future__ import annotations

from pathlib import Path

from app_helpers import demo_file, make_app, screen_lines, settle
from watchtui.app.screens.forms import ShowForm
from watchtui.core.model import Status

__all__ = ["demo_file"]  # the fixture, imported for pytest


async def test_the_status_field_shows_every_status_at_80_columns(demo_file: Path) -> None:
    app = make_app(demo_file)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, ShowForm)
        line = next(line for line in screen_lines(app) if "Status" in line)
        for status in Status:
            assert status.value in line, line
