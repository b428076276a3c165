"""Write a realistic watchlist of N shows (3 seasons and 4 cast notes each) for benchmarks."""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from watchtui.core.model import CastNote, Confidence, Season, Show, Status, Watchlist
from watchtui.core.storage.writer import dump_watchlist

WINDOWS = [
    "2024",
    "late 2025",
    "Q3 2025",
    "H2 2026",
    "March 2026",
    "2026-05-14",
    "summer 2027",
    "TBA",
    "early 2027",
    "2025-11-26",
]
WORDS = [
    "Dead",
    "Game",
    "Night",
    "City",
    "Blue",
    "Crown",
    "House",
    "Signal",
    "River",
    "Glass",
    "Empire",
    "Shadow",
    "Garden",
    "Winter",
    "Storm",
    "Echo",
    "Hollow",
    "Paper",
    "Iron",
    "Gold",
]


def make_watchlist(count: int, seed: int = 7) -> Watchlist:
    rng = random.Random(seed)
    shows = []
    for n in range(count):
        title = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}"
        seasons = []
        for number in (1, 2, 3):
            episodes = rng.choice([6, 8, 10, 12, 16])
            done = number < 3 and rng.random() < 0.6
            finished = date(2023, 1, 1) + timedelta(days=rng.randrange(600))
            seasons.append(
                Season(
                    number=number,
                    episodes=episodes if number < 3 else None,
                    watched=episodes if done else 0,
                    finished=finished if done else None,
                    # Season 1 is out (a confirmed day gone by), so that `w` on it marks
                    # it at once, as the save measure needs, rather than asking first.
                    window=rng.choice(WINDOWS) if number > 1 else "2022-01-28",
                    confidence=rng.choice(list(Confidence)) if number > 1 else Confidence.CONFIRMED,
                    source=f"{rng.choice(WORDS)} Entertainment post about the cast's {n} projects",
                    noted=date(2024, 4, 23),
                )
            )
        cast = tuple(
            CastNote(f"Actor {n}-{k}", f"Role {k}", "Survived season 1; returns in season 2")
            for k in range(4)
        )
        shows.append(
            Show(
                title=title,
                network=rng.choice(["Netflix", "HBO", "Disney+", "tvN", "Apple TV+"]),
                status=rng.choice(list(Status)),
                notes="Director interview: the next season moves to a fallen city",
                added=date(2024, 4, 23),
                seasons=tuple(seasons),
                cast=cast,
            )
        )
    return Watchlist(shows)


def write_watchlist(path: Path, count: int) -> Path:
    path.write_text(dump_watchlist(make_watchlist(count)), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_watchlist(Path(sys.argv[1]), int(sys.argv[2])))
