"""Golden files: the DOT, Mermaid and Markdown of each shipped brief, byte for byte.

A change in a renderer, the default template or a brief shows up here as a diff to review. When
the change is intended, regenerate the files and commit them with it::

    ARGMAP_UPDATE_GOLDEN=1 python -m pytest tests/render
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from render_support import BRIEFS, GOLDEN, mermaid_errors

import argmap

UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"

RENDERERS: dict[str, Callable[[argmap.Brief], str]] = {
    "dot": lambda brief: argmap.to_dot(brief),
    "mmd": lambda brief: argmap.to_mermaid(brief),
    "md": lambda brief: argmap.to_markdown(brief, diagram=True),
    "section.dot": lambda brief: argmap.to_dot(brief, group="section", direction="LR"),
}


def check_golden(path: Path, text: str) -> None:
    """Compare ``text`` with the golden file (or rewrite it under ARGMAP_UPDATE_GOLDEN=1)."""
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        argmap.loading.write_atomic(path, text)
        return
    assert path.exists(), f"{path} is missing; run ARGMAP_UPDATE_GOLDEN=1 pytest tests/render"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, (
        f"{path.name} differs from the output; if the change is intended, run "
        "ARGMAP_UPDATE_GOLDEN=1 pytest tests/render and review the diff"
    )


@pytest.mark.parametrize("brief_path", BRIEFS, ids=lambda p: p.stem)
@pytest.mark.parametrize("suffix", sorted(RENDERERS))
def test_output_matches_the_golden_file(brief_path: Path, suffix: str) -> None:
    text = RENDERERS[suffix](argmap.load(brief_path))
    check_golden(GOLDEN / f"{brief_path.stem}.{suffix}", text)


@pytest.mark.parametrize("brief_path", BRIEFS, ids=lambda p: p.stem)
def test_golden_mermaid_follows_the_grammar(brief_path: Path) -> None:
    assert mermaid_errors((GOLDEN / f"{brief_path.stem}.mmd").read_text(encoding="utf-8")) == []


@pytest.mark.dot
@pytest.mark.parametrize("brief_path", BRIEFS, ids=lambda p: p.stem)
def test_golden_dot_is_read_by_the_real_dot(brief_path: Path) -> None:
    from argmap.publish.graphviz_exe import run_dot

    for suffix in ("dot", "section.dot"):
        source = (GOLDEN / f"{brief_path.stem}.{suffix}").read_text(encoding="utf-8")
        assert run_dot(source, "svg").lstrip().startswith(b"<?xml")
