"""The formats watchtui exchanges shows in besides its own file: JSON, CSV and
iCalendar exports, and the exports of other trackers it imports."""
