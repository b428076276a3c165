"""Running the real `watchtui` command on temporary files, with a fixed today."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"
TODAY = "2026-03-01"

_SCRIPT = Path(sys.executable).with_name("watchtui")
COMMAND = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "watchtui"]

# A watchlist as a person might write it: every window form the timeline groups,
# every derived state as of TODAY, CJK text, and keys watchtui does not know.
SAMPLE = """\
version = 1
owner = "kim"
synced = 2026-02-01T10:00:00Z

[[show]]
title = "All of Us Are Dead"
original_title = "지금 우리 학교는"
network = "Netflix"
status = "watching"
added = 2024-04-23
score = 8.5
first_seen = 2022-02-01

[[show.season]]
number = 1
episodes = 12
watched = 12
finished = 2022-02-10
window = "2022-01-28"
confidence = "confirmed"
source = "Netflix"

[[show.season]]
number = 2
window = "2024"
confidence = "hinted"
source = "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects"
noted = 2024-04-23
tags = ["agency", "instagram"]

[[show.cast]]
name = "Park Ji-hu"
role = "Nam On-jo"
note = "Survived season 1; returns in season 2"
agency = "BH Entertainment"

[[show]]
title = "The Bear"
network = "FX"
status = "watching"

[[show.season]]
number = 4
episodes = 10
watched = 3
window = "2025-06-25"
confidence = "confirmed"
source = "FX"

[[show.season]]
number = 5
window = "2026-03-02"
confidence = "confirmed"
source = "FX press release"

[[show]]
title = "Squid Game"
original_title = "오징어 게임"
network = "Netflix"
status = "planned"

[[show.season]]
number = 3
window = "Q3 2026"
confidence = "rumored"
source = "fan forum"

[[show]]
title = "Severance"
network = "Apple TV+"
status = "paused"

[[show.season]]
number = 3
window = "late 2026"
confidence = "hinted"
source = "Variety, citing people close to the production"

[[show.season]]
number = 4
confidence = "confirmed"

[[show]]
title = "Dark"
status = "completed"

[[show.season]]
number = 1
episodes = 10
watched = 10
window = "2017-12-01"

[[show]]
title = "Lost Cause"
status = "dropped"

[[show.season]]
number = 2
window = "March 2026"
confidence = "confirmed"
"""


@dataclass(frozen=True, slots=True)
class Result:
    code: int
    out: str
    err: str


def run(
    *args: str,
    file: Path | None = None,
    today: str = TODAY,
    env_file: bool = False,
    columns: int | None = 200,
) -> Result:
    """`watchtui ARGS` with `--file` (or WATCHTUI_FILE when env_file) pointing at `file`,
    its output fitted to `columns` (COLUMNS; left unset with None)."""
    env = {**os.environ, "WATCHTUI_TODAY": today, "PYTHONIOENCODING": "utf-8"}
    env.pop("COLUMNS", None)
    if columns is not None:
        env["COLUMNS"] = str(columns)
    env.pop("WATCHTUI_FILE", None)
    argv = list(args)
    if file is not None:
        if env_file:
            env["WATCHTUI_FILE"] = str(file)
        else:
            argv[1:1] = ["--file", str(file)]  # after the command name
    done = subprocess.run(
        [*COMMAND, *argv],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def run_bytes(*args: str, file: Path, today: str = TODAY) -> bytes:
    """The exact bytes `watchtui ARGS --file FILE` writes to stdout (exit status 0)."""
    env = {**os.environ, "WATCHTUI_TODAY": today}
    done = subprocess.run(
        [*COMMAND, args[0], "--file", str(file), *args[1:]],
        env=env,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def sample_file(folder: Path, text: str = SAMPLE) -> Path:
    path = folder / "watchlist.toml"
    path.write_text(text, encoding="utf-8")
    return path
