"""Claims in the TOML file: today's files read and written unchanged, earlier claims in
`[[show.season.earlier]]` tables, their unknown keys kept, their errors at their line."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from helpers.strategies import seasons
from watchtui.core.errors import WatchlistFileError
from watchtui.core.model import Claim, Confidence, Season, Show, Watchlist
from watchtui.core.storage.reader import parse_watchlist
from watchtui.core.storage.writer import dump_watchlist

HERE = Path("watchlist.toml")

# A file with one claim per season, as watchtui wrote it before claims were kept.
ONE_CLAIM_EACH = """\
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
"""

WITH_HISTORY = """\
version = 1

[[show]]
title = "Arcane"
network = "Netflix"
status = "watching"

[[show.season]]
number = 1
window = "2021-11-06"
confidence = "confirmed"
source = "Netflix"
noted = 2021-09-25

[[show.season.earlier]]
window = "2020"
confidence = "confirmed"
source = "Riot Games, League of Legends 10th anniversary stream"
noted = 2019-10-16
heard_on = "YouTube"

[show.season.earlier.links]
clip = "https://example.org/clip"

[[show.season.earlier]]
window = "fall 2021"
confidence = "confirmed"
source = "Riot Games teaser"
noted = 2021-05-03

[[show.season]]
number = 2
window = "November 2024"
confidence = "confirmed"
source = "Netflix Geeked Week"

[[show.cast]]
name = "Ella Purnell"
role = "Jinx (voice)"
"""


def test_a_file_with_one_claim_per_season_reads_as_before_and_is_written_byte_for_byte() -> None:
    watchlist = parse_watchlist(ONE_CLAIM_EACH, HERE)
    first, second = watchlist.shows[0].seasons
    assert (first.earlier, second.earlier) == ((), ())
    assert second.claim == Claim(
        "2024",
        Confidence.HINTED,
        "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects",
        date(2024, 4, 23),
    )
    assert second.claims == (second.claim,)
    assert dump_watchlist(watchlist) == ONE_CLAIM_EACH


def test_earlier_claims_are_read_oldest_first_with_their_unknown_keys() -> None:
    [arcane] = parse_watchlist(WITH_HISTORY, HERE).shows
    one, two = arcane.seasons
    assert [claim.window for claim in one.claims] == ["2020", "fall 2021", "2021-11-06"]
    assert one.earlier[0].extra == {
        "heard_on": "YouTube",
        "links": {"clip": "https://example.org/clip"},
    }
    assert one.earlier[1] == Claim(
        "fall 2021", Confidence.CONFIRMED, "Riot Games teaser", date(2021, 5, 3)
    )
    assert two.earlier == ()
    # The current claim stays in the season's keys: every reader of them still works.
    assert (one.window, one.source) == ("2021-11-06", "Netflix")


def test_earlier_claims_are_written_back_as_tables_after_their_season() -> None:
    watchlist = parse_watchlist(WITH_HISTORY, HERE)
    assert dump_watchlist(watchlist) == WITH_HISTORY
    assert tomllib.loads(dump_watchlist(watchlist)) == tomllib.loads(WITH_HISTORY)


def test_an_earlier_claim_is_read_leniently_like_a_season() -> None:
    text = WITH_HISTORY.replace('window = "fall 2021"', "window = 2021").replace(
        "noted = 2021-05-03", 'noted = "2021-05-03"\nconfidence_note = 1'
    )
    text = text.replace('confidence = "confirmed"\nsource = "Riot Games teaser"',
                        'confidence = " Hinted "\nsource = "Riot Games teaser"')  # fmt: skip
    [arcane] = parse_watchlist(text, HERE).shows
    claim = arcane.seasons[0].earlier[1]
    assert (claim.window, claim.confidence, claim.noted) == (
        "2021",
        Confidence.HINTED,
        date(2021, 5, 3),
    )


@pytest.mark.parametrize(
    ("old", "new", "line", "problem"),
    [
        ('window = "fall 2021"', 'window = "soon"', 26, "not a release window: 'soon'"),
        ("noted = 2021-05-03", 'noted = "May"', 29, "noted must be a date"),
        ('window = "2020"', "window = [2020]", 16, "window must be text"),
        ('confidence = "confirmed"\nsource = "Riot Games teaser"',
         'confidence = "sure"\nsource = "Riot Games teaser"', 27, "confidence must be one of"),
    ],
)  # fmt: skip
def test_a_bad_earlier_claim_is_refused_at_its_line(
    old: str, new: str, line: int, problem: str
) -> None:
    with pytest.raises(WatchlistFileError) as caught:
        parse_watchlist(WITH_HISTORY.replace(old, new), HERE)
    assert caught.value.line == line
    assert problem in caught.value.problem


def test_a_claim_table_must_be_a_list_of_tables() -> None:
    text = ONE_CLAIM_EACH.replace("noted = 2024-04-23\n", 'noted = 2024-04-23\nearlier = "2023"\n')
    expected = r"earlier must be a list of \[\[show.season.earlier\]\] tables"
    with pytest.raises(WatchlistFileError, match=expected):
        parse_watchlist(text, HERE)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(seasons(1), seasons(2))
def test_seasons_with_claim_histories_survive_a_round_trip(one: Season, two: Season) -> None:
    watchlist = Watchlist([Show("Arcane", seasons=(one, two))])
    text = dump_watchlist(watchlist)
    assert parse_watchlist(text, HERE) == watchlist
    assert dump_watchlist(parse_watchlist(text, HERE)) == text
