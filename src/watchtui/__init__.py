"""watchtui: a terminal watchlist that knows how sure a release date is."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("watchtui")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
