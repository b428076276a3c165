"""Talking to TVmaze over HTTP: pooled connections, timeouts, redirects, the cache, 429s.

The base address is `WATCHTUI_TVMAZE_URL` (default https://api.tvmaze.com) and
the timeout `WATCHTUI_TVMAZE_TIMEOUT` seconds (default 10). httpx is imported
when the first client is made, so that nothing that stays offline (the app's
start, `watchtui list`) pays for it.

Every failure becomes one OnlineError whose message names TVmaze: the caller
prints it as one line, and has changed nothing yet. A 429 (too many requests)
is waited out as its Retry-After says, a few times and never for long, without
a word; a 404 is an answer ("no such show"), not a failure.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Sequence
from email.utils import parsedate_to_datetime
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from watchtui import __version__
from watchtui.core.errors import OnlineError, UserError
from watchtui.core.tvmaze.cache import CachedAnswer, ResponseCache, max_age

if TYPE_CHECKING:
    import httpx

__all__ = ["DEFAULT_URL", "Answer", "TVmazeClient", "base_url", "timeout_seconds"]

DEFAULT_URL = "https://api.tvmaze.com"
DEFAULT_TIMEOUT = 10.0
MAX_WAIT = 20.0
"""The longest one Retry-After is waited (seconds)."""
ATTEMPTS = 4
"""Requests made for one address when TVmaze keeps answering 429."""

Params = Sequence[tuple[str, str | int]]


class Answer:
    """What TVmaze answered: 200 with a body, or 404 (body empty or not)."""

    __slots__ = ("body", "status")

    def __init__(self, status: int, body: bytes) -> None:
        self.status = status
        self.body = body

    @property
    def found(self) -> bool:
        return self.status == 200


def base_url() -> str:
    return (os.environ.get("WATCHTUI_TVMAZE_URL", "").strip() or DEFAULT_URL).rstrip("/")


def timeout_seconds() -> float:
    text = os.environ.get("WATCHTUI_TVMAZE_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise UserError(f"WATCHTUI_TVMAZE_TIMEOUT must be a number of seconds, not {text!r}")
    return value


def _retry_after(value: str | None, now: float) -> float:
    """Seconds a Retry-After asks for (a number, or an HTTP date); 1 when absent or unreadable."""
    if not value:
        return 1.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return 1.0


def _reason(error: BaseException) -> str:
    """The cause of a connection failure in a few words: `connection refused`."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, OSError) and cause.strerror:
            return cause.strerror.lower()
        cause = cause.__cause__ or cause.__context__
    text = re.sub(r"^\[Errno -?\d+\]\s*", "", str(error)).strip()
    return (text[:1].lower() + text[1:]) if text else type(error).__name__


class TVmazeClient:
    """One pool of connections to TVmaze; close it (or use `with`) when done."""

    def __init__(
        self,
        url: str | None = None,
        *,
        timeout: float | None = None,
        cache: ResponseCache | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.url = (url or base_url()).rstrip("/")
        self.timeout = timeout if timeout is not None else timeout_seconds()
        self.cache = cache if cache is not None else ResponseCache()
        self.sleep = sleep
        self.clock = clock
        self.requests = 0
        """Requests sent over the network (not answered from the cache)."""
        self._http: httpx.Client | None = None

    def __enter__(self) -> TVmazeClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._http is not None:
            self._http.close()
            self._http = None

    def address(self, path: str, params: Params = ()) -> str:
        query = urlencode(list(params))
        return f"{self.url}{path}" + (f"?{query}" if query else "")

    def cached(self, path: str, params: Params = ()) -> CachedAnswer | None:
        """The answer kept for this request, fresh or stale."""
        return self.cache.get(self.address(path, params))

    def get(self, path: str, params: Params = ()) -> Answer:
        """GET `path`: from the cache while fresh, else from TVmaze (redirects followed)."""
        url = self.address(path, params)
        kept = self.cache.get(url)
        if kept is not None and kept.fresh(self.clock()):
            return Answer(kept.status, kept.body)
        return self._fetch(url)

    def _client(self) -> httpx.Client:
        if self._http is None:
            import httpx

            self._http = httpx.Client(
                timeout=httpx.Timeout(self.timeout),
                follow_redirects=True,
                headers={"User-Agent": f"watchtui/{__version__}", "Accept": "application/json"},
                limits=httpx.Limits(max_connections=4, max_keepalive_connections=4),
            )
        return self._http

    def _fetch(self, url: str) -> Answer:
        import httpx

        client = self._client()
        for attempt in range(1, ATTEMPTS + 1):
            try:
                self.requests += 1
                response = client.get(url)
                body = response.read()
            except httpx.TimeoutException:
                raise OnlineError(f"TVmaze did not answer within {self.timeout:g} s") from None
            except httpx.HTTPError as error:
                raise OnlineError(f"TVmaze could not be reached: {_reason(error)}") from None
            status = response.status_code
            if status == 429:
                if attempt == ATTEMPTS:
                    break
                wait = _retry_after(response.headers.get("Retry-After"), self.clock())
                if wait > MAX_WAIT:
                    raise OnlineError(
                        f"TVmaze asks to wait {wait:.0f} s before more requests; try again later"
                    )
                self.sleep(wait)
                continue
            if status in (200, 404):
                seconds = max_age(response.headers.get("Cache-Control"))
                self.cache.put(url, status, body, seconds, now=self.clock())
                return Answer(status, body)
            raise OnlineError(f"TVmaze answered with an error (HTTP {status})")
        raise OnlineError("TVmaze is answering too many requests (HTTP 429); try again later")
