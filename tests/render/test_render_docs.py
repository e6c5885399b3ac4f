"""The diagrams and summaries of the shipped briefs in docs/maps/ stay fresh.

The Georgia brief maps some seventy statements: as one picture it is a hairball, so docs/maps
holds one picture per part of its argument (a focus on the statement the part turns on), which
together show every statement. The list below is the one place that says how each file is made;
regenerate them all (with a dot installed) by::

    ARGMAP_UPDATE_GOLDEN=1 python -m pytest tests/render
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from render_support import REPO

import argmap
from argmap.graph import ArgumentGraph
from argmap.publish.view import select

MAPS = REPO / "docs" / "maps"
UPDATE = os.environ.get("ARGMAP_UPDATE_GOLDEN") == "1"

GEORGIA = "georgia-russia-dialogue"
KARASIN = "karasin-abashidze-2014"

#: (file in docs/maps, brief, options): the pictures.
PICTURES: list[tuple[str, str, dict[str, Any]]] = [
    (f"{KARASIN}.svg", KARASIN, {}),
    (f"{KARASIN}-evaluated.svg", KARASIN, {"evaluation": argmap.evaluate(
        argmap.load(REPO / "briefs" / f"{KARASIN}.yaml"), "dfquad")}),
    (f"{GEORGIA}-1-why-dialogue.svg", GEORGIA,
     {"focus": "dialogue-efforts-welcome", "depth": 3, "direction": "LR"}),
    (f"{GEORGIA}-2-official-talks.svg", GEORGIA,
     {"focus": "unconditional-talks-unpalatable", "depth": 2}),
    (f"{GEORGIA}-3-who-sits-at-the-table.svg", GEORGIA,
     {"focus": "technical-obstacles", "depth": 4}),
    (f"{GEORGIA}-4-informal-dialogue.svg", GEORGIA,
     {"focus": "informal-dialogue-idle-chatter", "depth": 3}),
    (f"{GEORGIA}-5-region-wide.svg", GEORGIA,
     {"focus": "broaden-to-region-wide-discussion", "depth": 1, "legend": False}),
    (f"{GEORGIA}-6-russian-flexibility.svg", GEORGIA,
     {"focus": "russia-should-show-flexibility", "depth": 2}),
    (f"{GEORGIA}-7-magnanimity.svg", GEORGIA,
     {"focus": "magnanimity-costs-russia-nothing", "depth": 3}),
    (f"{GEORGIA}-8-way-forward.svg", GEORGIA,
     {"focus": "promote-georgian-dialogue-with-breakaways", "depth": 3}),
]
#: (file in docs/maps, brief, options): the summaries.
SUMMARIES: list[tuple[str, str, dict[str, Any]]] = [
    (f"{KARASIN}.md", KARASIN, {"diagram": True}),
    (f"{GEORGIA}.md", GEORGIA, {}),
]


def brief(name: str) -> argmap.Brief:
    return argmap.load(REPO / "briefs" / f"{name}.yaml")


@pytest.mark.parametrize(("file", "name", "options"), SUMMARIES, ids=lambda v: str(v))
def test_summaries_in_docs_are_fresh(file: str, name: str, options: dict[str, Any]) -> None:
    text = argmap.to_markdown(brief(name), **options)
    if UPDATE:
        MAPS.mkdir(parents=True, exist_ok=True)
        argmap.loading.write_atomic(MAPS / file, text)
    assert (MAPS / file).read_text(encoding="utf-8") == text, (
        f"docs/maps/{file} is stale; regenerate with ARGMAP_UPDATE_GOLDEN=1 pytest tests/render")


@pytest.mark.parametrize(("file", "name", "options"), PICTURES, ids=lambda v: str(v))
def test_pictures_in_docs_show_what_the_dot_says(
    file: str, name: str, options: dict[str, Any],
) -> None:
    """The SVG holds exactly the nodes of today's DOT (layout may differ between dot versions)."""
    if UPDATE:
        from conftest import dot_program

        if dot_program() is None:
            pytest.skip("regenerating the pictures needs a dot program")
        argmap.loading.write_atomic(MAPS / file, argmap.render(brief(name), "svg", **options))
    dot = argmap.to_dot(brief(name), **options)
    expected = {name.replace('\\"', '"') for name in re.findall(r'^\t+"(s:[^"]*)" \[', dot, re.M)}
    svg = ET.fromstring((MAPS / file).read_bytes())
    shown = {
        (group.findtext("{http://www.w3.org/2000/svg}title") or "")
        for group in svg.iter("{http://www.w3.org/2000/svg}g")
        if "node" in (group.get("class") or "").split()
    }
    assert {title for title in shown if title.startswith("s:")} == expected


def test_the_georgia_pictures_together_show_every_statement() -> None:
    georgia = brief(GEORGIA)
    graph = ArgumentGraph(georgia)
    shown: set[str] = set()
    for _file, name, options in PICTURES:
        if name == GEORGIA:
            view = select(georgia, focus=options["focus"], depth=options["depth"])
            shown.update(node.id for node in view.nodes)
    assert set(graph.nodes) - shown == set()
