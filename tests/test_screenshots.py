"""The README's screenshots: the script that makes them runs, and they show today's screen
(as it looked on the day they were made: the day the upcoming screenshot says)."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "scripts" / "export_screenshots.py"
SHOTS = [
    "main",
    "hinted",
    "overdue",
    "season-form",
    "add-from-lookup",
    "upcoming",
    "upcoming-details",
    "history",
    "help",
]


def _made_on() -> str:
    """The day the committed screenshots were made on, as the timeline's title says."""
    upcoming = (ROOT / "screenshots" / "upcoming.svg").read_text(encoding="utf-8")
    found = re.search(r"as&#160;of&#160;(\d{4}-\d{2}-\d{2})", upcoming)
    assert found, "the upcoming screenshot does not say its day"
    return found.group(1)


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("export_screenshots", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_script_runs_as_a_command(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--today", _made_on(), "--only", "help"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{tmp_path / 'help.svg'}\n"
    committed = (ROOT / "screenshots" / "help.svg").read_text(encoding="utf-8")
    assert (tmp_path / "help.svg").read_text(encoding="utf-8") == committed


@pytest.mark.parametrize(
    "shots", [SHOTS[:3], SHOTS[3:5], SHOTS[5:-1]], ids=["main", "forms", "timeline"]
)
async def test_every_screenshot_matches_the_repository(
    tmp_path: Path, shots: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    day = _made_on()
    monkeypatch.setenv("WATCHTUI_TODAY", day)
    written = await _script().export(tmp_path, date.fromisoformat(day), shots)
    assert sorted(written) == sorted(tmp_path / f"{name}.svg" for name in shots)
    for name in shots:
        made = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert made.startswith("<svg"), name
        shows = {"overdue": "Stranger&#160;Things"}
        assert shows.get(name, "All&#160;of&#160;Us&#160;Are&#160;Dead") in made, name
        committed = (ROOT / "screenshots" / f"{name}.svg").read_text(encoding="utf-8")
        assert made == committed, (
            f"screenshots/{name}.svg is out of date: run scripts/export_screenshots.py"
        )


def test_the_readme_shows_the_screenshots() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SHOTS:
        assert f"screenshots/{name}.svg" in readme
