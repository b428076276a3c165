"""The file on disk: atomic saves that keep permissions, backups, conflicts, leftovers."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from watchtui.core.errors import ConflictError, WatchlistFileError
from watchtui.core.model import Show, Watchlist
from watchtui.core.storage.atomic import (
    BACKUPS,
    backup_paths,
    fingerprint,
    load,
    remove_stray_temp_files,
    write_atomic,
)
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.writer import dump_watchlist

ONE = 'version = 1\n\n[[show]]\ntitle = "Dark"\nstatus = "watching"\n'
TWO = ONE + '\n[[show]]\ntitle = "Severance"\nstatus = "planned"\n'


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


@pytest.mark.parametrize("bits", [0o644, 0o640, 0o600, 0o664])
def test_save_keeps_the_permission_bits(tmp_path: Path, bits: int) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(ONE, encoding="utf-8")
    path.chmod(bits)
    loaded = load(path)
    write_atomic(path, TWO, loaded.fingerprint, backup=True)
    assert path.read_text(encoding="utf-8") == TWO
    assert mode(path) == bits


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        path = tmp_path / "watchlist.toml"
        write_atomic(path, ONE, None)
    finally:
        os.umask(previous)
    assert mode(path) == 0o644  # not the 0600 of a bare mkstemp


def test_a_missing_file_is_an_empty_watchlist_and_its_folder_is_made_on_save(
    tmp_path: Path,
) -> None:
    path = tmp_path / "not" / "yet" / "watchlist.toml"
    loaded = load(path)
    assert loaded.watchlist == Watchlist()
    assert loaded.fingerprint is None and loaded.text == ""
    assert not path.parent.exists()  # loading creates nothing
    document = Document.open(path)
    document.commit(Change("add", None, Show("Dark")))
    assert load(path).watchlist.shows == [Show("Dark")]
    assert leftovers(path.parent) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stray_temp_files_of_dead_processes_are_removed_on_load(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(ONE, encoding="utf-8")
    dead = tmp_path / f".watchlist.toml.{_dead_pid()}.0badc0de.tmp"
    dead.write_text(ONE[:10], encoding="utf-8")  # half a save
    ours = tmp_path / f".watchlist.toml.{os.getpid()}.12345678.tmp"  # no save is running
    ours.write_text("", encoding="utf-8")
    alive = tmp_path / f".watchlist.toml.{os.getppid()}.abcdef01.tmp"  # a save in progress
    alive.write_text("", encoding="utf-8")
    unrelated = [
        tmp_path / f".other.toml.{_dead_pid()}.0badc0de.tmp",
        tmp_path / ".watchlist.toml.notes.tmp",
        tmp_path / "watchlist.toml.bak1",
    ]
    for other in unrelated:
        other.write_text("keep", encoding="utf-8")

    assert load(path).watchlist.shows == [Show("Dark")]

    assert not dead.exists() and not ours.exists()
    assert alive.exists()
    assert all(other.read_text(encoding="utf-8") == "keep" for other in unrelated)
    assert remove_stray_temp_files(path) == []


def test_five_rotating_backups(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    versions = [dump_watchlist(Watchlist([Show(f"Show {n}")])) for n in range(9)]
    path.write_text(versions[0], encoding="utf-8")
    for n in range(1, 9):
        document = Document.open(path)  # one backup for each run of the program
        old = document.watchlist.shows[0]
        document.commit(Change("rename", old, Show(f"Show {n}")))
        document.commit(Change("status", document.watchlist.shows[0], Show(f"Show {n}")))
        assert path.read_text(encoding="utf-8") == versions[n]
    slots = backup_paths(path)
    assert len(slots) == BACKUPS == 5
    # .bak1 is the file as it was before the last run, .bak5 five runs back
    assert [slot.read_text(encoding="utf-8") for slot in slots] == versions[7:2:-1]
    assert not path.with_name("watchlist.toml.bak6").exists()
    assert leftovers(tmp_path) == []


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(ONE, encoding="utf-8")
    document = Document.open(path)
    theirs = ONE + '\n[[show]]\ntitle = "Written elsewhere"\n'
    path.write_text(theirs, encoding="utf-8")  # an editor, in place

    with pytest.raises(ConflictError) as caught:
        document.commit(Change("add", None, Show("Mine")))
    assert caught.value.path == path
    assert path.read_text(encoding="utf-8") == theirs
    assert leftovers(tmp_path) == []

    document.save(force=True)
    assert [show.title for show in load(path).watchlist.shows] == ["Dark", "Mine"]
    document.commit(Change("add", None, Show("After")))  # the forced save is the new base
    assert [show.title for show in load(path).watchlist.shows] == ["Dark", "Mine", "After"]


def test_a_file_replaced_by_another_writer_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(ONE, encoding="utf-8")
    loaded = load(path)
    other = load(path)
    write_atomic(path, TWO, other.fingerprint)  # another instance saved first
    with pytest.raises(ConflictError):
        write_atomic(path, ONE + "# mine\n", loaded.fingerprint)
    assert path.read_text(encoding="utf-8") == TWO


def test_same_size_edit_in_place_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(ONE, encoding="utf-8")
    loaded = load(path)
    time.sleep(0.03)  # beyond the file system's timestamp granularity
    path.write_text(ONE.replace("Dark", "Kard"), encoding="utf-8")
    with pytest.raises(ConflictError):
        write_atomic(path, TWO, loaded.fingerprint)
    assert "Kard" in path.read_text(encoding="utf-8")


def test_a_file_created_since_a_missing_file_was_read_is_a_conflict(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    loaded = load(path)
    path.write_text(ONE, encoding="utf-8")
    with pytest.raises(ConflictError):
        write_atomic(path, TWO, loaded.fingerprint)
    assert path.read_text(encoding="utf-8") == ONE


def test_save_returns_the_fingerprint_to_expect_next(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    first = write_atomic(path, ONE, None)
    assert first == fingerprint(path)
    second = write_atomic(path, TWO, first)
    assert second == fingerprint(path) and second != first


@pytest.mark.parametrize(
    "data",
    [
        b'version = 1\n[[show]]\ntitle = "Dark"\nstatus = "nope"\n',
        b"version = 2\n",
        b"\xff\xfe" + 'version = 1\n[[show]]\ntitle = "Dark"\n'.encode("utf-16-le"),
        b'version = 1\n[[show]]\ntitle = "\xe9t\xe9"\n',
    ],
)
def test_a_file_that_cannot_be_read_is_left_exactly_as_it_was(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_bytes(data)
    path.chmod(0o640)
    before = path.stat()
    with pytest.raises(WatchlistFileError):
        load(path)
    with pytest.raises(WatchlistFileError):
        Document.open(path)
    after = path.stat()
    assert path.read_bytes() == data
    assert (after.st_mtime_ns, after.st_ino, mode(path)) == (
        before.st_mtime_ns,
        before.st_ino,
        0o640,
    )
    assert sorted(os.listdir(tmp_path)) == ["watchlist.toml"]


def test_utf8_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_bytes(b"\xef\xbb\xbf" + ONE.encode("utf-8"))
    assert load(path).watchlist.shows == [Show("Dark")]


def test_utf16_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_bytes(ONE.encode("utf-16"))
    with pytest.raises(WatchlistFileError, match="UTF-16") as caught:
        load(path)
    assert caught.value.line == 1


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_bytes(b'version = 1\n\n[[show]]\ntitle = "caf\xe9"\n')
    with pytest.raises(WatchlistFileError, match="not UTF-8") as caught:
        load(path)
    assert caught.value.line == 4


def test_a_folder_is_not_a_watchlist(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.mkdir()
    with pytest.raises(WatchlistFileError, match="folder") as caught:
        load(path)
    assert str(caught.value) == f"{path}: is a folder, not a watchlist file"
