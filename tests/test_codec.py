"""The file format: round trips, the documented example, unknown keys and clear errors."""

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
from watchtui.core.codec import (
    MAX_NESTING,
    ShowTextCache,
    WatchlistFileError,
    dump_show,
    dump_watchlist,
    parse_watchlist,
    split_show_blocks,
)
from watchtui.core.document import Change, Document
from watchtui.core.model import CastNote, Confidence, Season, Show, Status, Watchlist
from watchtui.core.store import load

README = Path(__file__).resolve().parent.parent / "README.md"
HERE = Path("watchlist.toml")

# The README's example of a watchlist file, without its comments.
EXAMPLE = """\
version = 1

[[show]]
title = "All of Us Are Dead"
original_title = "지금 우리 학교는"
network = "Netflix"
status = "watching"
added = 2024-04-23

[[show.season]]
number = 1
episodes = 12
watched = 12
finished = 2022-02-10
window = "2022-01-28"
confidence = "confirmed"
source = "Netflix"

[[show.season]]
number = 2
window = "2024"
confidence = "hinted"
source = "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects"
noted = 2024-04-23

[[show.cast]]
name = "Park Ji-hu"
role = "Nam On-jo"
note = "Survived season 1; returns in season 2"
"""


def test_the_readmes_example_is_this_one() -> None:
    (block,) = re.findall(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert parse_watchlist(block, HERE) == parse_watchlist(EXAMPLE, HERE)


def test_product_example_loads_with_the_documented_values() -> None:
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


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(watchlists())
def test_dump_then_parse_gives_the_same_watchlist(watchlist: Watchlist) -> None:
    text = dump_watchlist(watchlist)
    again = parse_watchlist(text, HERE)
    assert again == watchlist
    assert [show.title for show in again.shows] == [show.title for show in watchlist.shows]
    assert dump_watchlist(again) == text


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
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
rating = 9.5
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
    assert aouad.extra["rating"] == 9.5
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
    assert "nested too deeply" in deep.problem and deep.line is None
    # deep enough that it could be read but not written back
    medium = _error("x = " + "[" * 300 + "]" * 300 + "\n")
    assert f"more than {MAX_NESTING} levels" in medium.problem
    fine = "x = " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n"
    assert dump_watchlist(parse_watchlist(fine, HERE))


def test_nul_bytes_are_refused_with_their_line() -> None:
    error = _error('version = 1\n[[show]]\ntitle = "A\x00"\n')
    assert error.line == 3 and "NUL" in error.problem


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
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
