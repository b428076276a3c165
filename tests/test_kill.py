"""A save killed at any moment leaves the old file or the new one, never a broken one.

A forked child loads the file and saves the other of two watchlists in a tight loop;
the test SIGKILLs it after a random few milliseconds (fixed seed), sixty times, and
checks the file after each kill; most kills land in the middle of a save.
`pytest -m long` does 600 kills, and `benchmarks/kills.py` kills a Document
committing changes. Forking (rather than starting a new interpreter) keeps the
imports done once, so each round costs little more than its sleep.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import sys
import time
from pathlib import Path

import pytest

from watchtui.core.model import Confidence, Season, Show, Status, Watchlist
from watchtui.core.storage.atomic import backup_paths, load, write_atomic
from watchtui.core.storage.reader import parse_watchlist
from watchtui.core.storage.writer import dump_watchlist

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

KILLS = 60
LONG_KILLS = 600
SEED = 20250615

SMALL = Watchlist([Show("Dark", status=Status.COMPLETED)])
BIG = Watchlist(
    [
        Show(
            f"Show {n} — 第{n}季 😀",
            network="Netflix",
            seasons=(
                Season(1, episodes=10, watched=10, window="2024-03-01"),
                Season(2, window="late 2026", confidence=Confidence.HINTED, source="an interview"),
            ),
        )
        for n in range(25)
    ],
    extra={"future": {"kept": True}},
)


def _save_forever(path: Path, texts: tuple[str, str]) -> None:
    """The child: load, save the other watchlist, again and again until killed."""
    try:
        while True:
            loaded = load(path)
            other = texts[1] if loaded.text == texts[0] else texts[0]
            write_atomic(path, other, loaded.fingerprint, backup=True)
    except BaseException:
        os._exit(3)  # the parent sees this: the child must only ever die by SIGKILL


@pytest.mark.parametrize("kills", [KILLS, pytest.param(LONG_KILLS, marks=pytest.mark.long)])
def test_a_killed_save_leaves_the_old_or_the_new_file(tmp_path: Path, kills: int) -> None:
    path = tmp_path / "watchlist.toml"
    texts = (dump_watchlist(SMALL), dump_watchlist(BIG))
    contents = {text.encode("utf-8") for text in texts}
    path.write_text(texts[0], encoding="utf-8")
    path.chmod(0o640)
    rng = random.Random(SEED)
    seen: set[bytes] = set()
    strays = 0
    started = time.monotonic()

    for _ in range(kills):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            _save_forever(path, texts)
        time.sleep(rng.uniform(0.005, 0.060))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)  # reaped: its temp file now belongs to a dead process
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL

        data = path.read_bytes()
        assert data in contents
        assert parse_watchlist(data.decode("utf-8"), path) in (SMALL, BIG)
        assert stat.S_IMODE(path.stat().st_mode) == 0o640
        for backup in backup_paths(path):
            if backup.exists():
                assert backup.read_bytes() in contents
        seen.add(data)
        strays += any(name.endswith(".tmp") for name in os.listdir(tmp_path))

        loaded = load(path)
        assert loaded.watchlist in (SMALL, BIG)
        assert [name for name in os.listdir(tmp_path) if name.endswith(".tmp")] == []

    elapsed = time.monotonic() - started
    print(f"{kills} kills in {elapsed:.1f} s; a temp file was left by {strays}")
    assert seen == contents  # the children did save, both ways
    assert strays > 0  # and some kills landed in the middle of a save
