"""`watchtui completion bash`, loaded into a real bash: commands, options, their
values, files, and titles found as the app finds them, each quoted for the shell,
none ever run as a command."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from cli_helpers import run

TITLES = ["Shōgun", "The Bear", "The Boys", "Frieren: Beyond Journey's End", "$(touch pwned)"]


@cache
def script() -> str:
    return run("completion", "bash").out


def completed(folder: Path, *words: str) -> list[str]:
    """What bash completion offers for the last of `words`, typed after `watchtui`."""
    line = " ".join(f"'{word}'" for word in ("watchtui", *words))
    probe = (
        f"{script()}\nCOMP_WORDS=({line}); COMP_CWORD={len(words)}; _watchtui\n"
        '((${#COMPREPLY[@]})) && printf "%s\\n" "${COMPREPLY[@]}" || true\n'
    )
    bin_folder = folder / "bin"  # `watchtui` as the completion calls it
    bin_folder.mkdir(exist_ok=True)
    command = bin_folder / "watchtui"
    command.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m watchtui "$@"\n')
    command.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}"}
    result = subprocess.run(
        ["bash", "--norc", "-c", probe],
        capture_output=True,
        text=True,
        cwd=folder,
        env=env,
        check=True,
    )
    return result.stdout.splitlines()


@pytest.fixture
def watchlist(tmp_path: Path) -> Path:
    path = tmp_path / "shows.toml"
    for title in TITLES:
        assert run("add", title, file=path).code == 0
    return path


def test_commands_options_and_their_values(tmp_path: Path) -> None:
    assert completed(tmp_path, "wat") == ["watched"]
    assert completed(tmp_path, "season", "Dark", "2", "--conf") == ["--confidence"]
    assert completed(tmp_path, "season", "Dark", "2", "--confidence", "") == [
        "confirmed",
        "hinted",
        "rumored",
    ]
    assert completed(tmp_path, "list", "--filter", "ov") == ["overdue"]
    assert completed(tmp_path, "export", "--format", "i") == ["ics"]
    (tmp_path / "ratings.csv").write_text("", encoding="utf-8")
    assert completed(tmp_path, "import", "rat") == ["ratings.csv"]
    assert completed(tmp_path, "add", "Sev") == []  # a new title is typed, not completed


def test_titles_are_found_as_the_app_finds_them_and_quoted(tmp_path: Path, watchlist: Path) -> None:
    file = ("--file", str(watchlist))
    assert completed(tmp_path, *file, "watched", "shog") == ["Shōgun"]
    assert completed(tmp_path, "watched", *file, "The") == ["The\\ Bear", "The\\ Boys"]
    assert completed(tmp_path, *file, "history", "frieren") == [
        "Frieren:\\ Beyond\\ Journey\\'s\\ End"
    ]
    assert completed(tmp_path, *file, "export", "--show", "the bo") == ["The\\ Boys"]
    assert completed(tmp_path, *file, "watched", '"The Bo') == ["The Boys"]  # in quotes


def test_a_title_is_never_run_by_the_shell(tmp_path: Path, watchlist: Path) -> None:
    found = completed(tmp_path, "--file", str(watchlist), "watched", "$(tou")
    assert found == ["\\$\\(touch\\ pwned\\)"]
    assert not (tmp_path / "pwned").exists()


def test_the_completion_command_says_how_to_load_it() -> None:
    usage = run("completion", "--help")
    assert 'eval "$(watchtui completion bash)"' in usage.out
    assert run("completion", "zsh").code == 2
