"""A misbehaving ``dot`` (a wrapper script, a broken build) cannot make argmap hang, hold gigabytes,
write garbage as an image, or outlive argmap. Each test points ``ARGMAP_DOT`` at a small shell
script that misbehaves in one way."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.errors import DotTimeoutError, RenderError
from argmap.publish.graphviz_exe import run_dot

from .conftest import Run, write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fake dot programs are sh scripts")

BRIEF = "argmap: 1\nid: b\ntitle: B\nclaims:\n  a: {text: A, supports: [b]}\n  b: {text: B}\n"


def fake_dot(folder: Path, body: str) -> Path:
    script = folder / "fake-dot"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(0o755)
    return script


@pytest.fixture
def brief(tmp_path: Path) -> Path:
    return write(tmp_path / "b.yaml", BRIEF)


def test_random_bytes_from_dot_do_not_become_an_svg(
    tmp_path: Path, brief: Path, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(fake_dot(tmp_path, "cat >/dev/null\nhead -c 2000 /dev/urandom\n")))
    ran = run("render", "b.yaml", "-o", "x.svg", cwd=tmp_path)
    assert ran.code == 2
    assert "did not write SVG" in ran.stderr
    assert not (tmp_path / "x.svg").exists()


def test_output_beyond_the_limit_is_refused_not_buffered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(fake_dot(tmp_path, "cat >/dev/null\nexec cat /dev/zero\n")))
    with pytest.raises(RenderError, match="wrote more than 1,000,000 bytes"):
        run_dot("digraph {}", "svg", timeout=30, max_output=1_000_000)


def test_a_grandchild_holding_the_output_open_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "grandchild.pid"
    body = f"cat >/dev/null\nsleep 60 &\necho $! > {marker}\necho '<svg></svg>'\nexit 0\n"
    monkeypatch.setenv("ARGMAP_DOT", str(fake_dot(tmp_path, body)))
    with pytest.raises(RenderError, match="left a process holding its output open"):
        run_dot("digraph {}", "svg", timeout=30)
    _assert_gone(int(marker.read_text()))


def test_a_dot_that_never_finishes_is_stopped_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(fake_dot(tmp_path, "exec sleep 60\n")))
    with pytest.raises(DotTimeoutError, match=r"did not finish within 0\.5 seconds"):
        run_dot("digraph {}", "svg", timeout=0.5)


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_hanging_dot_does_not_outlive_a_killed_argmap(
    tmp_path: Path, brief: Path, how: signal.Signals
) -> None:
    marker = tmp_path / "dot.pid"
    dot = fake_dot(tmp_path, f"echo $$ > {marker}\nexec sleep 60\n")
    env = {**os.environ, "ARGMAP_DOT": str(dot)}
    process = subprocess.Popen([sys.executable, "-m", "argmap", "render", str(brief), "-o",
                                str(tmp_path / "x.svg")], env=env)
    try:
        for _ in range(300):
            if marker.exists() and marker.read_text().strip():
                break
            time.sleep(0.05)
        else:
            pytest.fail("the fake dot never started")
        process.send_signal(how)
        process.wait(timeout=30)
    finally:
        process.kill()
        process.wait()
    _assert_gone(int(marker.read_text()))


def _assert_gone(pid: int) -> None:
    """The process ``pid`` has ended (or is a zombie waiting for init to reap it)."""
    for _ in range(100):
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except (FileNotFoundError, ProcessLookupError):
            return
        if state in ("Z", "X"):
            return
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    pytest.fail(f"process {pid} is still running")
