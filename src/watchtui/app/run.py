"""Launch the app on a file, or on a temporary copy of the demo watchlist."""

from __future__ import annotations

import sys
from pathlib import Path


def run(file: Path | None, *, demo: bool = False) -> int:
    print("watchtui: the screen is not built yet", file=sys.stderr)
    return 1
