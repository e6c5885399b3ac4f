"""Mermaid flowcharts of an argument map: :func:`to_mermaid`.

GitHub, GitLab and many wikis draw Mermaid inside Markdown, so a summary can carry its map. The
flowchart mirrors the DOT one: one shape and class per kind of statement, ``-->`` for support,
``-.-x`` (dotted, with a cross) for an attack, and a small circle joining a linked argument's
premises. Node ids are generated (``n0``, ``n1``...) because Mermaid reads some words (``end``,
``graph``) and characters in ids as syntax; every label is double-quoted and escaped.
"""

from __future__ import annotations

from argmap.collector import paused_collector
from argmap.errors import ConfigError
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Brief, Recommendation
from argmap.publish.style import EDGE_STYLES, KIND_STYLES
from argmap.publish.text import clean, mermaid_text, wrap
from argmap.publish.view import DIRECTIONS, addressee_names, select

__all__ = ["to_mermaid"]

_ATTACK_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.ATTACK].colour},stroke-width:2px"
_SUPPORT_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.SUPPORT].colour},stroke-width:1.5px"


@paused_collector()
def to_mermaid(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "none",
    direction: str = "BT",
    legend: bool = False,
    focus: str | None = None,
    depth: int = 2,
    width: int = 30,
    upstream: bool = False,
) -> str:
    """The argument map of a brief as a Mermaid flowchart.

    The options mean what they mean for :func:`argmap.to_dot`; the legend is off by default,
    since a flowchart embedded in a page is usually explained by the page. Raises
    :class:`~argmap.ConfigError` for a wrong option, and nothing else.
    """
    if direction not in DIRECTIONS:
        raise ConfigError(f"unknown direction {direction!r}; choose one of {', '.join(DIRECTIONS)}")
    if width < 8:
        raise ConfigError(f"labels cannot wrap narrower than 8 characters, not {width}")
    view = select(subject, group=group, focus=focus, depth=depth, upstream=upstream)
    graph = view.graph
    ids = {node.id: f"n{number}" for number, node in enumerate(view.nodes)}
    out = [f"flowchart {direction}"]

    lines: dict[str, str] = {}
    for node in view.nodes:
        style = KIND_STYLES[node.kind]
        if node.kind is NodeKind.ARGUMENT:
            label = "#amp;"
        else:
            item = node.item
            label = "<br>".join(mermaid_text(line) for line in wrap(clean(node.text), width))
            if isinstance(item, Recommendation) and item.addressees:
                names = wrap("\u2192 " + ", ".join(addressee_names(graph, item)), width)
                label += "<br><b>" + "<br>".join(mermaid_text(line) for line in names) + "</b>"
        css = node.kind.value + ("Focus" if node.id == view.focus else "")
        lines[node.id] = (f'{ids[node.id]}{style.mermaid_open}"{label}"{style.mermaid_close}'
                          f":::{css}")

    placed: set[str] = set()
    for number, cluster in enumerate(view.clusters):
        title = mermaid_text(cluster.title)
        out.append(f'    subgraph g{number} ["{title}"]')
        for member in cluster.members:
            out.append("        " + lines[member])
            placed.add(member)
        out.append("    end")
    out.extend("    " + line for key, line in lines.items() if key not in placed)

    attacks: list[str] = []
    supports: list[str] = []
    for number, edge in enumerate(view.edges):
        arrow = EDGE_STYLES[edge.kind].mermaid_arrow
        out.append(f"    {ids[edge.source]} {arrow} {ids[edge.target]}")
        (attacks if edge.kind is EdgeKind.ATTACK else supports).append(str(number))

    link_count = len(view.edges)
    if legend:
        out += _legend()
        attacks.append(str(link_count + 1))
        supports += [str(link_count), str(link_count + 2), str(link_count + 3)]

    shown = {node.kind for node in view.nodes}
    for kind, style in KIND_STYLES.items():
        if kind is NodeKind.QUESTION and kind not in shown:
            continue  # a newer kind is declared only where it is drawn
        colours = f"fill:{style.fill},stroke:{style.border},color:{style.font}"
        out.append(f"    classDef {kind.value} {colours}")
        out.append(f"    classDef {kind.value}Focus {colours},stroke-width:4px")
    if supports:
        out.append(f"    linkStyle {','.join(supports)} {_SUPPORT_STYLE}")
    if attacks:
        out.append(f"    linkStyle {','.join(attacks)} {_ATTACK_STYLE}")
    return "\n".join(out) + "\n"


def _legend() -> list[str]:
    """A 'Legend' box with one sample of each kind and four links: support, attack, linked."""
    return [
        '    subgraph legend ["Legend"]',
        '        legendRecommendation(["Recommendation<br><b>\u2192 addressee</b>"])'
        ":::recommendation",
        '        legendClaim("Claim"):::claim',
        '        legendPremise["Premise"]:::premise',
        '        legendObjection{{"Objection"}}:::objection',
        '        legendArgument(("#amp;")):::argument',
        "    end",
        "    legendClaim --> legendRecommendation",
        "    legendObjection -.-x legendClaim",
        "    legendPremise --- legendArgument",
        "    legendArgument --> legendRecommendation",
    ]
