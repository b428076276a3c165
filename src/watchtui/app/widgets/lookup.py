"""TVmaze's matches under the add-show form's title, as it is typed.

A search starts `DELAY` seconds after the last key, in a worker thread (a newer
search overtakes an older one: its answer is dropped), and lists up to `SHOWN`
candidates with their year and network. `down` from the title moves into the
list, `enter` picks one: the show is then fetched with its seasons and cast (in
a worker too) and `Lookup.Settled` tells the form. Offline, or on any failure,
one quiet line under the field says so and the show is added as typed. Data
from TVmaze.com (CC BY-SA 4.0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from watchtui.app.text import plain, printable
from watchtui.core.model import Show, replace
from watchtui.core.storage.document import Change

if TYPE_CHECKING:
    from watchtui.app.session import Session
    from watchtui.core.tvmaze.records import TVShow

__all__ = ["OFFLINE", "Lookup", "add_filled", "candidate_text"]

OFFLINE = "TVmaze could not be reached — the show is added as typed"


def candidate_text(tv: TVShow) -> Text:
    """`Severance  (2022, Apple TV+)`: the title as data, never markup."""
    details = [part for part in ((tv.premiered or "")[:4], tv.channel) if part]
    text = plain(tv.title or "(no title)")
    if details:
        text.append(f"  ({printable(', '.join(details))})", "dim")
    return text


def add_filled(session: Session, draft: Show, tv: TVShow) -> Change:
    """Add the show as `watchtui add TITLE --tvmaze ID` does (network, ids, seasons,
    windows, cast), keeping what the form's other fields say."""
    from watchtui.core import edits
    from watchtui.core.tvmaze.fill import new_show

    typed = edits.add_show(session.watchlist, draft, today=session.today).after
    assert typed is not None
    change = new_show(
        session.watchlist,
        typed.title,
        tv,
        today=session.today,
        status=typed.status,
        network=typed.network,
    )
    assert change.after is not None
    show = replace(change.after, original_title=typed.original_title, notes=typed.notes)
    return session.change(Change(change.description, None, show))


class Lookup(Vertical):
    """The candidates list and its one line of feedback."""

    DELAY: ClassVar[float] = 0.4
    """Seconds after the last key before TVmaze is asked (tests set it lower)."""
    SHOWN: ClassVar[int] = 6

    DEFAULT_CSS = """
    Lookup { height: auto; padding-left: 19; }
    Lookup > OptionList { height: auto; max-height: 8; display: none; }
    Lookup > OptionList.-shown { display: block; }
    Lookup > #lookup-line { color: $text-muted; height: auto; }
    Lookup > #lookup-line.-empty { display: none; }
    """

    class Chosen(Message):
        """A candidate was picked: its title goes into the title field."""

        def __init__(self, title: str) -> None:
            self.title = title
            super().__init__()

    class Settled(Message):
        """A pick was fetched (`tv`) or could not be (`tv` is None)."""

        def __init__(self, tv: TVShow | None) -> None:
            self.tv = tv
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.found: list[TVShow] = []
        self.picked: TVShow | None = None
        """The chosen show with its seasons and cast: the form adds it from this."""
        self.pending = False
        """A pick is being fetched."""
        self._chosen_title = ""
        self._timer: Timer | None = None
        self._asked = ""

    def compose(self) -> ComposeResult:
        yield OptionList(id="candidates", compact=True)
        yield Static("", id="lookup-line", classes="-empty")

    @property
    def candidates(self) -> OptionList:
        return self.query_one("#candidates", OptionList)

    @property
    def shown(self) -> bool:
        return self.candidates.has_class("-shown")

    def say(self, line: str) -> None:
        note = self.query_one("#lookup-line", Static)
        note.update(plain(line))
        note.set_class(not line, "-empty")

    # Searching ---------------------------------------------------------------

    def typed(self, value: str) -> None:
        """The title changed: search again once the typing pauses."""
        if self._timer is not None:
            self._timer.stop()
        query = value.strip()
        if query == self._chosen_title:  # the pick just filled the field in
            return
        self._asked = query
        if len(query) < 2:
            self._list([])
            return
        self._timer = self.set_timer(self.DELAY, lambda: self._search(query))

    @work(
        thread=True,
        exclusive=True,
        group="lookup-search",
        exit_on_error=False,
        description="search TVmaze",
    )
    def _search(self, query: str) -> None:
        from watchtui.core.tvmaze import service
        from watchtui.core.tvmaze.client import TVmazeClient

        worker = get_current_worker()
        try:
            with TVmazeClient() as client:
                found = service.search(client, query)
        except Exception:  # offline, a timeout, an error from TVmaze: never a crash
            found = None
        if not worker.is_cancelled:
            self.app.call_from_thread(self._answered, query, found)

    def _answered(self, query: str, found: list[TVShow] | None) -> None:
        if not self.is_attached or query != self._asked:  # overtaken by newer typing
            return
        if found is None:
            self._list([])
            self.say(OFFLINE)
            return
        self._list(found[: self.SHOWN])
        if found:
            self.say("↓ to choose a match from TVmaze · enter picks it")
        else:
            self.say(f"TVmaze knows no show matching {query!r}")

    def _list(self, found: list[TVShow]) -> None:
        self.found = found
        options = self.candidates
        options.clear_options()
        options.add_options(Option(candidate_text(tv)) for tv in found)
        options.set_class(bool(found), "-shown")
        if not found:
            self.say("")

    # Picking -----------------------------------------------------------------

    def enter_list(self) -> bool:
        """Move the focus into the candidates; False when there are none."""
        if not self.shown:
            return False
        self.candidates.focus()
        self.candidates.highlighted = 0
        return True

    @on(OptionList.OptionSelected, "#candidates")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.found[event.option_index]
        self._chosen_title = chosen.title
        self.picked = None
        self.pending = True
        self._list([])
        self.say(f"Asking TVmaze for {printable(chosen.title)}'s seasons and cast…")
        self.post_message(self.Chosen(chosen.title))
        self._fetch(chosen.id)

    @work(
        thread=True,
        exclusive=True,
        group="lookup-fetch",
        exit_on_error=False,
        description="fetch a show from TVmaze",
    )
    def _fetch(self, tvmaze_id: int) -> None:
        from watchtui.core.tvmaze import service
        from watchtui.core.tvmaze.client import TVmazeClient

        try:
            with TVmazeClient() as client:
                tv: TVShow | None = service.show(client, tvmaze_id)
        except Exception:
            tv = None
        self.app.call_from_thread(self._fetched, tv)

    def _fetched(self, tv: TVShow | None) -> None:
        if not self.is_attached:
            return
        self.pending = False
        self.picked = tv
        if tv is None:
            self.say(OFFLINE)
        else:
            self.say(
                f"From TVmaze: {printable(tv.title)} — seasons, cast and ids are added on save"
            )
        self.post_message(self.Settled(tv))
