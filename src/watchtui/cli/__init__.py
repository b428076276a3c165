"""The command line: the app, and commands for scripts on the same file and rules.

Exit status: 0 success, 1 a user error (one line on stderr), 2 bad usage.
Textual is imported only when the app is launched, so commands start fast.

The package: `main` runs a command; `parser` builds the argument parser from the
command modules (`check`, `listing`, `edits`, `exchange`), each of which declares
its own commands with `arguments`; `output` prints aligned text and user text made
safe for a terminal; `files` opens and saves the watchlist.
"""

from __future__ import annotations

from watchtui.cli.main import main

__all__ = ["main"]
