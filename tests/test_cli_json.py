"""`--json` output: the stable shape of docs/json.md, field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cli_helpers import TODAY, run, sample_file

SHOW_KEYS = {
    "title",
    "original_title",
    "network",
    "status",
    "notes",
    "added",
    "rating",
    "rated",
    "ids",
    "next_season",
    "highlight",
    "seasons",
    "cast",
    "extra",
}
SEASON_KEYS = {
    "number",
    "title",
    "episodes",
    "watched",
    "finished",
    "window",
    "confidence",
    "source",
    "noted",
    "claims",
    "start",
    "end",
    "precision",
    "state",
    "extra",
}
CLAIM_KEYS = {"window", "confidence", "source", "noted", "verdict", "extra"}
ENTRY_KEYS = {
    "show",
    "season",
    "season_title",
    "window",
    "confidence",
    "source",
    "state",
    "start",
    "end",
    "precision",
    "days_left",
}


def _json(*args: str, file: Path) -> Any:
    result = run(*args, "--json", file=file)
    assert result.code == 0 and result.err == ""
    return json.loads(result.out)


def test_list_json_shape(tmp_path: Path) -> None:
    document = _json("list", file=sample_file(tmp_path))
    assert set(document) == {"watchtui", "today", "shows", "extra"}
    assert document["watchtui"] == 1
    assert document["today"] == TODAY
    assert document["extra"] == {
        "owner": "kim",
        "synced": {"$datetime": "2026-02-01T10:00:00+00:00"},
    }
    shows = document["shows"]
    assert [show["title"] for show in shows] == [
        "All of Us Are Dead",
        "The Bear",
        "Squid Game",
        "Severance",
        "Dark",
        "Lost Cause",
    ]
    for show in shows:
        assert set(show) == SHOW_KEYS
        for season in show["seasons"]:
            assert set(season) == SEASON_KEYS
            assert all(set(claim) == CLAIM_KEYS for claim in season["claims"])
        for note in show["cast"]:
            assert set(note) == {"name", "role", "note", "extra"}

    dead = shows[0]
    assert dead["original_title"] == "지금 우리 학교는"
    assert dead["network"] == "Netflix"
    assert dead["status"] == "watching"
    assert dead["notes"] == ""
    assert dead["added"] == "2024-04-23"
    assert dead["next_season"] == 2
    assert dead["highlight"] == "overdue"
    assert dead["extra"] == {"score": 8.5, "first_seen": {"$date": "2022-02-01"}}
    assert dead["seasons"][0] == {
        "number": 1,
        "title": "",
        "episodes": 12,
        "watched": 12,
        "finished": "2022-02-10",
        "window": "2022-01-28",
        "confidence": "confirmed",
        "source": "Netflix",
        "noted": None,
        "claims": [
            {
                "window": "2022-01-28",
                "confidence": "confirmed",
                "source": "Netflix",
                "noted": None,
                "verdict": "right",
                "extra": {},
            }
        ],
        "start": "2022-01-28",
        "end": "2022-01-28",
        "precision": "day",
        "state": "watched",
        "extra": {},
    }
    two = dead["seasons"][1]
    assert (two["start"], two["end"], two["precision"], two["state"]) == (
        "2024-01-01",
        "2024-12-31",
        "year",
        "overdue",
    )
    assert two["episodes"] is None and two["finished"] is None
    assert two["extra"] == {"tags": ["agency", "instagram"]}
    assert [claim["verdict"] for claim in two["claims"]] == ["overdue"]
    assert dead["cast"] == [
        {
            "name": "Park Ji-hu",
            "role": "Nam On-jo",
            "note": "Survived season 1; returns in season 2",
            "extra": {"agency": "BH Entertainment"},
        }
    ]

    bear = shows[1]
    assert bear["added"] is None
    assert bear["next_season"] == 5 and bear["highlight"] is None
    assert [s["state"] for s in bear["seasons"]] == ["released", "upcoming"]

    severance = shows[3]
    assert severance["highlight"] == "hinted"
    late, none = severance["seasons"]
    assert (late["start"], late["end"], late["precision"]) == ("2026-09-01", "2026-12-31", "third")
    assert (none["window"], none["start"], none["end"], none["precision"], none["state"]) == (
        "",
        None,
        None,
        None,
        "tba",
    )
    squid = shows[2]["seasons"][0]
    assert (squid["precision"], squid["start"], squid["end"]) == (
        "quarter",
        "2026-07-01",
        "2026-09-30",
    )
    assert shows[4]["next_season"] is None and shows[4]["highlight"] is None


def test_list_json_follows_the_filter(tmp_path: Path) -> None:
    document = _json("list", "--filter", "hinted", file=sample_file(tmp_path))
    assert [show["title"] for show in document["shows"]] == [
        "All of Us Are Dead",
        "Squid Game",
        "Severance",
    ]
    empty = _json("list", file=tmp_path / "none.toml")
    assert empty == {"watchtui": 1, "today": TODAY, "shows": [], "extra": {}}


def test_list_json_derived_fields_follow_today(tmp_path: Path) -> None:
    path = sample_file(tmp_path)
    earlier = json.loads(run("list", "--json", file=path, today="2024-12-31").out)
    dead = earlier["shows"][0]
    assert dead["seasons"][1]["state"] == "hinted"  # the last day of the window: not overdue yet
    assert dead["highlight"] == "hinted"
    later = json.loads(run("list", "--json", file=path, today="2025-01-01").out)
    assert later["shows"][0]["seasons"][1]["state"] == "overdue"


def test_upcoming_json_shape(tmp_path: Path) -> None:
    document = _json("upcoming", file=sample_file(tmp_path))
    assert set(document) == {"watchtui", "today", "groups"}
    assert document["today"] == TODAY
    groups = document["groups"]
    assert [(g["kind"], g["label"], g["start"], g["end"]) for g in groups] == [
        ("overdue", "Overdue — hinted, still unconfirmed", None, None),
        ("ready", "Ready to watch", None, None),
        ("month", "March 2026", "2026-03-01", "2026-03-31"),
        ("quarter", "Q3 2026", "2026-07-01", "2026-09-30"),
        ("year", "2026", "2026-01-01", "2026-12-31"),
        ("tba", "TBA", None, None),
    ]
    entries = [entry for group in groups for entry in group["entries"]]
    for entry in entries:
        assert set(entry) == ENTRY_KEYS
    assert [(e["show"], e["season"], e["state"]) for e in entries] == [
        ("All of Us Are Dead", 2, "overdue"),
        ("The Bear", 4, "released"),
        ("The Bear", 5, "upcoming"),
        ("Squid Game", 3, "hinted"),
        ("Severance", 3, "hinted"),
        ("Severance", 4, "tba"),
    ]
    assert entries[2] == {
        "show": "The Bear",
        "season": 5,
        "season_title": "",
        "window": "2026-03-02",
        "confidence": "confirmed",
        "source": "FX press release",
        "state": "upcoming",
        "start": "2026-03-02",
        "end": "2026-03-02",
        "precision": "day",
        "days_left": 1,
    }
    assert [e["days_left"] for e in entries] == [None, None, 1, None, None, None]
    assert entries[0]["source"].startswith("BH Entertainment")
    assert entries[5]["start"] is None and entries[5]["precision"] is None
