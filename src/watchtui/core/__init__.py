"""The watchlist domain: model, release windows, derived states, the file.

Nothing here imports Textual: the command line and the tests use it as it is.
"""
