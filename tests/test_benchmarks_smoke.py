"""The benchmark runs end to end in its quickest mode and prints its table.

Only the shape is checked (every row there, every figure a number): speed is the
benchmark's to report, never a test's to assert.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

ROWS = [
    "startup: launch to first frame with data (cold, no cache of any kind)",
    "startup: launch to first frame with data (warm)",
    "startup: launch to process exit (warm)",
    "memory: peak RSS, cold start",
    "memory: peak RSS, warm start",
    "key: cursor down, to settled frame",
    "key: cursor down, Pilot press + pause",
    "key: filter letter, to settled frame",
    "key: filter letter, Pilot press + pause",
    "save: w (watched) holds the screen",
    "save: w until the file on disk has it",
]

FIGURE = r"[\d,.]+ (?:ms|MB)"


@pytest.mark.slow
def test_the_quick_benchmark_prints_its_table() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WATCHTUI")}
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--sizes",
            "100",
            "--runs",
            "1",
            "--kills",
            "20",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    out = done.stdout
    assert "Ratios are watchtui / a bare Textual app" in out
    header = next(line for line in out.splitlines() if line.startswith("measure"))
    assert header.split() == ["measure", "shows", "bare", "watchtui", "ratio", "goal", "met"]
    lines = out.splitlines()
    for row in ROWS:
        found = [line for line in lines if line.startswith(row)]
        assert found, f"no row {row!r} in\n{out}"
        for line in found:
            assert re.search(rf"\b100\s+(?:{FIGURE}|—)\s+{FIGURE}\s+(?:[\d,.]+×|—)", line), line
    for line in lines:
        if line.startswith(("key:", "save:")) and "≤" in line:
            assert line.rstrip().endswith(("yes", "NO")), line
    kill_line = next(line for line in lines if line.startswith("kill run:"))
    assert kill_line.startswith("kill run: 20 SIGKILLs")
    assert "both contents seen: yes" in kill_line
