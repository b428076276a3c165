"""A watchlist opened for changes: each change saved at once, and undoable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from watchtui.core import edits
from watchtui.core.errors import ModelError
from watchtui.core.model import CastNote, Confidence, Season, Show, Status, Watchlist
from watchtui.core.storage.atomic import load
from watchtui.core.storage.document import UNDO_DEPTH, Change, Document

START = """\
version = 1

[[show]]
title = "Dark"
status = "completed"

[[show]]
title = "Severance"
status = "watching"

[[show.season]]
number = 2
window = "2025-01-17"

[[show]]
title = "Arcane"
status = "planned"
"""


@pytest.fixture
def path(tmp_path: Path) -> Path:
    file = tmp_path / "watchlist.toml"
    file.write_text(START, encoding="utf-8")
    return file


def titles(path: Path) -> list[str]:
    return [show.title for show in load(path).watchlist.shows]


def test_each_change_is_saved_at_once_and_undone_in_order(path: Path) -> None:
    document = Document.open(path)
    dark, severance, _ = document.watchlist.shows
    season_3 = Season(3, window="2026", confidence=Confidence.HINTED)

    document.commit(Change("add", None, Show("Pluribus")))
    assert titles(path) == ["Dark", "Severance", "Arcane", "Pluribus"]
    document.commit(Change("add season", severance, severance.with_season(season_3)))
    assert load(path).watchlist.find("Severance").season(3) is not None  # type: ignore[union-attr]
    document.commit(Change("delete", dark, None))
    assert titles(path) == ["Severance", "Arcane", "Pluribus"]

    undone = document.undo()
    assert undone is not None and undone.description == "delete"
    assert titles(path) == ["Dark", "Severance", "Arcane", "Pluribus"]  # back in its place
    document.undo()
    assert load(path).watchlist.find("Severance") == severance
    document.undo()
    assert titles(path) == ["Dark", "Severance", "Arcane"]
    assert document.undo() is None
    assert load(path).watchlist == Document.open(path).watchlist
    assert load(path).watchlist.shows == document.watchlist.shows


def test_add_at_a_position(path: Path) -> None:
    document = Document.open(path)
    applied = document.commit(Change("add", None, Show("First"), position=0))
    assert applied.position == 0
    assert titles(path)[0] == "First"


def test_a_refused_change_changes_nothing(path: Path) -> None:
    document = Document.open(path)
    severance = document.watchlist.shows[1]
    before = path.read_bytes()
    with pytest.raises(ModelError, match="already a show"):
        document.commit(Change("add", None, Show("  DARK ")))
    with pytest.raises(ModelError, match="already a show"):
        document.commit(Change("rename", severance, Show("arcane")))
    assert path.read_bytes() == before
    assert document.history == []
    assert [show.title for show in document.watchlist.shows] == ["Dark", "Severance", "Arcane"]
    with pytest.raises(ModelError):
        severance.with_season(Season(2))  # it has a season 2 already
    with pytest.raises(ModelError):
        Season(1, episodes=2, watched=3)
    with pytest.raises(ModelError):
        CastNote(" ")


def test_undo_keeps_at_most_the_last_changes(path: Path) -> None:
    document = Document.open(path)
    for n in range(UNDO_DEPTH + 5):
        document.commit(Change(f"add {n}", None, Show(f"Show {n}")))
    undone = 0
    while document.undo() is not None:
        undone += 1
    assert undone == UNDO_DEPTH
    assert titles(path) == ["Dark", "Severance", "Arcane"] + [f"Show {n}" for n in range(5)]


def test_watching_a_season_through_the_document(path: Path) -> None:
    document = Document.open(path)
    severance = document.watchlist.shows[1]
    season = severance.seasons[0]
    today = date(2025, 6, 15)
    document.commit(edits.mark_watched(document.watchlist, severance, season, today=today))
    saved = load(path).watchlist.find("Severance")
    assert saved is not None and saved.seasons[0].finished == today


def test_reload_reads_the_file_again_and_forgets_the_history(path: Path) -> None:
    document = Document.open(path)
    document.commit(Change("add", None, Show("Mine")))
    path.write_text(START.replace('status = "planned"', 'status = "dropped"'), encoding="utf-8")
    document.reload()
    assert document.history == []
    assert document.watchlist.find("Arcane").status is Status.DROPPED  # type: ignore[union-attr]
    assert document.watchlist.find("Mine") is None
    document.commit(Change("add", None, Show("Again")))  # no conflict after a reload
    assert titles(path) == ["Dark", "Severance", "Arcane", "Again"]


def test_saving_an_unchanged_document_keeps_the_file_as_written(path: Path) -> None:
    commented = START.replace('title = "Dark"', 'title = "Dark"  # the German one')
    path.write_text(commented, encoding="utf-8")
    document = Document.open(path)
    document.save()
    assert path.read_text(encoding="utf-8") == commented


def test_changes_applied_together_are_all_made_or_none_and_undone_as_one(
    tmp_path: Path,
) -> None:
    document = Document(tmp_path / "w.toml", Watchlist([Show("Dark")]), None)
    dark = document.watchlist.shows[0]
    many = [Change(f"import {n}", None, Show(f"Show {n}")) for n in range(UNDO_DEPTH + 5)]
    step = document.apply_all("import", many)
    assert len(step.changes) == UNDO_DEPTH + 5 and len(document.history) == 1
    taken = document.take_back()
    assert taken is step and document.watchlist.shows == [dark]

    clash = [Change("import Severance", None, Show("Severance")), Change("again", None, dark)]
    with pytest.raises(ModelError):
        document.apply_all("import", clash)  # Dark is there already: Severance goes too
    assert document.watchlist.shows == [dark] and document.history == []
