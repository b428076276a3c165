"""Shared fixtures: every test runs with a fixed today and with no access to real files.

The autouse `isolated` fixture points the platform folders (watchlist, settings,
cache) at a temporary home, both through the one seam in `watchtui.core.locations`
and through the environment, so a subprocess started by a test is isolated too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import settings

from watchtui.core import locations

# CI machines are slower than a laptop; hypothesis's per-example deadline only adds
# flakiness. 30 examples a property keeps the whole suite within its time on two
# cores; `pytest --hypothesis-profile=thorough` tries 1000 (but where a test sets its own).
settings.register_profile("watchtui", deadline=None, max_examples=30)
settings.register_profile("thorough", deadline=None, max_examples=1000)
settings.load_profile("watchtui")

TODAY = date(2025, 6, 15)


@dataclass(frozen=True, slots=True)
class Isolation:
    """Where the platform folders point during a test."""

    home: Path
    data_file: Path
    config_file: Path
    cache_dir: Path
    today: date


@pytest.fixture(autouse=True)
def isolated(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Isolation:
    home = tmp_path_factory.mktemp("home")
    isolation = Isolation(
        home=home,
        data_file=home / "data" / "watchtui" / "watchlist.toml",
        config_file=home / "config" / "watchtui" / "config.toml",
        cache_dir=home / "cache" / "watchtui",
        today=TODAY,
    )
    monkeypatch.setattr(locations, "default_file", lambda: isolation.data_file)
    monkeypatch.setattr(locations, "config_file", lambda: isolation.config_file)
    monkeypatch.setenv("WATCHTUI_CACHE_DIR", str(isolation.cache_dir))
    monkeypatch.setenv("WATCHTUI_TODAY", TODAY.isoformat())
    monkeypatch.delenv("WATCHTUI_FILE", raising=False)
    # Never the real TVmaze: tests that go online start a local server (tests/tvmaze_server.py).
    monkeypatch.setenv("WATCHTUI_TVMAZE_URL", "http://127.0.0.1:9")
    # platformdirs honours these on Linux and the BSDs: they cover subprocesses.
    for variable, folder in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("XDG_STATE_HOME", "state"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    return isolation


@pytest.fixture
def today(isolated: Isolation) -> date:
    """The date WATCHTUI_TODAY holds during the test."""
    return isolated.today
