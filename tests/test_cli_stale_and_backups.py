"""The command line and a file changed meanwhile, backups and the lock file."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from cli_helpers import run, sample_file
from watchtui.cli.files import commit, open_document
from watchtui.core.errors import ConflictError
from watchtui.core.model import Show, replace
from watchtui.core.storage.atomic import backup_paths
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.reader import parse_watchlist


def titles(path: Path) -> list[str]:
    return [show.title for show in parse_watchlist(path.read_text(encoding="utf-8"), path).shows]


def test_a_stale_read_merges_a_change_made_meanwhile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = sample_file(tmp_path)
    document = open_document(argparse.Namespace(file=str(path)))  # the command reads...
    other = Document.open(path)  # ... the app (or a sync tool) saves meanwhile ...
    other.commit(Change("add", None, Show("Written Elsewhere")))
    commit(document, Change("add", None, Show("Kingdom")))  # ... and the command saves
    assert {"Written Elsewhere", "Kingdom"} <= set(titles(path))
    assert "Merged the change made elsewhere (1 show)" in capsys.readouterr().err


def test_a_stale_read_that_changed_the_same_field_is_refused(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    document = open_document(argparse.Namespace(file=str(path)))
    other = Document.open(path)
    first = other.watchlist.shows[0]
    other.commit(Change("rate", first, replace(first, rating=3)))
    before = path.read_bytes()
    show = document.watchlist.shows[0]
    with pytest.raises(ConflictError, match=r"changed elsewhere in the same place \(.*rating\)"):
        commit(document, Change("rate", show, replace(show, rating=9)))
    assert path.read_bytes() == before


def test_many_commands_keep_the_file_as_it_was_before_the_first(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    morning = path.read_bytes()
    for title in ("Kingdom", "Signal", "Mr Sunshine"):
        assert run("add", title, file=path).code == 0
    assert backup_paths(path)[0].read_bytes() == morning  # one backup today, not three
    assert not backup_paths(path)[1].exists()
    assert {"Kingdom", "Signal", "Mr Sunshine"} <= set(titles(path))
    assert not path.with_name(f".{path.name}.lock").exists()
