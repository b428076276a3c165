"""Snapshots of the screens with the demo watchlist on 1 June 2024.

On that day All of Us Are Dead season 2 is a live "2024 hinted" window: the
main screen highlights it. Update the baselines with `--snapshot-update` after
a deliberate change to the screen, and look at them before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from snapshot_apps import demo_app, settled

Compare = Callable[..., bool]


@pytest.fixture(autouse=True)
def demo_day_at_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WATCHTUI_TODAY", "2024-06-01")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)  # Textual reads it when an app is made


def test_main_screen(snap_compare: Compare) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settled(pilot)

    assert snap_compare(demo_app(), terminal_size=(120, 36), run_before=ready)


def test_main_screen_small_terminal(snap_compare: Compare) -> None:
    async def ready(pilot: Pilot[None]) -> None:
        await settled(pilot)

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=ready)


def test_season_form_refuses_a_bad_window(snap_compare: Compare) -> None:
    async def bad_window(pilot: Pilot[None]) -> None:
        await settled(pilot, "n", "tab", "tab", "tab", "tab", *"soon")

    assert snap_compare(demo_app(), terminal_size=(120, 36), run_before=bad_window)


def test_help_screen(snap_compare: Compare) -> None:
    async def help_open(pilot: Pilot[None]) -> None:
        await settled(pilot, "question_mark")

    assert snap_compare(demo_app(), terminal_size=(120, 36), run_before=help_open)


def test_upcoming_screen(snap_compare: Compare) -> None:
    async def upcoming_open(pilot: Pilot[None]) -> None:
        await settled(pilot, "u")

    assert snap_compare(demo_app(), terminal_size=(120, 36), run_before=upcoming_open)


def test_history_screen(snap_compare: Compare) -> None:
    async def history_open(pilot: Pilot[None]) -> None:
        await settled(pilot, "down", "tab", "h")  # Arcane season 1: two earlier claims

    assert snap_compare(demo_app(), terminal_size=(120, 36), run_before=history_open)


def test_upcoming_screen_small_terminal(snap_compare: Compare) -> None:
    async def upcoming_open(pilot: Pilot[None]) -> None:
        await settled(pilot, "u")

    assert snap_compare(demo_app(), terminal_size=(80, 24), run_before=upcoming_open)
