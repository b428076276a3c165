"""Saving without holding the screen: large files are written on a background thread.

The caller's thread only takes a snapshot: a tuple of the (immutable) shows,
microseconds at 10,000 shows. Joining the per-show texts, encoding, writing and
fsyncing megabytes happen on a writer thread. Snapshots are written in order,
and a newer one waiting replaces an older one not yet started, since it holds
all its changes. Small files are written at once, on the caller's thread: a few
milliseconds, and nothing to wait for.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from watchtui.core.errors import SaveError
from watchtui.core.storage.document import Document, Snapshot

__all__ = ["BACKGROUND_FROM_SHOWS", "Saver"]

BACKGROUND_FROM_SHOWS = 1000

Report = Callable[[BaseException | None, bool], None]
"""Called after each write with the error (None when saved) and whether it came
from the writer thread (so a screen knows to hop back to its own thread)."""


class Saver:
    def __init__(
        self, document: Document, report: Report, *, background_from: int = BACKGROUND_FROM_SHOWS
    ) -> None:
        self.document = document
        self.report = report
        self.background_from = background_from
        self.last_error: BaseException | None = None
        self._pending: Snapshot | None = None
        self._writing = False
        self._closed = False
        self._condition = threading.Condition()
        self._thread: threading.Thread | None = None

    def submit(self, *, force: bool = False) -> None:
        """Save the document as it is now."""
        snapshot = self.document.snapshot(force=force)
        with self._condition:
            idle = self._pending is None and not self._writing
            if idle and len(snapshot.shows) < self.background_from:
                write_now = True
            else:
                write_now = False
                self._pending = snapshot
                self._start()
                self._condition.notify_all()
        if write_now:
            self._write(snapshot, background=False)

    def flush(self, timeout: float | None = 10.0) -> BaseException | None:
        """Wait for every submitted snapshot to be written; the last write's error, if any
        (a SaveError if the writes are still under way when the wait times out)."""
        with self._condition:
            done = self._condition.wait_for(
                lambda: self._pending is None and not self._writing, timeout=timeout
            )
        if not done:
            return SaveError(self.document.path, "is still being written: the disk is slow")
        return self.last_error

    def close(self) -> BaseException | None:
        error = self.flush()
        with self._condition:
            self._closed = True
            self._condition.notify_all()
        return error

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="watchtui-saver", daemon=True)
            self._thread.start()

    def _write(self, snapshot: Snapshot, *, background: bool) -> None:
        try:
            self.document.write(snapshot)
        except Exception as error:
            self.last_error = error
            self.report(error, background)
        else:
            self.last_error = None
            self.report(None, background)

    def _run(self) -> None:
        while True:
            with self._condition:
                self._condition.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
                snapshot, self._pending = self._pending, None
                self._writing = True
            try:
                self._write(snapshot, background=True)
            finally:
                with self._condition:
                    self._writing = False
                    self._condition.notify_all()
