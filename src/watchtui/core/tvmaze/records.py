"""TVmaze's answers, as records: only the fields watchtui uses, every one optional.

TVmaze leaves many fields `null` (a show not yet premiered, a season announced
without a date or an episode order, a streaming show with a `webChannel` and no
`network`) and adds fields over the years; these records take what is there,
ignore the rest, and read a date that is empty or malformed as no date. An
answer of the wrong shape altogether (an HTML error page, a list where a show
belongs) raises OnlineError.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

import msgspec

from watchtui.core.errors import OnlineError

__all__ = [
    "TVCastCredit",
    "TVEpisode",
    "TVSeason",
    "TVShow",
    "day",
    "decode_search",
    "decode_show",
    "decode_updates",
]


class _Record(msgspec.Struct, frozen=True, kw_only=True):
    pass


class _Named(_Record, frozen=True):
    name: str | None = None


class _Country(_Record, frozen=True):
    timezone: str | None = None


class _Network(_Named, frozen=True):
    country: _Country | None = None


class _Externals(_Record, frozen=True):
    imdb: str | None = None
    thetvdb: int | None = None


class _Schedule(_Record, frozen=True):
    time: str | None = None
    days: list[str] | None = None


class TVSeason(_Record, frozen=True):
    number: int | None = None
    name: str | None = None
    episode_order: int | None = msgspec.field(default=None, name="episodeOrder")
    premiere_date: str | None = msgspec.field(default=None, name="premiereDate")
    end_date: str | None = msgspec.field(default=None, name="endDate")


class TVEpisode(_Record, frozen=True):
    season: int | None = None
    number: int | None = None
    airdate: str | None = None
    airstamp: str | None = None


class TVCastCredit(_Record, frozen=True):
    person: _Named | None = None
    character: _Named | None = None


class _Embedded(_Record, frozen=True):
    seasons: list[TVSeason] | None = None
    cast: list[TVCastCredit] | None = None
    episodes: list[TVEpisode] | None = None


class TVShow(_Record, frozen=True):
    id: int
    name: str | None = None
    status: str | None = None
    premiered: str | None = None
    network: _Network | None = None
    web_channel: _Network | None = msgspec.field(default=None, name="webChannel")
    externals: _Externals | None = None
    schedule: _Schedule | None = None
    updated: int | None = None
    embedded: _Embedded | None = msgspec.field(default=None, name="_embedded")

    @property
    def title(self) -> str:
        return (self.name or "").strip()

    @property
    def channel(self) -> str:
        """The network's name, else the web channel's (a streaming service)."""
        for where in (self.network, self.web_channel):
            if where is not None and where.name and where.name.strip():
                return where.name.strip()
        return ""

    @property
    def seasons(self) -> list[TVSeason]:
        return list(self.embedded.seasons or []) if self.embedded else []

    @property
    def cast(self) -> list[TVCastCredit]:
        return list(self.embedded.cast or []) if self.embedded else []

    @property
    def episodes(self) -> list[TVEpisode]:
        return list(self.embedded.episodes or []) if self.embedded else []

    @property
    def weekly(self) -> bool:
        """It airs on set days of the week (a streaming drop has none)."""
        return bool(self.schedule and self.schedule.days)


class _Hit(_Record, frozen=True):
    show: TVShow


_T = TypeVar("_T")


def _decode(body: bytes, kind: type[_T]) -> _T:
    try:
        return msgspec.json.decode(body, type=kind)
    except (msgspec.DecodeError, msgspec.ValidationError) as error:
        raise OnlineError(f"TVmaze sent an answer watchtui cannot read ({error})") from None


def decode_show(body: bytes) -> TVShow:
    return _decode(body, TVShow)


def decode_search(body: bytes) -> list[TVShow]:
    """The shows of a search, in TVmaze's order (best match first)."""
    return [hit.show for hit in _decode(body, list[_Hit])]


def decode_updates(body: bytes) -> dict[int, int]:
    """`/updates/shows`: each show's id and when it last changed (a Unix time)."""
    raw: dict[str, Any] = _decode(body, dict[str, Any])
    updates: dict[int, int] = {}
    for key, value in raw.items():
        if key.isdigit() and isinstance(value, int):
            updates[int(key)] = value
    return updates


def day(text: str | None) -> date | None:
    """A TVmaze date (`2017-10-10`); None when it is null, empty or not a date."""
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None
