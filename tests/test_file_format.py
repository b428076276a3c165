"""The file format: docs/file-format.md against the reader, round trips, unknown keys, errors."""

from __future__ import annotations

import re
import tempfile
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.strategies import watchlists
from watchtui.core.errors import WatchlistFileError, WindowError
from watchtui.core.model import (
    CastNote,
    Claim,
    Confidence,
    Ids,
    Season,
    Show,
    Status,
    Watchlist,
)
from watchtui.core.schema import KEYS, MAX_NESTING
from watchtui.core.storage import reader
from watchtui.core.storage.atomic import load
from watchtui.core.storage.document import Change, Document
from watchtui.core.storage.reader import FILE_VERSION, MAX_FILE_BYTES, parse_watchlist
from watchtui.core.storage.writer import ShowTextCache, dump_show, dump_watchlist, split_show_blocks
from watchtui.core.windows import Precision, parse_window

ROOT = Path(__file__).parent.parent
HERE = Path("watchlist.toml")

# ---------------------------------------------------------------------------
# docs/file-format.md is a contract with people who edit the file by hand:
# what it says must be what the reader does.

FILE_FORMAT = (ROOT / "docs" / "file-format.md").read_text(encoding="utf-8")
TOML_BLOCKS = re.findall(r"```toml\n(.*?)```", FILE_FORMAT, re.S)
EXAMPLE = TOML_BLOCKS[0]


def _section(heading: str) -> str:
    """The text under the `## ` heading that starts with `heading`, up to the next one."""
    match = re.search(
        rf"^## {re.escape(heading)}[^\n]*\n(.*?)(?=^## |\Z)", FILE_FORMAT, re.M | re.S
    )
    assert match is not None, f"docs/file-format.md has no section {heading!r}"
    return match[1]


def _table(section: str) -> list[list[str]]:
    """The rows of the first table in a section (header and rule left out), as cells."""
    lines = section.splitlines()
    first = next(n for n, line in enumerate(lines) if line.startswith("|"))
    rows: list[list[str]] = []
    for line in lines[first + 2 :]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    assert rows, "an empty table"
    return rows


def _codes(cell: str) -> list[str]:
    return re.findall(r"`([^`]*)`", cell)


def _keys(heading: str) -> dict[str, list[str]]:
    """A key table: each key with its cells (key, type, required, default, meaning)."""
    return {_codes(row[0])[0]: row for row in _table(_section(heading))}


def _ids(show: Show) -> dict[str, object]:
    """The show's [show.ids] as the reader holds them: the ids it has."""
    known = _keys("`[show.ids]`")
    return {key: getattr(show.ids, key) for key in known if getattr(show.ids, key) is not None}


def test_every_toml_block_of_the_doc_is_a_watchlist_the_reader_accepts() -> None:
    assert len(TOML_BLOCKS) >= 2
    for block in TOML_BLOCKS:
        assert parse_watchlist(block, HERE).shows


def test_the_documented_example_loads_with_the_documented_values() -> None:
    watchlist = parse_watchlist(EXAMPLE, HERE)
    assert watchlist.extra == {}
    [show] = watchlist.shows
    assert show == Show(
        title="All of Us Are Dead",
        original_title="지금 우리 학교는",
        network="Netflix",
        status=Status.WATCHING,
        added=date(2024, 4, 23),
        seasons=(
            Season(
                number=1,
                episodes=12,
                watched=12,
                finished=date(2022, 2, 10),
                window="2022-01-28",
                confidence=Confidence.CONFIRMED,
                source="Netflix",
            ),
            Season(
                number=2,
                window="2024",
                confidence=Confidence.HINTED,
                source="BH Entertainment Instagram post listing Park Ji-hu's 2024 projects",
                noted=date(2024, 4, 23),
            ),
        ),
        cast=(
            CastNote(
                name="Park Ji-hu", role="Nam On-jo", note="Survived season 1; returns in season 2"
            ),
        ),
    )
    window = show.seasons[1].range
    assert window is not None
    assert (window.start, window.end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_the_readme_shows_the_same_example() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    [block] = re.findall(r"```toml\n(.*?)```", readme, re.S)
    assert parse_watchlist(block, HERE) == parse_watchlist(EXAMPLE, HERE)


def test_the_doc_lists_exactly_the_keys_the_reader_knows() -> None:
    assert set(_keys("The top level")) == {"version", "show"}
    assert set(_keys("`[[show]]`")) == KEYS[Show]
    assert set(_keys("`[show.ids]`")) == KEYS[Ids]
    assert set(_keys("`[[show.season]]`")) == KEYS[Season]
    assert set(_keys("`[[show.cast]]`")) == KEYS[CastNote]
    assert set(_keys("`[[show.season.earlier]]`")) == KEYS[Claim]


def test_the_documented_version_choices_and_limits_are_the_readers() -> None:
    assert _codes(_keys("The top level")["version"][3]) == [str(FILE_VERSION)]
    assert {s.value for s in Status} <= set(_codes(_keys("`[[show]]`")["status"][4]))
    confidence = _keys("`[[show.season]]`")["confidence"]
    assert {c.value for c in Confidence} <= set(_codes(confidence[4]))
    assert _codes(_keys("`[[show]]`")["status"][3]) == [Status.WATCHING.value]
    assert _codes(confidence[3]) == [Confidence.CONFIRMED.value]
    unreadable = _section("What makes a file unreadable")
    assert f"more than {MAX_NESTING} levels" in unreadable
    assert f"over {MAX_FILE_BYTES // (1024 * 1024)} MB" in unreadable


# The smallest table of each kind, its required key last.
_SHOW_LINES = ["[[show]]", 'title = "A"']
_RECORDS = {
    "`[[show]]`": _SHOW_LINES,
    "`[[show.season]]`": [*_SHOW_LINES, "[[show.season]]", "number = 1"],
    "`[[show.cast]]`": [*_SHOW_LINES, "[[show.cast]]", 'name = "X"'],
    # No key of a claim is required: its last line is a key watchtui does not know.
    "`[[show.season.earlier]]`": [
        *_SHOW_LINES,
        "[[show.season]]",
        "number = 1",
        "[[show.season.earlier]]",
        'said = "x"',
    ],
}


def _record(heading: str, text: str) -> object:
    [show] = parse_watchlist(text, HERE).shows
    if heading == "`[[show.season.earlier]]`":
        return show.seasons[0].earlier[0]
    if heading == "`[[show.season]]`":
        return show.seasons[0]
    return show.cast[0] if heading == "`[[show.cast]]`" else show


def _default(cell: str) -> object:
    if codes := _codes(cell):
        return int(codes[0]) if codes[0].isdigit() else codes[0]
    return {"empty": "", "none": None, "unknown": None}[cell.split()[0]]


@pytest.mark.parametrize("heading", list(_RECORDS))
def test_required_keys_defaults_and_types_are_as_documented(heading: str) -> None:
    base = _RECORDS[heading]
    for key, (_, kind, required, default, _meaning) in _keys(heading).items():
        if "table" in kind:  # seasons, cast notes, ids: tested on their own
            continue
        # the record's own two lines (its header and its required key) come last
        others = [*base[:-2], *(line for line in base[-2:] if not line.startswith(f"{key} ="))]
        if required == "yes":
            with pytest.raises(WatchlistFileError, match=f"has no {key}"):
                parse_watchlist("\n".join(others) + "\n", HERE)
        else:
            assert required == "no", key
            assert getattr(_record(heading, "\n".join(base)), key) == _default(default), key
        # a value of no documented type is refused, at its line
        with pytest.raises(WatchlistFileError) as caught:
            parse_watchlist("\n".join([*others, f"{key} = true"]) + "\n", HERE)
        assert caught.value.line == len(others) + 1, key


def test_the_ids_example_is_read_and_written_back_in_its_place() -> None:
    [block] = [block for block in TOML_BLOCKS if "[show.ids]" in block]
    documented = tomllib.loads(block)["show"][0]["ids"]
    [show] = parse_watchlist(block, HERE).shows
    assert _ids(show) == documented
    assert (show.title, show.network, show.status) == ("Severance", "Apple TV+", Status.WATCHING)
    assert parse_watchlist(dump_watchlist(Watchlist([show])), HERE) == Watchlist([show])


def test_every_documented_id_is_kept_after_the_shows_keys_and_before_its_seasons() -> None:
    values = {
        key: "tt0944947" if kind == "text" else 1000 + n
        for n, (key, (_, kind, required, _default, _meaning)) in enumerate(
            _keys("`[show.ids]`").items()
        )
        if required == "no"
    }
    assert set(values) == {"imdb", "tvdb", "tmdb", "tvmaze", "trakt", "mal"}
    ids = "\n".join(f"{key} = {value!r}".replace("'", '"') for key, value in values.items())
    text = f'[[show]]\ntitle = "A"\n\n[show.ids]\n{ids}\n\n[[show.season]]\nnumber = 1\n'
    [show] = parse_watchlist(text, HERE).shows
    assert _ids(show) == values
    written = dump_watchlist(Watchlist([show]))
    assert written.index('status = "watching"') < written.index("[show.ids]")
    assert written.index("[show.ids]") < written.index("[[show.season]]")
    assert _ids(parse_watchlist(written, HERE).shows[0]) == values


def _window_rows() -> list[list[str]]:
    return _table(_section("Release windows"))


def test_every_window_form_in_the_doc_parses_to_the_range_it_gives() -> None:
    precisions: set[str] = set()
    for form, examples, precision, covers in _window_rows():
        assert _codes(examples), form
        days = [date.fromisoformat(day) for day in re.findall(r"\d{4}-\d{2}-\d{2}", covers)]
        for example in _codes(examples):
            window = parse_window(example)
            if covers == "no window":
                assert window is None, example
                continue
            assert window is not None, example
            start, end = (days[0], days[0]) if len(days) == 1 else days
            assert (window.start, window.end, window.precision) == (
                start,
                end,
                _codes(precision)[0],
            ), example
            precisions.add(window.precision)
    assert precisions == set(Precision)  # every kind of window is in the table
    assert parse_window("") is None  # "empty text" is no window too


def test_the_windows_the_doc_says_are_refused_are_refused() -> None:
    match = re.search(r"Refused, for\s+example:(.*?)(?:\n\n|\Z)", _section("Release windows"), re.S)
    assert match is not None
    refused = _codes(match[1])
    assert len(refused) >= 3
    for text in refused:
        with pytest.raises(WindowError):
            parse_window(text)


def test_only_title_number_and_name_are_required() -> None:
    text = '[[show]]\ntitle = "Dark"\n[[show.season]]\nnumber = 1\n[[show.cast]]\nname = "X"\n'
    [show] = parse_watchlist(text, HERE).shows
    assert show == Show("Dark", seasons=(Season(1),), cast=(CastNote("X"),))
    assert show.status is Status.WATCHING
    assert show.seasons[0].confidence is Confidence.CONFIRMED


def test_lenient_where_the_intent_is_plain() -> None:
    text = (
        '[[show]]\ntitle = "Dark"\nstatus = " Completed "\nadded = "2024-04-23"\n'
        '[[show.season]]\nnumber = 1\nwindow = 2024\nconfidence = "HINTED"\n'
        "finished = 2024-05-01T10:00:00\n"
    )
    [show] = parse_watchlist(text, HERE).shows
    assert show.status is Status.COMPLETED
    assert show.added == date(2024, 4, 23)
    assert show.seasons[0].window == "2024"
    assert show.seasons[0].confidence is Confidence.HINTED
    assert show.seasons[0].finished == date(2024, 5, 1)


def test_an_empty_file_is_an_empty_watchlist() -> None:
    assert parse_watchlist("", HERE) == Watchlist()
    assert parse_watchlist("# nothing yet\nversion = 1\n", HERE) == Watchlist()


# ---------------------------------------------------------------------------
# Round trips


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists())
def test_dump_then_parse_gives_the_same_watchlist(watchlist: Watchlist) -> None:
    text = dump_watchlist(watchlist)
    again = parse_watchlist(text, HERE)
    assert again == watchlist
    assert [show.title for show in again.shows] == [show.title for show in watchlist.shows]
    assert dump_watchlist(again) == text


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(), watchlists(max_shows=2))
def test_cached_render_after_changes_equals_a_fresh_dump(
    watchlist: Watchlist, others: Watchlist
) -> None:
    cache = ShowTextCache()
    cache.render(watchlist.shows, watchlist.extra)
    # change the first show, drop the last one, add the others' shows that fit
    if watchlist.shows:
        first = watchlist.shows[0]
        watchlist.replace(first, Show(first.title + " (renamed)", seasons=first.seasons))
    if len(watchlist.shows) > 1:
        watchlist.remove(watchlist.shows[-1])
    for show in others.shows:
        if watchlist.find(show.title) is None:
            watchlist.add(show)
    rendered = cache.render(watchlist.shows, watchlist.extra)
    assert parse_watchlist(rendered, HERE) == parse_watchlist(dump_watchlist(watchlist), HERE)
    assert parse_watchlist(rendered, HERE) == watchlist


def test_two_small_shows_are_two_show_tables() -> None:
    """tomli_w writes a lone small table inline; joined blocks must still be one list."""
    watchlist = Watchlist([Show("Dark"), Show("Severance")], extra={"settings": {"x": 1}})
    text = dump_watchlist(watchlist)
    assert parse_watchlist(text, HERE) == watchlist
    assert text.count("[[show]]") == 2
    assert dump_show(Show("Dark")).startswith("[[show]]\n")


HAND_WRITTEN = """\
# My watchlist — edited by hand.
version = 1
theme_hint = "dark"  # a key from a newer watchtui

[sync]
service = "example"
last = 2025-01-01T10:00:00Z

[[show]]
# The one that started it all.
title = "All of Us Are Dead"
status = "watching"
score = 9.5
tags = ["zombies", "school"]

[show.streaming]
region = "KR"
links = [{ name = "netflix", url = "https://example.org/aouad" }]

[[show.season]]
number = 1
episodes = 12
watched = 12   # binged it
finished = 2022-02-10
window = "2022-01-28"
mood = "tense"

[show.season.ratings]
imdb = 7.5

[[show.cast]]
name = "Park Ji-hu"
role = "Nam On-jo"
instagram = "@example"

[[show]]
title = "Dark"
status = "completed"
future_field = { nested = { deeper = [1, 2, 3] } }
"""


def test_unknown_keys_at_every_level_are_read_and_written_back(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    document = Document.open(path)
    watchlist = document.watchlist
    assert watchlist.extra == {
        "theme_hint": "dark",
        "sync": tomllib.loads(HAND_WRITTEN)["sync"],
    }
    aouad, dark = watchlist.shows
    assert aouad.extra["score"] == 9.5
    assert aouad.extra["streaming"]["links"][0]["name"] == "netflix"
    assert aouad.seasons[0].extra == {"mood": "tense", "ratings": {"imdb": 7.5}}
    assert aouad.cast[0].extra == {"instagram": "@example"}
    assert dark.extra == {"future_field": {"nested": {"deeper": [1, 2, 3]}}}

    document.save()
    after_save = load(path)
    assert after_save.watchlist == watchlist
    assert tomllib.loads(after_save.text) == tomllib.loads(HAND_WRITTEN)

    # and after a change elsewhere, and a full re-serialisation, still all there
    document.commit(Change("rename", dark, Show("Dark (2017)", status=Status.COMPLETED)))
    rewritten = parse_watchlist(dump_watchlist(load(path).watchlist), HERE)
    assert rewritten.extra == watchlist.extra
    assert rewritten.shows[0] == aouad
    assert rewritten.shows[1].title == "Dark (2017)"


def test_blocks_of_unchanged_shows_keep_the_users_comments(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    document = Document.open(path)
    _, dark = document.watchlist.shows
    document.commit(Change("status", dark, Show("Dark", status=Status.DROPPED)))
    text = path.read_text(encoding="utf-8")
    assert "# The one that started it all." in text
    assert "watched = 12   # binged it" in text
    assert load(path).watchlist == document.watchlist
    assert parse_watchlist(text, HERE) == parse_watchlist(dump_watchlist(document.watchlist), HERE)
    # the changed show is written fresh; the unchanged one is exactly the user's text
    assert split_show_blocks(HAND_WRITTEN)[0] in text  # type: ignore[index]


def test_split_refuses_what_it_cannot_split_safely() -> None:
    assert split_show_blocks('[[show]]\ntitle = "A"\nnotes = """\n[[show]]\n"""\n') is None
    assert split_show_blocks('[[show]]\ntitle = "A"\n[settings]\nx = 1\n') is None
    assert split_show_blocks("version = 1\n") == []
    blocks = split_show_blocks('version = 1\n[[show]]\ntitle = "A"\n\n[[show]]\ntitle = "B"\n')
    assert blocks == ['[[show]]\ntitle = "A"\n', '[[show]]\ntitle = "B"\n']


def test_a_file_with_a_table_after_the_shows_is_written_whole(tmp_path: Path) -> None:
    path = tmp_path / "watchlist.toml"
    path.write_text('[[show]]\ntitle = "A"\n\n[settings]\ntheme = "x"\n', encoding="utf-8")
    document = Document.open(path)
    document.commit(Change("add", None, Show("B")))
    reloaded = load(path).watchlist
    assert reloaded.extra == {"settings": {"theme": "x"}}
    assert [show.title for show in reloaded.shows] == ["A", "B"]


# ---------------------------------------------------------------------------
# Errors name the line


def _error(text: str) -> WatchlistFileError:
    with pytest.raises(WatchlistFileError) as caught:
        parse_watchlist(text, HERE)
    return caught.value


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ('version = 1\n\n[[show]]\ntitle = "Dark\n', 4, "not valid TOML"),
        ('version = 1\n[[show\ntitle = "Dark"\n', 2, "not valid TOML"),
        ('[[show]]\ntitle = "A"\n\n[[show.season]]\nnumber = "two"\n', 5, "whole number"),
        ("# comment\n\nversion = 99\n", 3, "version 99"),
        ('version = "1"\n', 1, "version must be a whole number"),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nwindow = "soon"\n',
            5,
            "not a release window: 'soon'",
        ),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nwindow = "Q5 2025"\n',
            5,
            "not a release window",
        ),
        ('[[show]]\ntitle = "Dark"\n\n[[show]]\ntitle = "dARK "\n', 5, 'titled "dARK "'),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\n[[show.season]]\nnumber = 1\n',
            6,
            "season 1 twice",
        ),
        ('[[show]]\ntitle = "A"\n\n[[show]]\nnetwork = "Netflix"\n', 4, "has no title"),
        ('[[show]]\ntitle = "  "\n', 2, "title cannot be empty"),
        ("[[show]]\ntitle = 5\n", 2, "title must be text"),
        ('[[show]]\ntitle = "A"\nstatus = "binging"\n', 3, "status must be one of watching"),
        ('[[show]]\ntitle = "A"\nstatus = true\n', 3, "status must be one of"),
        ('[[show]]\ntitle = "A"\n[[show.season]]\nwindow = "2024"\n', 3, "has no number"),
        ('[[show]]\ntitle = "A"\n[[show.season]]\nnumber = -1\n', 4, "0 or more"),
        ('[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nepisodes = 2.5\n', 5, "episodes"),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nepisodes = 3\nwatched = 5\n',
            6,
            "5 episodes watched but the season has 3",
        ),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nconfidence = "sure"\n',
            5,
            "confidence must be one of confirmed, hinted, rumored",
        ),
        ('[[show]]\ntitle = "A"\nadded = "last week"\n', 3, "added must be a date"),
        ('[[show]]\ntitle = "A"\n[[show.cast]]\nrole = "Lead"\n', 3, "has no name"),
        ('[[show]]\ntitle = "A"\n[show.season]\nnumber = 1\n', 1, "season must be a list"),
        ("show = 3\n", 1, "show must be a list"),
        (
            '[[show]]\ntitle = "A"\n[[show.season]]\nnumber = 1\nwindow = [2024]\n',
            5,
            "window must be text",
        ),
    ],
)
def test_errors_name_the_line_and_the_problem(text: str, line: int, problem: str) -> None:
    error = _error(text)
    assert error.line == line
    assert problem in error.problem
    assert str(error) == f"{HERE}:{line}: {error.problem}"


def test_second_show_errors_point_into_the_second_show() -> None:
    text = (
        '[[show]]\ntitle = "A"\nstatus = "watching"\n[[show.season]]\nnumber = 1\n\n'
        '[[show]]\ntitle = "B"\nstatus = "nope"\n'
    )
    assert _error(text).line == 9


def test_deep_nesting_is_a_clean_error() -> None:
    deep = _error("x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested too deeply" in deep.problem and deep.line == 1
    # deep enough that it could be read but not written back
    medium = _error("version = 1\nx = [\n" + "[" * 300 + "]" * 300 + "]\n")
    assert f"more than {MAX_NESTING} levels" in medium.problem and medium.line == 3
    tables = _error("version = 1\n\n[" + ".".join(["a"] * 70) + "]\nb = 1\n")
    assert f"more than {MAX_NESTING} levels" in tables.problem and tables.line == 3
    fine = "x = " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n"
    assert dump_watchlist(parse_watchlist(fine, HERE))


def test_nul_bytes_are_refused_with_their_line() -> None:
    error = _error('version = 1\n[[show]]\ntitle = "A\x00"\n')
    assert error.line == 3 and "NUL" in error.problem


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(), watchlists(max_shows=1))
def test_open_change_save_reload_through_a_document(
    watchlist: Watchlist, newcomer: Watchlist
) -> None:
    """Blocks seeded from a file that watchtui itself wrote stay right after a change."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "watchlist.toml"
        path.write_text(dump_watchlist(watchlist), encoding="utf-8")
        document = Document.open(path)
        assert document.watchlist == watchlist
        if watchlist.shows:
            first = watchlist.shows[0]
            changed = Show(first.title, status=Status.DROPPED, cast=first.cast, extra=first.extra)
            document.commit(Change("change", document.watchlist.shows[0], changed))
        for show in newcomer.shows:
            if document.watchlist.find(show.title) is None:
                document.commit(Change("add", None, show, position=0))
        assert load(path).watchlist == document.watchlist
        document.undo()
        assert load(path).watchlist == document.watchlist


def test_short_seasons_and_cast_notes_are_written_as_tables_as_documented() -> None:
    show = Show("Dark", seasons=(Season(1),), cast=(CastNote("Louis Hofmann", "Jonas"),))
    text = dump_watchlist(Watchlist([show]))
    assert "[[show.season]]\nnumber = 1\n" in text
    assert '[[show.cast]]\nname = "Louis Hofmann"\nrole = "Jonas"\n' in text
    assert "{" not in text
    assert parse_watchlist(text, HERE) == Watchlist([show])


def _reference_split(text: str) -> list[str] | None:
    """split_show_blocks written the plain way: line by line."""
    if '"""' in text or "'''" in text:
        return None
    line_starts = [0, *(n + 1 for n, char in enumerate(text) if char == "\n")]
    starts: list[int] = []
    for start in line_starts:
        line = text[start:].split("\n", 1)[0]
        if re.match(r"[ \t]*\[\[[ \t]*show[ \t]*\]\]", line):
            starts.append(start)
        elif (
            starts
            and re.match(r"[ \t]*\[", line)
            and not re.match(r"[ \t]*\[\[?[ \t]*show[ \t]*\.", line)
        ):
            return None
    if not starts:
        return []
    ends = [*starts[1:], len(text)]
    return [text[start:end].rstrip() + "\n" for start, end in zip(starts, ends, strict=True)]


_LINES = st.sampled_from(
    ["[[show]]", "  [[ show ]]  # c", "[[show.season]]", "[ show.x ]", "[show]", "[[show]]x",
     "[settings]", "\t[[showx]]", "title = 'A'", "x = [1,", "[2]]", "", " ", "# [[show]]",
     "[[show.cast]]", "[[ show . cast ]]", "\r", "a = \"\"\"", "[[show]\n]"]
)  # fmt: skip


@given(st.lists(_LINES, max_size=12).map("\n".join))
def test_splitting_show_blocks_agrees_with_a_line_by_line_reading(text: str) -> None:
    assert split_show_blocks(text) == _reference_split(text)


@settings(deadline=None)
@given(watchlist=watchlists(max_shows=6), chunk=st.integers(1, 3))
def test_the_fast_path_reads_what_the_friendly_path_reads(watchlist: Watchlist, chunk: int) -> None:
    """A file cut into chunks of `[[show]]` blocks (the fast path) reads as the same
    watchlist as the whole text read by tomllib and checked key by key."""
    text = dump_watchlist(watchlist)
    original = reader.CHUNK
    reader.CHUNK = chunk
    try:
        fast = reader._fast(text)
    finally:
        reader.CHUNK = original
    assert fast == reader._friendly(text, HERE) == watchlist


def test_the_fast_path_hands_a_lenient_file_to_the_friendly_path() -> None:
    text = 'version = 1\n[[show]]\ntitle = "Dark"\nstatus = " Completed "\n'
    text += "[[show.season]]\nnumber = 1\nwindow = 2017\n"
    with pytest.raises(reader.Refused):
        reader._fast(text)
    show = parse_watchlist(text, HERE).shows[0]
    assert show.status is Status.COMPLETED and show.seasons[0].window == "2017"
