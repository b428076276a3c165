"""Commands for scripts: list, upcoming, add, season, watched, cast, export, import."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

__all__ = ["register"]


def register(commands: Any, file_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add the scripting commands to the `watchtui` parser."""
