"""The Mermaid map's layout aids: pieces packed by invisible links, and a legend that holds only
what the picture does. The pictures themselves are measured with the real Mermaid in
tests/browser/test_mermaid_real.py; these tests check the text."""

from __future__ import annotations

import re
from typing import Any

import pytest
from render_support import REPO, mermaid_errors

import argmap

LINK = re.compile(r"^    (\S+) (-->|-\.-x|---|-\.-|o--o|x--x|-\.-o|==>|~~~)(?:\|[^|]*\|)? (\S+)$")


def _loose(count: int, *, section: str | None = None) -> argmap.Brief:
    where = f", section: {section}" if section else ""
    claims = "\n".join(f"  c{i}: {{text: Loose claim {i}{where}}}" for i in range(count))
    sections = f"sections: [{section}]\n" if section else ""
    return argmap.loads(f"argmap: 1\nid: x\ntitle: Loose\n{sections}claims:\n{claims}\n"
                        f"premises:\n  p: {{text: P, supports: [c0]{where}}}\n")


def _links(text: str) -> list[tuple[str, str, str]]:
    return [match.groups() for line in text.splitlines()  # type: ignore[misc]
            if (match := LINK.match(line))]


def _packing(text: str) -> list[tuple[str, str]]:
    return [(tail, head) for tail, arrow, head in _links(text)
            if arrow == "~~~" and not tail.startswith("legend")]


@pytest.mark.parametrize("direction", ["BT", "TB", "LR", "RL"])
@pytest.mark.parametrize("options", [{}, {"group": "section"}, {"legend": False}], ids=str)
def test_packed_maps_follow_the_grammar(direction: str, options: dict[str, Any]) -> None:
    brief = _loose(30, section="Findings" if options.get("group") else None)
    text = argmap.to_mermaid(brief, direction=direction, **options)
    assert mermaid_errors(text) == []
    assert _packing(text)


def test_only_a_group_of_four_pieces_or_more_is_packed() -> None:
    assert _packing(argmap.to_mermaid(_loose(3))) == []  # c0 and p are one piece: three in all
    assert _packing(argmap.to_mermaid(_loose(4)))
    for name in ("georgia-russia-dialogue", "karasin-abashidze-2014"):  # each one piece
        brief = argmap.load(REPO / "briefs" / f"{name}.yaml")
        for group in ("none", "section", "speaker"):
            assert _packing(argmap.to_mermaid(brief, group=group)) == []


def test_packing_links_stay_inside_their_box() -> None:
    brief = argmap.loads(
        "argmap: 1\nid: x\ntitle: T\nsections: [A, B]\nclaims:\n"
        + "".join(f"  a{i}: {{text: In A {i}, section: A}}\n" for i in range(6))
        + "".join(f"  b{i}: {{text: In B {i}, section: B}}\n" for i in range(6))
        + "".join(f"  o{i}: {{text: Outside {i}}}\n" for i in range(6))
    )
    text = argmap.to_mermaid(brief, group="section")
    home: dict[str, str] = {}
    box = "outside"
    for line in text.splitlines():
        if line.startswith("    subgraph "):
            box = line.split()[1]
        elif line == "    end":
            box = "outside"
        elif found := re.match(r" +(n\d+)[\[(]", line):
            home[found.group(1)] = box
    pairs = _packing(text)
    assert {home[tail] for tail, _ in pairs} == {"g0", "g1", "outside"}
    assert all(home[tail] == home[head] for tail, head in pairs)


def test_only_visible_links_are_styled_and_every_one_is() -> None:
    weighing = argmap.load(REPO / "briefs" / "georgia-russia-dialogue.yaml")
    for text in (argmap.to_mermaid(_loose(20)), argmap.to_mermaid(weighing)):
        links = _links(text)
        styled = [int(i) for line in text.splitlines() if line.startswith("    linkStyle ")
                  for i in line.split()[1].split(",")]
        visible = [number for number, (_, arrow, _) in enumerate(links) if arrow != "~~~"]
        assert sorted(styled) == visible


def test_the_legend_samples_only_the_kinds_and_relations_drawn() -> None:
    small = argmap.loads("argmap: 1\nid: x\ntitle: T\npremises:\n  p: {text: P, supports: [r]}\n"
                         "recommendations:\n  r: {text: R}\n")
    text = argmap.to_mermaid(small)
    legend = text.split('subgraph legend ["Legend"]', 1)[1]
    for absent in ("legendClaim", "legendObjection", "legendQuestion", "legendArgument",
                   "attacks", "addressee", "unstated"):
        assert absent not in legend
    assert "legendPremise" in legend and "legendRecommendation" in legend
    assert "|supports|" in legend
    assert "classDef point" in text  # the relation's sample runs between two small points
    bare = argmap.loads("argmap: 1\nid: x\ntitle: T\nclaims:\n  c: {text: C}\n")
    assert "attacks" not in argmap.to_mermaid(bare) and "classDef point" not in argmap.to_mermaid(bare)


def test_the_legend_orders_its_entries_in_rows() -> None:
    brief = argmap.load(REPO / "briefs" / "karasin-abashidze-2014.yaml")
    text = argmap.to_mermaid(brief)
    assert "        direction LR" in text.split('subgraph legend ["Legend"]', 1)[1]
    order = [(tail, head) for tail, arrow, head in _links(text)
             if arrow == "~~~" and tail.startswith("legend")]
    # The kinds in one row, in the DOT key's order; the relations after them, three to a row.
    assert order[:3] == [("legendRecommendation", "legendClaim"), ("legendClaim", "legendPremise"),
                         ("legendPremise", "legendObjection")]
    assert ("legendSupportTo", "legendAttackFrom") in order
    assert all(head.startswith("legend") for _, head in order)
