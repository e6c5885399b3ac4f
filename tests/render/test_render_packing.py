"""Statements that nothing connects are packed into a grid instead of one endless row."""

from __future__ import annotations

import json
import subprocess

import pytest

import argmap
from argmap.publish import find_dot


def _brief(loose: int, *, section: str | None = None) -> argmap.Brief:
    where = f", section: {section}" if section else ""
    claims = "\n".join(f"  c{i}: {{text: Unconnected claim number {i} of a long list{where}}}"
                       for i in range(loose))
    sections = f"sections: [{section}]\n" if section else ""
    return argmap.loads(f"argmap: 1\nid: x\ntitle: Loose\n{sections}claims:\n{claims}\n"
                        "premises:\n  p: {text: P, supports: [c0]}\n")


def _layout(dot: str) -> dict[str, tuple[float, float]]:
    program = find_dot()
    assert program is not None
    data = json.loads(subprocess.run([program, "-Tjson0"], input=dot.encode(),
                                     capture_output=True, check=True).stdout)
    return {o["name"]: tuple(map(float, o["pos"].split(",")))  # type: ignore[misc]
            for o in data["objects"] if "pos" in o}


@pytest.mark.dot
@pytest.mark.parametrize("section", [None, "Findings"])
def test_forty_loose_statements_make_a_grid_not_a_row(section: str | None) -> None:
    positions = _layout(argmap.to_dot(_brief(40, section=section),
                                      group="section" if section else "none", legend=False))
    loose = [positions[f"s:c{i}"] for i in range(1, 40)]
    rows = {round(y) for _, y in loose}
    columns = {round(x) for x, _ in loose}
    assert 5 <= len(rows) <= 10 and 4 <= len(columns) <= 8
    width = max(x for x, _ in loose) - min(x for x, _ in loose)
    height = max(y for _, y in loose) - min(y for _, y in loose)
    assert width < 4 * height  # one row of 39 boxes would be some 30 times wider than high


@pytest.mark.dot
def test_the_key_stays_under_a_packed_map() -> None:
    positions = _layout(argmap.to_dot(_brief(12)))
    key = [y for name, (_, y) in positions.items() if name.startswith("legend:")]
    statements = [y for name, (_, y) in positions.items() if name.startswith("s:")]
    assert max(key) < min(statements)  # BT: y grows upwards


def test_packing_edges_are_invisible_and_only_for_several_loose_statements() -> None:
    dot = argmap.to_dot(_brief(12), legend=False)
    packing = [line for line in dot.splitlines() if "style=invis" in line]
    assert packing and all(line.strip().startswith('"s:c') for line in packing)
    assert '"s:c0"' not in "".join(packing)  # connected: laid out by its relations
    assert "style=invis" not in argmap.to_dot(_brief(3), legend=False)


def test_page_sizes_leave_a_margin_and_turn_for_landscape() -> None:
    from argmap.publish.dot import page_size

    assert page_size("A4") == (7.47, 10.89)
    assert page_size("a4-landscape") == (10.89, 7.47)
    assert page_size("10x7") == (10.0, 7.0)
    assert page_size("12")[0] == 12.0
    for wrong in ("B7", "0", "10x0", "-3", "wide"):
        with pytest.raises(argmap.ConfigError, match="unknown page size"):
            page_size(wrong)


@pytest.mark.dot
def test_a_map_larger_than_the_page_is_scaled_down_to_fit_it() -> None:
    import re

    from render_support import REPO

    brief = argmap.load(REPO / "briefs" / "georgia-russia-dialogue.yaml")
    svg = argmap.render(brief, "svg", page="A4-landscape", group="section").decode()
    width, height = (float(v) for v in re.search(
        r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups())  # type: ignore[union-attr]
    assert width <= 10.89 * 72 + 1 and height <= 7.47 * 72 + 1
    full = argmap.render(brief, "svg", group="section").decode()
    assert float(re.search(r'<svg width="([\d.]+)pt"', full).group(1)) > 2 * width  # type: ignore[union-attr]
