"""Write the README's screenshots (SVG) from the demo watchlist, as it looks today.

    .venv/bin/python scripts/export_screenshots.py [OUTPUT_FOLDER] [--today YYYY-MM-DD]

Drives the real app headless with Textual's Pilot, as a user would, and saves
what the screen shows: the main screen, the highlighted hinted show, an overdue
hint, the add-season form with its live window preview, the add-show form with
its TVmaze matches (answered by a local server replaying a recorded TVmaze
search, tests/data/tvmaze/), the upcoming timeline, one of its rows in full, the
history of a season's window claims, and the help. The demo's dates move with the day (as
`watchtui --demo` moves them), so the screenshots show the demo as it looks on the
day they are made: today, or `--today` (also WATCHTUI_TODAY). Run it again
whenever the screen changes.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import tempfile
import threading
from collections.abc import Awaitable, Callable, Iterator
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from textual import events
from textual.pilot import Pilot

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.widgets.lookup import Lookup
from watchtui.core.clock import today
from watchtui.core.storage.document import Document

SIZE = (120, 36)
Steps = Callable[[Pilot[None]], Awaitable[None]]
SEARCH = Path(__file__).parent.parent / "tests" / "data" / "tvmaze" / "search_severance.json"


@contextlib.contextmanager
def _tvmaze_search() -> Iterator[None]:
    """TVmaze's answer to a search for "Severance", from 127.0.0.1: never the internet."""
    body = SEARCH.read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path.startswith("/search/shows?")
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(body) if found else 0))
            self.end_headers()
            if found:
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    before = os.environ.get("WATCHTUI_TVMAZE_URL")
    os.environ["WATCHTUI_TVMAZE_URL"] = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
        if before is None:
            del os.environ["WATCHTUI_TVMAZE_URL"]
        else:
            os.environ["WATCHTUI_TVMAZE_URL"] = before


async def _main_screen(pilot: Pilot[None]) -> None:
    await pilot.press("down", "up")


async def _hinted_selected(pilot: Pilot[None]) -> None:
    await pilot.press("f")  # the hinted filter
    await pilot.press("tab", "down")  # to the hinted season


async def _overdue_selected(pilot: Pilot[None]) -> None:
    await pilot.press("slash", *"stranger", "enter")  # the show whose hint went stale
    await pilot.press("tab", "down")  # to its overdue season


async def _type(pilot: Pilot[None], text: str) -> None:
    """Text typed into a field at a typist's pace (one frame for all of it, where
    `press` waits for a frame after each key)."""
    for character in text:
        key = "space" if character == " " else character
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


async def _season_form(pilot: Pilot[None]) -> None:
    await pilot.press("n")
    await pilot.pause()
    next_year = f"late {date.fromisoformat(os.environ['WATCHTUI_TODAY']).year + 1}"
    await pilot.press("tab", "tab", "tab", "tab")
    await _type(pilot, next_year)
    await pilot.press("tab", "right", "tab")
    await _type(pilot, "Director's interview with The Korea Herald")


async def _add_from_lookup(pilot: Pilot[None]) -> None:
    await pilot.press("a")
    await pilot.pause()
    await _type(pilot, "Severance")
    lookup = pilot.app.screen.query_one(Lookup)
    for _ in range(200):  # TVmaze answers once the typing pauses
        if lookup.shown:
            break
        await pilot.pause(0.05)
    await pilot.press("down")  # into the matches: the first is highlighted


async def _upcoming(pilot: Pilot[None]) -> None:
    await pilot.press("u")


async def _history(pilot: Pilot[None]) -> None:
    await pilot.press("down", "tab", "h")  # Arcane season 1: its claims and verdicts


async def _upcoming_details(pilot: Pilot[None]) -> None:
    await pilot.press("u")
    await pilot.pause()
    await pilot.press("down", "down", "enter")  # the live hint, in full


async def _help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


SHOTS: dict[str, Steps] = {
    "main": _main_screen,
    "hinted": _hinted_selected,
    "overdue": _overdue_selected,
    "season-form": _season_form,
    "add-from-lookup": _add_from_lookup,
    "upcoming": _upcoming,
    "history": _history,
    "upcoming-details": _upcoming_details,
    "help": _help,
}


async def _shoot(name: str, steps: Steps, folder: Path, scratch: Path, day: date) -> Path:
    # The demo copy sits where a Linux user's watchlist would, so the status line
    # reads the same on every run: ~/.local/share/watchtui/watchlist.toml.
    os.environ["HOME"] = str(scratch)
    data = scratch / ".local" / "share" / "watchtui"
    data.mkdir(parents=True)
    path = demo_copy(data, day).rename(data / "watchlist.toml")
    document = Document.open(path)
    app = WatchApp(document, day, remember_theme=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(pilot)
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        app.save_screenshot(filename=f"{name}.svg", path=str(folder))
    return folder / f"{name}.svg"


async def export(folder: Path, day: date, only: list[str] | None = None) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    home = os.environ.get("HOME")
    try:
        with _tvmaze_search():
            for name, steps in SHOTS.items():
                if only and name not in only:
                    continue
                with tempfile.TemporaryDirectory() as scratch:
                    written.append(await _shoot(name, steps, folder, Path(scratch), day))
    finally:
        if home is not None:
            os.environ["HOME"] = home
    return written


def main() -> int:
    default = Path(__file__).parent.parent / "screenshots"
    parser = argparse.ArgumentParser(description="Write the README's screenshots.")
    parser.add_argument("folder", nargs="?", type=Path, default=default)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    parser.add_argument("--only", nargs="+", choices=list(SHOTS), help="only these shots")
    args = parser.parse_args()
    day = args.today or today()
    os.environ["WATCHTUI_TODAY"] = day.isoformat()
    for path in asyncio.run(export(args.folder, day, args.only)):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
