"""A three-way merge of watchlists: the file as last read (base), the version in
memory (ours) and the file on disk now (theirs), so that a change made elsewhere
(the command line, a sync tool, a hand edit) and our own are both kept.

Shows are matched by title key, seasons by number, cast notes by name. A show,
season or note changed on one side only takes that side; one added on either
side is kept; one deleted on one side and unchanged on the other is deleted.
When both sides changed a show, its fields are merged one by one; a field both
changed differently, or a show deleted on one side and changed on the other, is
a conflict. Pure: nothing is read or written here.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import msgspec

from watchtui.core.errors import ModelError
from watchtui.core.model import CastNote, Extra, Season, Show, replace, title_key

__all__ = ["Conflict", "Merged", "merge_extra", "merge_shows"]

_R = TypeVar("_R", Show, Season, CastNote)
_MISSING: Any = object()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed one thing differently: `title`'s `part` ("notes",
    "season 2 watched", "deleted on one side, changed on the other")."""

    title: str
    part: str

    def __str__(self) -> str:
        return f"{self.title}: {self.part}"


@dataclass(slots=True)
class Merged:
    shows: list[Show]
    conflicts: list[Conflict] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    """Title keys of the shows the other side changed, added or deleted."""


class _Clash(Exception):
    def __init__(self, part: str) -> None:
        self.part = part


def _pick(base: Any, ours: Any, theirs: Any, part: str) -> Any:
    """One value merged three ways; _Clash when both sides changed it differently."""
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    raise _Clash(part)


def _merge_keyed(
    base: Sequence[_R],
    ours: Sequence[_R],
    theirs: Sequence[_R],
    key: Callable[[_R], Hashable],
    merge_one: Callable[[_R | None, _R, _R], _R],
    name: Callable[[_R], str],
) -> list[_R]:
    """Records matched by key, merged; ours' order, then theirs' additions after
    the record before them in theirs. _Clash on the first conflict."""
    keys = [key(record) for side in (base, ours, theirs) for record in side]
    if any(len({key(r) for r in side}) != len(side) for side in (base, ours, theirs)):
        raise _Clash("listed twice on one side")
    b = {key(r): r for r in base}
    o = {key(r): r for r in ours}
    t = {key(r): r for r in theirs}
    result: dict[Hashable, _R] = {}
    for k in dict.fromkeys(keys):
        before, mine, other = b.get(k), o.get(k), t.get(k)
        if mine == other or other == before:
            chosen = mine
        elif mine == before:
            chosen = other
        elif mine is None or other is None:
            present = mine if mine is not None else other
            assert present is not None
            raise _Clash(f"{name(present)} deleted on one side, changed on the other")
        else:
            chosen = merge_one(before, mine, other)
        if chosen is not None:
            result[k] = chosen
    order = [key(r) for r in ours if key(r) in result]
    placed = set(order)
    for index, record in enumerate(theirs):
        k = key(record)
        if k in result and k not in placed:
            after = next((key(p) for p in reversed(theirs[:index]) if key(p) in placed), None)
            order.insert(0 if after is None else order.index(after) + 1, k)
            placed.add(k)
    return [result[k] for k in order]


def _merge_fields(base: _R | None, ours: _R, theirs: _R, label: str) -> _R:
    """A record whose fields are merged one by one (seasons and cast by their own keys)."""
    changes: dict[str, Any] = {}
    for name in ours.__struct_fields__:
        mine, other = getattr(ours, name), getattr(theirs, name)
        before = getattr(base, name) if base is not None else _MISSING
        if mine == other:
            continue
        if name == "seasons":
            changes[name] = tuple(
                sorted(
                    _merge_keyed(
                        before if base is not None else (),
                        mine,
                        other,
                        lambda s: s.number,
                        lambda b, o, t: _merge_fields(b, o, t, f"season {o.number}"),
                        lambda s: f"season {s.number}",
                    ),
                    key=lambda s: s.number,
                )
            )
        elif name == "cast":
            changes[name] = tuple(
                _merge_keyed(
                    before if base is not None else (),
                    mine,
                    other,
                    lambda c: title_key(c.name),
                    lambda b, o, t: _merge_fields(b, o, t, f"cast note {o.name}"),
                    lambda c: f"cast note {c.name}",
                )
            )
        else:
            part = f"{label} {name}".strip() if label else name
            changes[name] = _pick(before, mine, other, part)
    if not changes:
        return ours
    try:
        return replace(ours, **changes)
    except (ModelError, msgspec.ValidationError):
        raise _Clash(f"{label or 'the show'}: the two versions do not fit together") from None


def merge_shows(base: Sequence[Show], ours: Sequence[Show], theirs: Sequence[Show]) -> Merged:
    """The shows of both sides merged, or the conflicts that stop it (then `shows`
    is ours, unchanged)."""
    conflicts: list[Conflict] = []
    b = {show.key: show for show in base}
    o = {show.key: show for show in ours}
    t = {show.key: show for show in theirs}
    for k in dict.fromkeys([*b, *o, *t]):
        before, mine, other = b.get(k), o.get(k), t.get(k)
        if mine in (other, before) or other == before:
            continue
        title = (mine or other or before).title  # type: ignore[union-attr]
        if mine is None or other is None:
            conflicts.append(Conflict(title, "deleted on one side, changed on the other"))
            continue
        try:
            _merge_fields(before, mine, other, "")
        except _Clash as clash:
            conflicts.append(Conflict(title, clash.part))
    if conflicts:
        return Merged(list(ours), conflicts)
    merged = _merge_keyed(
        base,
        ours,
        theirs,
        lambda s: s.key,
        lambda b, o, t: _merge_fields(b, o, t, ""),
        lambda s: s.title,
    )
    taken = {k for k in dict.fromkeys([*b, *t]) if b.get(k) != t.get(k)}
    return Merged(merged, [], taken)


def merge_extra(base: Extra, ours: Extra, theirs: Extra) -> tuple[Extra, list[Conflict]]:
    """The file's top-level keys we do not know, merged key by key."""
    result: Extra = {}
    conflicts: list[Conflict] = []
    for k in dict.fromkeys([*ours, *theirs, *base]):
        try:
            value = _pick(base.get(k, _MISSING), ours.get(k, _MISSING), theirs.get(k, _MISSING), k)
        except _Clash:
            conflicts.append(Conflict("the file", f"top-level key {k}"))
            continue
        if value is not _MISSING:
            result[k] = value
    return result, conflicts
