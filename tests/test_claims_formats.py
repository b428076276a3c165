"""Claims through JSON and CSV: every claim exported oldest first with its verdict, and
read back from JSON into the same earlier claims (verdicts ignored)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from cli_helpers import run, run_bytes
from helpers.strategies import watchlists
from watchtui.core.errors import ImportFileError
from watchtui.core.formats.csv import watchlist_csv
from watchtui.core.formats.json import read_watchtui_json, watchlist_json
from watchtui.core.model import Claim, Confidence, Season, Show, Watchlist
from watchtui.core.storage.atomic import load

TODAY = date(2025, 6, 15)
HERE = Path("export.json")

ARCANE = Season(
    1,
    window="2021-11-06",
    source="Netflix",
    noted=date(2021, 9, 25),
    earlier=(
        Claim("2020", Confidence.CONFIRMED, "Riot Games", date(2019, 10, 16), {"clip": "x"}),
        Claim("fall 2021", Confidence.HINTED, "Riot Games teaser", date(2021, 5, 3)),
    ),
)


def _document(*seasons: Season) -> dict[str, Any]:
    watchlist = Watchlist([Show("Arcane", seasons=seasons)])
    document: dict[str, Any] = json.loads(watchlist_json(watchlist, watchlist.shows, TODAY))
    return document


def test_a_seasons_claims_are_in_the_json_oldest_first_with_their_verdicts() -> None:
    [season] = _document(ARCANE)["shows"][0]["seasons"]
    assert season["claims"] == [
        {
            "window": "2020",
            "confidence": "confirmed",
            "source": "Riot Games",
            "noted": "2019-10-16",
            "verdict": "early",
            "extra": {"clip": "x"},
        },
        {
            "window": "fall 2021",
            "confidence": "hinted",
            "source": "Riot Games teaser",
            "noted": "2021-05-03",
            "verdict": "right",
            "extra": {},
        },
        {
            "window": "2021-11-06",
            "confidence": "confirmed",
            "source": "Netflix",
            "noted": "2021-09-25",
            "verdict": "right",
            "extra": {},
        },
    ]
    assert list(season).index("claims") == list(season).index("noted") + 1


def test_importing_json_keeps_the_earlier_claims_and_ignores_verdicts() -> None:
    document = _document(ARCANE)
    for claim in document["shows"][0]["seasons"][0]["claims"]:
        claim["verdict"] = "whatever a script wrote"
    [show] = read_watchtui_json(document, HERE).shows
    assert show.seasons == (ARCANE,)


def test_a_last_claim_that_is_not_the_current_one_is_kept_as_an_earlier_claim() -> None:
    document = _document(ARCANE)
    season = document["shows"][0]["seasons"][0]
    season["claims"][-1]["source"] = "Netflix Tudum"  # a script changed one, not the other
    [show] = read_watchtui_json(document, HERE).shows
    assert [c.source for c in show.seasons[0].claims] == [
        "Riot Games",
        "Riot Games teaser",
        "Netflix Tudum",
        "Netflix",
    ]
    del season["claims"]  # a script that knows nothing of claims: the current one stands
    [show] = read_watchtui_json(document, HERE).shows
    assert show.seasons[0].claims == (ARCANE.claim,)


@pytest.mark.parametrize(
    ("claims", "where", "problem"),
    [
        ("2020", "shows[0].seasons[0].claims", "expected a list"),
        (["2020"], "shows[0].seasons[0].claims[0]", "expected an object"),
        ([{"window": "soon"}, {}], "shows[0].seasons[0].claims[0].window", "not a release window"),
        ([{"noted": "May"}, {}], "shows[0].seasons[0].claims[0].noted", "expected a date"),
    ],
)
def test_a_bad_claim_in_json_is_refused_naming_it(claims: Any, where: str, problem: str) -> None:
    document = _document(Season(1))
    document["shows"][0]["seasons"][0]["claims"] = claims
    with pytest.raises(ImportFileError) as caught:
        read_watchtui_json(document, HERE)
    assert where in str(caught.value) and problem in str(caught.value)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(watchlists(max_shows=3))
def test_json_round_trip_keeps_every_claim(watchlist: Watchlist) -> None:
    text = watchlist_json(watchlist, watchlist.shows, TODAY)
    again = read_watchtui_json(json.loads(text), HERE)
    assert again.shows == watchlist.shows
    assert watchlist_json(again, again.shows, TODAY) == text


def test_csv_has_the_claim_count_and_the_claim_before_the_current_one() -> None:
    rows = list(csv.DictReader(io.StringIO(watchlist_csv([Show("Arcane", seasons=(
        ARCANE, Season(2, window="November 2024"), Season(3))),], TODAY), newline="")))  # fmt: skip
    first, second, third = rows
    assert (first["window"], first["verdict"], first["claims"]) == ("2021-11-06", "right", "3")
    assert [first[f"previous_{key}"] for key in ("window", "confidence", "source", "noted")] == [
        "fall 2021",
        "hinted",
        "Riot Games teaser",
        "2021-05-03",
    ]
    assert first["previous_verdict"] == "right"
    assert (second["claims"], second["verdict"], second["previous_window"]) == ("1", "pending", "")
    assert (third["claims"], third["verdict"]) == ("0", "")


HISTORY = """\
version = 1

[[show]]
title = "Severance"
status = "watching"

[[show.season]]
number = 2
window = "2025-01-17"
confidence = "confirmed"
source = "Apple TV+"
noted = 2024-07-09

[[show.season.earlier]]
window = "2024"
confidence = "rumored"
source = "fan forum"
noted = 2023-03-01
thread = 42
"""


def test_claims_survive_export_and_import_by_the_real_commands(tmp_path: Path) -> None:
    original = tmp_path / "watchlist.toml"
    original.write_text(HISTORY, encoding="utf-8")
    exported = tmp_path / "export.json"
    assert run("export", "--format", "json", "-o", str(exported), file=original).code == 0
    copy = tmp_path / "copy.toml"
    assert run("import", str(exported), file=copy).code == 0
    assert load(copy).watchlist.shows == load(original).watchlist.shows
    assert copy.read_text(encoding="utf-8") == HISTORY
    rows = list(csv.DictReader(io.StringIO(run_bytes("export", "--format", "csv", file=copy)
                                           .decode("utf-8"), newline="")))  # fmt: skip
    assert (rows[0]["claims"], rows[0]["previous_source"], rows[0]["previous_verdict"]) == (
        "2",
        "fan forum",
        "early",
    )
