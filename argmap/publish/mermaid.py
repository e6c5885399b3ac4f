"""Mermaid flowcharts of an argument map: :func:`to_mermaid`.

GitHub, GitLab and many wikis draw Mermaid inside Markdown, so a summary can carry its map. The
flowchart mirrors the DOT one: one shape and class per kind of statement, ``-->`` for support,
``-.-x`` (dotted, with a cross) for an attack, and a small circle joining a linked argument's
premises. Node ids are generated (``n0``, ``n1``...) because Mermaid reads some words (``end``,
``graph``) and characters in ids as syntax; every label is double-quoted and escaped.

Mermaid's layout (dagre) gives every statement that nothing connects the same rank, as Graphviz
does, so fifty of them make one row fifty boxes wide. The map's pieces (its connected parts, a
loose statement being the smallest) are stacked into columns of about the same length instead,
by invisible links (``~~~``) from the far end of one piece to the start of the next: the whole
comes out roughly square. The legend lists only what the picture holds, in short rows.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence

from argmap.collector import paused_collector
from argmap.errors import ConfigError
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Brief, Recommendation
from argmap.publish.style import ATTACK_COLOUR, EDGE_STYLES, KIND_STYLES
from argmap.publish.text import clean, mermaid_text, wrap
from argmap.publish.view import DIRECTIONS, MapView, addressee_names, select

__all__ = ["to_mermaid"]

_ATTACK_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.ATTACK].colour},stroke-width:2px"
_SIDE_KINDS = (EdgeKind.REPHRASES, EdgeKind.CONTRARY, EdgeKind.CONTRADICTS)
_SUPPORT_STYLE = f"stroke:{EDGE_STYLES[EdgeKind.SUPPORT].colour},stroke-width:1.5px"
#: A group (a box, or what is outside the boxes) of at least this many pieces is packed, as
#: :data:`argmap.publish.dot.PACK_AT_LEAST` loose statements are in DOT.
PACK_AT_LEAST = 4


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
    boxes: dict[str, _Box] = {}
    for node in view.nodes:
        style = KIND_STYLES[node.kind]
        if node.kind is NodeKind.ARGUMENT:
            label = "#amp;"
            boxes[ids[node.id]] = (30.0, 30.0)
        else:
            item = node.item
            wrapped = wrap(clean(node.text), width)
            label = "<br>".join(mermaid_text(line) for line in wrapped)
            if isinstance(item, Recommendation) and item.addressees:
                names = wrap("\u2192 " + ", ".join(addressee_names(graph, item)), width)
                label += "<br><b>" + "<br>".join(mermaid_text(line) for line in names) + "</b>"
                wrapped = [*wrapped, *names]
            boxes[ids[node.id]] = _box(wrapped, node.kind)
        css = node.kind.value + ("Focus" if node.id == view.focus else "")
        lines[node.id] = (f'{ids[node.id]}{style.mermaid_open}"{label}"{style.mermaid_close}'
                          f":::{css}")

    placed: dict[str, int] = {}  # the mermaid id of a statement in a box: the box's number
    for number, cluster in enumerate(view.clusters):
        title = mermaid_text(cluster.title)
        out.append(f'    subgraph g{number} ["{title}"]')
        for member in cluster.members:
            out.append("        " + lines[member])
            placed[ids[member]] = number
        out.append("    end")
    out.extend("    " + line for key, line in lines.items() if ids[key] not in placed)

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
            boxes[point] = (16.0, 16.0)
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

    implicit = [node for node in view.nodes if node.implicit]
    out += [f"    {line}" for line, _ in links]
    # The argument junctions and relation points sit between their ends, outside the boxes.
    loose_ends = {ids[node.id] for node in view.nodes if node.kind is NodeKind.ARGUMENT}
    loose_ends.update(points.values())
    packing = _packing(boxes, [_ends(line) for line, _ in links], placed, loose_ends, direction)
    entries = _legend(view, bool(implicit)) if legend else []
    out += [line for line, _ in entries]
    links += [(line, style) for line, style in entries if isinstance(style, str)]
    # Last, so that no styled link's position moves: the invisible links need no style.
    out += [f"    {tail} ~~~ {head}" for tail, head in packing]
    by_style: dict[str, list[str]] = {}
    for number, (_, link_style) in enumerate(links):
        if link_style:  # an invisible link has no style
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
    if any(":::point" in line for line, _ in entries):
        out.append(f"    classDef point fill:{_POINT_COLOUR},stroke:{_POINT_COLOUR}")
    for link_style, numbers in by_style.items():
        out.append(f"    linkStyle {','.join(numbers)} {_LINK_STYLES[link_style]}")
    return "\n".join(out) + "\n"


def _ends(line: str) -> tuple[str, str]:
    """The tail and the head of a link line ``"n1 --> n0"`` (ids never hold spaces)."""
    words = line.split(" ")
    return words[0], words[-1]


#: About how much room a node takes in Mermaid's drawing: (width, height) in pixels.
_Box = tuple[float, float]
_WIDE_ENDS = (NodeKind.RECOMMENDATION, NodeKind.OBJECTION)


def _box(lines: Sequence[str], kind: NodeKind) -> _Box:
    """The room a label of ``lines`` takes: Mermaid's 16px sans-serif is about 8px a character
    and 24px a line, plus the padding of the shape (a stadium or a hexagon has rounded or
    pointed ends beyond the text)."""
    extra = 30 if kind in _WIDE_ENDS else 0
    return 8.0 * max(map(len, lines), default=1) + 40 + extra, 24.0 * max(1, len(lines)) + 30


#: Mermaid's default spacing between nodes on one rank, and between ranks.
_NODE_SPACING = 50.0
_RANK_SPACING = 50.0


def _packing(
    boxes: dict[str, _Box],
    links: list[tuple[str, str]],
    boxed: dict[str, int],
    loose_ends: set[str],
    direction: str,
) -> list[tuple[str, str]]:
    """Invisible links that stack the pieces of the map into columns of about one length.

    A piece is a connected part of the map (a statement nothing connects is one on its own).
    The pieces of one group (a box, or what is outside the boxes; a piece that reaches into
    several stays where it is) are laid, in the order of the map, into columns as long as the
    longest piece or as the side of a square of their area, whichever is more. Along a column,
    each piece's last rank is linked to the next piece's first, so Mermaid ranks the next piece
    after it: earlier pieces come first in reading order (on top in ``BT`` and ``TB``, to the
    left in ``LR`` and ``RL``).
    """
    parent = {key: key for key in boxes}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for tail, head in links:
        parent[root(tail)] = root(head)
    pieces: dict[str, list[str]] = {}
    for key in boxes:  # the order of the map: nodes first, then relation points
        pieces.setdefault(root(key), []).append(key)
    groups: dict[int | None, list[list[str]]] = {}
    for members in pieces.values():
        homes = {boxed.get(key) for key in members if key not in loose_ends}
        if len(homes) == 1:
            groups.setdefault(homes.pop(), []).append(members)
    if all(len(group) < PACK_AT_LEAST for group in groups.values()):
        return []  # a map of one piece, as most are: nothing to rank

    ranks = _ranks(boxes, links)
    across = direction in ("BT", "TB")  # ranks are rows, so a rank's nodes lie side by side
    # Pieces are stacked against the flow for BT and RL, so that earlier pieces read first.
    backwards = direction in ("BT", "RL")
    out: list[tuple[str, str]] = []
    for pieces_of_group in groups.values():
        if len(pieces_of_group) < PACK_AT_LEAST:
            continue
        sizes = [_extent(members, boxes, ranks, across) for members in pieces_of_group]
        area = sum((length + _RANK_SPACING) * (breadth + _NODE_SPACING)
                   for length, breadth in sizes)
        column_length = max(max(length for length, _ in sizes), math.sqrt(area))
        columns: list[list[list[str]]] = [[]]
        used = 0.0
        for members, (length, _) in zip(pieces_of_group, sizes, strict=True):
            if columns[-1] and used + _RANK_SPACING + length > column_length:
                columns.append([])
                used = 0.0
            used += (_RANK_SPACING if columns[-1] else 0.0) + length
            columns[-1].append(members)
        for column in columns:
            flow = column[::-1] if backwards else column
            for before, after in itertools.pairwise(flow):
                last = max(before, key=lambda key: ranks[key])
                first = min(ranks[key] for key in after)
                out.extend((last, key) for key in after if ranks[key] == first)
    return out


def _ranks(boxes: dict[str, _Box], links: list[tuple[str, str]]) -> dict[str, int]:
    """Each node's rank, as a layered layout would give it: the longest path of links into it
    (a link that closes a cycle is left out, as the layout reverses one)."""
    following: dict[str, list[str]] = {key: [] for key in boxes}
    for tail, head in links:
        following[tail].append(head)
    state = dict.fromkeys(boxes, 0)  # 0 unseen, 1 on the path, 2 done
    order: list[str] = []  # finished nodes, last first
    kept: dict[str, list[str]] = {key: [] for key in boxes}
    for start in boxes:
        if state[start]:
            continue
        state[start] = 1
        stack = [(start, iter(following[start]))]
        while stack:
            key, heads = stack[-1]
            for head in heads:
                if state[head] == 1:
                    continue  # closes a cycle
                kept[key].append(head)
                if state[head] == 0:
                    state[head] = 1
                    stack.append((head, iter(following[head])))
                    break
            else:
                state[key] = 2
                order.append(key)
                stack.pop()
    rank = dict.fromkeys(boxes, 0)
    for key in reversed(order):
        for head in kept[key]:
            rank[head] = max(rank[head], rank[key] + 1)
    return rank


def _extent(
    members: list[str], boxes: dict[str, _Box], ranks: dict[str, int], across: bool
) -> tuple[float, float]:
    """How long a piece is along the flow and how broad across it, in pixels."""
    by_rank: dict[int, list[_Box]] = {}
    for key in members:
        by_rank.setdefault(ranks[key], []).append(boxes[key])
    length = _RANK_SPACING * (len(by_rank) - 1)
    breadth = 0.0
    for row in by_rank.values():
        along = [height if across else width for width, height in row]
        side = [width if across else height for width, height in row]
        length += max(along)
        breadth = max(breadth, sum(side) + _NODE_SPACING * (len(side) - 1))
    return length, breadth


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


def _legend(view: MapView, implicit: bool) -> list[tuple[str, str | None]]:
    """A 'Legend' box with a sample of each kind and of each relation the picture holds.

    Each entry is (line, style): a node line's style is None; each link names its style, since
    Mermaid styles links by their position ("" for the invisible links that keep the order).
    The box is laid out left to right: the kinds on one row, the relations in rows of three,
    each drawn between two small points, as in the DOT key.
    """
    kinds = {node.kind for node in view.nodes}
    relations: set[str] = {edge.kind.value for edge in view.side}
    drawn = {edge.kind for edge in view.edges}  # one pass: a map may have 10,000 edges
    relations.update(kind.value for kind in drawn - {EdgeKind.ATTACK, EdgeKind.PREMISE,
                                                     EdgeKind.CONCLUSION})
    if EdgeKind.PREMISE in drawn or EdgeKind.CONCLUSION in drawn:
        relations.add("linked")
    if EdgeKind.ATTACK in drawn:
        cuts = {edge.is_undercut for edge in view.edges if edge.kind is EdgeKind.ATTACK}
        relations.update(("undercut" if cut else "attack") for cut in cuts)
    if view.undercuts:
        relations.add("undercut-relation")

    addressed = NodeKind.RECOMMENDATION in kinds and any(
        isinstance(node.item, Recommendation) and node.item.addressees for node in view.nodes)
    samples = [
        (NodeKind.RECOMMENDATION, "legendRecommendation",
         "Recommendation<br><b>\u2192 addressee</b>" if addressed else "Recommendation"),
        (NodeKind.CLAIM, "legendClaim", "Claim"),
        (NodeKind.PREMISE, "legendPremise", "Premise"),
        (NodeKind.OBJECTION, "legendObjection", "Objection"),
        (NodeKind.QUESTION, "legendQuestion", "Question"),
    ]
    nodes: list[str] = []
    row: list[str] = []
    for kind, name, label in samples:
        if kind in kinds:
            style = KIND_STYLES[kind]
            nodes.append(f'        {name}{style.mermaid_open}"{label}"{style.mermaid_close}'
                         f":::{kind.value}")
            row.append(name)
    if implicit:
        nodes.append('        legendImplicit["<i>unstated</i>"]:::implicit')
        row.append("legendImplicit")
    links: list[tuple[str, str]] = []
    entries: list[tuple[str, str]] = []  # each relation's (first node, last node)

    def relation(name: str, arrow: str, words: str, style: str, end: str | None = None) -> None:
        start, finish = f"legend{name}From", end or f"legend{name}To"
        nodes.append(f'        {start}((" ")):::point')
        if end is None:
            nodes.append(f'        {finish}((" ")):::point')
        links.append((f"    {start} {arrow}|{words}| {finish}", style))
        entries.append((start, finish))

    if "support" in relations:
        relation("Support", "-->", "supports", "support")
    if "attack" in relations:
        relation("Attack", "-.-x", "attacks", "attack")
    if "concedes" in relations:
        relation("Concedes", "-.-o", "concedes", "concedes")
    if "outweighs" in relations:
        relation("Outweighs", "==>", "outweighs", "outweighs")
    if "option" in relations:
        relation("Option", "---", "option of", "option")
    if "undercut-relation" in relations:
        nodes.append('        legendRelation((" ")):::relation')
        relation("Undercut", "-.-x", "undercuts a relation", "attack", "legendRelation")
    for side in _SIDE_KINDS:
        if side.value in relations:
            edge_style = EDGE_STYLES[side]
            relation(side.value.capitalize(), edge_style.mermaid_arrow,
                     f'"{edge_style.name}"', side.value)
    if "undercut" in relations:
        nodes.append('        legendCutArgument(("#amp;")):::argument')
        relation("Cut", "-.-x", "undercuts", "attack", "legendCutArgument")
    if "linked" in relations:
        nodes.append('        legendLinkedFrom((" ")):::point')
        nodes.append('        legendArgument(("#amp;")):::argument')
        nodes.append('        legendLinkedTo((" ")):::point')
        links.append(("    legendLinkedFrom --- legendArgument", "support"))
        links.append(("    legendArgument -->|linked premises| legendLinkedTo", "support"))
        entries.append(("legendLinkedFrom", "legendLinkedTo"))
    if not row and not entries:
        return []
    # The kinds on the first row, then the relations three to a row: invisible links between
    # the entries of a row keep their order.
    rows = [[(name, name) for name in row]] if row else []
    rows += [entries[i:i + 3] for i in range(0, len(entries), 3)]
    body = ['    subgraph legend ["Legend"]', "        direction LR", *nodes, "    end"]
    result: list[tuple[str, str | None]] = [(line, None) for line in body]
    result += links
    result += [(f"    {before[1]} ~~~ {after[0]}", "")
               for line in rows for before, after in itertools.pairwise(line)]
    return result


_POINT_COLOUR = "#888888"
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
