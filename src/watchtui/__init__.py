"""watchtui: a terminal watchlist that knows how sure a release date is."""

__version__ = "0.1.0"
