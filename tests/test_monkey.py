"""A monkey at the keyboard: thousands of random keys to the real app, and nothing breaks.

The keys are drawn (fixed seed) from every binding of the app's screens plus
letters, digits and the keys of forms and dialogs, so forms open and get random
input, confirmations get answered, the timeline and the help come and go. `q`
(quit) and `ctrl+p`/`ctrl+q`/`ctrl+c` are left out: the monkey is to stay in.

No exception may escape the app, and every few hundred keys, once any save in
flight has finished, the file on disk must load with the core, hold what the
screen holds, and keep the watchlist's rules: titles unique ignoring case,
season numbers unique within a show, 0 <= watched <= episodes.

Keys are posted to the app as the terminal driver posts them, and the event
loop is run until nothing is left to do: Pilot's `press` waits for the process
to look idle in 20 ms steps, which would make thousands of keys take minutes.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.app import App

from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.screens.main import MainScreen
from watchtui.core.clock import today
from watchtui.core.codec import parse_watchlist
from watchtui.core.document import Document, Snapshot
from watchtui.core.model import Watchlist, title_key

SEED = 20240601
KEYS = 2500  # about 45 s on a 2-core machine
CHECK_EVERY = 200

COMMANDS = [
    "a", "n", "c", "e", "d", "delete", "w", "space", "plus", "equals_sign", "minus",
    "ctrl+z", "slash", "f", "u", "question_mark", "f1",
    "up", "down", "j", "k", "home", "end", "g", "G", "pageup", "pagedown",
    "tab", "shift+tab", "enter", "escape", "left", "right", "h", "l", "backspace",
    "ctrl+s", "y", "n", "r", "o",
]  # fmt: skip
TYPING = [*"abcdefghijklmnoprstuvwxyz", *"0123456789", "space", "minus", "backspace"]
NEVER = {"q", "ctrl+q", "ctrl+c", "ctrl+p"}

CHARACTERS = {
    "space": " ",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "slash": "/",
    "question_mark": "?",
}


def monkey_keys(count: int, seed: int = SEED) -> list[str]:
    rng = random.Random(seed)
    keys = [
        rng.choice(COMMANDS) if rng.random() < 0.6 else rng.choice(TYPING) for _ in range(count)
    ]
    assert not NEVER & set(keys)
    return keys


def _waiting(app: App[object]) -> bool:
    """Messages or callbacks waiting anywhere on the current screen."""
    screen = app.screen
    return any(
        pump._message_queue.qsize() or pump._next_callbacks
        for pump in (app, screen, *screen.walk_children())
    )


def _dirty(app: App[object]) -> bool:
    screen = app.screen
    return bool(
        screen._layout_required
        or screen._scroll_required
        or screen._repaint_required
        or screen._dirty_widgets
    )


async def press(app: App[object], key: str) -> None:
    """Post a key as the driver does, then run the loop until the app has nothing to do."""
    event = events.Key(key, key if len(key) == 1 else CHARACTERS.get(key))
    event.set_sender(app)
    app.post_message(event)
    quiet = 0
    while quiet < 3:
        await asyncio.sleep(0)
        if _waiting(app):
            quiet = 0
        elif _dirty(app):
            quiet = 0
            app.screen._on_timer_update()  # compose the frame now, not at the next tick
        else:
            quiet += 1


def check_rules(watchlist: Watchlist) -> None:
    titles = [title_key(show.title) for show in watchlist.shows]
    assert len(titles) == len(set(titles)), "two shows with the same title"
    for show in watchlist.shows:
        numbers = [season.number for season in show.seasons]
        assert len(numbers) == len(set(numbers)), f"{show.title}: a season number twice"
        for season in show.seasons:
            assert season.watched >= 0, f"{show.title} {season.label}: watched below 0"
            if season.episodes is not None:
                assert season.watched <= season.episodes, f"{show.title} {season.label}"


async def checkpoint(app: WatchApp, main: MainScreen, path: Path) -> None:
    """Wait for any save in flight, then hold the file to the rules and to the screen."""
    main.saver.flush()
    await asyncio.sleep(0)
    await app.workers.wait_for_complete()
    for _ in range(3):
        await asyncio.sleep(0)
    on_disk = parse_watchlist(path.read_text(encoding="utf-8"), path)
    check_rules(on_disk)
    check_rules(app.document.watchlist)
    assert not main.unsaved, "a change could not be saved"
    assert on_disk.shows == app.document.watchlist.shows, "the file lost a change"
    assert Document.open(path).watchlist.shows == on_disk.shows
    assert [name for name in path.parent.iterdir() if name.suffix == ".tmp"] == []


async def test_thousands_of_random_keys_break_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WATCHTUI_TODAY", "2024-06-01")
    day = today()
    assert day == date(2024, 6, 1)
    path = demo_copy(tmp_path)
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    document = Document.open(path)
    saves = 0
    write = document.write

    def counted_write(snapshot: Snapshot) -> None:
        nonlocal saves
        saves += 1
        write(snapshot)

    document.write = counted_write  # type: ignore[method-assign]
    app = WatchApp(document, day, remember_theme=False)
    keys = monkey_keys(KEYS)
    screens: Counter[str] = Counter()
    started = time.monotonic()
    checks = 0
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        for number, key in enumerate(keys, 1):
            await press(app, key)
            assert app.is_running, f"the app stopped after key {number} ({key!r})"
            assert app._exception is None, f"key {number} ({key!r}) raised"
            screens[type(app.screen).__name__] += 1
            if number % CHECK_EVERY == 0:
                await checkpoint(app, main, path)
                checks += 1
        # Back to the main screen the way a user would, then check once more.
        for _ in range(10):
            if app.screen is main:
                break
            await press(app, "escape")
        assert app.screen is main
        await checkpoint(app, main, path)
        app.exit()
    elapsed = time.monotonic() - started
    assert app.return_code == 0
    print(f"{len(keys)} keys in {elapsed:.1f} s, {saves} saves, {checks} checkpoints; {screens}")
    # The monkey got around: forms, dialogs and the other screens were all opened.
    for name in ("MainScreen", "ShowForm", "SeasonForm", "CastForm", "ConfirmScreen"):
        assert screens[name] > 0, f"the monkey never saw {name}"
    assert screens["HelpScreen"] + screens["UpcomingScreen"] > 0
    # And it changed the file many times, not only looked at it.
    assert saves >= 20, f"only {saves} saves"
    final = parse_watchlist(path.read_text(encoding="utf-8"), path)
    assert final.shows != Document.open(demo_copy(fresh)).watchlist.shows
