"""Where watchtui keeps its files: the one place tests patch."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from watchtui.core.errors import UserError
from watchtui.core.text import printable

__all__ = [
    "cache_dir",
    "config_file",
    "default_file",
    "expand",
    "resolve_file",
    "state_dir",
]

APP_NAME = "watchtui"


def default_file() -> Path:
    return platformdirs.user_data_path(APP_NAME) / "watchlist.toml"


def config_file() -> Path:
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


def cache_dir() -> Path:
    override = os.environ.get("WATCHTUI_CACHE_DIR")
    return Path(override) if override else platformdirs.user_cache_path(APP_NAME)


def state_dir() -> Path:
    """Where watchtui remembers small things between starts (never in the watchlist)."""
    override = os.environ.get("WATCHTUI_STATE_DIR")
    return Path(override) if override else platformdirs.user_state_path(APP_NAME)


def expand(text: str) -> Path:
    """A path as a person wrote it, `~` and `~user` expanded; UserError if there is
    no such user (or no home folder) for the `~` to stand for."""
    try:
        return Path(text).expanduser()
    except RuntimeError:
        user = text[1:].split("/", 1)[0].split(os.sep, 1)[0]
        who = f"no user {printable(user)!r}" if user else "no home folder"
        raise UserError(f"{printable(text)}: there is {who} for ~ to stand for") from None


def resolve_file(given: str | os.PathLike[str] | None = None) -> Path:
    """`--file`, else WATCHTUI_FILE, else the platform's data folder.

    An empty `--file` is a mistake (a variable that was not set), not a request for
    the default file: UserError.
    """
    if given is not None:
        text = os.fspath(given)
        if not text.strip():
            raise UserError("--file was given an empty path; name a file, or leave --file out")
        return expand(text)
    from_env = os.environ.get("WATCHTUI_FILE", "").strip()
    if from_env:
        return expand(from_env)
    return default_file()
