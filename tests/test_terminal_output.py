"""No control character from user data reaches the terminal, whatever the command.

A watchlist whose every text (titles, season titles, sources, notes, cast,
networks, windows, the file's own path) holds ESC, CSI and OSC sequences, BEL,
CR, backspace, C1 controls and bidirectional overrides is run through every
command that prints, successful and failing: `list`, `upcoming` (text and JSON),
`check`, the exports to stdout, and a run of failing edits whose errors quote the
text. Nothing printed may hold a byte below 0x20 but newline and tab (and, in the
calendar and CSV, the CRLF line ends their formats require), nor a C1 control, bidirectional
override or line separator as a character. JSON stays the same data.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from watchtui.cli.main import main
from watchtui.core.formats.csv import safe_cell
from watchtui.core.text import printable

NASTY = [
    "\x1b[2J\x1b[H",  # clear the screen
    "\x1b]0;pwned\x07",  # retitle the terminal (OSC … BEL)
    "\x1b]52;c;cHduZWQ=\x1b\\",  # write the clipboard (OSC 52 … ST)
    "\x9b31m",  # C1 CSI
    "\x9d0;x\x9c",  # C1 OSC … ST
    "ok\rfake",  # CR: overwrite the line
    "bell\x07",
    "back\x08\x08space",
    "\u202eevil\u202c",  # right-to-left override
    "line\u2028sep",
    "nul\x00?",
    "del\x7f",
]


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=True)  # a valid TOML basic string, controls escaped


def hostile_watchlist() -> str:
    lines = ["version = 1", ""]
    for n, nasty in enumerate(NASTY):
        lines += [
            "[[show]]",
            f"title = {toml_string(f'Show {n} {nasty}')}",
            f"network = {toml_string(nasty)}",
            f"notes = {toml_string(nasty)}",
            f"original_title = {toml_string(nasty + 'orig')}",
            "",
            "[[show.season]]",
            "number = 1",
            f"title = {toml_string(nasty)}",
            'window = "2026"',
            'confidence = "hinted"',
            f"source = {toml_string(nasty)}",
            "",
            "[[show.season]]",
            "number = 2",
            'window = "2024"',
            'confidence = "rumored"',
            f"source = {toml_string(nasty)}",
            "",
            "[[show.cast]]",
            f"name = {toml_string(nasty + 'name')}",
            f"role = {toml_string(nasty)}",
            "",
        ]
    return "\n".join(lines)


_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def forbidden(data: bytes, *, crlf: bool = False) -> list[str]:
    if crlf:
        data = data.replace(b"\r\n", b"\n")
    return [hex(ord(c)) for c in _FORBIDDEN.findall(data.decode("utf-8"))]


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    folder = tmp_path / "dir \x1b]0;x\x07 \x9b2J"  # the path itself is hostile too
    folder.mkdir()
    path = folder / "watchlist.toml"
    path.write_text(hostile_watchlist(), encoding="utf-8")
    assert len(tomllib.loads(path.read_text(encoding="utf-8"))["show"]) == len(NASTY)
    return path


COMMANDS = [
    ["list"],
    ["list", "--filter", "hinted"],
    ["list", "--json"],
    ["upcoming"],
    ["upcoming", "--json"],
    ["check"],
    ["export", "--format", "json"],
    ["export", "--format", "csv"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_nothing_from_the_file_drives_the_terminal(
    hostile_file: Path, capfdbinary: pytest.CaptureFixture[bytes], command: list[str]
) -> None:
    code = main([*command, "--file", str(hostile_file)])
    out, err = capfdbinary.readouterr()
    assert code == 0, err
    csv = "csv" in command  # CSV lines end in CRLF, as RFC 4180 has them
    assert out and forbidden(out, crlf=csv) == [] and forbidden(err) == []
    if "--json" in command or "json" in command:
        document = json.loads(out)  # the escapes are JSON's: the data is unchanged
        shows = document.get("shows")
        if shows is not None:
            assert [show["network"] for show in shows] == NASTY


def test_the_calendar_holds_no_control_character_but_its_line_ends(
    hostile_file: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["export", "--format", "ics", "--file", str(hostile_file)]) == 0
    out, err = capfdbinary.readouterr()
    assert out.count(b"BEGIN:VEVENT") == 2 * len(NASTY)  # a hinted and an overdue season
    assert forbidden(out, crlf=True) == [] and forbidden(err) == []
    assert b"\r" not in out.replace(b"\r\n", b"")


FAILING = [
    ["watched", "Show 0 \x1b[2J\x1b[H", "7"],  # no season 7: the error names the show
    ["add", "show 1 \x1b]0;PWNED\x07"],  # a title taken, ignoring case
    ["season", "Show 2 \x1b]52;c;cHduZWQ=\x1b\\", "3", "--window", "\x1b]0;x\x07 soon"],
    ["cast", "No such \x9b31m show", "x"],
    ["season", "Show 5 ok\rfake", "1", "--noted", "\x1b[31m"],
    ["import", "/nonexistent/\x1b]0;x\x07.json"],
    ["list", "--filter", "\x1b[2J"],
]


def test_a_run_of_failing_commands_prints_only_clean_lines(
    hostile_file: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    before = hostile_file.read_bytes()
    for command in FAILING:
        try:
            code = main([*command, "--file", str(hostile_file)])
        except SystemExit as usage:  # argparse: bad usage
            code = int(usage.code or 0)
        out, err = capfdbinary.readouterr()
        assert code in (1, 2), (command, err)
        assert out == b"" and err.endswith(b"\n")
        assert forbidden(err) == [], (command, err)
        assert b"Traceback" not in err
    assert hostile_file.read_bytes() == before


def test_a_launch_error_naming_a_hostile_file_is_clean(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    path = tmp_path / "\x1b]0;x\x07.toml"
    path.write_text('version = 1\n[[show]]\ntitle = "\\u001b[2J"\n[[show]]\ntitle = "\\u001b[2j"\n')
    from watchtui.app.run import run

    assert run(str(path)) == 1
    out, err = capfdbinary.readouterr()
    assert forbidden(out) == [] and forbidden(err) == [] and b"two shows" in err


@given(st.text())
def test_printable_leaves_nothing_that_drives_a_terminal(text: str) -> None:
    shown = printable(text)
    assert _FORBIDDEN.search(shown) is None and "\n" not in shown and "\t" not in shown
    shown.encode("utf-8")  # no lone surrogate left either
    assert printable(shown) == shown


@given(st.text())
def test_a_csv_cell_is_never_a_formula_nor_a_control(text: str) -> None:
    cell = safe_cell(text)
    assert isinstance(cell, str)
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert _FORBIDDEN.search(cell) is None
    if printable(text) == text and not text.startswith(("=", "+", "-", "@")):
        assert cell == text  # ordinary text is left alone
