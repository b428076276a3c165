"""Two writers on one file: the second to save finds out, and nothing is lost silently.

Two WatchApp instances (each with its own Document, both opened on the same file
before either saves) make one change each. The first saves; the second's save
must stop at the ConflictScreen, and each choice keeps its promise:

- reload: the screen and the file hold the first's change; the second's change
  is dropped, as the screen said it would be;
- overwrite: the file holds the second's change; the first's is gone from the
  file by the user's explicit choice, as the screen said, and still kept in a backup.

Cancel, the third choice, does the same whatever changed the file, and
test_app_conflict.py covers it.

The same is checked without the screen on two Documents.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.text import Text
from textual import events
from textual.widgets import Button, Static

from app_helpers import notifications, press
from watchtui.app.app import WatchApp
from watchtui.app.run import demo_copy
from watchtui.app.screens.dialogs import ConflictScreen
from watchtui.app.screens.main import MainScreen
from watchtui.app.widgets.seasons_pane import SeasonsTable
from watchtui.app.widgets.show_list import ShowList
from watchtui.core.errors import ConflictError
from watchtui.core.model import Show, Status, Watchlist, replace
from watchtui.core.storage.atomic import backup_paths
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.reader import parse_watchlist

TODAY = date(2024, 6, 1)
SIZE = (120, 36)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return demo_copy(tmp_path)


def on_disk(path: Path) -> Watchlist:
    return parse_watchlist(path.read_text(encoding="utf-8"), path)


def titles(watchlist: Watchlist) -> list[str]:
    return [show.title for show in watchlist.shows]


def screen_text(app: WatchApp) -> str:
    """The words on the current screen: its texts and its buttons."""
    parts = []
    for static in app.screen.query(Static):
        content = static.content
        parts.append(content.plain if isinstance(content, Text) else str(content))
    parts += [str(button.label) for button in app.screen.query(Button)]
    return " ".join(" ".join(parts).split())


async def add_show(app: WatchApp, pilot: object, title: str) -> None:
    """Add a show through the form, its title pasted into the focused field."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    await press(pilot, "a")
    await pilot.pause()
    assert type(app.screen).__name__ == "ShowForm"
    assert app.focused is not None
    app.focused.post_message(events.Paste(title))  # pasted: typing each key is slow in tests
    await pilot.pause()
    await press(pilot, "enter")
    await pilot.pause()
    if isinstance(app.screen, MainScreen):
        app.screen.session.flush()  # saves are written on a thread: wait for its report
        await pilot.pause()


async def first_writer_adds(path: Path, first: WatchApp) -> None:
    async with first.run_test(size=SIZE) as pilot:
        await add_show(first, pilot, "Kingdom")
        assert isinstance(first.screen, MainScreen)
        first.screen.saver.flush()
        await pilot.pause()
        assert not first.screen.unsaved
    assert "Kingdom" in titles(on_disk(path))


async def second_writer_marks_watched(second: WatchApp, pilot: object) -> tuple[str, int, bool]:
    """Mark the selected show's first season (un)watched; what changed, to find it again."""
    from textual.pilot import Pilot

    assert isinstance(pilot, Pilot)
    main = second.screen
    assert isinstance(main, MainScreen)
    show = main.query_one(ShowList).current
    assert show is not None and show.seasons
    await press(pilot, "tab")
    await pilot.pause()
    assert isinstance(second.focused, SeasonsTable)
    season = main.query_one(SeasonsTable).season
    assert season is not None
    was_watched = season.finished is not None
    await press(pilot, "w")
    await pilot.pause()
    main.saver.flush()
    await pilot.pause()
    return show.title, season.number, not was_watched


def watched(watchlist: Watchlist, title: str, number: int) -> bool:
    show = next(show for show in watchlist.shows if show.title == title)
    season = next(season for season in show.seasons if season.number == number)
    return season.finished is not None


@pytest.fixture
def writers(path: Path) -> tuple[WatchApp, WatchApp]:
    """Two apps on one file, both opened before either saves."""
    return (
        WatchApp(Document.open(path), TODAY, remember_theme=False),
        WatchApp(Document.open(path), TODAY, remember_theme=False),
    )


def elsewhere_watches_three(path: Path) -> bytes:
    """Another program sets the first show's first season to 3 episodes watched."""
    document = Document.open(path)
    show = document.watchlist.shows[0]
    season = show.seasons[0]
    edited = replace(season, watched=3, finished=None)
    document.commit(Change("watched 3", show, show.with_season(edited, season)))
    return path.read_bytes()


async def test_the_second_save_merges_the_first_change(
    path: Path, writers: tuple[WatchApp, WatchApp]
) -> None:
    first, second = writers
    await first_writer_adds(path, first)

    async with second.run_test(size=SIZE, notifications=True) as pilot:
        title, number, now = await second_writer_marks_watched(second, pilot)
        await pilot.pause()
        main = second.screen
        assert isinstance(main, MainScreen)  # no question: the changes are to different shows
        main.saver.flush()  # the merged watchlist is being saved
        await pilot.pause()
        assert not main.unsaved
        assert "Kingdom" in titles(second.document.watchlist)  # the first's change is shown
        assert any("Merged the change made elsewhere (1 show)" in t for t in notifications(second))

    saved = on_disk(path)
    assert "Kingdom" in titles(saved)  # both changes are in the file
    assert watched(saved, title, number) is now


async def test_a_real_conflict_asks_and_reload_keeps_the_other_change(
    path: Path, writers: tuple[WatchApp, WatchApp]
) -> None:
    _, second = writers
    after_first = elsewhere_watches_three(path)

    async with second.run_test(size=SIZE, notifications=True) as pilot:
        title, number, now = await second_writer_marks_watched(second, pilot)
        await pilot.pause()
        assert isinstance(second.screen, ConflictScreen)
        said = screen_text(second)
        assert str(path) in said
        assert "reload it (your last change is dropped)" in said
        assert any("Both changed" in text for text in notifications(second))
        assert path.read_bytes() == after_first  # the second did not write over the first
        assert watched(second.document.watchlist, title, number) is now  # still on screen

        await press(pilot, "r")
        await pilot.pause()
        main = second.screen
        assert isinstance(main, MainScreen)
        assert not main.unsaved
        assert any("Reloaded" in text for text in notifications(second))

    assert path.read_bytes() == after_first


async def test_overwrite_keeps_the_second_change_and_says_the_first_is_lost(
    path: Path, writers: tuple[WatchApp, WatchApp]
) -> None:
    _, second = writers
    after_first = elsewhere_watches_three(path)

    async with second.run_test(size=SIZE, notifications=True) as pilot:
        title, number, now = await second_writer_marks_watched(second, pilot)
        await pilot.pause()
        assert isinstance(second.screen, ConflictScreen)
        said = screen_text(second)
        assert "overwrite it with what you see here" in said
        assert "the change made on disk is lost" in said  # the user is told before choosing

        await press(pilot, "o")
        await pilot.pause()
        assert isinstance(second.screen, MainScreen)
        second.screen.saver.flush()
        await pilot.pause()
        assert not second.screen.unsaved
        assert any("Saved over" in text for text in notifications(second))

    saved = on_disk(path)
    assert watched(saved, title, number) is now  # the second's change is in the file
    assert saved.shows == second.document.watchlist.shows
    # ... and the file as the other program left it is the newest backup.
    assert backup_paths(path)[0].read_bytes() == after_first


async def test_two_apps_running_at_once_each_see_the_other(
    path: Path, writers: tuple[WatchApp, WatchApp]
) -> None:
    """Interleaved: both open, each adds a show in turn; every save merges the other's."""
    first, second = writers
    async with first.run_test(size=SIZE) as one, second.run_test(size=SIZE) as two:
        await add_show(first, one, "Kingdom")
        assert isinstance(first.screen, MainScreen) and not first.screen.unsaved

        await add_show(second, two, "Mr Sunshine")
        await two.pause()
        second.screen.saver.flush()
        await two.pause()
        assert isinstance(second.screen, MainScreen) and not second.screen.unsaved
        assert {"Kingdom", "Mr Sunshine"} <= set(titles(second.document.watchlist))

        await add_show(first, one, "Signal")  # the first is now the one behind
        await one.pause()
        first.screen.saver.flush()
        await one.pause()
        assert isinstance(first.screen, MainScreen) and not first.screen.unsaved
        assert {"Kingdom", "Mr Sunshine", "Signal"} <= set(titles(first.document.watchlist))

    assert {"Kingdom", "Mr Sunshine", "Signal"} <= set(titles(on_disk(path)))


# ---------------------------------------------------------------------------
# The same without the screen: two Documents


def _add(document: Document, title: str) -> None:
    document.commit(Change(f"add {title}", None, Show(title, status=Status.PLANNED)))


def test_two_documents_the_second_save_raises_and_writes_nothing(path: Path) -> None:
    one, two = Document.open(path), Document.open(path)
    _add(one, "Kingdom")
    after_one = path.read_bytes()
    with pytest.raises(ConflictError):
        _add(two, "Mr Sunshine")
    assert path.read_bytes() == after_one
    assert "Mr Sunshine" in titles(two.watchlist)  # kept in memory: the caller decides

    two.reload()
    assert "Kingdom" in titles(two.watchlist) and "Mr Sunshine" not in titles(two.watchlist)
    assert two.history == []
    _add(two, "Mr Sunshine")  # after a reload the second saves on top of the first
    assert {"Kingdom", "Mr Sunshine"} <= set(titles(on_disk(path)))


def test_two_documents_a_forced_save_overwrites_and_keeps_a_backup(path: Path) -> None:
    one, two = Document.open(path), Document.open(path)
    _add(one, "Kingdom")
    after_one = path.read_bytes()
    with pytest.raises(ConflictError):
        _add(two, "Mr Sunshine")
    two.save(force=True)
    saved = on_disk(path)
    assert "Mr Sunshine" in titles(saved) and "Kingdom" not in titles(saved)
    assert backup_paths(path)[0].read_bytes() == after_one

    # The first writer is now the one behind: its next save is stopped in turn.
    with pytest.raises(ConflictError):
        _add(one, "Signal")
    assert on_disk(path) == saved


def test_two_documents_undo_after_the_other_saved_is_stopped_too(path: Path) -> None:
    one, two = Document.open(path), Document.open(path)
    _add(one, "Kingdom")
    _add(one, "Signal")
    two.reload()
    _add(two, "Mr Sunshine")
    after_two = path.read_bytes()
    with pytest.raises(ConflictError):
        one.undo()  # would drop Mr Sunshine from the file
    assert path.read_bytes() == after_two
    assert "Mr Sunshine" in titles(on_disk(path))


def test_a_forced_save_late_in_a_run_still_backs_up_what_it_overwrites(path: Path) -> None:
    """Backups are made once a run; a file overwritten on the user's word is kept all the same."""
    one, two = Document.open(path), Document.open(path)
    _add(two, "Mr Sunshine")  # the second's first save: its backup of the run is made
    one.reload()
    _add(one, "Kingdom")
    after_one = path.read_bytes()
    with pytest.raises(ConflictError):
        _add(two, "Signal")
    two.save(force=True)
    assert "Kingdom" not in titles(on_disk(path))
    assert backup_paths(path)[0].read_bytes() == after_one
