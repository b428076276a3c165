"""The long kill run: a process saving a real watchlist in a loop, SIGKILLed at random moments.

A forked child takes over the file with a watchtui Document and commits one change
after another (marking a season watched, then unwatched: every commit is a full
atomic save, the first one with a backup). The parent SIGKILLs it after a random
few milliseconds, and after every kill checks that:

- the file holds exactly the old or the new content, and parses to that watchlist;
- its permission bits are the ones it had;
- every backup beside it is one of the two contents as well;
- after the next load no temporary file is left beside it.

Forking keeps the imports done once, so a round costs little more than its sleep
and the load that checks it.
"""

from __future__ import annotations

import os
import random
import signal
import stat
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from watchtui.core import edits
from watchtui.core.model import Watchlist, replace
from watchtui.core.storage.atomic import backup_paths, fingerprint, load
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.writer import dump_watchlist

MODE = 0o640
TODAY = date(2024, 6, 1)


@dataclass(frozen=True, slots=True)
class KillReport:
    kills: int
    seconds: float
    mid_save: int  # kills that left a temporary file: the kill landed inside a save
    contents_seen: int  # how many of the two contents were found after a kill


def _toggled(watchlist: Watchlist) -> Watchlist:
    """The same watchlist with the first show's first season's watched state flipped."""
    shows = list(watchlist.shows)
    show = shows[0]
    season = show.seasons[0]
    change = edits.toggle_watched(watchlist, show, season, today=TODAY)
    assert change.after is not None
    shows[0] = change.after
    return Watchlist(shows, watchlist.extra)


def _save_forever(
    path: Path, versions: tuple[Watchlist, Watchlist], texts: tuple[bytes, ...]
) -> None:
    """The child: open the file as the app does and commit the other version, forever."""
    try:
        data = path.read_bytes()
        current = versions[texts.index(data)]
        document = Document(path, Watchlist(list(current.shows), current.extra), fingerprint(path))
        while True:
            show = document.watchlist.shows[0]
            target = versions[1] if show == versions[0].shows[0] else versions[0]
            document.commit(Change("toggle", show, target.shows[0]))
    except BaseException:
        os._exit(3)  # the parent sees this: the child must only ever die by SIGKILL


def kill_run(path: Path, kills: int, seed: int = 20240601) -> KillReport:
    """Run `kills` rounds on the watchlist file at `path` (restored to its first content)."""
    if sys.platform == "win32":  # pragma: no cover
        raise SystemExit("the kill run needs fork and SIGKILL")
    first = load(path).watchlist
    versions = (first, _toggled(first))
    texts = tuple(dump_watchlist(version).encode("utf-8") for version in versions)
    if texts[0] == texts[1]:
        raise SystemExit("the two versions of the watchlist are the same")
    path.write_bytes(texts[0])
    path.chmod(MODE)
    folder = path.parent
    rng = random.Random(seed)
    seen: set[bytes] = set()
    mid_save = 0
    started = time.monotonic()
    for round_ in range(kills):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            _save_forever(path, versions, texts)
        time.sleep(rng.uniform(0.002, 0.080))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
            raise SystemExit(f"round {round_}: the saving child ended on its own ({status})")

        data = path.read_bytes()
        if data not in texts:
            raise SystemExit(f"round {round_}: the file is neither the old nor the new content")
        if stat.S_IMODE(path.stat().st_mode) != MODE:
            raise SystemExit(f"round {round_}: the file's permissions changed")
        for backup in backup_paths(path):
            if backup.exists() and backup.read_bytes() not in texts:
                raise SystemExit(f"round {round_}: {backup.name} is neither content")
        seen.add(data)
        mid_save += any(name.endswith(".tmp") for name in os.listdir(folder))

        loaded = load(path)
        if loaded.watchlist != versions[texts.index(data)]:
            raise SystemExit(f"round {round_}: the file does not parse to what was saved")
        left = [name for name in os.listdir(folder) if name.endswith(".tmp")]
        if left:
            raise SystemExit(f"round {round_}: temporary files left after a load: {left}")
    return KillReport(kills, time.monotonic() - started, mid_save, len(seen))


def _fresh(path: Path) -> None:
    for backup in backup_paths(path):
        backup.unlink(missing_ok=True)


if __name__ == "__main__":
    target = Path(sys.argv[1])
    _fresh(target)
    print(replace(kill_run(target, int(sys.argv[2]))))
