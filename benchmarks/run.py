"""watchtui against a bare Textual app: startup, keys, saving, memory, and a long kill run.

    .venv/bin/python benchmarks/run.py            # 5 runs, 100/1,000/10,000 shows, 1,000 kills
    .venv/bin/python benchmarks/run.py --quick    # 3 runs, 100 kills

Every figure is the median of several runs, measured in this one run next to a
bare Textual app (one Static) started and driven the same way; see README.md.
Goals are reported, never asserted.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from kills import kill_run  # noqa: E402
from make_watchlist import write_watchlist  # noqa: E402

CHILD = HERE / "child.py"
TODAY = "2024-06-01"


@dataclass(slots=True)
class Sample:
    """One child process: what it reported, its wall time and its peak memory."""

    report: dict[str, Any]
    wall: float
    max_rss: int  # bytes


@dataclass(slots=True)
class Row:
    measure: str
    shows: str
    bare: str
    app: str
    ratio: str
    goal: str = ""
    met: str = ""


@dataclass(slots=True)
class Bench:
    folder: Path
    runs: int
    env: dict[str, str] = field(default_factory=dict)

    def child(
        self, *args: str, cache: Path | None = None, extra: dict[str, str] | None = None
    ) -> Sample:
        """Start `child.py` with these arguments; wait for it, with its own rusage."""
        env = dict(self.env) | (extra or {})
        env["WATCHTUI_CACHE_DIR"] = str(cache or self.folder / "no-cache")
        stderr_path = self.folder / "child.err"
        with open(stderr_path, "wb") as stderr:
            env["BENCH_LAUNCHED_NS"] = str(time.time_ns())
            started = time.perf_counter()
            process = subprocess.Popen(
                [sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=stderr, env=env
            )
            assert process.stdout is not None
            out = process.stdout.read()
            _, status, usage = os.wait4(process.pid, 0)
            wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        if process.returncode != 0:
            raise SystemExit(
                f"benchmark child {' '.join(args)} failed ({process.returncode}):\n"
                + stderr_path.read_text(errors="replace")[-3000:]
            )
        report = json.loads(out.decode().strip().splitlines()[-1])
        # ru_maxrss is the fallback only: on Linux it carries the parent's own peak.
        peak = report.get("peak_rss") or usage.ru_maxrss * 1024
        return Sample(report, wall, peak)

    def fresh_cache(self) -> Path:
        return Path(tempfile.mkdtemp(prefix="cache-", dir=self.folder))


# ---------------------------------------------------------------------------
# Formatting


def ms(seconds: float) -> str:
    value = seconds * 1000
    if value < 1:
        return f"{value:.2f} ms"
    if value < 100:
        return f"{value:.1f} ms"
    return f"{value:,.0f} ms"


def mb(size: float) -> str:
    return f"{size / 2**20:,.0f} MB"


def ratio(app: float, bare: float) -> str:
    if bare <= 0:
        return "—"
    value = app / bare
    return f"{value:,.1f}×" if value < 100 else f"{value:,.0f}×"


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def table(rows: list[Row]) -> str:
    headers = Row("measure", "shows", "bare", "watchtui", "ratio", "goal", "met")
    columns = list(
        zip(
            *[
                (r.measure, r.shows, r.bare, r.app, r.ratio, r.goal, r.met)
                for r in [headers, *rows]
            ],
            strict=True,
        )
    )
    widths = [max(len(cell) for cell in column) for column in columns]
    right = {1, 2, 3, 4}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            cell.rjust(width) if n in right else cell.ljust(width)
            for n, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line([c[0] for c in columns]), "  ".join("-" * w for w in widths)]
    out += [line([c[n] for c in columns]) for n in range(1, len(rows) + 1)]
    return "\n".join(out)


# ---------------------------------------------------------------------------
# The measures


def goal_ratio(value: float, bare: float, limit: float | None) -> tuple[str, str]:
    if limit is None:
        return "", ""
    return f"≤ {limit:g}× bare", "yes" if value <= limit * bare else "NO"


def goal_ms(value: float, limit_ms: float) -> tuple[str, str]:
    return f"≤ {limit_ms:g} ms", "yes" if value * 1000 <= limit_ms else "NO"


STARTUP_GOALS = {1000: 1.5, 10_000: 3.0}


def measure_startup(bench: Bench, files: dict[int, Path], say: Any) -> list[Row]:
    """Fresh processes, interleaved: bare and each size, cold then warm.

    Cold: no cache of any kind that a process could reuse. Each start gets an empty
    bytecode cache (PYTHONPYCACHEPREFIX), so Python compiles every module it imports,
    Textual's and watchtui's alike, from source, and an empty cache folder; watchtui
    keeps no cache of the watchlist. The operating system's file cache cannot be
    emptied without privileges: the first start of each kind reads the files into
    it, untimed. Warm: the bytecode that installing compiled, as every later start has.
    """
    kinds: list[tuple[str, str | None]] = [("bare", None)] + [
        ("watchtui", str(file)) for file in files.values()
    ]
    cold: dict[str, list[Sample]] = {}
    warm: dict[str, list[Sample]] = {}

    def start(kind: str, file: str | None, *, fresh: bool) -> Sample:
        args = ("startup", kind, *([file] if file else []))
        if not fresh:
            return bench.child(*args, cache=bench.fresh_cache())
        prefix = bench.fresh_cache()
        return bench.child(
            *args, cache=bench.fresh_cache(), extra={"PYTHONPYCACHEPREFIX": str(prefix)}
        )

    for kind, file in kinds:  # untimed: the file cache of the operating system
        start(kind, file, fresh=False)
    for run in range(bench.runs):
        say(f"startup run {run + 1}/{bench.runs}")
        for kind, file in kinds:
            key = file or kind
            cold.setdefault(key, []).append(start(kind, file, fresh=True))
            warm.setdefault(key, []).append(start(kind, file, fresh=False))
    rows: list[Row] = []
    for label, samples in (("cold, no cache of any kind", cold), ("warm", warm)):
        bare = samples["bare"]
        bare_frame = median([s.report["first_frame"] for s in bare])
        for size, file in files.items():
            frame = median([s.report["first_frame"] for s in samples[str(file)]])
            goal, met = goal_ratio(frame, bare_frame, STARTUP_GOALS.get(size))
            rows.append(
                Row(
                    f"startup: launch to first frame with data ({label})",
                    f"{size:,}",
                    ms(bare_frame),
                    ms(frame),
                    ratio(frame, bare_frame),
                    goal,
                    met,
                )
            )
    bare_wall = median([s.wall for s in warm["bare"]])
    for size, file in files.items():
        wall = median([s.wall for s in warm[str(file)]])
        rows.append(
            Row(
                "startup: launch to process exit (warm)",
                f"{size:,}",
                ms(bare_wall),
                ms(wall),
                ratio(wall, bare_wall),
            )
        )
    largest = str(files[max(files)])
    for label, samples in (("cold", cold), ("warm", warm)):
        bare_rss = median([s.max_rss for s in samples["bare"]])
        app_rss = median([s.max_rss for s in samples[largest]])
        rows.append(
            Row(
                f"memory: peak RSS, {label} start",
                f"{max(files):,}",
                mb(bare_rss),
                mb(app_rss),
                ratio(app_rss, bare_rss),
                f"≤ bare + {RSS_GOAL_MB} MB",
                "yes" if app_rss - bare_rss <= RSS_GOAL_MB * 2**20 else "NO",
            )
        )
    return rows


RSS_GOAL_MB = 100


def measure_keys(bench: Bench, files: dict[int, Path], say: Any) -> list[Row]:
    largest = max(files)
    copy = bench.folder / f"keys-{largest}.toml"
    shutil.copyfile(files[largest], copy)  # the save measure changes the file
    say("keys: bare app")
    bare = bench.child("keys", "bare", "--runs", str(bench.runs)).report
    say(f"keys: watchtui at {largest:,} shows")
    app = bench.child(
        "keys", "watchtui", str(copy), "--runs", str(bench.runs), cache=bench.fresh_cache()
    ).report
    shows = f"{largest:,}"
    rows = []
    for name, label, limit in (
        ("cursor", "key: cursor down, to settled frame", 16.0),
        ("cursor_pilot", "key: cursor down, Pilot press + pause", None),
        ("filter", "key: filter letter, to settled frame", 50.0),
        ("filter_pilot", "key: filter letter, Pilot press + pause", None),
        ("held", "save: w (watched) holds the screen", 50.0),
    ):
        b, a = median(bare[name]), median(app[name])
        goal, met = goal_ms(a, limit) if limit is not None else ("", "")
        rows.append(Row(label, shows, ms(b), ms(a), ratio(a, b), goal, met))
    disk = median(app["disk"])
    goal, met = goal_ms(disk, 1000.0)
    rows.append(Row("save: w until the file on disk has it", shows, "—", ms(disk), "—", goal, met))
    return rows


def _compile_watchtui() -> None:
    """Byte-compile watchtui's modules, as installing a package does.

    The measured processes run with PYTHONDONTWRITEBYTECODE, so that none of them
    pays for writing bytecode; Textual's was compiled when it was installed. An
    editable install of watchtui would otherwise compile every module from source
    on every start (about 25 ms here), which no installed copy does.
    """
    import watchtui

    compileall.compile_dir(Path(watchtui.__file__).parent, quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 runs and 100 kills by default")
    parser.add_argument("--runs", type=int, help="runs per measure (default 5, --quick 3)")
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated show counts")
    parser.add_argument(
        "--kills", type=int, help="rounds of the kill run (default 1000, --quick 100)"
    )
    parser.add_argument("--kill-shows", type=int, default=100, help="shows in the killed file")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    kills = args.kills if args.kills is not None else (100 if args.quick else 1000)
    sizes = sorted(
        {
            int(part.replace("_", "").replace(",", ""))
            for part in args.sizes.split(",")
            if part.strip()
        }
    )
    if runs < 1 or not sizes or min(sizes) < 1:
        parser.error("--runs and --sizes must be positive")

    def say(message: str) -> None:
        print(f"… {message}", file=sys.stderr, flush=True)

    started = time.monotonic()
    _compile_watchtui()
    with tempfile.TemporaryDirectory(prefix="watchtui-bench-") as scratch:
        folder = Path(scratch)
        home = folder / "home"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL", "WATCHTUI"))}
        env |= {"WATCHTUI_TODAY": TODAY, "PYTHONDONTWRITEBYTECODE": "1"}
        for variable, name in (
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CACHE_HOME", "cache"),
            ("XDG_STATE_HOME", "state"),
        ):
            env[variable] = str(home / name)
        bench = Bench(folder, runs, env)
        files: dict[int, Path] = {}
        for size in sizes:
            say(f"writing a watchlist of {size:,} shows")
            files[size] = write_watchlist(folder / f"watchlist-{size}.toml", size)

        rows = measure_startup(bench, files, say)
        rows += measure_keys(bench, files, say)

        (folder / "kills").mkdir()
        kill_file = write_watchlist(folder / "kills" / "watchlist.toml", args.kill_shows)
        report = None
        if kills:
            say(f"kill run: {kills} kills")
            report = kill_run(kill_file, kills)

    import textual

    print()
    print(
        f"watchtui benchmarks — Python {platform.python_version()}, textual {textual.__version__}, "
        f"{os.cpu_count()} CPUs, {platform.system()}; median of {runs} run{'s' * (runs > 1)}; "
        f"today {TODAY}"
    )
    print("Ratios are watchtui / a bare Textual app (one Static) measured in this same run.")
    print("Goals are reported, not asserted.")
    print()
    print(table(rows))
    print()
    if report is not None:
        print(
            f"kill run: {report.kills} SIGKILLs of a process saving {args.kill_shows} shows in a "
            f"loop, {report.seconds:.0f} s: every time the old or the new file, permissions and "
            f"backups intact, no temp file after the next load; {report.mid_save} kills landed "
            f"mid-save; both contents seen: {'yes' if report.contents_seen == 2 else 'no'}"
        )
    print(f"benchmark time: {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
