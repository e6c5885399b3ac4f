"""The documentation site: ``mkdocs build --strict`` passes, the tutorial does what it says,
and the shipped briefs and the ``argmap`` fence become interactive maps."""

from __future__ import annotations

import html
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import argmap

REPO = Path(__file__).resolve().parents[1]
TUTORIAL = REPO / "docs" / "tutorial.md"

pytestmark = pytest.mark.dot


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("material")
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert "WARNING" not in done.stderr
    return out


def test_the_site_builds_strictly_with_every_page(site: Path) -> None:
    for page in ("tutorial", "format", "rules", "cli", "html", "briefs", "semantics"):
        assert (site / page / "index.html").is_file(), page
    security = (site / "security" / "index.html").read_text(encoding="utf-8")
    assert "https://github.com/argmap/argmap/blob/main/SECURITY.md" in security


def test_the_shipped_briefs_are_interactive_maps_on_the_site(site: Path) -> None:
    for brief in sorted((REPO / "briefs").glob("*.yaml")):
        page = (site / "maps" / f"{brief.stem}.html").read_text(encoding="utf-8")
        assert "Content-Security-Policy" in page
        assert f'"id":"{argmap.load(brief).id}"' in page
    briefs = (site / "briefs" / "index.html").read_text(encoding="utf-8")
    assert briefs.count('<iframe src="../maps/') == 2


def test_an_argmap_fence_becomes_a_map_in_the_page(site: Path) -> None:
    briefs = (site / "briefs" / "index.html").read_text(encoding="utf-8")
    frames = re.findall(r'srcdoc="([^"]*)"', briefs)
    assert len(frames) == 1
    page = html.unescape(frames[0])
    assert '"id":"build-lanes"' in page and "sandbox" in briefs


def test_a_fence_that_does_not_load_shows_its_findings() -> None:
    pytest.importorskip("markdown")
    from argmap.mkdocs import fence

    out = fence("argmap: 1\nid: x\ntitle: T\nclaims:\n  c: {text: C, supports: [nothing]}\n"
                "claims: {}\n", "argmap", "argmap", {}, None)
    assert "does not load" in out and "AM0" in out
    assert "<script" not in out


def _tutorial_steps() -> list[tuple[str, str, list[str]]]:
    """("file", path, lines), ("run", command, expected output) and ("setup", command, []).

    Files come from blocks with a title; commands are the ``$`` lines of console blocks, each
    with the lines shown after it; an HTML comment ``<!-- tutorial: ... -->`` is a step the
    reader does by hand (an edit), which the test does with a command.
    """
    steps: list[tuple[str, str, list[str]]] = []
    text = TUTORIAL.read_text(encoding="utf-8")
    pattern = re.compile(r"<!-- tutorial: (.*?) -->|```(\w+)(?: title=\"([^\"]+)\")?\n(.*?)```",
                         re.S)
    for match in pattern.finditer(text):
        setup, language, title, body = match.groups()
        if setup:
            steps.append(("setup", setup, []))
        elif title:
            steps.append(("file", title, body.splitlines()))
        elif language == "console":
            for chunk in re.split(r"^\$ ", body, flags=re.M)[1:]:
                command, *output = chunk.rstrip("\n").split("\n")
                steps.append(("run", command, output))
    return steps


def test_the_tutorial_runs_as_written(tmp_path: Path) -> None:
    steps = _tutorial_steps()
    assert sum(kind == "run" for kind, _, _ in steps) >= 8
    cwd = tmp_path
    for kind, what, lines in steps:
        if kind == "file":
            path = cwd / what
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
            continue
        if kind == "setup":
            subprocess.run(what, shell=True, cwd=cwd, check=True)
            continue
        words = shlex.split(what)
        if words[0] == "mkdir":
            (cwd / words[1]).mkdir()
            continue
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        if words[0] in ("python3", "pip") or words[:2] == ["argmap", "serve"]:
            continue  # the environment is this test's own; serving is tested on its own
        assert words[0] == "argmap", what
        done = subprocess.run([sys.executable, "-m", "argmap", *words[1:]], cwd=cwd, capture_output=True,
                              text=True, timeout=120, check=False)
        shown = [line for line in (done.stdout + done.stderr).splitlines() if line.strip()]
        assert shown == lines, f"$ {what}\n{done.stdout}{done.stderr}"
        assert done.returncode == (1 if any(" error: " in line for line in lines) else 0), what
    assert (cwd / "map.svg").is_file() and (cwd / "map.html").is_file()
    assert "offer-breakfast" in (cwd / "brief.md").read_text(encoding="utf-8") or \
        "free breakfast" in (cwd / "brief.md").read_text(encoding="utf-8")
