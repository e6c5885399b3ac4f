"""The diagrams and summaries of the shipped briefs in docs/maps/ stay fresh.

The Georgia brief maps some seventy statements: as one picture it is a hairball, so docs/maps
holds one picture per part of its argument (a focus on the statement the part turns on), which
together show every statement. The list below is the one place that says how each file is made;
regenerate them all (with a dot installed) by::

    ARGMAP_UPDATE_GOLDEN=1 python -m pytest tests/render
"""

from __future__ import annotations

import itertools
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

#: (file in docs/maps, brief, options): the pictures. Every one is drawn bottom to top (the
#: default direction), with a caption in the reader's words.
PICTURES: list[tuple[str, str, dict[str, Any]]] = [
    (f"{KARASIN}.svg", KARASIN, {}),
    (f"{KARASIN}-evaluated.svg", KARASIN, {"evaluation": argmap.evaluate(
        argmap.load(REPO / "briefs" / f"{KARASIN}.yaml"), "dfquad")}),
    (f"{GEORGIA}-0-overview.svg", GEORGIA, {
        "focus": "how-to-get-dialogue-going", "depth": 1,
        "evaluation": argmap.evaluate(argmap.load(REPO / "briefs" / f"{GEORGIA}.yaml")),
        "caption": "The question the brief answers, the five options it weighs, and where "
                   "each one ends up"}),
    (f"{GEORGIA}-1-why-dialogue.svg", GEORGIA, {
        "focus": "dialogue-efforts-welcome", "depth": 5, "upstream": True,
        "caption": "Why a dialogue is wanted: the unresolved conflict is very costly"}),
    (f"{GEORGIA}-2-official-talks.svg", GEORGIA, {
        "focus": "open-official-dialogue", "depth": 5, "upstream": True,
        "caption": "Official talks appear impossible for now: Georgia cannot go unconditionally "
                   "to the table, and who should sit at it is disputed"}),
    (f"{GEORGIA}-3-informal-dialogue.svg", GEORGIA, {
        "focus": "promote-informal-dialogue", "depth": 4, "upstream": True,
        "caption": "Informal dialogue would be idle chatter without mainstream Georgian "
                   "participants"}),
    (f"{GEORGIA}-4-region-wide.svg", GEORGIA, {
        "focus": "broaden-to-region-wide-discussion", "depth": 1, "upstream": True,
        "caption": "A region-wide discussion: a potential advantage and an unanswered risk"}),
    (f"{GEORGIA}-5-russian-flexibility.svg", GEORGIA, {
        "focus": "russia-should-show-magnanimity", "depth": 1, "upstream": True,
        "caption": "The best way forward, Russian flexibility: its risks granted and judged "
                   "worth taking"}),
    (f"{GEORGIA}-6-concessions.svg", GEORGIA, {
        "focus": "russian-concessions", "depth": 2, "upstream": True,
        "caption": "What Russia might concede, and why the steps would cost it nothing"}),
    (f"{GEORGIA}-7-russias-gains.svg", GEORGIA, {
        "focus": "gains-not-jeopardized", "depth": 1, "upstream": True,
        "caption": "Magnanimity would not put Russia's gains from the war at risk"}),
    (f"{GEORGIA}-8-way-forward.svg", GEORGIA, {
        "focus": "promote-georgian-dialogue-with-breakaways", "depth": 3, "upstream": True,
        "caption": "If Russia is not interested: Georgia's own dialogue with the Abkhaz and the "
                   "Ossets, where it has more leverage"}),
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


def _georgia_views() -> dict[str, set[str]]:
    """The ids each Georgia picture shows, by file."""
    georgia = brief(GEORGIA)
    return {
        file: {node.id for node in select(georgia, focus=options["focus"],
                                          depth=options["depth"],
                                          upstream=options.get("upstream", False)).nodes}
        for file, name, options in PICTURES if name == GEORGIA
    }


def test_the_georgia_pictures_together_show_every_statement() -> None:
    shown = set().union(*_georgia_views().values())
    assert set(ArgumentGraph(brief(GEORGIA)).nodes) - shown == set()


def test_the_georgia_focus_views_do_not_repeat_each_other() -> None:
    """Two views share at most the statement where one part of the argument meets another."""
    graph = ArgumentGraph(brief(GEORGIA))
    views = {file: {key for key in ids if graph.nodes[key].is_statement}
             for file, ids in _georgia_views().items()}
    for (one, first), (other, second) in itertools.combinations(views.items(), 2):
        shared = first & second
        assert len(shared) <= 2 and 3 * len(shared) <= min(len(first), len(second)), (
            f"{one} and {other} both show {sorted(shared)}")


def test_every_picture_is_drawn_in_one_direction_with_a_caption() -> None:
    for file, _name, options in PICTURES:
        assert options.get("direction", "BT") == "BT", file
        if "focus" in options:
            assert options.get("caption"), f"{file} needs a caption in the reader's words"
