"""The README's two commands, followed literally on a clean clone.

The first (install and launch) is run as written in a fresh folder, in a real
pseudo-terminal: the demo must appear, and `q` must quit it. The second (install
the test extras and run the suite) is what `.ci/run` runs; here we check it is
word for word the same command, so CI proves it on every submission.
"""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .+?)\n```", README)


def test_the_readme_gives_exactly_two_setup_commands() -> None:
    assert len(COMMANDS) == 2
    install_and_launch, install_and_test = COMMANDS
    assert install_and_launch.endswith("watchtui --demo")
    assert install_and_test.endswith("python -m pytest")


def test_ci_runs_the_readmes_test_command_word_for_word() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert COMMANDS[1] in ci.splitlines()


def _read_until(fd: int, needle: bytes, seconds: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + seconds
    while needle not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
    return seen


@pytest.mark.slow
def test_install_and_launch_works_on_a_clean_clone(tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30", WATCHTUI_TODAY="2024-06-01")
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(sys.prefix)
    )
    pid, fd = pty.fork()
    if pid == 0:  # the child: a shell running the README's command as written
        os.chdir(clone)
        os.execvpe("sh", ["sh", "-c", COMMANDS[0]], env)
    try:
        screen = _read_until(fd, b"All of Us Are Dead", seconds=400)
        assert b"All of Us Are Dead" in screen, screen[-2000:].decode(errors="replace")
        time.sleep(0.5)
        os.write(fd, b"q")
        _read_until(fd, b"\x00never", seconds=15)
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    finally:
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(fd)
    assert (clone / ".venv" / "bin" / "watchtui").exists()
