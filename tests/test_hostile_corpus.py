"""Hostile input through the real command: files, imports, special files and arguments.

tests/hostile/ holds watchlists and import files written to break something:
years no calendar reaches, numbers other tools cannot read, titles equal but for
Unicode normalisation, escape sequences in the text an error quotes, JSON nested
900 deep, nulls, lone surrogates. Each is run through the command's `main`
(`check`, `list`, `upcoming`, `import`). FIFOs, devices and symlinks in the place
of a file, and odd arguments, go through `python -m watchtui` in subprocesses (in
parallel), as a user or a script would run it, so that a hang or a bad argument
is the real thing. Every run must end with exit status 1 (2 for bad usage), say
what is wrong on stderr in clean lines that name the file, print no control
character, and leave every file as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from watchtui.cli.main import main

HOSTILE = Path(__file__).parent / "hostile"
WATCHLISTS = HOSTILE / "watchlists"
IMPORTS = HOSTILE / "imports"

# file: (the line the first problem names, words it must hold)
WATCHLIST_PROBLEMS: dict[str, tuple[int, str]] = {
    "carriage_return_and_c1_csi_in_a_bad_window.toml": (8, "not a release window"),
    "episodes_beyond_32_bits.toml": (8, "episodes must be at most 2147483647"),
    "escape_sequences_in_duplicate_titles.toml": (7, "two shows are titled"),
    "inline_season_with_a_bad_window.toml": (5, "not a release window: 'later'"),
    "misspelt_and_wrong_in_many_places.toml": (5, "status must be one of"),
    "number_beyond_64_bits_in_an_unknown_key.toml": (5, "over 64 bits"),
    "osc_sequence_in_a_bad_window.toml": (8, "not a release window"),
    "quoted_headers_with_a_bad_window.toml": (8, "not a release window: 'soon'"),
    "show_written_as_a_table.toml": (3, "show must be a list of [[show]] tables"),
    "titles_differing_only_in_normalisation.toml": (7, "two shows are titled"),
    "window_in_year_9999.toml": (8, "between 1900 and 2200"),
    "window_with_junk_after_the_year.toml": (8, "'2025th' is not a day or a year"),
}

IMPORT_PROBLEMS: dict[str, str] = {
    "escape_sequences_in_duplicate_titles.json": "a second show titled",
    "imdb_series_without_title_and_escape_in_const.csv": "has no title",
    "integer_beyond_64_bits.json": "over 64 bits",
    "lone_surrogate_in_a_title.json": "lone surrogate",
    "nested_900_deep.json": "nested more than 64 levels",
    "null_in_extra_data.json": "null",
    "null_in_season_extra.json": "shows[0].seasons[0].a[1]: null",
    "title_of_20000_characters.json": "at most 10,000",
    "trakt_with_escape_in_a_title_and_bad_season.json": "expected a list of seasons",
    "trakt_season_number_beyond_32_bits.json": "expected at most 2147483647",
}


@dataclass(frozen=True, slots=True)
class Run:
    args: tuple[str, ...]
    returncode: int
    stdout: bytes
    stderr: bytes


def environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WATCHTUI_")}
    env.update(
        WATCHTUI_TODAY="2025-06-15",
        WATCHTUI_CACHE_DIR=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    return env


def run(args: Sequence[str | bytes], env: dict[str, str]) -> Run:
    done = subprocess.run(
        [sys.executable, "-m", "watchtui", *args], capture_output=True, env=env, timeout=30
    )
    shown = tuple(a if isinstance(a, str) else a.decode("utf-8", "replace") for a in args)
    return Run(shown, done.returncode, done.stdout, done.stderr)


def control_bytes(data: bytes) -> list[int]:
    """Bytes below 0x20 but newline and tab, and C1 controls, in what was printed."""
    text = data.decode("utf-8", "replace")
    return [ord(c) for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0]


def assert_refused(run: Run, names: Path | None, words: str, *, status: int = 1) -> None:
    """Refused with `status`, in clean lines on stderr naming the file, nothing on stdout."""
    assert run.returncode == status, (run.args, run.stderr)
    assert run.stdout == b"", run.stdout
    err = run.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert err.endswith("\n")
    assert control_bytes(run.stderr) == [], err
    assert words in err, err
    if names is not None:
        assert str(names) in err.splitlines()[-1] or str(names) in err, err


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The corpus copied to a folder of the test's own."""
    for source in [*WATCHLISTS.iterdir(), *IMPORTS.iterdir()]:
        shutil.copy2(source, tmp_path / source.name)
    return tmp_path


def main_run(args: list[str], capfd: pytest.CaptureFixture[bytes]) -> Run:
    """The command run in this process, as `watchtui` runs it: its status and output."""
    code = main(args)
    out, err = capfd.readouterr()
    return Run(tuple(args), code, out, err)


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.name for p in WATCHLISTS.iterdir()} == set(WATCHLIST_PROBLEMS)
    assert {p.name for p in IMPORTS.iterdir()} == set(IMPORT_PROBLEMS)


@pytest.mark.parametrize("name", sorted(WATCHLIST_PROBLEMS))
def test_a_hostile_watchlist_is_refused_by_check_and_list_with_its_line(
    corpus: Path, capfdbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    line, words = WATCHLIST_PROBLEMS[name]
    path = corpus / name
    before = digest(corpus)
    for command in ("check", "list", "upcoming"):
        done = main_run([command, "--file", str(path)], capfdbinary)
        assert_refused(done, path, words)
        problems = [row for row in done.stderr.decode().splitlines() if ": warning: " not in row]
        assert problems[0].startswith(f"{path}:{line}: "), problems
        if command != "check":
            assert done.stderr.count(b"\n") == 1  # the first problem only
    assert digest(corpus) == before


def test_check_lists_every_problem_and_warns_of_a_misspelt_key(
    corpus: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = corpus / "misspelt_and_wrong_in_many_places.toml"
    lines = main_run(["check", "--file", str(path)], capfdbinary).stderr.decode().splitlines()
    assert lines == [
        f"{path}:9: warning: [[show.season]] 1 of show 1 has a key 'confidance' that "
        "watchtui does not know; did you mean 'confidence'? (kept as it is, but not read)",
        f"{path}:5: status must be one of watching, planned, paused, completed, dropped, "
        "not 'nope'",
        f"{path}:10: episodes must be 0 or more, not -1",
        f"{path}:14: added must be a date like 2024-04-23, not 'yesterday'",
    ]


def test_escape_sequences_quoted_by_a_message_are_shown_as_stand_ins(
    corpus: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = corpus / "escape_sequences_in_duplicate_titles.toml"
    err = main_run(["check", "--file", str(path)], capfdbinary).stderr.decode()
    assert '"␛[2j␛]0;PWNED␇evil"' in err


@pytest.mark.parametrize("name", sorted(IMPORT_PROBLEMS))
def test_a_hostile_import_is_refused_in_one_line_and_changes_nothing(
    corpus: Path, capfdbinary: pytest.CaptureFixture[bytes], name: str
) -> None:
    target = corpus / "target.toml"
    target.write_text('version = 1\n\n[[show]]\ntitle = "Kept"\n', encoding="utf-8")
    before = digest(corpus)
    done = main_run(["import", str(corpus / name), "--file", str(target)], capfdbinary)
    assert_refused(done, corpus / name, IMPORT_PROBLEMS[name])
    assert done.stderr.count(b"\n") == 1
    assert digest(corpus) == before


def nested(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = {"a": value}
    return value


@pytest.mark.parametrize("where", ["show", "season", "top"])
def test_whatever_an_import_accepts_the_file_opens_again(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes], where: str
) -> None:
    """The deepest extra data an import takes is written to a file that still opens."""
    target = tmp_path / "watchlist.toml"
    for depth in range(50, 70):
        show: dict[str, object] = {"title": "A"}
        document: dict[str, object] = {"watchtui": 1, "shows": [show]}
        if where == "show":
            show["extra"] = {"x": nested(depth)}
        elif where == "season":
            show["seasons"] = [{"number": 1, "extra": {"x": nested(depth)}}]
        else:
            document["extra"] = {"x": nested(depth)}
        source = tmp_path / f"deep-{depth}.json"
        source.write_text(json.dumps(document), encoding="utf-8")
        imported = main_run(["import", str(source), "--file", str(target)], capfdbinary)
        if imported.returncode != 0:
            assert_refused(imported, source, "nested more than 64 levels")
            break
        checked = main_run(["check", "--file", str(target)], capfdbinary)
        assert checked.returncode == 0, checked.stderr
        target.unlink()
    else:
        pytest.fail("no depth was refused")
    assert depth > 55  # the limit is not set needlessly low


# ---------------------------------------------------------------------------
# Special files where a file belongs, and odd arguments


@pytest.fixture(scope="module")
def odd_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Run]:
    folder = tmp_path_factory.mktemp("odd")
    home = tmp_path_factory.mktemp("home")
    env = environment(home)
    fifo = folder / "fifo.toml"
    os.mkfifo(fifo)
    zero_link = folder / "zero.toml"
    zero_link.symlink_to("/dev/zero")
    good = folder / "good.toml"
    good.write_text('version = 1\n\n[[show]]\ntitle = "Kept"\n', encoding="utf-8")
    folder_path = folder / "a-folder"
    folder_path.mkdir()
    stray = folder / f".good.toml.{'9' * 30}.abcd.tmp"
    stray.write_text("not ours", encoding="utf-8")
    cases: dict[str, list[str | bytes]] = {
        "watchlist is a fifo": ["list", "--file", str(fifo)],
        "watchlist is /dev/zero": ["list", "--file", "/dev/zero"],
        "watchlist is a symlink to /dev/zero": ["check", "--file", str(zero_link)],
        "import a fifo": ["import", str(fifo), "--file", str(good)],
        "import /dev/zero": ["import", "/dev/zero", "--file", str(good)],
        "import a folder": ["import", str(folder_path), "--file", str(good)],
        "export onto a symlink": ["export", "--format", "json", "-o", str(zero_link),
                                  "--file", str(good)],
        "export onto a fifo": ["export", "--format", "csv", "-o", str(fifo), "--file", str(good)],
        "export onto /dev/null": ["export", "--format", "ics", "-o", "/dev/null",
                                  "--file", str(good)],
        "export onto the watchlist": ["export", "--format", "json", "-o", str(good),
                                      "--file", str(good)],
        "empty --file": ["list", "--file", ""],
        "unknown user": ["list", "--file", "~nosuchuser-watchtui/w.toml"],
        "window in year 9999": ["season", "Kept", "1", "--window", "Q4 9999", "--file", str(good)],
        "episodes beyond 32 bits": ["season", "Kept", "1", "--episodes", "99999999999999999999",
                                    "--file", str(good)],
        "superscript number": ["season", "Kept", "²", "--file", str(good)],
        "escape in an unknown command": ["\x1b]0;pwned\x07"],
        "escape in an extra argument": ["list", "--file", str(good), "\x1b[2J"],
        "bytes that are not UTF-8": ["add", b"\xff\xfe title", "--file", str(good)],
        "escape in an unknown show": ["watched", "\x1b]52;c;eA==\x07", "1", "--file", str(good)],
        "stray temp file with a huge pid": ["list", "--file", str(good)],
    }  # fmt: skip
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = list(pool.map(lambda args: run(args, env), cases.values()))
    return dict(zip(cases, runs, strict=True))


@pytest.mark.parametrize(
    ("case", "status", "words"),
    [
        ("watchlist is a fifo", 1, "is a named pipe (FIFO), not a regular file"),
        ("watchlist is /dev/zero", 1, "/dev/zero: is a device, not a regular file"),
        ("watchlist is a symlink to /dev/zero", 1, "is a device, not a regular file"),
        ("import a fifo", 1, "is a named pipe (FIFO), not a regular file"),
        ("import /dev/zero", 1, "is a device"),
        ("import a folder", 1, "nothing in this folder watchtui can import"),
        ("export onto a symlink", 1, "is a symbolic link; export writes only to a regular file"),
        ("export onto a fifo", 1, "is a named pipe (FIFO); export writes only"),
        ("export onto /dev/null", 1, "is a device; export writes only to a regular file"),
        ("export onto the watchlist", 1, "that is the watchlist file itself"),
        ("empty --file", 1, "--file was given an empty path"),
        ("unknown user", 1, "there is no user 'nosuchuser-watchtui' for ~ to stand for"),
        ("window in year 9999", 1, "not a release window"),
        ("episodes beyond 32 bits", 2, "must be at most 2147483647"),
        ("superscript number", 2, "not a whole number: '²'"),
        ("escape in an unknown command", 2, "invalid choice: '\\x1b]0;pwned\\x07'"),
        ("escape in an extra argument", 2, "unrecognized arguments: ␛[2J"),
        ("bytes that are not UTF-8", 2, "not valid UTF-8 text"),
        ("escape in an unknown show", 1, "no show"),
    ],
)
def test_special_files_and_odd_arguments_are_one_clean_refusal(
    odd_runs: dict[str, Run], case: str, status: int, words: str
) -> None:
    assert_refused(odd_runs[case], None, words, status=status)
    if status == 1:
        assert odd_runs[case].stderr.count(b"\n") == 1


def test_a_stray_temp_file_named_like_ours_does_not_stop_loading(
    odd_runs: dict[str, Run],
) -> None:
    done = odd_runs["stray temp file with a huge pid"]
    assert done.returncode == 0, done.stderr
    assert b"Kept" in done.stdout
