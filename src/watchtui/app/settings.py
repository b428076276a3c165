"""Settings (the theme, …) in the platform's config folder, apart from the watchlist."""

from __future__ import annotations

import contextlib
import tomllib
from typing import Any

import tomli_w

from watchtui.core import locations
from watchtui.core.storage.atomic import fingerprint, write_atomic

__all__ = ["load", "save_value"]


def load() -> dict[str, Any]:
    """The settings, or none if the file is missing or unreadable (never fatal)."""
    try:
        return tomllib.loads(locations.config_file().read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}


def save_value(key: str, value: object) -> None:
    path = locations.config_file()
    values = load()
    values[key] = value
    with contextlib.suppress(Exception):  # a setting not saved must never stop the app
        write_atomic(path, tomli_w.dumps(values), fingerprint(path))
