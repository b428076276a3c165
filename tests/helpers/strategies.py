"""Hypothesis strategies for watchlists, including text and keys a person might not expect."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hypothesis import strategies as st

from watchtui.core.model import (
    CastNote,
    Claim,
    Confidence,
    Ids,
    Season,
    Show,
    Status,
    Watchlist,
    title_key,
)
from watchtui.core.schema import KEYS

# Surrogates cannot be written as UTF-8; everything else may appear in a watchlist.
_CHARACTERS = st.characters(codec="utf-8")
_AWKWARD = st.sampled_from(
    [
        "[bold]x[/]",
        "[red]unclosed",
        "지금 우리 학교는",
        "進撃の巨人",
        "😀👩‍👩‍👧",
        "\x00\x01\x1b[31m\x7f",
        "line\nbreak\r\n",
        '"""',
        "'''",
        "\\u0041 \\n",
        "[[show]]",
        "# not a comment",
        "key = value",
        "\u200b\u2028\ufeff",
        " padded ",
    ]
)
texts = st.one_of(st.text(_CHARACTERS, max_size=20), _AWKWARD)

days = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
_WINDOWS = st.sampled_from(
    ["", "TBA", "2024", "late 2024", "Q3 2025", "H2 2025", "March 2025", "2025-03-14",
     "14 Mar 2025", "summer 2026", "winter 2025", "2025-03", "March 14, 2025"]
)  # fmt: skip

# Values of unknown keys: everything TOML can hold (NaN aside: it never equals itself).
_scalars = st.one_of(
    texts,
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    days,
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
    st.datetimes(
        min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=st.just(UTC)
    ),
    st.times(),
)
toml_values = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


def extras(known: frozenset[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Unknown keys for a table whose known keys are `known`."""
    keys = st.one_of(st.text(_CHARACTERS, max_size=8), st.sampled_from(["future", "rating"]))
    return st.dictionaries(keys.filter(lambda key: key not in known), toml_values, max_size=3)


SHOW_KEYS = KEYS[Show]
SEASON_KEYS = KEYS[Season]
CAST_KEYS = KEYS[CastNote]
CLAIM_KEYS = KEYS[Claim]
TOP_KEYS = frozenset(["version", "show"])


claims = st.builds(
    Claim,
    window=_WINDOWS,
    confidence=st.sampled_from(Confidence),
    source=texts,
    noted=st.none() | days,
    extra=extras(CLAIM_KEYS),
)
"""A claim about a season's window, as an earlier claim of a season holds it."""


@st.composite
def seasons(draw: st.DrawFn, number: int) -> Season:
    episodes = draw(st.none() | st.integers(0, 500))
    watched = draw(st.integers(0, episodes if episodes is not None else 500))
    return Season(
        number=number,
        title=draw(texts),
        episodes=episodes,
        watched=watched,
        finished=draw(st.none() | days),
        window=draw(_WINDOWS),
        confidence=draw(st.sampled_from(Confidence)),
        source=draw(texts),
        noted=draw(st.none() | days),
        extra=draw(extras(SEASON_KEYS)),
        earlier=tuple(draw(st.lists(claims, max_size=3))),
    )


cast_notes = st.builds(
    CastNote,
    name=texts.filter(lambda name: bool(name.strip())),
    role=texts,
    note=texts,
    extra=extras(CAST_KEYS),
)


_ID = st.none() | st.integers(0, 2**31 - 1)
ids = st.builds(
    Ids,
    imdb=st.none() | st.from_regex(r"tt[0-9]{7,8}", fullmatch=True),
    tvdb=_ID,
    tmdb=_ID,
    tvmaze=_ID,
    trakt=_ID,
    mal=_ID,
    extra=extras(KEYS[Ids]),
)


@st.composite
def shows(draw: st.DrawFn, title: str) -> Show:
    numbers = draw(st.lists(st.integers(0, 60), max_size=4, unique=True))
    return Show(
        title=title,
        original_title=draw(texts),
        network=draw(texts),
        status=draw(st.sampled_from(Status)),
        notes=draw(texts),
        added=draw(st.none() | days),
        seasons=tuple(draw(seasons(number)) for number in numbers),
        cast=tuple(draw(st.lists(cast_notes, max_size=2))),
        extra=draw(extras(SHOW_KEYS)),
        ids=draw(ids),
    )


@st.composite
def watchlists(draw: st.DrawFn, max_shows: int = 4) -> Watchlist:
    titles = draw(
        st.lists(
            texts.filter(lambda title: bool(title.strip())),
            max_size=max_shows,
            unique_by=title_key,
        )
    )
    return Watchlist(
        shows=[draw(shows(title)) for title in titles],
        extra=draw(extras(TOP_KEYS)),
    )
