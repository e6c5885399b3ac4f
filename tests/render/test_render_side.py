"""Rephrases and contrary or contradictory statements in DOT and Mermaid diagrams."""

from __future__ import annotations

import re

import pytest
from render_support import mermaid_errors

import argmap

SIDE = """\
argmap: 1
id: side
title: Side relations
claims:
  a: {text: Sanctions hurt the economy}
  b: {text: Sanctions damage the economy, rephrases: [a]}
  c: {text: Sanctions help the economy, contrary: [a]}
  d: {text: Sanctions do not hurt the economy, contradicts: [a]}
  far: {text: Far away, contrary: [d]}
premises:
  p: {text: GDP fell, supports: [a]}
"""

PLAIN = """\
argmap: 1
id: plain
title: Plain
claims:
  a: {text: A}
premises:
  p: {text: P, supports: [a]}
"""


def edge_line(dot: str, source: str, target: str) -> str:
    (line,) = [line for line in dot.splitlines()
               if line.lstrip().startswith(f'"s:{source}" -> "s:{target}" [')]
    return line


def test_dot_draws_each_side_relation_without_a_direction_and_without_ranking() -> None:
    dot = argmap.to_dot(argmap.loads(SIDE))
    rephrase = edge_line(dot, "b", "a")
    assert "dir=none" in rephrase and "style=dashed" in rephrase
    contrary = edge_line(dot, "c", "a")
    assert "dir=both" in contrary and "arrowtail=odot" in contrary
    contradicts = edge_line(dot, "d", "a")
    assert "dir=both" in contradicts and "arrowtail=tee" in contradicts
    assert "style=bold" in contradicts
    for line in (rephrase, contrary, contradicts):
        assert "constraint=false" in line
    assert len({re.search(r'class="(\w+)"', line).group(1)  # type: ignore[union-attr]
                for line in (rephrase, contrary, contradicts)}) == 3


def test_the_key_names_a_side_relation_only_when_the_picture_has_one() -> None:
    dot = argmap.to_dot(argmap.loads(SIDE))
    for words in ("rephrases", "contrary", "contradicts"):
        assert f'label="{words}"' in dot
    plain = argmap.to_dot(argmap.loads(PLAIN))
    for words in ("rephrases", "contrary", "contradicts"):
        assert words not in plain
    # A focused view keeps only the pairs whose both ends it shows.
    focused = argmap.to_dot(argmap.loads(SIDE), focus="p", depth=1)
    assert '"s:b" -> "s:a"' not in focused and 'label="rephrases"' not in focused
    near = argmap.to_dot(argmap.loads(SIDE), focus="d", depth=0)
    assert '"s:far"' not in near and 'label="contrary"' not in near


@pytest.mark.dot
def test_the_real_dot_lays_out_side_relations() -> None:
    from argmap.publish.graphviz_exe import run_dot

    layout = run_dot(argmap.to_dot(argmap.loads(SIDE)), "plain").decode()
    edges = [line.split()[1:3] for line in layout.splitlines() if line.startswith("edge ")]
    assert ['"s:b"', '"s:a"'] in edges and ['"s:d"', '"s:a"'] in edges
    svg = argmap.render(argmap.loads(SIDE), "svg")
    assert b'class="edge rephrases"' in svg and b'class="edge contradicts"' in svg


def test_mermaid_draws_side_relations_and_keys_them() -> None:
    text = argmap.to_mermaid(argmap.loads(SIDE), legend=True)
    assert mermaid_errors(text) == []
    assert "    n1 -.- n0" in text and "    n2 o--o n0" in text and "    n3 x--x n0" in text
    for words in ("rephrases", "contrary", "contradicts"):
        assert f'|"{words}"|' in text
    assert "stroke:#00838f" in text  # the rephrase's own colour
    plain = argmap.to_mermaid(argmap.loads(PLAIN), legend=True)
    assert mermaid_errors(plain) == [] and "rephrases" not in plain and "blank" not in plain
