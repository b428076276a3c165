"""`r` on the main screen: the selected show brought up to date with TVmaze.

TVmaze is asked in a worker thread, so the screen keeps answering keys; the
answer comes back to the screen's thread, where the refresh becomes one change
(one ctrl+z). Success, nothing new, or a failure (offline, a timeout, an error
from TVmaze): one line of feedback, never a crash. Imported when `r` is first
pressed, so that the app starts without the HTTP client.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.widgets import Static

from watchtui.app.text import printable
from watchtui.core.errors import UserError
from watchtui.core.model import Show

if TYPE_CHECKING:
    from watchtui.app.screens.main import MainScreen
    from watchtui.core.tvmaze.fill import Finding
    from watchtui.core.tvmaze.records import TVShow

__all__ = ["refresh_all", "refresh_show", "summary"]


def refresh_show(screen: MainScreen, show: Show) -> None:
    """Ask TVmaze about `show` off the screen's thread, then apply what it says."""
    if show.ids.tvmaze is None and not show.ids.imdb and show.ids.tvdb is None:
        screen.notify(
            f"{printable(show.title)} has no TVmaze, IMDb or TheTVDB id to refresh it by.",
            severity="warning",
        )
        return
    screen.notify(f"Asking TVmaze about {printable(show.title)}…", timeout=2)
    screen.run_worker(
        lambda: _fetch(screen, show),
        thread=True,
        exclusive=True,
        group="tvmaze",
        exit_on_error=False,
    )


def _refreshable(show: Show) -> bool:
    return show.ids.tvmaze is not None or bool(show.ids.imdb) or show.ids.tvdb is not None


def refresh_all(screen: MainScreen) -> None:
    """`R`: every show with an id refreshed, in a worker, its progress on one line."""
    shows = [show for show in screen.document.watchlist.shows if _refreshable(show)]
    if not shows:
        screen.notify("No show has a TVmaze, IMDb or TheTVDB id to refresh it by.")
        return
    for old in screen.query("#refresh-progress"):
        old.remove()
    progress = Static(f"Refreshing 0/{len(shows)}…", id="refresh-progress")
    progress.styles.dock = "bottom"
    progress.styles.height = 1
    screen.mount(progress)
    screen.run_worker(
        lambda: _fetch_all(screen, shows),
        thread=True,
        exclusive=True,
        group="tvmaze",
        exit_on_error=False,
    )


def _fetch_all(screen: MainScreen, shows: list[Show]) -> None:
    """In the worker thread: each show asked in turn, its answer applied as it comes."""
    from watchtui.core.tvmaze import service
    from watchtui.core.tvmaze.client import TVmazeClient

    counts = {"changed": 0, "same": 0, "failed": 0}
    try:
        with TVmazeClient() as client:
            for done, show in enumerate(shows, 1):
                try:
                    tvmaze_id = service.find_id(client, show.ids)
                    tv = service.show(client, tvmaze_id) if tvmaze_id is not None else None
                except UserError:
                    tv = None
                result = screen.app.call_from_thread(_apply_quietly, screen, show, tv)
                counts[result] += 1
                screen.app.call_from_thread(_progress, screen, f"Refreshing {done}/{len(shows)}…")
    except Exception as problem:  # never a crash: the shows refreshed so far are kept
        screen.app.call_from_thread(_finished, screen, counts, str(problem))
        return
    screen.app.call_from_thread(_finished, screen, counts, "")


def _progress(screen: MainScreen, line: str) -> None:
    for progress in screen.query("#refresh-progress").results(Static):
        progress.update(line)


def _apply_quietly(screen: MainScreen, asked: Show, tv: TVShow | None) -> str:
    from watchtui.core.tvmaze.fill import refreshed

    show = screen.document.watchlist.find(asked.title)
    if tv is None or show is None:
        return "failed"
    change, _findings = refreshed(show, tv, today=screen.today)
    if change is None:
        return "same"
    return "changed" if screen.edit(partial(screen.session.change, change)) else "failed"


def _finished(screen: MainScreen, counts: dict[str, int], problem: str) -> None:
    for progress in screen.query("#refresh-progress"):
        progress.remove()
    line = (
        f"Refreshed from TVmaze: {counts['changed']} changed, {counts['same']} unchanged"
        + (f", {counts['failed']} not found" if counts["failed"] else "")
        + "."
    )
    if problem:
        screen.notify(printable(f"{line} Stopped: {problem}"), severity="error")
    else:
        screen.notify(line)


def _fetch(screen: MainScreen, show: Show) -> None:
    """In the worker thread: TVmaze's show, or the one line that says why not."""
    from watchtui.core.tvmaze import service
    from watchtui.core.tvmaze.client import TVmazeClient

    try:
        with TVmazeClient() as client:
            tvmaze_id = service.find_id(client, show.ids)
            tv = service.show(client, tvmaze_id) if tvmaze_id is not None else None
    except UserError as problem:
        screen.app.call_from_thread(_failed, screen, str(problem))
        return
    except Exception as problem:  # never a crash: a refresh is a convenience
        screen.app.call_from_thread(_failed, screen, f"TVmaze could not be used: {problem}")
        return
    screen.app.call_from_thread(_apply, screen, show, tv)


def _failed(screen: MainScreen, message: str) -> None:
    screen.notify(printable(message), title="Not refreshed", severity="error")


def _apply(screen: MainScreen, asked: Show, tv: TVShow | None) -> None:
    from watchtui.core.tvmaze.fill import refreshed

    title = printable(asked.title)
    if tv is None:
        screen.notify(f"TVmaze does not know {title}'s ids.", severity="warning")
        return
    show = screen.document.watchlist.find(asked.title)
    if show is None:  # deleted while TVmaze was asked
        return
    change, findings = refreshed(show, tv, today=screen.today)
    if change is not None and screen.edit(partial(screen.session.change, change)) is None:
        return  # refused: edit() said why
    screen.notify(f"{title}: {summary(findings)}")


def summary(findings: list[Finding]) -> str:
    """What a refresh did, in one line: "Season 3 added; window filled"."""
    if not findings:
        return "nothing new from TVmaze."
    added = {f.season for f in findings if f.change == "season" and f.season is not None}
    parts = [", ".join(f"Season {number}" for number in sorted(added)) + " added" if added else ""]
    for change, word in (("episodes", "episode count"), ("window", "window")):
        made = sum(1 for f in findings if f.change == change and f.season not in added)
        if made:
            parts.append(f"{word} filled" if made == 1 else f"{made} {word}s filled")
    parts += [f"{f.change} filled" for f in findings if f.change in ("network", "ids")]
    parts += [
        f"TVmaze says Season {f.season} comes out {f.value}, outside your {f.yours}"
        for f in findings
        if f.change == "contradiction"
    ]
    return "; ".join(part for part in parts if part) + "."
