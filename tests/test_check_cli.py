"""`watchtui check` on bad files: exit 1, one `path:line: problem` line, the file untouched.

Each corpus file in tests/data/bad/ is copied to a temporary folder and checked by
`python -m watchtui check --file F` in a subprocess, the way a user or a script runs it.
The runs go in parallel: each one is a new interpreter.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

BAD = Path(__file__).parent / "data" / "bad"


def corpus() -> list[Path]:
    """The corpus files (the folder's .gitattributes aside)."""
    return sorted(path for path in BAD.iterdir() if not path.name.startswith("."))


# file name: (line the message names or None, words the problem must contain)
EXPECTED: dict[str, tuple[int | None, str]] = {
    "added_is_not_a_date.toml": (5, "added must be a date like 2024-04-23"),
    "arrays_nested_100_deep.toml": (1, "nested more than 64 levels"),
    "arrays_nested_5000_deep.toml": (1, "nested too deeply"),
    "bad_window_feb_29_not_leap.toml": (9, "not a release window: '2023-02-29'"),
    "bad_window_q5.toml": (9, "not a release window: 'Q5 2025'"),
    "bad_window_soon.toml": (9, "not a release window: 'soon'"),
    "bad_window_without_year.toml": (9, "not a release window: 'March 14'"),
    "cast_is_a_string.toml": (6, "cast must be a list of [[show.cast]] tables"),
    "duplicate_key_in_a_show.toml": (6, "not valid TOML: cannot overwrite a value"),
    "duplicate_season_numbers.toml": (11, '"Dark" lists season 1 twice'),
    "duplicate_titles_differing_by_case.toml": (8, 'two shows are titled "DARK"'),
    "duplicate_titles_differing_by_spaces.toml": (8, "titles must differ, ignoring case"),
    "empty_title.toml": (4, "title cannot be empty"),
    "episodes_is_a_fraction.toml": (9, "episodes must be a whole number, not the number 12.5"),
    "finished_is_a_year.toml": (9, "finished must be a date"),
    "html_page_saved_by_mistake.toml": (1, "not valid TOML"),
    "json_instead_of_toml.toml": (1, "not valid TOML"),
    "latin1_accent_on_line_4.toml": (4, "not UTF-8 text (byte 0xe9)"),
    "missing_cast_name.toml": (7, "has no name"),
    "missing_season_number.toml": (7, "has no number"),
    "missing_title.toml": (3, "has no title"),
    "negative_episodes.toml": (9, "episodes must be 0 or more, not -3"),
    "nul_byte_in_a_title.toml": (4, "NUL bytes"),
    "nul_bytes_only.toml": (1, "NUL bytes"),
    "png_image.toml": (1, "not UTF-8 text"),
    "random_bytes.bin": (1, "not UTF-8 text"),
    "season_is_a_single_table.toml": (3, "season must be a list of [[show.season]] tables"),
    "season_number_is_text.toml": (8, "number must be a whole number, not 'two'"),
    "show_is_a_string.toml": (2, "show must be a list of [[show]] tables"),
    "tables_nested_100_deep.toml": (1, "nested more than 64 levels"),
    "title_is_a_number.toml": (4, "title must be text in quotes"),
    "truncated_after_equals.toml": (4, "not valid TOML"),
    "truncated_in_a_string.toml": (4, "not valid TOML: unterminated string"),
    "truncated_in_a_table_header.toml": (7, "not valid TOML"),
    "unclosed_inline_table.toml": (6, "not valid TOML"),
    "unknown_version_99.toml": (2, "version 99 is not one this watchtui reads"),
    "utf16_be_with_bom.toml": (1, "UTF-16"),
    "utf16_le_with_bom.toml": (1, "UTF-16"),
    "version_is_text.toml": (1, "version must be a whole number"),
    "version_zero.toml": (1, "version 0 is not one this watchtui reads"),
    "watched_is_true.toml": (9, "watched must be a whole number, not true"),
    "watched_more_than_episodes.toml": (10, "9 episodes watched but the season has 8"),
    "window_is_a_list.toml": (9, "window must be text in quotes"),
    "wrong_confidence.toml": (10, "confidence must be one of confirmed, hinted, rumored"),
    "wrong_status.toml": (5, "status must be one of watching, planned, paused"),
    "wrong_status_with_crlf_line_ends.toml": (5, "not 'nope'"),
}


@dataclass(frozen=True, slots=True)
class Run:
    path: Path
    returncode: int
    stdout: str
    stderr: str


def check(path: Path, env: dict[str, str]) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "watchtui", "check", "--file", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    return Run(path, done.returncode, done.stdout, done.stderr)


def isolated_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WATCHTUI_")}
    env.update(
        WATCHTUI_TODAY="2025-06-15",
        WATCHTUI_CACHE_DIR=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass(frozen=True, slots=True)
class CorpusRuns:
    runs: dict[str, Run]
    digests_before: dict[str, str]
    folder: Path


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory: pytest.TempPathFactory) -> CorpusRuns:
    folder = tmp_path_factory.mktemp("bad")
    for source in corpus():
        shutil.copy2(source, folder / source.name)
    before = {path.name: digest(path) for path in folder.iterdir()}
    env = isolated_env(tmp_path_factory.mktemp("home"))
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(lambda path: check(path, env), sorted(folder.iterdir())))
    return CorpusRuns({run.path.name: run for run in runs}, before, folder)


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    names = {path.name for path in corpus()}
    assert len(names) >= 30
    assert names == set(EXPECTED)
    assert all(path.stat().st_size < 16 * 1024 for path in corpus())  # tiny files


def assert_one_clean_line(run: Run, line: int | None, words: str) -> None:
    assert run.returncode == 1, run.stderr
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr
    where = f"{run.path}:{line}" if line is not None else f"{run.path}"
    assert run.stderr.startswith(f"{where}: "), run.stderr
    assert words in run.stderr


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_refused_with_its_line_and_left_untouched(
    corpus_runs: CorpusRuns, name: str
) -> None:
    line, words = EXPECTED[name]
    assert_one_clean_line(corpus_runs.runs[name], line, words)
    assert digest(corpus_runs.folder / name) == corpus_runs.digests_before[name]


def test_checking_writes_nothing_beside_the_files(corpus_runs: CorpusRuns) -> None:
    assert sorted(path.name for path in corpus_runs.folder.iterdir()) == sorted(
        corpus_runs.digests_before
    )


def test_bad_window_message_lists_the_accepted_forms(corpus_runs: CorpusRuns) -> None:
    message = corpus_runs.runs["bad_window_soon.toml"].stderr
    for form in ("2025-03-14", "March 2025", "Q3 2025", "H2 2025", "late 2025", "TBA"):
        assert form in message


# ---------------------------------------------------------------------------
# Files made at test time


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "watchlist.toml"
    folder.mkdir()
    run = check(folder, isolated_env(tmp_path))
    assert_one_clean_line(run, None, "is a folder, not a watchlist file")
    assert os.listdir(folder) == []


def test_a_50_mb_text_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    line = b'note = "' + b"x" * 90 + b'"\n'
    with path.open("wb") as handle:
        handle.write(b"version = 1\n")
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    assert path.stat().st_size > 50 * 1024 * 1024
    before = digest(path)
    run = check(path, isolated_env(tmp_path))
    assert_one_clean_line(run, None, "a watchlist is at most 32 MB")
    assert digest(path) == before
    assert sorted(os.listdir(tmp_path)) == ["huge.toml"]


def test_a_good_file_with_a_utf8_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    text = (
        'version = 1\n\n[[show]]\ntitle = "All of Us Are Dead"\n\n'
        '[[show.season]]\nnumber = 2\nwindow = "2024"\nconfidence = "hinted"\n'
    )
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    before = digest(path)
    run = check(path, isolated_env(tmp_path))
    assert run.returncode == 0, run.stderr
    # as of 2025-06-15 the 2024 hint went stale
    assert run.stdout == f"{path}: ok — 1 show, 1 season, 0 hinted, 1 overdue\n"
    assert run.stderr == ""
    assert digest(path) == before


def test_check_reads_watchtui_file_and_today_from_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(
        'version = 1\n[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\n'
        'window = "2025"\nconfidence = "rumored"\n',
        encoding="utf-8",
    )
    env = isolated_env(tmp_path) | {"WATCHTUI_FILE": str(path), "WATCHTUI_TODAY": "2025-12-31"}
    done = subprocess.run(
        [sys.executable, "-m", "watchtui", "check"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 0, done.stderr
    assert re.search(r"1 hinted, 0 overdue$", done.stdout.strip())
    env["WATCHTUI_TODAY"] = "2026-01-01"
    done = subprocess.run(
        [sys.executable, "-m", "watchtui", "check"], capture_output=True, text=True, env=env
    )
    assert re.search(r"0 hinted, 1 overdue$", done.stdout.strip())


def test_a_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.toml"
    run = check(path, isolated_env(tmp_path))
    assert run.returncode == 1
    assert run.stderr == f"watchtui: {path}: no such file\n"
    assert not path.exists()


def test_a_bad_watchtui_today_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text("version = 1\n", encoding="utf-8")
    env = isolated_env(tmp_path) | {"WATCHTUI_TODAY": "someday"}
    done = subprocess.run(
        [sys.executable, "-m", "watchtui", "check", "--file", str(path)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert done.stderr == (
        "watchtui: WATCHTUI_TODAY must be a date like 2025-03-14, not 'someday'\n"
    )
