"""Settings (the theme, …) in the platform's config folder, apart from the watchlist.

The settings file is read like any file a person may have edited or broken: only
a regular file, at most SETTINGS_BYTES, and only values of the right type are
used. A bad settings file never stops the app; it is as if it were empty.
"""

from __future__ import annotations

import contextlib
import tomllib
from typing import Any

import tomli_w

from watchtui.core import locations
from watchtui.core.errors import WatchlistFileError
from watchtui.core.storage.atomic import fingerprint, write_atomic
from watchtui.core.storage.files import read_regular

__all__ = ["SETTINGS_BYTES", "load", "save_value"]

SETTINGS_BYTES = 64 * 1024
TYPES: dict[str, type] = {"theme": str}
"""The settings the app reads, and the type each must have to be used."""


def _raw() -> dict[str, Any]:
    """Everything in the settings file, or nothing if it is missing or unreadable."""
    try:
        found = read_regular(locations.config_file(), SETTINGS_BYTES, what="a settings file")
        if found is None:
            return {}
        return tomllib.loads(found[0].decode("utf-8"))
    except (WatchlistFileError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    except RecursionError:
        return {}


def load() -> dict[str, Any]:
    """The settings the app knows, each of the right type (others are left out)."""
    return {
        key: value
        for key, value in _raw().items()
        if key in TYPES and isinstance(value, TYPES[key])
    }


def save_value(key: str, value: object) -> None:
    path = locations.config_file()
    values = _raw()
    values[key] = value
    with contextlib.suppress(Exception):  # a setting not saved must never stop the app
        write_atomic(path, tomli_w.dumps(values), fingerprint(path))
