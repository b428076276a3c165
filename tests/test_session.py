"""The session behind the main screen, driven without a terminal: changes, undo,
redo and saving, each checked against the file."""

from __future__ import annotations

import shutil
import sys
import threading
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from watchtui.app.run import demo_copy
from watchtui.app.session import Session
from watchtui.core.errors import ConflictError, ModelError, Unchanged
from watchtui.core.model import CastNote, Show, replace
from watchtui.core.storage.document import Change, Document
from watchtui.core.views import ShowFilter

TODAY = date(2024, 6, 1)


class Reports:
    """What the session reported, and from which thread."""

    def __init__(self) -> None:
        self.seen: list[tuple[BaseException | None, int, str]] = []

    def __call__(self, error: BaseException | None, number: int) -> None:
        self.seen.append((error, number, threading.current_thread().name))


def on_disk(path: Path) -> list[dict[str, Any]]:
    shows: list[dict[str, Any]] = tomllib.loads(path.read_text(encoding="utf-8"))["show"]
    return shows


def titles(path: Path) -> list[str]:
    return [show["title"] for show in on_disk(path)]


@pytest.fixture
def session(tmp_path: Path) -> tuple[Session, Reports]:
    reports = Reports()
    return Session(Document.open(demo_copy(tmp_path)), TODAY, reports), reports


def test_a_change_is_saved_on_the_writer_thread(session: tuple[Session, Reports]) -> None:
    s, reports = session
    s.change(Change("add Kingdom", None, Show(title="Kingdom")))
    assert s.flush() is None
    assert "Kingdom" in titles(s.path)
    assert [(error, number) for error, number, _ in reports.seen] == [(None, 1)]
    assert reports.seen[0][2] != threading.main_thread().name  # never the caller's thread
    assert [show.title for show in s.visible(ShowFilter.ALL, "king")] == ["Kingdom"]
    s.close()


def test_undo_and_redo_go_back_and_forth_and_a_new_change_clears_redo(
    session: tuple[Session, Reports],
) -> None:
    s, _ = session
    shogun = next(show for show in s.shows if show.title == "Shōgun")
    first = shogun.seasons[0]
    change = s.step_episodes(shogun, first, 1)
    assert change is not None
    s.flush()
    assert on_disk(s.path)[5]["season"][0]["watched"] == first.watched + 1

    undone = s.undo()
    assert undone is not None and undone.description == "Season 1 of Shōgun episodes 6→7"
    s.flush()
    assert on_disk(s.path)[5]["season"][0]["watched"] == first.watched

    redone = s.redo()
    assert redone is not None and redone.changes[0].after is change.after
    s.flush()
    assert on_disk(s.path)[5]["season"][0]["watched"] == first.watched + 1
    assert s.redo() is None  # nothing left to redo

    s.undo()
    s.delete(s.shows[0], s.shows[0])  # a new change
    assert s.redo() is None
    s.flush()
    assert "All of Us Are Dead" not in titles(s.path)
    assert on_disk(s.path)[4]["season"][0]["watched"] == first.watched
    s.undo()
    s.flush()
    assert titles(s.path)[0] == "All of Us Are Dead"
    assert s.undo() is None  # the episode was undone before the delete
    s.close()


def test_a_refused_change_changes_nothing(session: tuple[Session, Reports]) -> None:
    s, reports = session
    before = s.path.read_bytes()
    with pytest.raises(ModelError):
        s.change(Change("add Arcane again", None, Show(title="arcane")))
    assert s.flush() is None
    assert s.path.read_bytes() == before
    assert reports.seen == []
    assert s.document.history == []


def test_toggle_watched_and_episode_limits(session: tuple[Session, Reports]) -> None:
    s, _ = session
    before = s.path.read_bytes()
    dead = s.shows[0]
    with pytest.raises(Unchanged, match=r"^Season 1: no more episodes$"):  # 12 of 12 already
        s.step_episodes(dead, dead.seasons[0], 1)
    with pytest.raises(Unchanged, match=r"^Season 2: no episode watched$"):
        s.step_episodes(dead, dead.seasons[1], -1)
    assert s.flush() is None and s.path.read_bytes() == before and s.document.history == []
    change = s.toggle_watched(dead, dead.seasons[0])
    assert change.description == "mark Season 1 of All of Us Are Dead unwatched"
    s.flush()
    season = on_disk(s.path)[0]["season"][0]
    assert season.get("watched", 0) == 0 and "finished" not in season
    s.close()


def test_toggle_watched_keeps_the_progress_of_a_partly_watched_season(
    session: tuple[Session, Reports],
) -> None:
    s, _ = session
    shogun = next(show for show in s.shows if show.title == "Shōgun")
    assert (shogun.seasons[0].watched, shogun.seasons[0].episodes) == (6, 10)
    change = s.toggle_watched(shogun, shogun.seasons[0])
    assert change.description == "mark Season 1 of Shōgun watched"
    s.flush()
    season = on_disk(s.path)[5]["season"][0]
    assert (season["watched"], season["finished"]) == (10, TODAY)
    s.close()


def test_the_forms_edits_follow_the_edit_rules(session: tuple[Session, Reports]) -> None:
    s, _ = session
    squid = next(show for show in s.shows if show.title == "Squid Game")
    two = squid.seasons[1]
    draft = replace(two, window=" TBA ", source=" Netflix ")
    change = s.edit_season(squid, two, draft)
    assert change.description == "edit Season 2 of Squid Game"
    s.flush()
    season = on_disk(s.path)[1]["season"][1]
    assert "window" not in season and season["source"] == "Netflix"  # TBA is stored empty
    assert season["noted"] == TODAY  # said anew: noted today
    squid = next(show for show in s.shows if show.title == "Squid Game")
    with pytest.raises(Unchanged, match=r"^Season 2 unchanged$"):
        s.edit_season(squid, squid.seasons[1], replace(squid.seasons[1], source="Netflix "))
    with pytest.raises(ModelError, match="already has a cast note"):
        s.add_cast_note(squid, CastNote(squid.cast[0].name.upper()))
    assert len(s.document.history) == 1
    s.close()


def test_a_failed_save_is_reported_and_the_change_kept(session: tuple[Session, Reports]) -> None:
    s, reports = session
    s.path.write_text('version = 1\n\n[[show]]\ntitle = "Elsewhere"\n', encoding="utf-8")
    s.change(Change("add Kingdom", None, Show(title="Kingdom")))
    error = s.flush()
    assert isinstance(error, ConflictError)
    assert isinstance(reports.seen[-1][0], ConflictError)
    assert titles(s.path) == ["Elsewhere"]  # the other program's file is left alone
    assert "Kingdom" in [show.title for show in s.shows]  # and the change is still here
    s.overwrite()
    assert s.flush() is None
    assert "Kingdom" in titles(s.path) and "Elsewhere" not in titles(s.path)
    assert [number for _, number, _ in reports.seen] == [1, 2]
    s.close()


def test_a_failed_write_is_reported_and_the_cache_left_alone(tmp_path: Path) -> None:
    reports = Reports()
    folder = tmp_path / "gone"
    folder.mkdir()
    s = Session(Document.open(demo_copy(folder)), TODAY, reports)
    shutil.rmtree(folder)
    folder.write_text("not a folder", encoding="utf-8")  # the file's folder is now a file
    s.change(Change("add Kingdom", None, Show(title="Kingdom")))
    error = s.flush()
    assert isinstance(error, OSError)
    assert isinstance(reports.seen[-1][0], OSError)
    assert "Kingdom" in [show.title for show in s.shows]
    assert s.close() is error  # still unsaved: nothing else is written


def test_reload_drops_the_change_and_redo(session: tuple[Session, Reports]) -> None:
    s, _ = session
    s.change(Change("add Kingdom", None, Show(title="Kingdom")))
    s.undo()
    s.flush()
    s.path.write_text('version = 1\n\n[[show]]\ntitle = "Elsewhere"\n', encoding="utf-8")
    s.reload()
    assert [show.title for show in s.shows] == ["Elsewhere"]
    assert s.redo() is None and s.undo() is None
    assert s.counts is None  # to be counted again
    s.close()


def test_the_session_does_not_import_textual() -> None:
    import subprocess

    code = "import sys, watchtui.app.session; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
