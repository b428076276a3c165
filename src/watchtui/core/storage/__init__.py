"""The watchlist file on disk: reading it (reader), writing it (writer), saving it so
that nothing is ever lost (atomic), and a file opened for changes (document, saver)."""
