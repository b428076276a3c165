"""The README's screenshots: the script that makes them runs, and they show today's screen
(as it looked on the day they were made: the day the upcoming screenshot says)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

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


@pytest.mark.parametrize(
    "shots", [SHOTS[:3], SHOTS[3:5], SHOTS[5:]], ids=["main", "forms", "timeline-and-help"]
)
def test_the_script_makes_every_screenshot_and_they_match_the_repository(
    tmp_path: Path, shots: list[str]
) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--today", _made_on(), "--only", *shots],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    for name in shots:
        made = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert made.startswith("<svg"), name
        shows = {"help": "", "overdue": "Stranger&#160;Things"}
        assert shows.get(name, "All&#160;of&#160;Us&#160;Are&#160;Dead") in made, name
        committed = (ROOT / "screenshots" / f"{name}.svg").read_text(encoding="utf-8")
        assert made == committed, (
            f"screenshots/{name}.svg is out of date: run scripts/export_screenshots.py"
        )


def test_the_readme_shows_the_screenshots() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in SHOTS:
        assert f"screenshots/{name}.svg" in readme
