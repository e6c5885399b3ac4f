"""Finding and running dot: the search order, a missing dot, a failing dot and a hanging one."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest
from render_support import REPO

import argmap
from argmap.errors import DotNotFoundError, DotTimeoutError, RenderError
from argmap.publish import find_dot
from argmap.publish.graphviz_exe import run_dot

KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"


def fake_dot(folder: Path, body: str, name: str = "dot") -> Path:
    """A shell script standing in for dot."""
    script = folder / name
    script.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


@pytest.fixture
def no_dot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No ARGMAP_DOT, nothing on PATH, and no graphviz-pure wheel."""
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setattr("argmap.publish.graphviz_exe._graphviz_pure", lambda: None)


pytestmark = pytest.mark.skipif(os.name != "posix", reason="the fake dot is a shell script")


def test_argmap_dot_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    script = fake_dot(tmp_path, "cat")
    monkeypatch.setenv("ARGMAP_DOT", str(script))
    assert find_dot() == str(script)
    # The fake dot echoes its input, which must look like SVG to be accepted as SVG.
    assert run_dot("<svg></svg>", "svg") == b"<svg></svg>"


def test_a_wrong_argmap_dot_is_an_error(monkeypatch: pytest.MonkeyPatch,
                                        tmp_path: Path) -> None:
    monkeypatch.setenv("ARGMAP_DOT", str(tmp_path / "missing-dot"))
    with pytest.raises(DotNotFoundError, match="ARGMAP_DOT is set to"):
        find_dot()


def test_dot_on_path_comes_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("ARGMAP_DOT", raising=False)
    script = fake_dot(tmp_path, "cat")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_dot() == str(script)


@pytest.mark.usefixtures("no_dot")
def test_without_dot_the_error_names_three_ways_and_text_formats_work() -> None:
    brief = argmap.load(KARASIN)
    with pytest.raises(DotNotFoundError) as caught:
        argmap.render(brief, "svg")
    message = str(caught.value)
    assert "ARGMAP_DOT" in message
    assert "graphviz package" in message
    assert "pip install graphviz-pure" in message
    for fmt in ("dot", "mmd", "md"):
        assert argmap.render(brief, fmt)
    assert brief._repr_mimebundle_().keys() == {"text/markdown"}


def test_a_hanging_dot_is_stopped(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    marker = tmp_path / "still-running"
    # The child outlives the shell unless the whole process group is killed.
    script = fake_dot(tmp_path, f"(sleep 2; touch {marker}) & sleep 30")
    monkeypatch.setenv("ARGMAP_DOT", str(script))
    started = time.monotonic()
    with pytest.raises(DotTimeoutError, match=r"did not finish within 0\.5 seconds"):
        argmap.render(argmap.load(KARASIN), "svg", timeout=0.5)
    assert time.monotonic() - started < 2
    time.sleep(2.5)
    assert not marker.exists(), "dot's children were left running"


def test_a_failing_dot_reports_its_message(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    script = fake_dot(tmp_path, "echo 'Error: syntax error in line 1' >&2; exit 3")
    monkeypatch.setenv("ARGMAP_DOT", str(script))
    with pytest.raises(RenderError, match=r"failed \(exit 3\): Error: syntax error in line 1"):
        run_dot("digraph {", "svg")


def test_graphviz_pure_is_not_asked_for_pdf(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    script = fake_dot(tmp_path, "cat", name="graphviz-pure")
    monkeypatch.setenv("ARGMAP_DOT", str(script))
    with pytest.raises(RenderError, match="cannot write PDF"):
        argmap.render(argmap.load(KARASIN), "pdf")


def test_unknown_format_is_a_config_error() -> None:
    with pytest.raises(argmap.ConfigError, match="unknown format"):
        argmap.render(argmap.load(KARASIN), "gif")


def test_argmap_render_is_the_function_even_after_the_package_is_imported() -> None:
    import argmap.publish

    brief = argmap.load(KARASIN)
    assert callable(argmap.render)
    assert argmap.render(brief, "mmd") == argmap.to_mermaid(brief).encode()
