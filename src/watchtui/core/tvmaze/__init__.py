"""Shows filled in from TVmaze (https://www.tvmaze.com/api): data CC BY-SA 4.0.

- `client`: HTTP to TVmaze (httpx, imported only when a request is made), with
  timeouts, redirects, 429s waited out, and `cache`: answers kept on disk for
  their max-age;
- `records`: TVmaze's JSON as records, every field optional;
- `service`: the requests (search, best match, a show, a lookup by IMDb or
  TheTVDB id, many shows via `/updates/shows`);
- `fill`: a new show filled in, or a show brought up to date, as edits;
- `dates`: airstamps, weekly projections and relative wording (python-dateutil).

Importing this package imports none of them.
"""
