"""Write the README's screenshots (SVG) from the demo watchlist at a fixed date.

    .venv/bin/python scripts/export_screenshots.py [OUTPUT_FOLDER]

Drives the real app headless with Textual's Pilot, as a user would, and saves
what the screen shows: the main screen, the highlighted hinted show, the
add-season form with its live window preview, the upcoming timeline, the
history of a season's window claims and the help. Run it again whenever the screen changes.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.core.storage.document import Document

TODAY = date(2024, 6, 1)
SIZE = (120, 36)
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def _main_screen(pilot: Pilot[None]) -> None:
    await pilot.press("down", "up")


async def _hinted_selected(pilot: Pilot[None]) -> None:
    await pilot.press("f")  # the hinted filter
    await pilot.press("tab", "down")  # to the hinted season


async def _season_form(pilot: Pilot[None]) -> None:
    await pilot.press("n")
    await pilot.pause()
    await pilot.press("tab", "tab", "tab", *"late 2025", "tab", "right", "tab")
    await pilot.press(*"Director's interview with The Korea Herald")


async def _upcoming(pilot: Pilot[None]) -> None:
    await pilot.press("u")


async def _history(pilot: Pilot[None]) -> None:
    await pilot.press("down", "tab", "h")  # Arcane season 1: its claims and verdicts


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


SHOTS: dict[str, Steps] = {
    "main": _main_screen,
    "hinted": _hinted_selected,
    "season-form": _season_form,
    "upcoming": _upcoming,
    "history": _history,
    "help": _help,
}


async def _shoot(name: str, steps: Steps, folder: Path, scratch: Path) -> Path:
    # The demo copy sits where a Linux user's watchlist would, so the status line
    # reads the same on every run: ~/.local/share/watchtui/watchlist.toml.
    os.environ["HOME"] = str(scratch)
    data = scratch / ".local" / "share" / "watchtui"
    data.mkdir(parents=True)
    path = demo_copy(data).rename(data / "watchlist.toml")
    document = Document.open(path)
    app = WatchApp(document, TODAY, remember_theme=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(folder))
    return folder / f"{name}.svg"


async def export(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    home = os.environ.get("HOME")
    try:
        for name, steps in SHOTS.items():
            with tempfile.TemporaryDirectory() as scratch:
                written.append(await _shoot(name, steps, folder, Path(scratch)))
    finally:
        if home is not None:
            os.environ["HOME"] = home
    return written


def main() -> int:
    default = Path(__file__).parent.parent / "screenshots"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    os.environ["WATCHTUI_TODAY"] = TODAY.isoformat()
    for path in asyncio.run(export(folder)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
