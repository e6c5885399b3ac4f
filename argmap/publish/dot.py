"""Graphviz DOT for an argument map: :func:`to_dot`.

The text is built directly (not through the ``graphviz`` package), because every string in it
must pass through the escaping in :mod:`argmap.publish.text` and because a map of 10,000
statements must be written in a fraction of a second. Node names are the brief's ids, prefixed
(``"s:russia-won"``) so that they can never collide with the legend's; labels are HTML-like, so
that a recommendation can show its addressee on a line of its own.
"""

from __future__ import annotations

import itertools
import math
import re

from argmap.analysis import VERDICT_WORDS
from argmap.collector import paused_collector
from argmap.errors import ConfigError
from argmap.graph import ArgumentGraph, Edge, EdgeKind, Node, NodeKind
from argmap.model import Brief, Recommendation
from argmap.publish.style import EDGE_STYLES, FONT, KIND_STYLES, EdgeStyle, KindStyle
from argmap.publish.text import clean, dot_html, dot_id, dot_tooltip, wrap
from argmap.publish.view import (
    DIRECTIONS,
    EvaluationLike,
    MapView,
    addressee_names,
    select,
    speaker_name,
)

__all__ = ["PAPER_SIZES", "page_size", "to_dot"]

#: A group with at least this many unconnected statements has them packed into a grid.
PACK_AT_LEAST = 4
_SEPARATOR = " \u00b7 "  # a middle dot between the verdict and the strength


@paused_collector()
def to_dot(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "none",
    direction: str = "BT",
    legend: bool = True,
    focus: str | None = None,
    depth: int = 2,
    upstream: bool = False,
    evaluation: EvaluationLike | None = None,
    width: int = 30,
    title: bool = True,
    caption: str | None = None,
    page: str | None = None,
) -> str:
    """The argument map of a brief as Graphviz DOT text.

    ``group`` draws boxes around statements of one ``"section"``, ``"speaker"`` or
    ``"addressee"`` (``"none"``: no boxes); ``direction`` is Graphviz's rankdir (``"BT"``:
    conclusions on top); ``legend`` adds a key to the shapes and arrows; ``focus`` and
    ``depth`` show only the statements within ``depth`` relations of one id (with ``upstream``,
    only what leads into it); ``evaluation``
    (an object with ``labels`` and ``strengths``, such as :func:`argmap.evaluate` returns) marks
    what falls and shades by strength; ``width`` is where labels wrap; ``title`` shows the
    brief's title on top, with ``caption`` under it (by default, with ``focus``, the statement
    the view is drawn around). The legend lists only the kinds, relations and marks the picture
    shows. ``page`` (``"A4"``, ``"letter"``, ``"A3-landscape"``, or inches ``"10x7"`` or
    ``"10"`` for a width alone) scales a drawing that is larger down to fit it, margins
    kept, for printing. No attribute that Graphviz lays out slowly (``splines=ortho``) is used.

    Raises :class:`~argmap.ConfigError` for a wrong option (``direction``, ``group``, ``width``,
    ``depth``, ``page``, a ``focus`` the brief does not have), and nothing else: whatever a
    loaded brief holds, its text can add no attribute, node or edge to the DOT.
    """
    if direction not in DIRECTIONS:
        raise ConfigError(f"unknown direction {direction!r}; choose one of {', '.join(DIRECTIONS)}")
    if width < 8:
        raise ConfigError(f"labels cannot wrap narrower than 8 characters, not {width}")
    view = select(subject, group=group, focus=focus, depth=depth, upstream=upstream)
    size = page_size(page) if page is not None else None
    text = _Writer(view, evaluation, width).write(direction, legend, title, depth, caption)
    if size is None:
        return text
    # Graphviz scales the drawing down (never up) until it fits within size="W,H" inches.
    head, rest = text.split("\n", 1)
    return f"{head}\n\tgraph [size=\"{size[0]:g},{size[1]:g}\"];\n{rest}"


#: Paper sizes in inches (portrait), for :func:`page_size`.
PAPER_SIZES: dict[str, tuple[float, float]] = {
    "a5": (5.83, 8.27), "a4": (8.27, 11.69), "a3": (11.69, 16.54), "a2": (16.54, 23.39),
    "letter": (8.5, 11.0), "legal": (8.5, 14.0), "tabloid": (11.0, 17.0),
}
_MARGIN = 0.4  # inches left free on every side of a paper size
_PAGE = re.compile(r"(\d+(?:\.\d+)?)(?:x(\d+(?:\.\d+)?))?")


def page_size(page: str) -> tuple[float, float]:
    """The largest drawing, in inches (width, height), that ``page`` allows.

    A paper name (``A4``, ``letter``; ``-landscape`` turns it) keeps a margin of 0.4 inch;
    ``"10x7"`` is 10 by 7 inches as given; ``"10"`` limits only the width.
    """
    name = page.strip().lower()
    landscape = name.endswith("-landscape")
    name = name.removesuffix("-landscape").removesuffix("-portrait")
    if name in PAPER_SIZES:
        width, height = PAPER_SIZES[name]
        if landscape:
            width, height = height, width
        return round(width - 2 * _MARGIN, 2), round(height - 2 * _MARGIN, 2)
    match = _PAGE.fullmatch(name)
    if match is None or float(match.group(1)) <= 0 or (
            match.group(2) is not None and float(match.group(2)) <= 0):
        names = ", ".join(sorted(PAPER_SIZES))
        raise ConfigError(f"unknown page size {page!r}; give a paper ({names}, each also "
                          "NAME-landscape) or inches as WIDTHxHEIGHT or WIDTH")
    return float(match.group(1)), float(match.group(2) or 10_000)


class _Writer:
    """Builds the DOT text of one view."""

    def __init__(self, view: MapView, evaluation: EvaluationLike | None, width: int) -> None:
        self.view = view
        self.graph = view.graph
        self.evaluation = evaluation
        self.width = width
        self.node_prefix = {kind: _node_prefix(style, kind) for kind, style in KIND_STYLES.items()}
        self.edge_suffix = {kind: _edge_suffix(style, kind) for kind, style in EDGE_STYLES.items()}
        self.undercut_suffix = _edge_suffix(EDGE_STYLES[EdgeKind.ATTACK], EdgeKind.ATTACK,
                                            css="attack undercut")
        self.relation_undercut_suffix = _edge_suffix(EDGE_STYLES[EdgeKind.UNDERCUT],
                                                     EdgeKind.UNDERCUT, css="undercut relation")
        self.names: dict[str, str] = {}
        self.packed: set[str] = set()  # statements placed above another by the packing grid

    def write(
        self, direction: str, legend: bool, title: bool, depth: int, caption: str | None,
    ) -> str:
        out = ["digraph argmap {"]
        graph_attributes = [
            f"rankdir={direction}", "newrank=true", "nodesep=0.3", "ranksep=0.45", "pad=0.25",
            f'fontname="{FONT}"', "fontsize=12", 'bgcolor="white"',
        ]
        if title:
            graph_attributes += [f"label=<{self._title(depth, caption)}>", "labelloc=t",
                                 "fontsize=16",
                                 f"tooltip={dot_tooltip(self.graph.brief.title)}"]
        out.append(f"\tgraph [{', '.join(graph_attributes)}];")
        out.append(f'\tnode [fontname="{FONT}", fontsize=11, margin="0.12,0.06", '
                   'penwidth=1.2];')
        out.append(f'\tedge [fontname="{FONT}", fontsize=10, penwidth=1.3, arrowsize=0.8];')

        self.names = {key: dot_id("s:" + key) for key in self.graph.nodes}
        kinds = {node.id: node.kind for node in self.view.nodes}
        lines = {node.id: self._node(node) for node in self.view.nodes}
        in_cluster: set[str] = set()
        for number, cluster in enumerate(self.view.clusters):
            out.append(f"\tsubgraph cluster_{number} {{")
            out.append(f"\t\tgraph [label=<{dot_html(cluster.title)}>, "
                       f"tooltip={dot_tooltip(cluster.title)}, style=\"rounded,filled\", "
                       'fillcolor="#f4f4f4", color="#c8c8c8", fontcolor="#444444", '
                       "fontsize=13, labeljust=l, margin=12];")
            out.extend(self._runs(cluster.members, kinds, lines, "\t\t"))
            in_cluster.update(cluster.members)
            out.append("\t}")
        rest = [key for key in lines if key not in in_cluster]
        out.extend(self._runs(rest, kinds, lines, "\t"))
        split = {edge.relation for edge in self.view.undercuts}
        for edge in self.view.edges:
            relation = (edge.kind, edge.source, edge.target)
            if split and relation in split:
                out.extend(self._split_edge(edge))
            else:
                out.append(self._edge(edge))
        for edge in self.view.undercuts:
            assert edge.relation is not None
            out.append(f"\t{self.names[edge.source]} -> {_relation_point(edge.relation)} "
                       f"[{self.relation_undercut_suffix}];")
        # Sameness and opposition are not steps of the argument: they do not rank the map.
        out.extend(f"\t{self.names[edge.source]} -> {self.names[edge.target]} "
                   f"[{self.edge_suffix[edge.kind]}, constraint=false];"
                   for edge in self.view.side)
        out.extend(self._packing([*(c.members for c in self.view.clusters), rest], direction))
        if legend:
            out.extend(self._legend())
        out.append("}")
        return "\n".join(out) + "\n"

    def _packing(self, groups: list[list[str] | tuple[str, ...]], direction: str) -> list[str]:
        """Invisible edges that stack the statements nothing connects into a grid.

        Graphviz puts every unconnected node on the same rank, so fifty of them make one row
        fifty boxes wide. Each group (a box, or what is outside the boxes) gets its loose
        statements arranged in rows of about the square root of their number, in the brief's
        order from the top; edges drawn invisible only place them.
        """
        connected = {e.source for e in self.view.edges} | {e.target for e in self.view.edges}
        upwards = direction in ("BT", "RL")  # where the head of an edge goes before its tail
        out: list[str] = []
        for members in groups:
            loose = [key for key in members if key not in connected]
            if len(loose) < PACK_AT_LEAST:
                continue
            # Boxes are about twice as wide as a row is high: this many columns make a square.
            columns = max(2, math.ceil(math.sqrt(len(loose) * 0.55)))
            for upper, lower in zip(loose, loose[columns:], strict=False):
                tail, head = (lower, upper) if upwards else (upper, lower)
                self.packed.add(head)
                out.append(f"\t{self.names[tail]} -> {self.names[head]} [style=invis];")
        return out

    def _runs(
        self, keys: list[str] | tuple[str, ...], kinds: dict[str, NodeKind],
        lines: dict[str, str], indent: str,
    ) -> list[str]:
        """Node statements, each run of one kind in an anonymous subgraph with its defaults.

        The kind's look is written once per run instead of once per node; the braces keep
        those defaults from reaching any node outside the run (the legend's, for one).
        """
        out: list[str] = []
        current: NodeKind | None = None
        for key in keys:
            kind = kinds[key]
            if kind is not current:
                if current is not None:
                    out.append(indent + "}")
                out.append(indent + "{")
                out.append(f"{indent}\tnode [{self.node_prefix[kind]}];")
                current = kind
            out.append(indent + "\t" + lines[key])
        if current is not None:
            out.append(indent + "}")
        return out

    def _title(self, depth: int, caption: str | None) -> str:
        text = f"<B>{dot_html(clean(self.graph.brief.title))}</B>"
        if caption is None and self.view.focus is not None:
            focused = self.graph.nodes[self.view.focus]
            around = focused.text
            if focused.kind is NodeKind.QUESTION:
                caption = (f"The question: {around}" if depth < 1
                           else f"The options for: {around}" if depth < 2
                           else f"The options and their pros and cons for: {around}")
            elif self.view.upstream:
                caption = f"What leads to: {around}"
            else:
                steps = "step" if depth == 1 else "steps"
                caption = f"Within {depth} {steps} of: {around}"
        if caption:
            # Wrapped whole at spaces, never cut: a caption is read, not skimmed.
            lines = wrap(clean(caption), 90)
            text += ('<BR/><FONT POINT-SIZE="12">'
                     + "<BR/>".join(dot_html(line) for line in lines) + "</FONT>")
        return text

    def _node(self, node: Node) -> str:
        item = node.item
        key = node.id
        name = self.names[key]
        if node.kind is NodeKind.ARGUMENT:
            tooltip = dot_tooltip("", lines=[
                "Linked argument: " + (item.text or key),
                *(f"\u201c{clean(quote)}\u201d" for quote in item.quotes),
            ])
            extra = self._evaluation_attributes(key, KIND_STYLES[NodeKind.ARGUMENT],
                                                key == self.view.focus)
            return f"{name} [tooltip={tooltip}{extra}];"
        text = clean(node.text)
        # Wrap, then escape all lines at once (clean text has no line breaks of its own).
        label = dot_html("\n".join(wrap(text, self.width))).replace("\n", "<BR/>")
        speaker = getattr(item, "speaker", None)
        if speaker:  # who says it, as a report attributes it: "Grigory Karasin:"
            said = dot_html("\n".join(wrap(speaker_name(self.graph, speaker) + ":", self.width)))
            said = said.replace("\n", "<BR/>")
            label = f'<FONT POINT-SIZE="9"><I>{said}</I></FONT><BR/>{label}'
        if isinstance(item, Recommendation) and item.addressees:
            names = ", ".join(addressee_names(self.graph, item))
            arrow = dot_html("\n".join(wrap("\u2192 " + names, self.width)))
            label += f'<BR/><FONT POINT-SIZE="10"><B>{arrow.replace(chr(10), "<BR/>")}</B></FONT>'
        if node.implicit:  # unstated: the text relies on it without saying it
            label = f'<FONT POINT-SIZE="9"><I>unstated</I></FONT><BR/>{label}'
        quote = item.quote
        if quote is None:
            tooltip = dot_tooltip(text)
        elif isinstance(quote, str):
            tooltip = dot_tooltip(f"\u201c{clean(quote)}\u201d")
        else:
            tooltip = dot_tooltip("", lines=[f"\u201c{clean(q)}\u201d" for q in quote])
        unstated = ""
        if node.implicit:
            own = [flag for flag in KIND_STYLES[node.kind].style.split(",") if flag]
            flags = ",".join(["filled", "dashed", *own])
            unstated = f', style="{flags}", fillcolor="#ffffff"'

        if self.evaluation is None and key != self.view.focus:
            return f"{name} [label=<{label}>, tooltip={tooltip}{unstated}];"
        if self.evaluation is not None:
            label += self._evaluation_line(key)
        extra = self._evaluation_attributes(key, KIND_STYLES[node.kind], key == self.view.focus)
        if unstated and "fillcolor" not in extra:
            extra = unstated + extra
        return f"{name} [label=<{label}>, tooltip={tooltip}{extra}];"

    def _evaluation_line(self, key: str) -> str:
        assert self.evaluation is not None
        parts = []
        verdict = self.evaluation.labels.get(key)
        if verdict is not None:
            parts.append(VERDICT_WORDS.get(verdict, dot_html(clean(str(verdict)))))
        strength = self.evaluation.strengths.get(key)
        if strength is not None:
            parts.append(f"{float(strength):.2f}")
        if not parts:
            return ""
        return f'<BR/><FONT POINT-SIZE="9"><I>{_SEPARATOR.join(parts)}</I></FONT>'

    def _evaluation_attributes(self, key: str, style: KindStyle, focused: bool) -> str:
        """Attributes that override the kind's look: the focus, and the evaluation's marks."""
        extra = ", penwidth=3" if focused else ""
        if self.evaluation is None:
            return extra
        verdict = self.evaluation.labels.get(key)
        flags = [flag for flag in style.style.split(",") if flag]
        fill, border, font = style.fill, style.border, style.font
        if verdict == "out":
            flags.append("dashed")
            fill, border, font = "#eeeeee", "#8a8a8a", "#6a6a6a"
        elif verdict == "undec":
            flags.append("dotted")
        strength = self.evaluation.strengths.get(key)
        if strength is not None:
            level = min(1.0, max(0.0, float(strength)))
            fill += f"{round(0x40 + level * 0xBF):02x}"  # weaker: more transparent, paler
        if fill == style.fill and flags == [f for f in style.style.split(",") if f]:
            return extra
        return (f'{extra}, style="{",".join(["filled", *flags])}", fillcolor="{fill}", '
                f'color="{border}", fontcolor="{font}"')

    def _legend(self) -> list[str]:
        """A one-row key to what this picture shows: its kinds, its relations and its marks.

        Each entry is one or more sample nodes (``"legend:..."``, never a brief id) and the
        edges between them; the entries sit on one rank, in a fixed order kept by invisible
        edges, so the key takes one short row whatever the map's direction.
        """
        kinds = {node.kind for node in self.view.nodes}
        relations: set[str] = set()
        for edge in self.view.edges:
            if edge.is_undercut:
                relations.add("undercut")
            elif edge.kind in (EdgeKind.PREMISE, EdgeKind.CONCLUSION):
                relations.add("linked")
            else:
                relations.add(edge.kind.value)
        if self.view.undercuts:
            relations.add("undercut-relation")
        unstated = any(node.implicit for node in self.view.nodes)
        relations.update(edge.kind.value for edge in self.view.side)
        entries: list[tuple[list[str], list[str]]] = []  # (node names in order, lines)

        def sample(kind: NodeKind, label: str) -> None:
            name = f'"legend:{kind.value}"'
            entries.append(([name], [f"\t\t{name} [{self.node_prefix[kind]}, label=<{label}>, "
                                     f'tooltip="{KIND_STYLES[kind].name}"];']))

        small = '<FONT POINT-SIZE="8"><B>\u2192 addressee</B></FONT>'
        for kind, label in (
            (NodeKind.RECOMMENDATION, f"Recommendation<BR/>{small}"),
            (NodeKind.CLAIM, "Claim"), (NodeKind.PREMISE, "Premise"),
            (NodeKind.OBJECTION, "Objection"), (NodeKind.QUESTION, "Question"),
        ):
            if kind in kinds:
                sample(kind, label)
        if unstated:
            entries.append((['"legend:unstated"'], [
                '\t\t"legend:unstated" [shape=box, style="filled,dashed,rounded", '
                'fillcolor="#ffffff", color="#666666", tooltip="Unstated", '
                'label=<<FONT POINT-SIZE="8"><I>unstated</I></FONT><BR/>Implicit>];']))

        point = 'shape=point, width=0.04, height=0.04, color="#888888", label=""'
        junction = self.node_prefix[NodeKind.ARGUMENT]
        for relation, edge_kind, words in (
            ("support", EdgeKind.SUPPORT, "supports"), ("attack", EdgeKind.ATTACK, "attacks"),
        ):
            if relation in relations:
                tail, head = f'"legend:{relation}-from"', f'"legend:{relation}-to"'
                suffix = self.edge_suffix[edge_kind]
                entries.append(([tail, head], [
                    f"\t\t{tail} [{point}];", f"\t\t{head} [{point}];",
                    f'\t\t{tail} -> {head} [{suffix}, label="{words}"];',
                ]))
        for relation, edge_kind, words in (
            ("concedes", EdgeKind.CONCEDES, "concedes"),
            ("outweighs", EdgeKind.OUTWEIGHS, "outweighs"),
        ):
            if relation in relations:
                tail, head = f'"legend:{relation}-from"', f'"legend:{relation}-to"'
                suffix = self.edge_suffix[edge_kind].replace(", constraint=false", "")
                entries.append(([tail, head], [
                    f"\t\t{tail} [{point}];", f"\t\t{head} [{point}];",
                    f'\t\t{tail} -> {head} [{suffix}, label="{words}"];',
                ]))
        if "option" in relations:
            tail, head = '"legend:option-from"', '"legend:option-to"'
            entries.append(([tail, head], [
                f"\t\t{tail} [{point}];", f"\t\t{head} [{point}];",
                f'\t\t{tail} -> {head} [{self.edge_suffix[EdgeKind.OPTION]}, '
                'label="option of"];',
            ]))
        if "undercut-relation" in relations:
            cutter, mid = '"legend:cut-by"', '"legend:cut-point"'
            attack = EDGE_STYLES[EdgeKind.ATTACK]
            entries.append(([cutter, mid], [
                f"\t\t{cutter} [{point}];",
                f'\t\t{mid} [shape=point, width=0.07, height=0.07, color="{attack.colour}", '
                'tooltip="A support or an attack", xlabel=<<FONT POINT-SIZE="8">a relation'
                '</FONT>>];',
                f'\t\t{cutter} -> {mid} [{self.relation_undercut_suffix}, '
                'label="undercuts"];',
            ]))
        for edge_kind in (EdgeKind.REPHRASES, EdgeKind.CONTRARY, EdgeKind.CONTRADICTS):
            if edge_kind.value in relations:
                tail, head = f'"legend:{edge_kind.value}-from"', f'"legend:{edge_kind.value}-to"'
                entries.append(([tail, head], [
                    f"\t\t{tail} [{point}];", f"\t\t{head} [{point}];",
                    f"\t\t{tail} -> {head} [{self.edge_suffix[edge_kind]}, "
                    f'label="{EDGE_STYLES[edge_kind].name}"];',
                ]))
        if "undercut" in relations:
            tail, head = '"legend:undercut-from"', '"legend:undercut-to"'
            entries.append(([tail, head], [
                f"\t\t{tail} [{point}];", f'\t\t{head} [{junction}, tooltip="Inference"];',
                f'\t\t{tail} -> {head} [{self.undercut_suffix}, label="undercuts"];',
            ]))
        if "linked" in relations:
            tail, dot, head = ('"legend:linked-from"', '"legend:linked-argument"',
                               '"legend:linked-to"')
            entries.append(([tail, dot, head], [
                f"\t\t{tail} [{point}];",
                f'\t\t{dot} [{junction}, tooltip="Linked argument"];',
                f"\t\t{head} [{point}];",
                f"\t\t{tail} -> {dot} [{self.edge_suffix[EdgeKind.PREMISE]}];",
                f"\t\t{dot} -> {head} [{self.edge_suffix[EdgeKind.CONCLUSION]}, "
                'label="linked premises"];',
            ]))

        if self.evaluation is not None:
            labels = {self.evaluation.labels.get(node.id) for node in self.view.nodes}
            claim = KIND_STYLES[NodeKind.CLAIM]
            box = 'shape=box, fontsize=9, margin="0.06,0.02"'
            if "out" in labels:
                entries.append((['"legend:falls"'], [
                    f'\t\t"legend:falls" [{box}, style="filled,rounded,dashed", '
                    'fillcolor="#eeeeee", color="#8a8a8a", fontcolor="#6a6a6a", '
                    'tooltip="Falls", label="falls"];']))
            if "undec" in labels:
                entries.append((['"legend:open"'], [
                    f'\t\t"legend:open" [{box}, style="filled,rounded,dotted", '
                    f'fillcolor="{claim.fill}", color="{claim.border}", tooltip="Open", '
                    'label="open"];']))
            # Grounded strengths are only 0 or 1 and draw no paler fills: no key for them.
            gradual = getattr(self.evaluation, "semantics", None) != "grounded"
            if gradual and any(node.id in self.evaluation.strengths for node in self.view.nodes):
                entries.append((['"legend:weak"'], [
                    f'\t\t"legend:weak" [{box}, style="filled,rounded", '
                    f'fillcolor="{claim.fill}55", color="{claim.border}", tooltip="Weaker", '
                    'label="paler: weaker"];']))
        if not entries:
            return []
        lines = [
            "\tsubgraph cluster_legend {",
            '\t\tgraph [label=<<B>Key</B>>, tooltip="Key", style="rounded", '
            'color="#c8c8c8", fontcolor="#444444", fontsize=10, labeljust=l, margin=6];',
            '\t\tnode [fontsize=9, margin="0.06,0.02", height=0.3];',
            '\t\tedge [fontsize=9, fontcolor="#444444", arrowsize=0.6];',
        ]
        order: list[str] = []
        for names, entry in entries:
            lines.extend(entry)
            order.extend(names)
        lines.append("\t\t{rank=same; " + " ".join(order) + "}")
        # Between entries (not inside one), an invisible edge keeps the order left to right.
        for (before, _), (after, _) in itertools.pairwise(entries):
            lines.append(f"\t\t{before[-1]} -> {after[0]} [style=invis, minlen=1];")
        lines.append("\t}")
        # The key goes one rank beyond every statement that nothing in view points at (the map's
        # grounds), so it sits on a row of its own under (or, in TB, over) the map, not beside it.
        pointed_at = {edge.target for edge in self.view.edges} | self.packed
        anchor = order[-1]
        lines.extend(f"\t{anchor} -> {self.names[node.id]} [style=invis, weight=0];"
                     for node in self.view.nodes if node.id not in pointed_at)
        return lines

    def _edge(self, edge: Edge) -> str:
        suffix = self.undercut_suffix if edge.is_undercut else self.edge_suffix[edge.kind]
        if edge.kind is EdgeKind.OPTION:  # drawn from the option up to its question
            return f"\t{self.names[edge.target]} -> {self.names[edge.source]} [{suffix}];"
        return f"\t{self.names[edge.source]} -> {self.names[edge.target]} [{suffix}];"

    def _split_edge(self, edge: Edge) -> list[str]:
        """A support or an attack that something undercuts, drawn through a small point that
        the undercut arrow can end at (Graphviz cannot point an edge at an edge)."""
        point = _relation_point((edge.kind, edge.source, edge.target))
        style = EDGE_STYLES[edge.kind]
        suffix = self.undercut_suffix if edge.is_undercut else self.edge_suffix[edge.kind]
        first = suffix.replace(f"arrowhead={style.arrowhead}", "arrowhead=none")
        if "arrowhead=" not in first:
            first += ", arrowhead=none"
        return [
            f'\t{point} [shape=point, width=0.07, height=0.07, color="{style.colour}", '
            f'class="relation", tooltip="{edge.kind.value} that is undercut"];',
            f"\t{self.names[edge.source]} -> {point} [{first}];",
            f"\t{point} -> {self.names[edge.target]} [{suffix}];",
        ]


def _node_prefix(style: KindStyle, kind: NodeKind) -> str:
    flags = ",".join(["filled", *(flag for flag in style.style.split(",") if flag)])
    common = (f'shape={style.shape}, style="{flags}", fillcolor="{style.fill}", '
              f'color="{style.border}", fontcolor="{style.font}", class="{kind.value}"')
    if style.dot_extra:
        common += ", " + style.dot_extra
    if kind is NodeKind.ARGUMENT:
        return common + ', width=0.16, height=0.16, fixedsize=true, label=""'
    return common


def _edge_suffix(style: EdgeStyle, kind: EdgeKind, css: str | None = None) -> str:
    attributes = [f'class="{css or kind.value}"', f'color="{style.colour}"']
    if style.style != "solid":
        attributes.append(f"style={style.style}")
    if style.arrowhead != "normal":
        attributes.append(f"arrowhead={style.arrowhead}")
    if style.direction != "forward":
        attributes.append(f"dir={style.direction}")
        if style.direction == "both":
            attributes.append(f"arrowtail={style.arrowhead}")
    if kind is EdgeKind.ATTACK or kind is EdgeKind.UNDERCUT:
        attributes.append("penwidth=1.6")
    if kind is EdgeKind.CONCEDES or kind is EdgeKind.OUTWEIGHS:
        # Weighing is drawn beside the argument, without pulling the layout out of shape.
        attributes.append("constraint=false")
    return ", ".join(attributes)


def _relation_point(relation: tuple[EdgeKind, str, str]) -> str:
    """The DOT name of the point a relation is drawn through (never a brief id's name)."""
    kind, source, target = relation
    return dot_id(f"r:{kind.value}:{source}->{target}")
