"""`watchtui export`: JSON read back losslessly, CSV for spreadsheets, iCalendar for calendars.

The .ics is checked with the independent `icalendar` library, the CSV with the
csv module: what another program reads is what counts.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import icalendar

from cli_helpers import SAMPLE, TODAY, run, run_bytes, sample_file
from watchtui.core.formats.csv import CSV_COLUMNS
from watchtui.core.formats.ical import event_uid
from watchtui.core.storage.atomic import load

# ---------------------------------------------------------------------------
# JSON


def test_json_export_imports_back_to_the_same_watchlist(tmp_path: Path) -> None:
    original = sample_file(tmp_path)
    exported = tmp_path / "export.json"
    result = run("export", "--format", "json", "-o", str(exported), file=original)
    assert result.code == 0, result.err
    assert result.out == f"exported 6 shows to {exported}\n"

    copy = tmp_path / "copy.toml"
    imported = run("import", str(exported), file=copy)
    assert imported.code == 0, imported.err
    assert imported.out == (
        f"{exported} (watchtui JSON): 6 added, 0 merged, 0 already up to date\n"
    )
    before, after = load(original).watchlist, load(copy).watchlist
    assert after.shows == before.shows  # every field, unknown keys included
    assert after.extra == before.extra
    assert after.extra["synced"].tzinfo is not None  # a TOML date-time stays one
    assert after.shows[0].extra["first_seen"] == date(2022, 2, 1)

    # The copy exports to the very same JSON.
    assert run_bytes("export", "--format", "json", file=copy) == run_bytes(
        "export", "--format", "json", file=original
    )


def test_json_export_on_stdout_is_list_json_of_every_show(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    exported = json.loads(run("export", "--format", "json", file=path).out)
    listed = json.loads(run("list", "--json", file=path).out)
    assert exported == listed


def test_export_refuses_to_write_over_the_watchlist(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    result = run("export", "--format", "json", "-o", str(path), file=path)
    assert result.code == 1
    assert result.err == (
        f"watchtui: {path}: that is the watchlist file itself; export elsewhere\n"
    )
    assert path.read_text(encoding="utf-8") == SAMPLE


def test_export_to_a_folder_that_does_not_exist_is_a_user_error(tmp_path: Path) -> None:
    result = run("export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"),
                 file=sample_file(tmp_path))  # fmt: skip
    assert result.code == 1
    assert result.err.startswith("watchtui: ") and "No such file or directory" in result.err
    assert result.err.count("\n") == 1


# ---------------------------------------------------------------------------
# CSV


def test_csv_export_one_row_per_season(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    path.write_text(SAMPLE + '\n[[show]]\ntitle = "Arcane, \\"Act 2\\""\n', encoding="utf-8")
    data = run_bytes("export", "--format", "csv", file=path)
    assert not data.startswith(b"\xef\xbb\xbf")  # no byte-order mark on stdout
    assert data.count(b"\r\n") == data.count(b"\n")  # CRLF, as RFC 4180 has it
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2 + 2 + 1 + 2 + 1 + 1 + 1  # seasons per show; Arcane has none
    assert rows[1] == {
        "show": "All of Us Are Dead",
        "original_title": "지금 우리 학교는",
        "network": "Netflix",
        "status": "watching",
        "season": "2",
        "season_title": "",
        "episodes": "",
        "watched": "0",
        "finished": "",
        "window": "2024",
        "confidence": "hinted",
        "source": "BH Entertainment Instagram post listing Park Ji-hu's 2024 projects",
        "noted": "2024-04-23",
        "start": "2024-01-01",
        "end": "2024-12-31",
        "precision": "year",
        "state": "overdue",
        "verdict": "overdue",
        "claims": "1",
        "previous_window": "",
        "previous_confidence": "",
        "previous_source": "",
        "previous_noted": "",
        "previous_verdict": "",
    }
    assert [(r["show"], r["season"], r["state"]) for r in rows[2:4]] == [
        ("The Bear", "4", "released"),
        ("The Bear", "5", "upcoming"),
    ]
    arcane = rows[-1]
    assert arcane["show"] == 'Arcane, "Act 2"'  # commas and quotes survive
    assert all(arcane[column] == "" for column in CSV_COLUMNS[4:])


def test_csv_export_to_a_file_has_a_byte_order_mark(tmp_path: Path) -> None:
    output = tmp_path / "watchlist.csv"
    result = run("export", "--format", "csv", "-o", str(output), file=sample_file(tmp_path))
    assert result.code == 0
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfshow,original_title,")
    with output.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["original_title"] == "지금 우리 학교는"


# ---------------------------------------------------------------------------
# iCalendar


def _calendar(data: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(data)


def _events(data: bytes) -> dict[str, icalendar.Event]:
    return {str(event["SUMMARY"]): event for event in _calendar(data).walk("VEVENT")}


def test_ics_events_span_each_unreleased_window(tmp_path: Path) -> None:
    data = run_bytes("export", "--format", "ics", file=sample_file(tmp_path))
    calendar = _calendar(data)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//watchtui//")
    events = _events(data)
    # Unreleased seasons with a window: not the released, watched, TBA or dropped ones.
    assert sorted(events) == [
        "All of Us Are Dead — Season 2 (hinted)",
        "Severance — Season 3 (hinted)",
        "Squid Game — Season 3 (rumored)",
        "The Bear — Season 5",
    ]
    spans = {
        summary: (event.decoded("DTSTART"), event.decoded("DTEND"), str(event["STATUS"]))
        for summary, event in events.items()
    }
    assert spans == {
        # DTEND is exclusive: the day after the window's last day.
        "All of Us Are Dead — Season 2 (hinted)": (
            date(2024, 1, 1),
            date(2025, 1, 1),
            "TENTATIVE",
        ),
        "Severance — Season 3 (hinted)": (date(2026, 9, 1), date(2027, 1, 1), "TENTATIVE"),
        "Squid Game — Season 3 (rumored)": (date(2026, 7, 1), date(2026, 10, 1), "TENTATIVE"),
        "The Bear — Season 5": (date(2026, 3, 2), date(2026, 3, 3), "CONFIRMED"),
    }
    for event in events.values():
        assert type(event.decoded("DTSTART")) is date  # all-day, not a date-time
        assert event.decoded("DTSTAMP").date() == date.fromisoformat(TODAY)
    description = str(events["All of Us Are Dead — Season 2 (hinted)"]["DESCRIPTION"])
    assert description == (
        "Window: 2024 (hinted)\n"
        "Source: BH Entertainment Instagram post listing Park Ji-hu's 2024 projects\n"
        "The window has passed with no confirmation."
    )
    assert str(events["The Bear — Season 5"]["DESCRIPTION"]) == (
        "Window: 2026-03-02 (confirmed)\nSource: FX press release"
    )


def test_ics_uids_are_stable_when_a_window_moves(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    first = _calendar(run_bytes("export", "--format", "ics", file=path))
    moved = run("season", "SQUID GAME", "3", "--window", "2026-08-15", "--confidence",
                "confirmed", file=path)  # fmt: skip
    assert moved.code == 0
    second = _calendar(run_bytes("export", "--format", "ics", file=path))
    uids = [{str(e["UID"]) for e in c.walk("VEVENT")} for c in (first, second)]
    assert uids[0] == uids[1]
    assert len(uids[0]) == 4
    squid = event_uid("Squid Game", 3)
    event = next(e for e in second.walk("VEVENT") if str(e["UID"]) == squid)
    assert event.decoded("DTSTART") == date(2026, 8, 15)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event_uid("squid game", 3) == squid != event_uid("Squid Game", 2)


def test_ics_escaping_and_folding_of_long_cjk_sources(tmp_path: Path) -> None:
    source = (
        "BH엔터테인먼트 인스타그램: 박지후의 2024년 작품 목록에 '지금 우리 학교는' 시즌2; "
        "see https://www.instagram.com/p/C5xyz/?img_index=1, a backslash \\ and a comma"
    )
    path = tmp_path / "w.toml"
    path.write_text(
        'version = 1\n[[show]]\ntitle = "지금 우리 학교는; Season, \\"Two\\""\n'
        '[[show.season]]\nnumber = 2\nwindow = "H2 2026"\nconfidence = "hinted"\n'
        f"source = {json.dumps(source, ensure_ascii=False)}\n",
        encoding="utf-8",
    )
    data = run_bytes("export", "--format", "ics", file=path)
    assert data.endswith(b"END:VCALENDAR\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert max(len(line) for line in lines) <= 75
    folded = [line for line in lines if line.startswith(b" ")]
    assert len(folded) >= 3  # the source is over 200 octets
    for line in lines:
        line.decode("utf-8")  # no line splits a character
    (event,) = _calendar(data).walk("VEVENT")
    assert str(event["SUMMARY"]) == '지금 우리 학교는; Season, "Two" — Season 2 (hinted)'
    assert str(event["DESCRIPTION"]) == f"Window: H2 2026 (hinted)\nSource: {source}"
    assert event.decoded("DTSTART") == date(2026, 7, 1)
    assert event.decoded("DTEND") == date(2027, 1, 1)
    raw = data.decode("utf-8").replace("\r\n ", "")
    assert 'SUMMARY:지금 우리 학교는\\; Season\\, "Two" — Season 2 (hinted)' in raw
    assert "a backslash \\\\ and a comma" in raw


def test_ics_of_an_empty_watchlist_is_a_valid_empty_calendar(tmp_path: Path) -> None:
    data = run_bytes("export", "--format", "ics", file=tmp_path / "none.toml")
    calendar = _calendar(data)
    assert calendar.walk("VEVENT") == []
    assert data.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")


def test_ics_export_to_a_file(tmp_path: Path) -> None:
    output = tmp_path / "releases.ics"
    path = sample_file(tmp_path)
    result = run("export", "--format", "ics", "-o", str(output), file=path)
    assert (result.code, result.out) == (0, f"exported 6 shows to {output}\n")
    assert output.read_bytes() == run_bytes("export", "--format", "ics", file=path)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
