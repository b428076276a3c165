"""A monkey at the keyboard: random keys to the real app, and nothing breaks.

The keys are drawn (fixed seed) from every binding of the app's screens plus
letters, digits and the keys of forms and dialogs, so forms open and get random
input, confirmations get answered, the timeline and the help come and go. `q`
(quit) and `ctrl+p`/`ctrl+q`/`ctrl+c` are left out: the monkey is to stay in.
The keys come in bursts, each started on the main screen by a key that opens
something, and are dealt like cards (each once before any again), so the
default run's 200 keys already send every key and reach every screen;
`pytest -m long` runs the same monkey with 2,500 keys.

No exception may escape the app, and every hundred keys, once any save in
flight has finished, the file on disk must load with the core, hold what the
screen holds, and keep the watchlist's rules: titles unique ignoring case,
season numbers unique within a show, 0 <= watched <= episodes.

Keys are posted to the app as the terminal driver posts them, then `pilot.pause(0)`
runs until nothing is left queued: Pilot's `press` waits for the process to look
idle in 20 ms steps, which would make each key cost several times more.
"""

from __future__ import annotations

import asyncio
import random
import string
import time
from collections import Counter
from pathlib import Path

import pytest
from textual.pilot import Pilot

from app_helpers import press
from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.screens.main import MainScreen
from watchtui.core.clock import today
from watchtui.core.model import Watchlist, title_key
from watchtui.core.storage.document import Document, Snapshot
from watchtui.core.storage.reader import parse_watchlist

SEED = 20240601
KEYS = 200
LONG_KEYS = 2500
CHECK_EVERY = 100

COMMANDS = [
    "a", "n", "c", "e", "d", "delete", "w", "space", "plus", "equals_sign", "minus",
    "ctrl+z", "slash", "f", "u", "question_mark", "f1",
    "up", "down", "j", "k", "home", "end", "g", "G", "pageup", "pagedown",
    "tab", "shift+tab", "enter", "escape", "left", "right", "h", "l", "backspace",
    "ctrl+s", "y", "n", "r", "o",
]  # fmt: skip
NEVER = {"q", "ctrl+q", "ctrl+c", "ctrl+p"}
TYPING = [
    key
    for key in [*string.ascii_lowercase, *string.digits, "space", "minus", "backspace"]
    if key not in NEVER
]
OPENERS = ["a", "n", "c", "e", "enter", "d", "u", "question_mark", "slash", "tab", "w", "f"]


class Deck:
    """Keys dealt at random, each once before any comes again: a short run sends them all."""

    def __init__(self, keys: list[str], rng: random.Random) -> None:
        self.keys, self.rng, self.left = keys, rng, list[str]()

    def deal(self) -> str:
        if not self.left:
            self.left = list(self.keys)
            self.rng.shuffle(self.left)
        return self.left.pop()


def monkey_bursts(count: int, seed: int = SEED) -> list[list[str]]:
    """About `count` keys in bursts. Each burst starts on the main screen with a key that
    opens something (a form, a dialog, another screen, the filter), then goes on with
    random keys: commands 60% of the time, typing 40%."""
    rng = random.Random(seed)
    openers, commands, typing = Deck(OPENERS, rng), Deck(COMMANDS, rng), Deck(TYPING, rng)
    bursts: list[list[str]] = []
    total = 0
    while total < count:
        burst = [openers.deal()] + [
            commands.deal() if rng.random() < 0.6 else typing.deal()
            for _ in range(rng.randint(4, 24))
        ]
        bursts.append(burst)
        total += len(burst)
    return bursts


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


async def back_to(pilot: Pilot[object], main: MainScreen) -> None:
    """Back to the main screen the way a user would: escape, at most ten times."""
    for _ in range(10):
        if pilot.app.screen is main:
            break
        await press(pilot, "escape")
    assert pilot.app.screen is main


async def run_monkey(path: Path, count: int) -> tuple[Counter[str], Counter[str], int]:
    """Drive the app on `path` with about `count` keys; the screens seen, keys sent, saves."""
    document = Document.open(path)
    saves = 0
    write = document.write

    def counted_write(snapshot: Snapshot) -> None:
        nonlocal saves
        saves += 1
        write(snapshot)

    document.write = counted_write  # type: ignore[method-assign]
    app = WatchApp(document, today(), remember_theme=False)
    screens: Counter[str] = Counter()
    sent: Counter[str] = Counter()
    started = time.monotonic()
    checks = number = 0
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        main = app.screen
        assert isinstance(main, MainScreen)
        for burst in monkey_bursts(count):
            for key in burst:
                number += 1
                await press(pilot, key)
                sent[key] += 1
                # An exception in a handler makes the app exit with return code 1 (and
                # run_test raises it when the block ends).
                assert app.return_code is None, f"the app stopped after key {number} ({key!r})"
                screens[type(app.screen).__name__] += 1
                if number % CHECK_EVERY == 0:
                    await checkpoint(app, main, path)
                    checks += 1
            await back_to(pilot, main)
        await checkpoint(app, main, path)
        app.exit()
    elapsed = time.monotonic() - started
    assert app.return_code == 0
    print(f"{number} keys in {elapsed:.1f} s, {saves} saves, {checks} checkpoints; {screens}")
    return screens, sent, saves


def assert_got_around(screens: Counter[str], sent: Counter[str]) -> None:
    """Every key of the lists was sent, and forms, dialogs and the other screens were opened."""
    assert set(COMMANDS + TYPING) <= set(sent), set(COMMANDS + TYPING) - set(sent)
    for name in (
        "MainScreen", "ShowForm", "SeasonForm", "CastForm", "ConfirmScreen",
        "HelpScreen", "UpcomingScreen",
    ):  # fmt: skip
        assert screens[name] > 0, f"the monkey never saw {name}"


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WATCHTUI_TODAY", "2024-06-01")
    return demo_copy(tmp_path)


def changed(path: Path, tmp_path: Path) -> bool:
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    final = parse_watchlist(path.read_text(encoding="utf-8"), path)
    return final.shows != Document.open(demo_copy(fresh)).watchlist.shows


async def test_hundreds_of_random_keys_break_nothing(demo: Path, tmp_path: Path) -> None:
    screens, sent, saves = await run_monkey(demo, KEYS)
    assert_got_around(screens, sent)
    # And it changed the file several times, not only looked at it.
    assert saves >= 5, f"only {saves} saves"
    assert changed(demo, tmp_path)


@pytest.mark.long
async def test_thousands_of_random_keys_break_nothing(demo: Path, tmp_path: Path) -> None:
    """The long run (`pytest -m long`): the same monkey, six times as many keys."""
    screens, sent, saves = await run_monkey(demo, LONG_KEYS)
    assert_got_around(screens, sent)
    assert saves >= 20, f"only {saves} saves"
    assert changed(demo, tmp_path)
