"""Faults at save: a full disk, a refused permission, a file changed behind our back.

Each fault is injected where it happens (os.write, os.fsync or os.open raising the
OSError the system would, another process's edit between read and write, a lock
held by another process), and each must leave the file on disk byte for byte as
it was, leave no temporary file, and give a message that names the user's file.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from watchtui.cli.main import main
from watchtui.core.errors import ConflictError, SaveError, WatchlistFileError
from watchtui.core.model import Show
from watchtui.core.storage import atomic
from watchtui.core.storage.document import Change, Document

ORIGINAL = 'version = 1\n\n[[show]]\ntitle = "Dark"\n'


@pytest.fixture
def watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "watchlist.toml"
    path.write_text(ORIGINAL, encoding="utf-8")
    return path


def add_kingdom(document: Document) -> None:
    document.commit(Change("add Kingdom", None, Show(title="Kingdom")))


def assert_intact(path: Path) -> None:
    assert path.read_text(encoding="utf-8") == ORIGINAL
    assert sorted(p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")) == []


def fail_with(code: int) -> Callable[..., object]:
    def failing(*args: object, **kwargs: object) -> object:
        raise OSError(code, os.strerror(code))

    return failing


@pytest.mark.parametrize(
    ("call", "code", "words"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.ENOSPC, "the disk is full"),
        ("write", errno.EDQUOT, "quota"),
        ("fsync", errno.EIO, "Input/output error"),
        ("replace", errno.EACCES, "permission denied"),
    ],
)
def test_a_failing_save_names_the_file_and_leaves_it_intact(
    watchlist: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, words: str
) -> None:
    document = Document.open(watchlist)
    monkeypatch.setattr(os, call, fail_with(code))
    with pytest.raises(SaveError) as caught:
        add_kingdom(document)
    monkeypatch.undo()
    message = str(caught.value)
    assert message.startswith(f"{watchlist}: ") and words in message
    assert ".tmp" not in message
    assert_intact(watchlist)


def test_permission_denied_on_the_temporary_file_names_the_watchlist(
    watchlist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document.open(watchlist)
    real_open = os.open

    def refusing(path: str | Path, flags: int, *args: int, **kwargs: object) -> int:
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing)
    with pytest.raises(SaveError, match="permission denied") as caught:
        add_kingdom(document)
    monkeypatch.undo()
    assert str(caught.value).startswith(f"{watchlist}: ")
    assert_intact(watchlist)


def test_the_command_line_says_the_disk_is_full_naming_the_file(
    watchlist: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(os, "fsync", fail_with(errno.ENOSPC))
    code = main(["add", "Kingdom", "--file", str(watchlist)])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1
    assert err == (
        f"{watchlist}: could not be written: the disk is full; the file on disk was left "
        "as it was\n"
    )
    assert_intact(watchlist)


def test_a_same_size_edit_with_the_old_time_set_back_is_a_conflict(watchlist: Path) -> None:
    document = Document.open(watchlist)
    before = watchlist.stat()
    edited = ORIGINAL.replace("Dark", "Dirk")  # same size
    watchlist.write_text(edited, encoding="utf-8")
    os.utime(watchlist, ns=(before.st_atime_ns, before.st_mtime_ns))  # as sync tools do
    assert watchlist.stat().st_size == before.st_size
    with pytest.raises(ConflictError):
        add_kingdom(document)
    assert watchlist.read_text(encoding="utf-8") == edited  # the other program's edit kept


def test_a_file_replaced_by_another_between_read_and_write_is_a_conflict(
    watchlist: Path,
) -> None:
    document = Document.open(watchlist)
    other = watchlist.with_name("other.toml")
    other.write_text(ORIGINAL.replace("Dark", "Dirk"), encoding="utf-8")
    os.replace(other, watchlist)
    with pytest.raises(ConflictError):
        add_kingdom(document)
    assert "Dirk" in watchlist.read_text(encoding="utf-8")


def test_a_deleted_file_is_a_conflict_not_a_new_empty_watchlist(watchlist: Path) -> None:
    document = Document.open(watchlist)
    watchlist.unlink()
    with pytest.raises(ConflictError, match="was deleted"):
        add_kingdom(document)
    assert not watchlist.exists()


def test_a_missing_file_with_backups_is_not_started_afresh(watchlist: Path) -> None:
    add_kingdom(Document.open(watchlist))  # the first save keeps .bak1
    watchlist.unlink()
    with pytest.raises(
        WatchlistFileError, match=r"is missing, but its backup watchlist\.toml\.bak1"
    ):
        Document.open(watchlist)


def test_a_read_only_file_is_refused_with_its_name(watchlist: Path) -> None:
    document = Document.open(watchlist)
    watchlist.chmod(0o444)
    try:
        with pytest.raises(SaveError, match="is read-only") as caught:
            add_kingdom(document)
        assert str(caught.value).startswith(f"{watchlist}: ")
        assert watchlist.read_text(encoding="utf-8") == ORIGINAL
        assert watchlist.stat().st_mode & 0o777 == 0o444
    finally:
        watchlist.chmod(0o644)


def test_the_mode_is_kept(watchlist: Path) -> None:
    watchlist.chmod(0o600)
    add_kingdom(Document.open(watchlist))
    assert watchlist.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can save a file another user owns")
def test_root_saving_a_users_file_keeps_the_users_ownership(watchlist: Path) -> None:
    os.chown(watchlist, 4321, 4321)
    add_kingdom(Document.open(watchlist))
    info = watchlist.stat()
    assert (info.st_uid, info.st_gid) == (4321, 4321)
    assert "Kingdom" in watchlist.read_text(encoding="utf-8")


def test_a_held_lock_times_out_naming_the_holder(
    watchlist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lock = watchlist.with_name(f".{watchlist.name}.lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.2)
        with pytest.raises(SaveError) as caught:
            add_kingdom(Document.open(watchlist))
        message = str(caught.value)
        assert message.startswith(f"{watchlist}: could not be saved: process {holder.pid}")
        assert "has held its lock for over 0.2 s" in message
    finally:
        holder.kill()
        holder.wait()
    assert_intact(watchlist)


HOLD_LOCK = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o644)
fcntl.flock(fd, fcntl.LOCK_EX)
os.ftruncate(fd, 0)
os.pwrite(fd, f"{os.getpid()}\\n".encode(), 0)
print("locked", flush=True)
time.sleep(30)
"""


def test_a_lock_file_that_is_a_symlink_is_not_followed(watchlist: Path) -> None:
    victim = watchlist.with_name("victim.txt")
    victim.write_text("precious", encoding="utf-8")
    watchlist.with_name(f".{watchlist.name}.lock").symlink_to(victim)
    with pytest.raises(SaveError, match="lock file"):
        add_kingdom(Document.open(watchlist))
    assert victim.read_text(encoding="utf-8") == "precious"
    assert_intact(watchlist)


def test_the_lock_is_released_after_a_failed_save(
    watchlist: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = Document.open(watchlist)
    monkeypatch.setattr(os, "fsync", fail_with(errno.ENOSPC))
    with pytest.raises(SaveError):
        add_kingdom(document)
    monkeypatch.undo()
    assert not watchlist.with_name(f".{watchlist.name}.lock").exists()  # released and removed
    document.save()  # the next save gets the lock
