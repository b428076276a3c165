"""The README's two commands, followed literally on a clean clone.

The first (install and launch) is run step by step in a fresh clone, in a real
pseudo-terminal: the demo must appear, and `q` must quit it (by default with the
dependencies taken from the test run, see below; `pytest -m long` runs it word
for word). The second (install
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
import sysconfig
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = re.findall(r"```sh\n(python3 -m venv .+?)\n```", README)


LAUNCH_STEPS = ("python3 -m venv .venv", ".venv/bin/pip install -e .", ".venv/bin/watchtui --demo")
USER_INSTALL = (
    "python3 -m pip install --user pipx && python3 -m pipx install . "
    "&& ~/.local/bin/watchtui --demo"
)
FIRST_COMMAND = re.search(r"```sh\n(.+?)\n```", README, re.DOTALL)


def test_the_readmes_first_command_installs_it_as_a_tool() -> None:
    assert FIRST_COMMAND is not None and FIRST_COMMAND.group(1) == USER_INSTALL


def test_the_readme_gives_exactly_two_setup_commands() -> None:
    assert len(COMMANDS) == 2
    install_and_launch, install_and_test = COMMANDS
    assert install_and_launch.split(" && ") == list(LAUNCH_STEPS)
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


def _clean_clone(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A fresh clone, and an environment with neither the test run's venv nor its PATH."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, timeout=120)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(TERM="xterm-256color", COLUMNS="100", LINES="30", WATCHTUI_TODAY="2024-06-01")
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(sys.prefix)
    )
    return clone, env


def _launch_and_quit(
    clone: Path, env: dict[str, str], command: str, installed: Path | None = None
) -> None:
    """Run `command` in the clone in a real pseudo-terminal: the demo appears, q quits."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: a shell running the command as written
        os.chdir(clone)
        os.execvpe("sh", ["sh", "-c", command], env)
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
    assert (installed or clone / ".venv" / "bin" / "watchtui").exists()


@pytest.mark.slow
def test_install_and_launch_works_on_a_clean_clone(tmp_path: Path) -> None:
    """The README's install-and-launch steps, each run in a clean clone, made cheap.

    Installing the dependencies from the index and giving the new venv its own pip
    take most of the literal command's ten seconds, and the test run's own install
    (the README's second command, run by CI) already proves that they install. So
    the venv is made without pip and sees the test run's installed packages through
    a .pth file; the project itself is installed from the clone with `pip install
    -e .` (no dependencies, the build backend taken from the test run: the `test`
    extra has it), which must put the `watchtui` command in the venv; and that
    command is launched exactly as the README writes it. `pytest -m long` runs the
    README's command word for word instead.
    """
    make_venv, install, launch = LAUNCH_STEPS
    clone, env = _clean_clone(tmp_path)
    subprocess.run(
        [*make_venv.split(), "--without-pip"], cwd=clone, env=env, check=True, timeout=120
    )
    venv_python = clone / ".venv" / "bin" / "python"
    purelib = subprocess.run(
        [venv_python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        cwd=clone, env=env, check=True, timeout=60, capture_output=True, text=True,
    ).stdout.strip()  # fmt: skip
    tested = sysconfig.get_paths()["purelib"]
    (Path(purelib) / "_test_run_packages.pth").write_text(tested + "\n", encoding="utf-8")
    assert install == ".venv/bin/pip install -e ."
    subprocess.run(
        [venv_python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", "."],
        cwd=clone, env=env, check=True, timeout=300,
    )  # fmt: skip
    _launch_and_quit(clone, env, launch)


@pytest.mark.long
def test_the_readmes_install_and_launch_command_word_for_word(tmp_path: Path) -> None:
    clone, env = _clean_clone(tmp_path)
    _launch_and_quit(clone, env, COMMANDS[0])


@pytest.mark.long
def test_the_readmes_first_command_word_for_word_with_pipx(tmp_path: Path) -> None:
    """The README's first command in a clean clone, for a user whose home folder is
    new: pipx installed for them, then watchtui installed by pipx, then launched."""
    clone, env = _clean_clone(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env["HOME"] = str(home)
    _launch_and_quit(clone, env, USER_INSTALL, installed=home / ".local" / "bin" / "watchtui")
