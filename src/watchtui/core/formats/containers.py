"""Where an export's files are, and reading them a piece at a time.

An export comes as one file, a gzipped file, a ZIP or a folder (a ZIP unpacked).
Its files ("members") are found at the root or one folder down; the readers
read them as streams, so a 40 MB history is never held whole, nor twice:

- `csv_table` gives a CSV's header and its rows one by one, each with its line;
- `json_items` gives the items of a JSON list one by one.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, cast

from watchtui.core.errors import ImportFileError

Progress = Callable[[int, int], None]
"""Told the bytes read so far and the bytes in all, as an import reads."""

CHUNK = 1 << 20
_HIDDEN = re.compile(r"(^|/)(\.|__MACOSX/)")


@dataclass(slots=True)
class Reading:
    """Bytes read so far, for the progress shown."""

    total: int = 0
    done: int = 0
    progress: Progress | None = None

    def read(self, count: int) -> None:
        self.done += count
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total)


class _Counted:
    """A stream that tells `Reading` how much was read from it."""

    def __init__(self, inner: IO[bytes], reading: Reading) -> None:
        self.inner = inner
        self.reading = reading

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.reading.read(len(data))
        return data

    def readline(self, limit: int = -1) -> bytes:
        data = self.inner.readline(limit)
        self.reading.read(len(data))
        return data

    def __iter__(self) -> Iterator[bytes]:
        return iter(self.readline, b"")

    def close(self) -> None:
        self.inner.close()

    def __enter__(self) -> _Counted:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


@dataclass(slots=True)
class Member:
    """One file of an export."""

    name: str  # its path in the ZIP or folder, or the file's own name
    where: Path  # what messages name: the file, or the ZIP and the member
    size: int
    opener: Callable[[], IO[bytes]]
    reading: Reading = field(default_factory=Reading)

    def open(self) -> IO[bytes]:
        return cast(IO[bytes], _Counted(self.opener(), self.reading))

    def head(self, size: int = 65536) -> bytes:
        """Its first bytes, uncounted (to tell what it is)."""
        with self.opener() as stream:
            return stream.read(size)

    @property
    def base(self) -> str:
        """Its base name without extensions, lower case, `-` and spaces as `_`:
        "Watched-History-2.json" is "watched_history_2"."""
        name = self.name.rsplit("/", 1)[-1].lower()
        name = re.sub(r"(\.(json|csv|xml|gz|txt))+$", "", name)
        return re.sub(r"[^a-z0-9]+", "_", name).strip("_")


@dataclass(slots=True)
class Source:
    path: Path
    kind: str  # "file", "gzip", "zip" or "folder"
    members: list[Member]
    reading: Reading
    archive: zipfile.ZipFile | None = None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()

    def __enter__(self) -> Source:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _gzip_opener(opener: Callable[[], IO[bytes]]) -> Callable[[], IO[bytes]]:
    return lambda: gzip.GzipFile(fileobj=opener(), mode="rb")  # type: ignore[return-value]


def _member(name: str, where: Path, size: int, opener: Callable[[], IO[bytes]]) -> Member:
    if name.lower().endswith(".gz"):
        return Member(name[:-3], where, size, _gzip_opener(opener))
    return Member(name, where, size, opener)


def _file_opener(file: Path) -> Callable[[], IO[bytes]]:
    return lambda: file.open("rb")


def open_source(path: Path, progress: Progress | None = None) -> Source:
    """The members of an export at `path`; ImportFileError for a damaged or locked ZIP."""
    reading = Reading(progress=progress)
    if path.is_dir():
        files = sorted([*path.glob("*"), *path.glob("*/*")])
        members = [
            _member(
                file.relative_to(path).as_posix(), file, file.stat().st_size, _file_opener(file)
            )
            for file in files
            if file.is_file() and not _HIDDEN.search(file.relative_to(path).as_posix())
        ]
        source = Source(path, "folder", members, reading)
    else:
        with path.open("rb") as stream:
            magic = stream.read(4)
        if magic[:2] == b"PK":
            source = _zip_source(path, reading)
        else:
            size = path.stat().st_size
            kind = "gzip" if magic[:2] == b"\x1f\x8b" else "file"
            name = path.name if kind == "file" else path.name.removesuffix(".gz")
            opener = _file_opener(path)
            opener = _gzip_opener(opener) if kind == "gzip" else opener
            source = Source(path, kind, [Member(name, path, size, opener)], reading)
    for member in source.members:
        member.reading = reading
    reading.total = sum(member.size for member in source.members)
    return source


def _zip_source(path: Path, reading: Reading) -> Source:
    try:
        archive = zipfile.ZipFile(path)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ImportFileError(path, f"a damaged ZIP file ({error}); download it again") from None
    members = []
    for info in infos:
        name = info.filename
        if info.is_dir() or name.strip("/").count("/") > 1 or _HIDDEN.search(name):
            continue
        if info.flag_bits & 0x1:
            archive.close()
            raise ImportFileError(
                path, "the ZIP is encrypted; unpack it with its password and import the folder"
            )

        def opener(info: zipfile.ZipInfo = info) -> IO[bytes]:
            return archive.open(info)

        members.append(_member(name, path / name, info.file_size, opener))
    return Source(path, "zip", members, reading, archive)


# ---------------------------------------------------------------------------
# Text: CSV rows and JSON items, streamed


def _check_start(data: bytes, where: Path) -> None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(where, "the file is UTF-16 text; save it as UTF-8", 1)


def text_lines(stream: IO[bytes], where: Path) -> Iterator[str]:
    """The lines of a UTF-8 file, checked: ImportFileError names the line of a NUL byte
    or of text that is not UTF-8."""
    for number, raw in enumerate(stream, 1):
        if number == 1:
            _check_start(raw, where)
            raw = raw.removeprefix(codecs.BOM_UTF8)
        if b"\x00" in raw:
            raise ImportFileError(where, "the file holds NUL bytes; is this an export?", number)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportFileError(
                where, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); is this an export?", number
            ) from None


@dataclass(slots=True)
class Table:
    """A CSV file being read: its header, and its rows as they come."""

    where: Path
    header: list[str]
    rows: Iterator[tuple[int, list[str]]]  # (the row's first line, its cells)

    def column(self, *names: str) -> int | None:
        """The position of the first of these columns the header has."""
        for name in names:
            if name in self.header:
                return self.header.index(name)
        return None


def csv_table(stream: IO[bytes], where: Path) -> Table:
    """The header and rows of a CSV stream; ImportFileError with the line if not CSV."""
    reader = csv.reader(text_lines(stream, where))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise ImportFileError(where, "the file is empty", 1) from None
    except csv.Error as error:
        raise ImportFileError(where, f"not CSV: {error}", 1) from None

    def rows() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num
        while True:
            start = line + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                raise ImportFileError(where, f"not CSV: {error}", start) from None
            line = reader.line_num
            if any(cell.strip() for cell in row):
                yield start, row

    return Table(where, header, rows())


def json_items(stream: IO[bytes], where: Path) -> Iterator[Any]:
    """The items of a JSON list, one at a time, read a megabyte at a time."""
    return _JsonList(stream, where).items()


class _JsonList:
    def __init__(self, stream: IO[bytes], where: Path) -> None:
        self.stream = stream
        self.where = where
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer = ""
        self.pos = 0
        self.line = 1  # the line at the buffer's start
        self.ended = False
        self.first = True

    def fail(self, problem: str, at: int | None = None) -> ImportFileError:
        at = self.pos if at is None else at
        return ImportFileError(
            self.where, f"not valid JSON: {problem}", self.line + self.buffer.count("\n", 0, at)
        )

    def fill(self) -> bool:
        """Read on; False at the end."""
        if self.ended:
            return False
        chunk = self.stream.read(CHUNK)
        if self.first:
            _check_start(chunk, self.where)
            self.first = False
        self.ended = not chunk
        try:
            text = self.decoder.decode(chunk, final=self.ended)
        except UnicodeDecodeError:
            raise ImportFileError(self.where, "not UTF-8 text; is this an export?") from None
        if "\x00" in text:
            raise ImportFileError(self.where, "the file holds NUL bytes; is this an export?")
        if self.pos > CHUNK:
            self.line += self.buffer.count("\n", 0, self.pos)
            self.buffer, self.pos = self.buffer[self.pos :], 0
        self.buffer += text
        return not self.ended

    def next_char(self) -> str | None:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if not self.fill() and self.pos >= len(self.buffer):
                return None

    def items(self) -> Iterator[Any]:
        decoder = json.JSONDecoder()
        if self.next_char() != "[":
            raise self.fail("expected a list")
        self.pos += 1
        if self.next_char() == "]":
            self.pos += 1
        else:
            while True:
                while True:
                    try:
                        value, end = decoder.raw_decode(self.buffer, self.pos)
                    except json.JSONDecodeError as error:
                        if self.fill():
                            continue
                        raise self.fail(error.msg, error.pos) from None
                    except RecursionError:
                        raise self.fail("nested too deeply") from None
                    if end == len(self.buffer) and self.fill():
                        continue  # a number may go on in the next chunk
                    break
                self.pos = end
                yield value
                after = self.next_char()
                self.pos += 1
                if after == "]":
                    break
                if after != ",":
                    raise self.fail("expected ',' or ']' after an item", self.pos - 1)
                self.next_char()
        if self.next_char() is not None:
            raise self.fail("extra data after the list")
