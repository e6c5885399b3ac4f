"""to_dot and to_mermaid: what the diagram shows, and that the real dot reads all of it."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from render_support import BRIEFS, REPO, mermaid_errors

import argmap
from argmap.errors import ConfigError
from argmap.graph import NodeKind
from argmap.publish.style import EDGE_STYLES, KIND_STYLES, grey_level
from argmap.publish.view import select

KARASIN = REPO / "briefs" / "karasin-abashidze-2014.yaml"
GEORGIA = REPO / "briefs" / "georgia-russia-dialogue.yaml"


@pytest.fixture(scope="module")
def karasin() -> argmap.Brief:
    return argmap.load(KARASIN)


@pytest.fixture(scope="module")
def georgia() -> argmap.Brief:
    return argmap.load(GEORGIA)


def node_line(dot: str, key: str) -> str:
    (line,) = [line for line in dot.splitlines() if line.lstrip().startswith(f'"s:{key}" [')]
    return line


def test_each_kind_has_its_own_shape_and_a_fill_apart_in_grey() -> None:
    kinds = [
        NodeKind.CLAIM, NodeKind.PREMISE, NodeKind.OBJECTION, NodeKind.RECOMMENDATION,
        NodeKind.QUESTION,
    ]
    shapes = {(KIND_STYLES[k].shape, KIND_STYLES[k].style) for k in kinds}
    assert len(shapes) == len(kinds)
    greys = sorted(grey_level(KIND_STYLES[k].fill) for k in kinds)
    assert all(b - a >= 30 for a, b in itertools.pairwise(greys)), greys


def test_support_and_attack_differ_in_colour_style_and_arrowhead() -> None:
    support, attack = EDGE_STYLES[argmap.EdgeKind.SUPPORT], EDGE_STYLES[argmap.EdgeKind.ATTACK]
    assert support.colour != attack.colour
    assert support.style != attack.style
    assert support.arrowhead != attack.arrowhead


def test_recommendation_shows_its_addressees_and_quote_tooltip(karasin: argmap.Brief) -> None:
    dot = argmap.to_dot(karasin)
    line = node_line(dot, "discuss-practical-issues")
    assert "\u2192 Russian Federation, Georgia" in line
    run = dot[:dot.index(line)].rsplit("node [", 1)[1]
    assert run.startswith('shape=box, style="filled,rounded,bold"') and 'class="recommendation"' in run
    assert ('tooltip="\u201cit is now necessary to discuss practical issues in terms of '
            'transport, trade and humanitarian issues\u201d"') in line


def test_a_statement_shows_who_says_it(karasin: argmap.Brief) -> None:
    dot = argmap.to_dot(karasin)
    line = node_line(dot, "not-for-russia-to-restore")
    assert line.index("<I>Grigory Karasin:</I>") < line.index("Russia")
    assert ":</I>" not in node_line(dot, "onus-on-breaker")  # nobody says an unstated premise


def test_labels_wrap_at_the_width(karasin: argmap.Brief) -> None:
    line = node_line(argmap.to_dot(karasin, width=20), "formal-frames-exist")
    label = re.search(r"label=<(.*?)>, tooltip", line)
    assert label is not None
    lines = [re.sub(r"<[^>]*>", "", part) for part in label.group(1).split("<BR/>")]
    assert lines[0] == "Irine Imerlishvili:"  # the speaker's line, then the text
    assert all(len(line) <= 20 for line in lines)


def test_linked_argument_is_a_junction_and_an_undercut_points_at_it() -> None:
    brief = argmap.loads("""
argmap: 1
id: t
title: T
premises:
  a: {text: A}
  b: {text: B}
claims:
  c: {text: C}
objections:
  u: {text: U, attacks: [link]}
arguments:
  link: {premises: [a, b], conclusion: c}
""")
    dot = argmap.to_dot(brief, legend=False)
    assert 'shape=circle' in dot[:dot.index(node_line(dot, "link"))].rsplit("node [", 1)[1]
    assert '"s:a" -> "s:link" [class="premise"' in dot and "arrowhead=none" in dot
    assert '"s:link" -> "s:c" [class="conclusion"' in dot
    assert '"s:u" -> "s:link" [class="attack undercut"' in dot


def test_groups_make_clusters(georgia: argmap.Brief, karasin: argmap.Brief) -> None:
    by_section = argmap.to_dot(georgia, group="section")
    titles = re.findall(r"subgraph cluster_\d+ \{\n\t\tgraph \[label=<([^>]*)>", by_section)
    assert titles == ["Introduction", "Obstacles to Dialogue", "Concessions", "Conclusion"]
    by_speaker = argmap.to_dot(karasin, group="speaker")
    assert "label=<Grigory Karasin>" in by_speaker
    by_addressee = argmap.to_dot(karasin, group="addressee")
    assert "label=<To Russian Federation, Georgia>" in by_addressee
    assert "subgraph cluster_0" not in argmap.to_dot(karasin, group="none")


def test_direction_and_legend(karasin: argmap.Brief) -> None:
    assert "rankdir=LR" in argmap.to_dot(karasin, direction="LR")
    assert "cluster_legend" in argmap.to_dot(karasin)
    assert "cluster_legend" not in argmap.to_dot(karasin, legend=False)
    assert "ortho" not in argmap.to_dot(karasin)


def test_focus_shows_the_neighbourhood_and_whole_arguments(georgia: argmap.Brief) -> None:
    view = select(georgia, focus="russia-should-show-magnanimity", depth=1)
    shown = {node.id for node in view.nodes}
    # The argument is one step away; its premises come with it.
    assert {"magnanimity-costs-russia-nothing", "russia-won", "gains-not-jeopardized"} <= shown
    assert "threat-to-european-security" not in shown
    dot = argmap.to_dot(georgia, focus="russia-should-show-magnanimity", depth=1)
    assert "penwidth=3" in node_line(dot, "russia-should-show-magnanimity")
    assert "Within 1 step of:" in dot


SMALL = """
argmap: 1
id: t
title: T
actors: {x: {name: X}}
premises:
  a: {text: A, supports: [r]}
  b: {text: The second ground of a much longer caption that must wrap and never be cut off}
  c: {text: C}
recommendations:
  r: {text: R, addressee: x}
objections:
  o: {text: O, attacks: [link]}
arguments:
  link: {premises: [b, c], conclusion: r}
"""


def test_the_key_lists_only_what_the_picture_shows() -> None:
    brief = argmap.loads(SMALL)
    near_a = argmap.to_dot(brief, focus="a", depth=1)
    assert '"legend:recommendation"' in near_a and '"legend:premise"' in near_a
    assert '"legend:support-from"' in near_a
    for absent in ("claim", "objection", "attack-from", "linked-argument", "undercut-from"):
        assert f'"legend:{absent}"' not in near_a
    whole = argmap.to_dot(brief)
    for present in ("objection", "linked-argument", "undercut-from"):
        assert f'"legend:{present}"' in whole
    assert '"legend:attack-from"' not in whole  # the only attack is an undercut


def test_a_caption_replaces_the_focus_line_and_nothing_is_cut() -> None:
    brief = argmap.loads(SMALL)
    dot = argmap.to_dot(brief, focus="b", depth=1)
    assert "must wrap and never be cut off" in dot and "..." not in dot
    captioned = argmap.to_dot(brief, focus="b", depth=1, caption="Why <R> & more")
    assert "Why &lt;R&gt; &amp; more" in captioned and "Within" not in captioned


def test_an_upstream_view_shows_only_what_leads_into_the_focus() -> None:
    brief = argmap.loads(SMALL)
    both = {node.id for node in select(brief, focus="b", depth=2).nodes}
    assert both == {"b", "link", "c", "r", "o"}
    upstream = {node.id for node in select(brief, focus="r", depth=1, upstream=True).nodes}
    assert upstream == {"r", "a", "link", "b", "c"}  # the argument comes whole
    assert {node.id for node in select(brief, focus="b", upstream=True).nodes} == {"b"}
    assert "What leads to: R" in argmap.to_dot(brief, focus="r", upstream=True)


@pytest.mark.dot
def test_the_key_is_a_row_under_the_map() -> None:
    from argmap.publish.graphviz_exe import run_dot

    layout = run_dot(argmap.to_dot(argmap.loads(SMALL)), "plain").decode()
    heights = {line.split()[1].strip('"'): float(line.split()[3])
               for line in layout.splitlines() if line.startswith("node ")}
    key = [y for name, y in heights.items() if name.startswith("legend:")]
    shown = [y for name, y in heights.items() if name.startswith("s:")]
    assert len(set(key)) == 1, "the key is one row"
    assert max(key) < min(shown), "the key is below every statement"


def test_bad_options_are_config_errors(karasin: argmap.Brief) -> None:
    with pytest.raises(ConfigError, match="no statement or argument"):
        argmap.to_dot(karasin, focus="nope")
    with pytest.raises(ConfigError, match="unknown grouping"):
        argmap.to_dot(karasin, group="colour")
    with pytest.raises(ConfigError, match="unknown direction"):
        argmap.to_mermaid(karasin, direction="up")


@dataclass
class HandMadeEvaluation:
    labels: dict[str, str] = field(default_factory=dict)
    strengths: dict[str, float] = field(default_factory=dict)


def test_evaluation_marks_what_falls_and_shades_by_strength(karasin: argmap.Brief) -> None:
    evaluation = HandMadeEvaluation(
        {"georgia-should-take-first-steps": "out", "continue-road-together": "undec"},
        {"georgia-should-take-first-steps": 0.2, "next-meeting-mid-july": 1.0},
    )
    dot = argmap.to_dot(karasin, evaluation=evaluation)
    out = node_line(dot, "georgia-should-take-first-steps")
    assert "dashed" in out and 'fillcolor="#eeeeee' in out and "falls \u00b7 0.20" in out
    assert "dotted" in node_line(dot, "continue-road-together")
    assert 'fillcolor="#c6dbf0ff"' in node_line(dot, "next-meeting-mid-july")
    assert '"legend:falls"' in dot
    assert '"legend:falls"' not in argmap.to_dot(karasin)


def test_real_evaluation_plugs_in(karasin: argmap.Brief) -> None:
    dot = argmap.to_dot(karasin, evaluation=argmap.evaluate(karasin, "dfquad"))
    assert re.search(r"(stands|falls|open) \u00b7 \d\.\d\d", dot)


def test_output_is_deterministic(georgia: argmap.Brief) -> None:
    again = argmap.load(GEORGIA)
    assert argmap.to_dot(georgia, group="section") == argmap.to_dot(again, group="section")
    assert argmap.to_mermaid(georgia) == argmap.to_mermaid(again)


COMMON = [
    {},
    {"group": "section", "direction": "LR"},
    {"group": "speaker", "legend": False},
    {"group": "addressee", "direction": "TB"},
]
FOCUSED = {
    "georgia-russia-dialogue": [{"focus": "russian-concessions", "depth": 2}],
    "karasin-abashidze-2014": [{"focus": "georgia-should-take-first-steps", "depth": 0,
                                "direction": "RL"}],
}
CASES = [(path, options) for path in BRIEFS for options in COMMON + FOCUSED.get(path.stem, [])]


def case_id(case: object) -> str:
    return str(case.stem) if isinstance(case, Path) else str(case)


@pytest.mark.parametrize(("brief_path", "options"), CASES, ids=case_id)
def test_mermaid_follows_the_grammar(brief_path: Path, options: dict[str, Any]) -> None:
    brief = argmap.load(brief_path)
    mermaid = argmap.to_mermaid(brief, **{"legend": True, **options})
    assert mermaid_errors(mermaid) == []


@pytest.mark.dot
@pytest.mark.parametrize(("brief_path", "options"), CASES, ids=case_id)
def test_the_real_dot_reads_every_variant(brief_path: Path, options: dict[str, Any]) -> None:
    brief = argmap.load(brief_path)
    svg = argmap.render(brief, "svg", **options)
    assert b"<svg" in svg
    evaluated = argmap.render(brief, "svg", evaluation=argmap.evaluate(brief, "dfquad"), **options)
    assert b"<svg" in evaluated


@pytest.mark.dot
def test_svg_is_deterministic(georgia: argmap.Brief) -> None:
    assert argmap.render(georgia, "svg") == argmap.render(argmap.load(GEORGIA), "svg")


@pytest.mark.dot
def test_png_is_an_image(karasin: argmap.Brief) -> None:
    assert argmap.render(karasin, "png").startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.dot
def test_pdf_is_deterministic(karasin: argmap.Brief) -> None:
    import time

    from conftest import dot_program

    if "graphviz-pure" in (dot_program() or ""):
        pytest.skip("graphviz-pure writes no PDF")
    first = argmap.render(karasin, "pdf")
    time.sleep(1.1)  # the PDF's creation time would change
    assert first.startswith(b"%PDF") and first == argmap.render(karasin, "pdf")
