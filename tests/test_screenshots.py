"""The README's screenshots: the script that makes them runs, and they show today's screen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "scripts" / "export_screenshots.py"
SHOTS = ["main", "hinted", "season-form", "upcoming", "help"]


def test_the_script_makes_every_screenshot_and_they_match_the_repository(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    for name in SHOTS:
        made = (tmp_path / f"{name}.svg").read_text(encoding="utf-8")
        assert made.startswith("<svg"), name
        assert "All&#160;of&#160;Us&#160;Are&#160;Dead" in made or name == "help", name
        committed = (ROOT / "screenshots" / f"{name}.svg").read_text(encoding="utf-8")
        assert made == committed, (
            f"screenshots/{name}.svg is out of date: run scripts/export_screenshots.py"
        )


def test_the_readme_shows_the_screenshots() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("main", "season-form", "upcoming"):
        assert f"screenshots/{name}.svg" in readme
