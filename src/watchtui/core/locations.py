"""Where watchtui keeps its files: the one place tests patch."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

__all__ = ["cache_dir", "config_file", "default_file", "resolve_file"]

APP_NAME = "watchtui"


def default_file() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "watchlist.toml"


def config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


def cache_dir() -> Path:
    override = os.environ.get("WATCHTUI_CACHE_DIR")
    return Path(override) if override else platformdirs.user_cache_path(APP_NAME)


def resolve_file(given: str | os.PathLike[str] | None = None) -> Path:
    """`--file`, else WATCHTUI_FILE, else the platform's data folder."""
    if given:
        return Path(given).expanduser()
    from_env = os.environ.get("WATCHTUI_FILE", "").strip()
    if from_env:
        return Path(from_env).expanduser()
    return default_file()
