"""One measured process: `run.py` starts this script, once per sample, and reads its JSON.

    python benchmarks/child.py startup bare|watchtui [FILE]
        Start the app headless at 120x36 and exit right after the first frame that
        shows the content (the bare app's Static, watchtui's shows), printing the
        seconds since the parent launched this process (BENCH_LAUNCHED_NS).

    python benchmarks/child.py keys bare|watchtui [FILE] --runs N
        Drive the app with a Pilot and time keys from press to settled frame:
        cursor moves, filter-as-you-type, and (watchtui) a saved change: how long
        the key holds the screen and how long until the file on disk has it.

Only the standard library, Textual and watchtui are imported, the same way
`watchtui` itself imports them, so that interpreter and import time count.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (120, 36)


def _since_launch() -> float:
    launched = int(os.environ.get("BENCH_LAUNCHED_NS", "0"))
    return (time.time_ns() - launched) / 1e9 if launched else time.process_time()


def _bare_app() -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class BareApp(App[None]):
        """The baseline: one Static, nothing else."""

        def compose(self) -> ComposeResult:
            yield Static("Hello from a bare Textual app", id="hello")

    return BareApp()


def _watch_app(file: Path) -> Any:
    # The same steps as `watchtui FILE` (watchtui.app.run.run), minus the terminal.
    from watchtui.app.run import open_document
    from watchtui.core.clock import today

    day = today()
    document = open_document(file)
    from watchtui.app.app import WatchApp

    return WatchApp(document, day, remember_theme=False)


# ---------------------------------------------------------------------------
# Startup: launch to the first frame showing the content


def startup(kind: str, file: Path | None) -> dict[str, Any]:
    result: dict[str, Any] = {}
    app: Any = None
    scheduled = {"done": False}

    def frame_done() -> None:
        result["first_frame"] = _since_launch()
        app.exit()

    def painted(widget: Any) -> None:
        # The content is being painted, so its screen is composing a frame: right
        # after the screen has handled what it is doing (composing that frame),
        # the first useful frame is there.
        if not scheduled["done"]:
            scheduled["done"] = True
            widget.screen.call_next(frame_done)

    if kind == "bare":
        from textual.widgets import Static

        original_render = Static.render

        def render(self: Static) -> Any:
            if self.id == "hello":
                painted(self)
            return original_render(self)

        Static.render = render  # type: ignore[method-assign]
        app = _bare_app()
    else:
        from watchtui.app.widgets.show_list import ShowList

        original_line = ShowList.render_line

        def render_line(self: ShowList, y: int) -> Any:
            if y + self.scroll_offset.y < len(self.shows):
                painted(self)
            return original_line(self, y)

        ShowList.render_line = render_line  # type: ignore[method-assign]
        assert file is not None
        app = _watch_app(file)

    app.run(headless=True, size=SIZE)
    if "first_frame" not in result:
        raise SystemExit("the app exited without painting its content")
    result["exited"] = _since_launch()
    return result


# ---------------------------------------------------------------------------
# Keys: press to settled frame, in process


async def _pilot_timed(pilot: Any, key: str) -> float:
    """Pilot's own measure: press, then pause until the app is idle (20 ms steps)."""
    started = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - started


_CHARS = {"slash": "/", "escape": None, "down": None, "tab": None}


def _busy(app: Any) -> bool:
    """Messages still queued anywhere on the current screen."""
    screen = app.screen
    return any(pump.message_queue_size for pump in (app, screen, *screen.walk_children()))


async def _settled(pilot: Any, key: str) -> float:
    """Seconds from a key reaching the app to the settled frame it causes.

    The key is posted as the terminal driver would; then `pilot.pause(0)` lets
    every widget of the screen handle what is queued for it and composes the frame
    at once (rather than at the next 1/60 s tick, which would add up to 17 ms of
    waiting to every figure), until a round finds nothing queued: the frame that
    round composed is the settled one. A second quiet round confirms it.
    """
    from textual import events

    app = pilot.app
    event = events.Key(key, _CHARS.get(key, key))
    event.set_sender(app)
    started = time.perf_counter()
    app.post_message(event)
    ended = started
    quiet = 0
    while quiet < 2:
        await pilot.pause(0)
        if _busy(app):
            quiet = 0
        else:
            if quiet == 0:
                ended = time.perf_counter()
            quiet += 1
        if time.perf_counter() - started > 60:
            raise SystemExit(f"the app never settled after {key!r}")
    return ended - started


async def _settle(app: Any, pilot: Any) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def _stat(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns)


async def keys(kind: str, file: Path | None, runs: int) -> dict[str, Any]:
    import asyncio

    app = _bare_app() if kind == "bare" else _watch_app(file)  # type: ignore[arg-type]
    samples: dict[str, list[float]] = {
        name: [] for name in ("cursor", "cursor_pilot", "filter", "filter_pilot", "held", "disk")
    }
    words = ["night", "river", "glass", "storm", "paper", "crown", "house"]
    watching = kind == "watchtui"
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        if watching:
            from watchtui.app.widgets.seasons_pane import SeasonsTable
            from watchtui.app.widgets.show_list import ShowList

            show_list = app.screen.query_one(ShowList)
            seasons = app.screen.query_one(SeasonsTable)
            if not show_list.shows:
                raise SystemExit("no shows in the list")
        for _ in range(3):  # warm up: the first keys pay for lazy imports and caches
            await _settled(pilot, "down")
        await _settle(app, pilot)

        for _ in range(runs * 10):
            samples["cursor"].append(await _settled(pilot, "down"))
            if watching and seasons.show is not show_list.current:
                raise SystemExit("the seasons pane did not follow the cursor")
        await _settle(app, pilot)
        for _ in range(runs * 2):
            samples["cursor_pilot"].append(await _pilot_timed(pilot, "down"))
        if watching and show_list.cursor < 10:
            raise SystemExit("the cursor did not move")

        for run in range(runs):
            word = words[run % len(words)]
            await _settled(pilot, "slash")
            for letter in word:
                samples["filter"].append(await _settled(pilot, letter))
            if watching:
                if app.screen.search != word:
                    raise SystemExit(f"the filter holds {app.screen.search!r}, not {word!r}")
                if not all(word in show.title.casefold() for show in show_list.shows[:50]):
                    raise SystemExit("the list was not filtered")
            await _settled(pilot, "escape")
            await _settle(app, pilot)
        await _pilot_timed(pilot, "slash")
        for letter in words[0][:3]:
            samples["filter_pilot"].append(await _pilot_timed(pilot, letter))
        await _pilot_timed(pilot, "escape")
        await _settle(app, pilot)

        if not watching:
            # The baseline of a key that changes something: a key with no binding.
            for _ in range(runs * 2):
                samples["held"].append(await _settled(pilot, "w"))
        else:
            path: Path = app.document.path
            await pilot.press("tab")
            await _settle(app, pilot)
            if not isinstance(app.focused, SeasonsTable):
                raise SystemExit(f"tab focused {app.focused!r}, not the seasons")
            for _ in range(runs * 2):
                await _settle(app, pilot)
                before = _stat(path)
                started = time.perf_counter()
                samples["held"].append(await _settled(pilot, "w"))
                while _stat(path) == before:
                    if time.perf_counter() - started > 30:
                        raise SystemExit("the change never reached the file")
                    await asyncio.sleep(0.0005)
                samples["disk"].append(time.perf_counter() - started)
            await _settle(app, pilot)
            # The file holds what the screen shows (checked outside the timing).
            from watchtui.core.storage.reader import parse_watchlist

            on_disk = parse_watchlist(path.read_text(encoding="utf-8"), path)
            if on_disk.shows != app.document.watchlist.shows:
                raise SystemExit("the file does not hold the screen's watchlist")
            if app.screen.unsaved:
                raise SystemExit("the screen says a change is unsaved")
    return {name: values for name, values in samples.items() if values}


def _peak_rss() -> int | None:
    """This process's own peak resident set, in bytes (Linux: VmHWM), or None if unknown.

    Not ru_maxrss: on Linux a spawned child's ru_maxrss starts from its parent's
    high-water mark (exec keeps the larger), so a small child of a big parent
    reports the parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["startup", "keys"])
    parser.add_argument("kind", choices=["bare", "watchtui"])
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    if args.kind == "watchtui" and args.file is None:
        parser.error("watchtui needs a FILE")
    if args.mode == "startup":
        result = startup(args.kind, args.file)
    else:
        import asyncio

        result = asyncio.run(keys(args.kind, args.file, args.runs))
    result["peak_rss"] = _peak_rss()
    print(json.dumps(result))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
