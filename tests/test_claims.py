"""Verdicts on claims and the sources' track records (docs/claims.md)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.strategies import claims, days
from watchtui.core.claims import (
    SourceRecord,
    Verdict,
    judge,
    real_date,
    source_key,
    track_records,
)
from watchtui.core.model import Claim, Confidence, Season, Show, replace
from watchtui.core.windows import parse_window

TODAY = date(2025, 6, 15)
HINTED, RUMORED, CONFIRMED = Confidence.HINTED, Confidence.RUMORED, Confidence.CONFIRMED


def season(*said: Claim, finished: date | None = None, watched: int = 0) -> Season:
    """A season whose claims are `said`, oldest first (the last is the current one)."""
    *earlier, current = said
    return Season(
        2,
        watched=watched,
        finished=finished,
        window=current.window,
        confidence=current.confidence,
        source=current.source,
        noted=current.noted,
        earlier=tuple(earlier),
    )


def verdicts(s: Season, today: date = TODAY) -> list[str]:
    return [judged.verdict.value for judged in judge(s, today)]


def test_a_confirmed_day_judges_every_earlier_claim() -> None:
    arcane = season(
        Claim("2020", CONFIRMED, "Riot Games"),
        Claim("fall 2021", CONFIRMED, "Riot Games teaser"),
        Claim("2022", RUMORED, "fan forum"),
        Claim("TBA", HINTED, "someone"),
        Claim("2021-11-06", CONFIRMED, "Netflix"),
    )
    assert real_date(arcane) == date(2021, 11, 6)
    assert verdicts(arcane) == ["early", "right", "late", "none", "right"]


def test_a_hint_confirmed_later_is_right_and_the_confirmation_too() -> None:
    s = season(
        Claim("late 2025", HINTED, "Variety", date(2025, 1, 10)),
        Claim("2025-10-03", CONFIRMED, "Apple TV+", date(2025, 6, 1)),
    )
    assert verdicts(s) == ["right", "right"]
    assert [j.current for j in judge(s, TODAY)] == [False, True]


def test_without_a_real_date_claims_are_pending() -> None:
    s = season(Claim("2024", HINTED, "agency"), Claim("Q4 2025", CONFIRMED, "network"))
    assert real_date(s) is None
    assert verdicts(s) == ["pending", "pending"]


def test_a_confirmed_window_wider_than_a_day_is_not_the_real_date() -> None:
    s = season(Claim("2024", HINTED, "agency"), Claim("March 2025", CONFIRMED, "network"))
    assert verdicts(s) == ["pending", "pending"]


def test_the_latest_confirmed_day_wins_a_postponement() -> None:
    s = season(
        Claim("2025-03-01", CONFIRMED, "network"),
        Claim("2025-05-01", CONFIRMED, "network, postponed"),
    )
    assert verdicts(s) == ["early", "right"]


def test_a_watched_season_is_judged_by_its_finished_day_only_without_a_confirmed_day() -> None:
    watched = season(Claim("2024", HINTED, "agency"), finished=date(2025, 2, 1))
    assert verdicts(watched) == ["early"]
    dated = season(
        Claim("2024", HINTED, "agency"),
        Claim("2024-12-20", CONFIRMED, "network"),
        finished=date(2025, 2, 1),
    )
    assert verdicts(dated) == ["right", "right"]


def test_the_current_hint_of_a_stale_season_is_overdue_and_earlier_ones_pending() -> None:
    s = season(Claim("2023", RUMORED, "fan forum"), Claim("2024", HINTED, "agency"))
    assert verdicts(s) == ["pending", "overdue"]
    assert verdicts(s, today=date(2024, 6, 1)) == ["pending", "pending"]  # still live
    partly_seen = season(Claim("2024", HINTED, "agency"), watched=3)  # out: not overdue
    assert verdicts(partly_seen) == ["pending"]


def test_a_season_about_which_nothing_was_said_has_no_claims() -> None:
    assert judge(Season(3), TODAY) == []
    assert judge(Season(3, episodes=8, watched=8), TODAY) == []


def test_sources_match_ignoring_case_outer_spaces_and_unicode_form() -> None:
    assert source_key(" Variety ") == source_key("VARIETY") == "variety"
    assert source_key("Cafe\u0301 Crème") == source_key("CAFÉ CRÈME")


def test_track_records_count_each_sources_verdicts() -> None:
    one = season(
        Claim("2024", HINTED, "Agency "),
        Claim("2025", RUMORED, "fan forum"),
        Claim("2025-03-01", CONFIRMED, "Netflix"),
    )
    two = season(Claim("2026", RUMORED, "Fan Forum"), Claim("Q3 2026", HINTED, "agency"))
    three = season(Claim("TBA", CONFIRMED, ""), Claim("2024", RUMORED, "FAN forum"))
    shows = [Show("A", seasons=(one,)), Show("B", seasons=(two,)), Show("C", seasons=(three,))]
    records = {r.source: r for r in track_records(shows, TODAY)}
    assert set(records) == {"Agency", "fan forum", "Netflix"}  # as first written
    assert records["fan forum"] == SourceRecord("fan forum", 3, right=1, pending=1, overdue=1)
    assert records["Agency"] == SourceRecord("Agency", 2, early=1, pending=1)
    assert (records["Agency"].wrong, records["Netflix"].right) == (1, 1)
    assert [r.source for r in track_records(shows, TODAY)] == ["fan forum", "Agency", "Netflix"]


# Against a reference: the rules written out as plainly as possible ---------------------

_day_windows = days.filter(lambda d: 2000 <= d.year <= 2030).map(date.isoformat)
_claims = claims | st.builds(
    Claim, window=_day_windows, confidence=st.just(CONFIRMED), source=st.just("network")
)


def _reference(s: Season, today: date) -> list[str]:
    said = [*s.earlier, Claim(s.window, s.confidence, s.source, s.noted)]  # the current last
    if not s.earlier and not (s.window or s.source or s.noted or s.confidence != CONFIRMED):
        return []
    confirmed_days = []
    for claim in said:
        window = parse_window(claim.window)
        if claim.confidence == CONFIRMED and window and window.start == window.end:
            confirmed_days.append(window.start)
    real = confirmed_days[-1] if confirmed_days else s.finished
    out = []
    for n, claim in enumerate(said):
        window = parse_window(claim.window)
        if window is None:
            out.append("none")
            continue
        if real is None:
            last = n == len(said) - 1
            ended = window.end < today
            stale = last and claim.confidence != CONFIRMED and ended and s.watched == 0
            watched_all = s.episodes is not None and s.episodes > 0 and s.watched >= s.episodes
            out.append("overdue" if stale and not watched_all else "pending")
            continue
        covered = {window.start + timedelta(n) for n in range((window.end - window.start).days + 1)}
        if real in covered:
            out.append("right")
        else:
            out.append("early" if window.end < real else "late")
    return out


@settings(max_examples=100)
@given(
    st.lists(_claims, min_size=1, max_size=5),
    st.none() | st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    st.sampled_from([(None, 0), (8, 0), (8, 3), (8, 8), (None, 2)]),
    st.dates(date(2000, 1, 1), date(2030, 12, 31)),
)
def test_verdicts_follow_the_rules(
    said: list[Claim], finished: date | None, counts: tuple[int | None, int], today: date
) -> None:
    episodes, watched = counts
    s = replace(season(*said, finished=finished, watched=watched), episodes=episodes)
    assert verdicts(s, today) == _reference(s, today)
    assert all(Verdict(v) for v in verdicts(s, today))
