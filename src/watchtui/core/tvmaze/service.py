"""The TVmaze requests watchtui makes, each answered as records.

- `search`: `/search/shows?q=`, candidates best match first;
- `best_match`: `/singlesearch/shows?q=`, TVmaze's one best match (404: none);
- `show`: `/shows/ID` with its seasons, cast and episodes embedded, in one request;
- `find_id`: `/lookup/shows?imdb=` or `?thetvdb=`, which answers with a redirect
  to the show (followed);
- `current_shows`: many shows at once, refetching only those that `/updates/shows`
  says changed since their answer was kept.
"""

from __future__ import annotations

from watchtui.core.errors import UserError
from watchtui.core.model import Ids
from watchtui.core.tvmaze.client import Params, TVmazeClient
from watchtui.core.tvmaze.records import (
    TVShow,
    decode_search,
    decode_show,
    decode_updates,
)

__all__ = ["best_match", "current_shows", "find_id", "search", "show", "show_request"]

DAY = 24 * 3600
_SINCE = (("day", DAY), ("week", 7 * DAY), ("month", 30 * DAY))
"""The periods `/updates/shows?since=` takes, with their length."""


def search(client: TVmazeClient, query: str) -> list[TVShow]:
    answer = client.get("/search/shows", [("q", query.strip())])
    return decode_search(answer.body) if answer.found else []


def best_match(client: TVmazeClient, query: str) -> TVShow | None:
    answer = client.get("/singlesearch/shows", [("q", query.strip())])
    return decode_show(answer.body) if answer.found else None


def show_request(tvmaze_id: int) -> tuple[str, Params]:
    """The request for a show with everything watchtui fills in from it."""
    embeds = [("embed[]", name) for name in ("seasons", "cast", "episodes")]
    return f"/shows/{tvmaze_id}", embeds


def show(client: TVmazeClient, tvmaze_id: int) -> TVShow:
    """The show with this TVmaze id; UserError if TVmaze has none."""
    answer = client.get(*show_request(tvmaze_id))
    if not answer.found:
        raise UserError(f"TVmaze has no show with id {tvmaze_id}")
    return decode_show(answer.body)


def find_id(client: TVmazeClient, ids: Ids) -> int | None:
    """The TVmaze id of a show known by its IMDb or TheTVDB id; None if TVmaze has neither."""
    if ids.tvmaze is not None:
        return ids.tvmaze
    asks: list[tuple[str, str | int]] = []
    if ids.imdb and ids.imdb.strip():
        asks.append(("imdb", ids.imdb.strip()))
    if ids.tvdb is not None:
        asks.append(("thetvdb", ids.tvdb))
    for ask in asks:
        answer = client.get("/lookup/shows", [ask])
        if answer.found:
            return decode_show(answer.body).id
    return None


def current_shows(client: TVmazeClient, tvmaze_ids: list[int]) -> dict[int, TVShow]:
    """Each show as TVmaze has it now, fetching only what changed since it was kept.

    A kept answer still fresh by its max-age is used as is. One gone stale is
    used if `/updates/shows` says the show has not changed since it was fetched
    (the shortest `since` period covering the oldest such answer keeps that list
    short); the others are fetched again.
    """
    now = client.clock()
    stale: dict[int, float] = {}
    for tvmaze_id in tvmaze_ids:
        kept = client.cached(*show_request(tvmaze_id))
        if kept is not None and kept.status == 200 and not kept.fresh(now):
            stale[tvmaze_id] = kept.fetched
    unchanged: set[int] = set()
    if stale:
        age = now - min(stale.values())
        since = next((name for name, length in _SINCE if age < length), None)
        params: Params = [("since", since)] if since else []
        updates = decode_updates(client.get("/updates/shows", params).body)
        for tvmaze_id, fetched in stale.items():
            changed = updates.get(tvmaze_id)
            if (changed is None and since is not None) or (
                changed is not None and changed <= fetched
            ):
                unchanged.add(tvmaze_id)
    shows: dict[int, TVShow] = {}
    for tvmaze_id in tvmaze_ids:
        kept = client.cached(*show_request(tvmaze_id)) if tvmaze_id in unchanged else None
        if kept is None:
            shows[tvmaze_id] = show(client, tvmaze_id)
            continue
        # Known to be current as of now: good for another max-age from now.
        client.cache.put(kept.url, kept.status, kept.body, round(kept.expires - kept.fetched), now)
        shows[tvmaze_id] = decode_show(kept.body)
    return shows
