"""Mermaid flowcharts of an argument map: :func:`to_mermaid`.

GitHub, GitLab and many wikis draw Mermaid inside Markdown, so a summary can carry its map. The
flowchart mirrors the DOT one: one shape and class per kind of statement, ``-->`` for support,
``-.-x`` (dotted, with a cross) for an attack, and a small circle joining a linked argument's
premises. Node ids are generated (``n0``, ``n1``...) because Mermaid reads some words (``end``,
``graph``) and characters in ids as syntax; every label is double-quoted and escaped.
"""

from __future__ import annotations

import json

from argmap.collector import paused_collector
from argmap.errors import ConfigError
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Brief, Recommendation
from argmap.publish.style import ATTACK_COLOUR, EDGE_STYLES, KIND_STYLES
from argmap.publish.text import clean, mermaid_text, wrap
from argmap.publish.view import DIRECTIONS, addressee_names, select

__all__ = ["to_mermaid"]

_ATTACK_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.ATTACK].colour},stroke-width:2px"
_SIDE_KINDS = (EdgeKind.REPHRASES, EdgeKind.CONTRARY, EdgeKind.CONTRADICTS)
_SUPPORT_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.SUPPORT].colour},stroke-width:1.5px"


@paused_collector()
def to_mermaid(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "none",
    direction: str = "BT",
    legend: bool = True,
    focus: str | None = None,
    depth: int = 2,
    width: int = 30,
    upstream: bool = False,
    title: str | None = None,
) -> str:
    """The argument map of a brief as a Mermaid flowchart.

    The options mean what they mean for :func:`argmap.to_dot`. ``title`` is drawn above the
    map: by default the brief's title; ``""`` for none. Raises :class:`~argmap.ConfigError` for
    a wrong option, and nothing else.

    Labels are wrapped by argmap at ``width`` characters, and the front matter raises Mermaid's
    own ``wrappingWidth`` well above that, so Mermaid does not wrap the lines a second time.
    """
    if direction not in DIRECTIONS:
        raise ConfigError(f"unknown direction {direction!r}; choose one of {', '.join(DIRECTIONS)}")
    if width < 8:
        raise ConfigError(f"labels cannot wrap narrower than 8 characters, not {width}")
    view = select(subject, group=group, focus=focus, depth=depth, upstream=upstream)
    graph = view.graph
    ids = {node.id: f"n{number}" for number, node in enumerate(view.nodes)}
    out = _front_matter(graph.brief.title if title is None else title, width)
    out.append(f"flowchart {direction}")

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

    # Every link, in the order written, with the style it takes (Mermaid styles links by their
    # position).
    links: list[tuple[str, str]] = []
    split = {edge.relation for edge in view.undercuts}
    points: dict[tuple[EdgeKind, str, str], str] = {}
    for edge in view.edges:
        arrow = EDGE_STYLES[edge.kind].mermaid_arrow
        link_style = "attack" if edge.kind is EdgeKind.ATTACK else (
            edge.kind.value if edge.kind in _WEIGHING_STYLES else "support")
        relation = (edge.kind, edge.source, edge.target)
        if edge.kind is EdgeKind.OPTION:  # drawn from the option up to its question
            links.append((f"{ids[edge.target]} {arrow} {ids[edge.source]}", link_style))
        elif split and relation in split:
            point = points[relation] = f"r{len(points)}"
            out.append(f'    {point}((" ")):::relation')
            plain = "-.-" if edge.kind is EdgeKind.ATTACK else "---"
            links.append((f"{ids[edge.source]} {plain} {point}", link_style))
            links.append((f"{point} {arrow} {ids[edge.target]}", link_style))
        else:
            links.append((f"{ids[edge.source]} {arrow} {ids[edge.target]}", link_style))
    for edge in view.undercuts:
        assert edge.relation is not None
        point = points[(edge.relation.kind, edge.relation.source, edge.relation.target)]
        links.append((f"{ids[edge.source]} -.-x {point}", "attack"))

    # Sameness and opposition: undirected-looking links, each relation with its own colour.
    for edge in view.side:
        arrow = EDGE_STYLES[edge.kind].mermaid_arrow
        links.append((f"{ids[edge.source]} {arrow} {ids[edge.target]}", edge.kind.value))

    kinds_shown = {style for _, style in links}
    implicit = [node for node in view.nodes if node.implicit]
    out += [f"    {line}" for line, _ in links]
    if legend:
        entries = _legend(kinds_shown, bool(points), bool(implicit),
                          NodeKind.QUESTION in {node.kind for node in view.nodes})
        out += [line for line, _ in entries]
        links += [(line, style) for line, style in entries if style]
    by_style: dict[str, list[str]] = {}
    for number, (_, link_style) in enumerate(links):
        by_style.setdefault(link_style, []).append(str(number))

    shown = {node.kind for node in view.nodes}
    for kind, style in KIND_STYLES.items():
        if kind is NodeKind.QUESTION and kind not in shown:
            continue  # a newer kind is declared only where it is drawn
        colours = f"fill:{style.fill},stroke:{style.border},color:{style.font}"
        out.append(f"    classDef {kind.value} {colours}")
        out.append(f"    classDef {kind.value}Focus {colours},stroke-width:4px")
    if points:
        out.append(f"    classDef relation fill:{ATTACK_COLOUR},stroke:{ATTACK_COLOUR}")
    if implicit:
        out.append("    classDef implicit fill:#ffffff,stroke-dasharray:4 3")
        out.append(f"    class {','.join(ids[node.id] for node in implicit)} implicit")
    if legend and kinds_shown & {kind.value for kind in _SIDE_KINDS}:
        out.append("    classDef blank fill:#ffffff,stroke:#ffffff,color:#ffffff")
    for link_style, numbers in by_style.items():
        out.append(f"    linkStyle {','.join(numbers)} {_LINK_STYLES[link_style]}")
    return "\n".join(out) + "\n"


_TITLE_LOOKALIKES = str.maketrans({"&": "\uff06", "<": "\u2039"})


def _front_matter(title: str, width: int) -> list[str]:
    """Mermaid's front matter: the title, and a wrapping width that no line of ``width``
    characters reaches (a character is at most about one em of Mermaid's 16px font)."""
    lines = ["---"]
    # Mermaid sanitises a title as HTML and then shows the result as text: '&' would read
    # '&amp;' and '<img ...>' would lose its attributes. Look-alikes keep the title as written.
    text = clean(title).translate(_TITLE_LOOKALIKES)
    if text:
        # A JSON string is a YAML double-quoted scalar: no text can end the value or add a key.
        lines.append(f"title: {json.dumps(text, ensure_ascii=False)}")
    lines += ["config:", "  flowchart:", f"    wrappingWidth: {max(200, 16 * width)}", "---"]
    return lines


def _legend(
    styles: set[str], relations: bool, implicit: bool, question: bool
) -> list[tuple[str, str]]:
    """A 'Legend' box with a sample of each kind and of each relation the picture uses.

    Each entry is (line, style): node lines have no style; each link names its style, since
    Mermaid styles links by their position.
    """
    nodes = [
        '    subgraph legend ["Legend"]',
        '        legendRecommendation(["Recommendation<br><b>\u2192 addressee</b>"])'
        ":::recommendation",
        '        legendClaim("Claim"):::claim',
        '        legendPremise["Premise"]:::premise',
        '        legendObjection{{"Objection"}}:::objection',
        '        legendArgument(("#amp;")):::argument',
    ]
    if question:
        nodes.append('        legendQuestion>"Question"]:::question')
    if implicit:
        nodes.append('        legendImplicit["<i>unstated</i>"]:::implicit')
    if relations:
        nodes.append('        legendRelation((" ")):::relation')
    sides = [kind for kind in _SIDE_KINDS if kind.value in styles]
    names = [f"legend{kind.value.capitalize()}" for kind in sides]
    nodes += [f'        {name}{end}[" "]:::blank' for name in names for end in ("A", "B")]
    nodes.append("    end")
    links = [
        ("    legendClaim --> legendRecommendation", "support"),
        ("    legendObjection -.-x legendClaim", "attack"),
        ("    legendPremise --- legendArgument", "support"),
        ("    legendArgument --> legendRecommendation", "support"),
    ]
    if "concedes" in styles:
        links.append(("    legendPremise -.-o|concedes| legendObjection", "concedes"))
    if "outweighs" in styles:
        links.append(("    legendRecommendation ==>|outweighs| legendObjection", "outweighs"))
    if "option" in styles and question:
        links.append(("    legendRecommendation --- legendQuestion", "option"))
    if relations:
        links.append(("    legendObjection -.-x|undercuts a relation| legendRelation", "attack"))
    links += [(f'    {name}A {EDGE_STYLES[kind].mermaid_arrow}|"{EDGE_STYLES[kind].name}"| '
               f"{name}B", kind.value) for name, kind in zip(names, sides, strict=True)]
    return [(line, "") for line in nodes] + links


_WEIGHING_STYLES = (EdgeKind.CONCEDES, EdgeKind.OUTWEIGHS, EdgeKind.OPTION)
_LINK_STYLES = {
    "support": _SUPPORT_STYLE,
    "attack": _ATTACK_STYLE,
    "concedes": f"stroke:{EDGE_STYLES[EdgeKind.CONCEDES].colour},stroke-width:1.5px,"
                "stroke-dasharray:2 3",
    "outweighs": f"stroke:{EDGE_STYLES[EdgeKind.OUTWEIGHS].colour},stroke-width:3px",
    "option": f"stroke:{EDGE_STYLES[EdgeKind.OPTION].colour},stroke-width:1.5px",
    "rephrases": f"stroke:{EDGE_STYLES[EdgeKind.REPHRASES].colour},stroke-width:1.5px",
    "contrary": f"stroke:{EDGE_STYLES[EdgeKind.CONTRARY].colour},stroke-width:1.5px",
    "contradicts": f"stroke:{EDGE_STYLES[EdgeKind.CONTRADICTS].colour},stroke-width:2.5px",
}
