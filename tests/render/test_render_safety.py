"""Hostile brief text through every renderer: it shows as written and can change nothing else.

The DOT tests run the real ``dot`` and read the SVG it writes: if escaping were wrong, Graphviz
would fail to parse, or the SVG would gain a node, an attribute, an element or lose text.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from render_support import HOSTILE, hostile_brief_yaml, mermaid_errors

import argmap
from argmap.graph import ArgumentGraph
from argmap.publish.text import clean, dot_html, dot_id, dot_tooltip, markdown_text, short_name

SVG = "{http://www.w3.org/2000/svg}"
XLINK_TITLE = "{http://www.w3.org/1999/xlink}title"


def _brief(text: str) -> argmap.Brief:
    return argmap.loads(hostile_brief_yaml(text))


def _groups(svg: ET.Element, css: str) -> dict[str, ET.Element]:
    """The SVG groups of one class (node, edge, cluster) by their <title>."""
    found = {}
    for group in svg.iter(SVG + "g"):
        if css in (group.get("class") or "").split():
            title = group.find(SVG + "title")
            assert title is not None
            found[title.text or ""] = group
    return found


def _texts(group: ET.Element) -> list[str]:
    return [text.text or "" for text in group.iter(SVG + "text")]


@pytest.mark.dot
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_cannot_change_the_svg(text: str) -> None:
    brief = _brief(text)
    graph = ArgumentGraph(brief)
    svg = ET.fromstring(argmap.render(brief, "svg", legend=False, group="section"))

    nodes = _groups(svg, "node")
    assert set(nodes) == {f"s:{key}" for key in graph.nodes}
    assert len(_groups(svg, "edge")) == len(graph.edges)
    # Nothing executable or linked, and no attribute that reads a file.
    tags = {element.tag.removeprefix(SVG) for element in svg.iter()}
    assert tags <= {"svg", "g", "title", "polygon", "polyline", "path", "ellipse", "text", "a"}
    for element in svg.iter():
        assert not any(name.endswith("href") for name in element.attrib)
        assert not any(name.startswith("on") for name in element.attrib)

    # The text shows as written (cleaned of control characters and folded white space).
    shown = clean(text)
    claim = nodes["s:the-claim"]
    # The speaker's line, then the text: the actor's name is hostile too.
    assert " ".join(_texts(claim)) == f"{short_name(shown)}: {shown}".strip()
    anchor = claim.find(f"{SVG}g/{SVG}a")
    assert anchor is not None
    assert anchor.get(XLINK_TITLE) == f"\u201c{shown}\u201d"
    premise = nodes["s:p-two"]
    anchor = premise.find(f"{SVG}g/{SVG}a")
    assert anchor is not None
    assert anchor.get(XLINK_TITLE) == f"\u201c{shown}\u201d\n\u201c{shown}\u201d"


@pytest.mark.dot
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_in_png_and_evaluated_maps_still_renders(text: str) -> None:
    brief = _brief(text)
    assert argmap.render(brief, "png", group="speaker").startswith(b"\x89PNG")
    evaluation = argmap.evaluate(brief, "dfquad")
    svg = argmap.render(brief, "svg", evaluation=evaluation, focus="the-claim", depth=1)
    ET.fromstring(svg)


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_keeps_the_dot_structure(text: str) -> None:
    """Without running dot: every statement line has exactly the attributes argmap writes."""
    brief = _brief(text)
    graph = ArgumentGraph(brief)
    dot = argmap.to_dot(brief, legend=False)
    statements = [line.lstrip("\t") for line in dot.splitlines()
                  if line.lstrip("\t").startswith('"s:')]
    assert len(statements) == len(graph.nodes) + len(graph.edges)
    for line in statements:
        assert line.endswith("];")
        # Outside quoted strings and <...> labels, only argmap's own attribute names appear.
        outside = re.sub(r'"(?:[^"\\]|\\.)*"', '""', line)
        outside = re.sub(r"label=<.*?>(?=, tooltip=)", "label=<>", outside)
        names = set(re.findall(r"(\w+)=", outside))
        assert names <= {"shape", "style", "fillcolor", "color", "fontcolor", "class", "margin",
                         "label", "tooltip", "width", "height", "fixedsize", "penwidth",
                         "arrowhead"}, line


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_keeps_the_mermaid_grammar(text: str) -> None:
    brief = _brief(text)
    for options in ({}, {"group": "section", "legend": True}, {"group": "addressee"}):
        assert mermaid_errors(argmap.to_mermaid(brief, **options)) == []


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_cannot_inject_html_or_links_into_markdown(text: str) -> None:
    markdown_it = pytest.importorskip("markdown_it")
    summary = argmap.to_markdown(_brief(text), diagram=True)
    html = markdown_it.MarkdownIt("commonmark").enable("table").render(summary)
    assert "<script" not in html
    assert "<img" not in html
    assert not re.search(r"href=\"(?!https?:)", html)
    assert "<!--" not in html
    # The brief's title is the only level-1 heading, whatever the text holds.
    assert html.count("<h1>") == 1
    # Outside the mermaid block, the summary has no raw < or > from the brief.
    prose = summary.split("```mermaid")[0]
    assert "<script" not in prose and "<img" not in prose


def test_markdown_text_escapes_every_construct() -> None:
    assert markdown_text("<b>&") == "&lt;b&gt;&amp;"
    assert markdown_text("[x](javascript:y)") == "\\[x\\](javascript:y)"
    assert markdown_text("# not a heading") == "\\# not a heading"
    assert markdown_text("1. not a list") == "1\\. not a list"
    assert markdown_text("- not a list") == "\\- not a list"
    assert markdown_text("a | b") == "a \\| b"
    assert markdown_text("`x` *y* _z_ ~w~") == "\\`x\\` \\*y\\* \\_z\\_ \\~w\\~"
    assert markdown_text("line\nbreak") == "line break"
    assert markdown_text("plain text, kept.") == "plain text, kept."


def test_dot_escapes_leave_no_way_out_of_a_string() -> None:
    assert dot_id('a"b\\') == '"a\\"b\\\\"'
    assert dot_tooltip('say "x" \\N') == '"say \\"x\\" \\\\\\\\N"'
    assert dot_html('<TD> & "q" \\N') == "&lt;TD&gt; &amp; &quot;q&quot; \\\\N"
    # Ids are encoded, not cleaned: 'a b', 'a  b' and 'a\tb' must stay three nodes.
    assert dot_id("new\nline\x00") == '"new%0Aline%00"'
