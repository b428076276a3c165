"""Every error a user can cause, in one place: each says what is wrong in the user's
words, and the screen and the command line turn it into one clear line.

- ModelError: a change the watchlist refuses (Unchanged: a change that changes nothing);
- WindowError: a release window written in no form watchtui reads;
- WatchlistFileError: a watchlist file that cannot be read, with its line;
- ImportFileError: a file given to import that is not what it claims;
- SaveError: a watchlist file that could not be written (disk full, read-only, …);
- ConflictError: the file changed on disk since it was read;
- TodayError: a WATCHTUI_TODAY that is not a date;
- OnlineError: TVmaze could not be reached, or its answer could not be used;
- UserError: anything else a command line user can fix.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "ACCEPTED_FORMS",
    "ConflictError",
    "ImportFileError",
    "ModelError",
    "OnlineError",
    "SaveError",
    "TodayError",
    "Unchanged",
    "UserError",
    "WatchlistFileError",
    "WindowError",
]


class ModelError(ValueError):
    """A change the watchlist refuses, said in the user's words."""


class Unchanged(ModelError):
    """The edit would change nothing; the message says why ("Season 2 is already watched")."""


ACCEPTED_FORMS = (  # the forms a release window may take, for messages
    "a day (2025-03-14, March 14, 2025, 14 Mar 2025), "
    "a month (2025-03, March 2025), a quarter (Q3 2025), a half (H2 2025), "
    "early/mid/late 2025, winter/spring/summer/fall 2025, a year (2025), "
    "or TBA"
)


class WindowError(ValueError):
    """Text that is not a release window; the message lists the forms accepted."""

    def __init__(self, text: str, reason: str = "") -> None:
        self.text = text
        self.reason = reason
        shown = text if len(text) <= 40 else text[:39] + "…"
        why = f" ({reason})" if reason else ""
        super().__init__(f"not a release window: {shown!r}{why}; use {ACCEPTED_FORMS}")


class TodayError(ValueError):
    pass


class WatchlistFileError(Exception):
    """A watchlist file that cannot be read: where, and what is wrong."""

    def __init__(self, path: Path | str, problem: str, line: int | None = None) -> None:
        self.path = Path(path)
        self.problem = problem
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.problem}"


class ImportFileError(WatchlistFileError):
    """A file given to import that is not what it claims: where, and what is wrong."""


class SaveError(WatchlistFileError, OSError):
    """A file that could not be written: which, and why; the file on disk is as it was.

    An OSError too, as the failure it stands for, for callers that catch those."""

    def __str__(self) -> str:
        return WatchlistFileError.__str__(self)


class ConflictError(Exception):
    """The file changed on disk since it was read: saving now would lose that change."""

    def __init__(self, path: Path, what: str = "changed on disk") -> None:
        self.path = path
        super().__init__(f"{path} {what} since it was read")


class UserError(Exception):
    """Something the user can fix; printed as one line, exit status 1."""


class OnlineError(UserError):
    """TVmaze could not be reached, or answered with an error: one line naming TVmaze.

    Raised before anything is changed, so the watchlist file stays as it was."""
