"""What a diagram shows: the nodes and edges in view, and how they are grouped.

The DOT and Mermaid renderers draw the same picture, so they share this selection: the focus
(the neighbourhood of one statement, from :meth:`ArgumentGraph.neighbourhood`) and the grouping
into clusters by section, speaker or addressee. Everything comes from the
:class:`~argmap.graph.ArgumentGraph`, in its order, so the output is deterministic.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

from argmap.errors import ConfigError
from argmap.graph import ArgumentGraph, Edge, EdgeKind, Node, NodeKind, Relation
from argmap.model import Argument, Brief, Recommendation
from argmap.publish.text import clean, short_name

__all__ = [
    "DIRECTIONS",
    "GROUPS",
    "Cluster",
    "EvaluationLike",
    "Group",
    "MapView",
    "addressee_names",
    "as_graph",
    "select",
    "speaker_name",
]

Group = Literal["section", "speaker", "addressee", "none"]
#: The ways a diagram can group its statements into boxes.
GROUPS: tuple[str, ...] = ("section", "speaker", "addressee", "none")
#: Graphviz's rank directions; BT puts conclusions on top, as argument maps usually do.
DIRECTIONS: tuple[str, ...] = ("BT", "TB", "LR", "RL")


class EvaluationLike(Protocol):
    """What a diagram needs from an evaluation (such as :class:`argmap.analysis.Evaluation`).

    ``labels`` maps ids to ``"in"``, ``"out"`` or ``"undec"``; ``strengths`` maps ids to a
    strength in [0, 1] (empty for grounded semantics).
    """

    @property
    def labels(self) -> Mapping[str, str]: ...

    @property
    def strengths(self) -> Mapping[str, float]: ...


@dataclass(frozen=True)
class Cluster:
    """A group of nodes drawn in one box, with the box's title."""

    title: str
    members: tuple[str, ...]


@dataclass(frozen=True)
class MapView:
    """The part of the graph a diagram shows."""

    graph: ArgumentGraph
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    clusters: tuple[Cluster, ...]
    focus: str | None
    upstream: bool = False  # only what leads into the focus
    #: Undercuts of a support or an attack in view: the undercutter and the relation's edge are.
    undercuts: tuple[Edge, ...] = ()
    #: Rephrases and contrary or contradictory pairs with both ends in view.
    side: tuple[Edge, ...] = ()


def as_graph(subject: Brief | ArgumentGraph) -> ArgumentGraph:
    """The graph of ``subject`` (built once if a brief is given)."""
    return subject if isinstance(subject, ArgumentGraph) else ArgumentGraph(subject)


def addressee_names(graph: ArgumentGraph, item: Recommendation) -> list[str]:
    """The short names of a recommendation's addressees (their ids when not declared)."""
    names = []
    for key in item.addressees:
        actor = graph.actors.get(key)
        names.append(short_name(clean(actor.name)) if actor is not None else clean(key))
    return names


def speaker_name(graph: ArgumentGraph, key: str) -> str:
    """The short name of the actor ``key`` (its id when not declared), as a diagram shows it."""
    return _actor_title(graph, key)


def _actor_title(graph: ArgumentGraph, key: str) -> str:
    actor = graph.actors.get(key)
    return short_name(clean(actor.name)) if actor is not None else clean(key)


def select(
    subject: Brief | ArgumentGraph,
    *,
    group: str = "none",
    focus: str | None = None,
    depth: int = 2,
    upstream: bool = False,
) -> MapView:
    """The nodes, edges and clusters a diagram of ``subject`` shows.

    ``focus`` limits the view to the statements within ``depth`` relations of one statement or
    argument (an argument in view comes with all its premises and its conclusion), or, for a
    question, to its options and their pros and cons (see :func:`_question_view`); with
    ``upstream``, only relations that lead into the focus are followed (its reasons and
    objections, the replies to those, and so on), not what the focus itself leads to. Raises
    :class:`~argmap.errors.ConfigError` for an unknown id, group or depth.
    """
    if group not in GROUPS:
        raise ConfigError(f"unknown grouping {group!r}; choose one of {', '.join(GROUPS)}")
    graph = as_graph(subject)
    if focus is None:
        nodes = tuple(graph.nodes.values())
        edges = graph.edges
    else:
        if focus not in graph.nodes:
            import difflib

            close = difflib.get_close_matches(focus, list(graph.nodes), n=1)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            raise ConfigError(f"cannot focus on '{clean(focus)}': no statement or argument "
                              f"has that id{hint}")
        if depth < 0:
            raise ConfigError(f"the depth must be 0 or more, not {depth}")
        if graph.nodes[focus].kind is NodeKind.QUESTION:
            keep = _question_view(graph, focus, depth)
        elif upstream:
            keep = _upstream(graph, focus, depth)
        else:
            keep = graph.neighbourhood(focus, depth)
        # An argument is drawn whole: a junction without its premises would say nothing.
        for key in list(keep):
            node = graph.nodes[key]
            if isinstance(node.item, Argument):
                keep.update(graph.premises_of(key))
                keep.add(node.item.conclusion)
        nodes = tuple(node for key, node in graph.nodes.items() if key in keep)
        edges = tuple(graph.subgraph_ids(keep))
    undercuts: tuple[Edge, ...] = ()
    if graph.undercuts:
        shown = {(e.kind, e.source, e.target) for e in edges}
        in_view = {node.id for node in nodes}
        undercuts = tuple(
            e for e in graph.undercuts
            if e.source in in_view and e.relation is not None and tuple(e.relation) in shown
        )
    side: tuple[Edge, ...] = (*graph.equivalences, *graph.oppositions)
    if side and focus is not None:
        kept = {node.id for node in nodes}
        side = tuple(e for e in side if e.source in kept and e.target in kept)
    return MapView(graph, nodes, tuple(edges), _clusters(graph, nodes, group), focus,
                   upstream and focus is not None, undercuts, side)


#: What leads into a statement: reasons, objections and replies. A preference or a question's
#: option is no reason, so an upstream view does not follow those.
_NOT_REASONS = frozenset(("outweighs", "option"))


def _upstream(graph: ArgumentGraph, centre: str, depth: int) -> set[str]:
    """Ids within ``depth`` relations that lead into ``centre``, following edges backwards."""
    seen = {centre}
    frontier = [centre]
    for _ in range(depth):
        following: list[str] = []
        for node in frontier:
            for edge in graph.incoming(node):
                if edge.kind.value not in _NOT_REASONS and edge.source not in seen:
                    seen.add(edge.source)
                    following.append(edge.source)
        frontier = following
    return seen


_PRO_OR_CON = (EdgeKind.SUPPORT, EdgeKind.ATTACK, EdgeKind.CONCLUSION)


def _question_view(graph: ArgumentGraph, question: str, depth: int) -> set[str]:
    """What a focus on a question shows: the question (depth 0); its options (depth 1); each
    option's pros and cons, that is its direct supporters, linked arguments and attackers, with
    whatever undercuts one of those relations or arguments and whatever concedes a con (depth
    2); and, deeper, what leads into those pros and cons, ``depth - 2`` relations back. Nothing
    an option itself leads to is shown: the picture is the question's, not the options'."""
    keep = {question}
    if depth < 1:
        return keep
    options = graph.options_of(question)
    keep.update(options)
    if depth < 2:
        return keep
    sides: set[str] = set()
    for option in options:
        for edge in graph.incoming(option):
            if edge.kind not in _PRO_OR_CON:
                continue
            sides.add(edge.source)
            if edge.kind is EdgeKind.CONCLUSION:  # a linked argument: what attacks it undercuts
                sides.update(e.source for e in graph.incoming(edge.source, EdgeKind.ATTACK))
            else:
                sides.update(graph.undercutters_of_relation(
                    Relation(edge.kind, edge.source, option)))
            if edge.kind is EdgeKind.ATTACK:  # a conceded con is answered by its conceder
                sides.update(e.source for e in graph.incoming(edge.source, EdgeKind.CONCEDES))
    keep.update(sides)
    if depth > 2:
        for key in sides:
            keep.update(_upstream(graph, key, depth - 2))
    return keep


def _clusters(graph: ArgumentGraph, nodes: tuple[Node, ...], group: str) -> tuple[Cluster, ...]:
    """Group the statements in view; arguments stay outside, between their ends."""
    if group == "none":
        return ()
    keyed: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    if group == "section":
        for name in graph.brief.sections:  # the brief's own order first
            keyed.setdefault(name, [])
            titles[name] = clean(name)
    for node in nodes:
        item = node.item
        if isinstance(item, Argument):
            continue
        key: str | None = None
        if group == "section":
            key = item.section
            if key is not None:
                titles.setdefault(key, clean(key))
        elif group == "speaker":
            key = getattr(item, "speaker", None)
            if key is not None:
                titles.setdefault(key, _actor_title(graph, key))
        elif isinstance(item, Recommendation) and item.addressees:
            key = "\n".join(item.addressees)
            titles.setdefault(key, "To " + ", ".join(addressee_names(graph, item)))
        if key is not None:
            keyed.setdefault(key, []).append(node.id)
    return tuple(Cluster(titles[key], tuple(members)) for key, members in keyed.items() if members)
