"""`watchtui export --format ics` as a calendar feed: only confirmed windows, only
hinted ones, or one show's; each event keeps its UID across exports."""

from __future__ import annotations

from pathlib import Path

import icalendar

from cli_helpers import run, run_bytes, sample_file


def _events(data: bytes) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


def test_confidence_confirmed_hinted_and_all(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    everything = _events(run_bytes("export", "--format", "ics", file=path))
    confirmed = _events(
        run_bytes("export", "--format", "ics", "--confidence", "confirmed", file=path)
    )
    hinted = _events(run_bytes("export", "--format", "ics", "--confidence", "hinted", file=path))
    every = _events(run_bytes("export", "--format", "ics", "--confidence", "all", file=path))
    assert sorted(confirmed) == ["The Bear — Season 5"]
    assert sorted(hinted) == [
        "All of Us Are Dead — Season 2 (hinted)",
        "Severance — Season 3 (hinted)",
        "Squid Game — Season 3 (rumored)",
    ]
    assert sorted(every) == sorted(everything) == sorted([*confirmed, *hinted])
    assert {str(event["STATUS"]) for event in confirmed.values()} == {"CONFIRMED"}
    assert {str(event["STATUS"]) for event in hinted.values()} == {"TENTATIVE"}
    squid = str(hinted["Squid Game — Season 3 (rumored)"]["DESCRIPTION"])
    assert "Source: fan forum" in squid
    # The same season is the same event in every feed.
    assert {str(e["UID"]) for e in hinted.values()} <= {str(e["UID"]) for e in every.values()}


def test_show_picks_one_show_by_a_forgiving_title(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    one = _events(run_bytes("export", "--format", "ics", "--show", "all of us are dead", file=path))
    assert sorted(one) == ["All of Us Are Dead — Season 2 (hinted)"]
    two = _events(
        run_bytes("export", "--format", "ics", "--show", "bear", "--show", "severance", file=path)
    )
    assert sorted(two) == ["Severance — Season 3 (hinted)", "The Bear — Season 5"]
    none = _events(
        run_bytes(
            "export", "--format", "ics", "--show", "bear", "--confidence", "hinted", file=path
        )
    )
    assert none == {}


def test_feed_options_errors_are_one_line(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    unknown = run("export", "--format", "ics", "--show", "Nobody", file=path)
    assert (unknown.code, unknown.out, unknown.err) == (1, "", 'watchtui: no show named "Nobody"\n')
    wrong = run("export", "--format", "csv", "--confidence", "hinted", file=path)
    assert (wrong.code, wrong.err) == (
        1,
        "watchtui: --confidence and --show are for --format ics\n",
    )
    bad = run("export", "--format", "ics", "--confidence", "sure", file=path)
    assert bad.code == 2


def test_uids_stay_when_a_hint_is_confirmed_so_calendars_update_the_event(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    before = _events(run_bytes("export", "--format", "ics", "--show", "severance", file=path))
    confirmed = run("season", "severance", "3", "--window", "2026-10-01", "--confidence",
                    "confirmed", "--source", "Apple TV+", file=path)  # fmt: skip
    assert confirmed.code == 0, confirmed.err
    after = _events(run_bytes("export", "--format", "ics", "--show", "severance", file=path))
    (old,) = before.values()
    (new,) = after.values()
    assert str(old["UID"]) == str(new["UID"])
    assert (str(old["STATUS"]), str(new["STATUS"])) == ("TENTATIVE", "CONFIRMED")
    assert "Source: Apple TV+" in str(new["DESCRIPTION"])
