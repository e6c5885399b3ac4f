"""The argument graph: the one place where a brief's relations are derived.

Checks, evaluation and every renderer read an :class:`ArgumentGraph` instead of walking the brief
on their own. Nodes are statements and linked arguments; edges are typed. A reference that does
not resolve becomes a :class:`DanglingReference` rather than an edge, so the graph is always
consistent and the checks can still say where the broken reference was written.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any, NamedTuple

from argmap.collector import paused_collector
from argmap.model import (
    Actor,
    Argument,
    AttackRef,
    Brief,
    Question,
    Recommendation,
    Statement,
    SupportRef,
)

__all__ = [
    "ArgumentGraph",
    "DanglingReference",
    "Edge",
    "EdgeKind",
    "Node",
    "NodeKind",
    "Relation",
]


class NodeKind(str, enum.Enum):
    """What a node is: one of the four kinds of statement, a linked argument, or a question."""

    CLAIM = "claim"
    PREMISE = "premise"
    OBJECTION = "objection"
    RECOMMENDATION = "recommendation"
    ARGUMENT = "argument"
    QUESTION = "question"

    def __str__(self) -> str:
        return self.value


class EdgeKind(str, enum.Enum):
    """What an edge means.

    ``SUPPORT``: a statement supports another on its own. ``ATTACK``: a statement attacks a
    statement, or (an undercut) an argument. ``PREMISE``: a statement is one of an argument's
    linked premises. ``CONCLUSION``: an argument supports its conclusion. ``CONCEDES``: a
    statement grants another while answering it. ``OUTWEIGHS``: a statement is preferred to
    another. ``UNDERCUT``: a statement denies a single support or an attack (the edge's
    ``relation``; these edges are in :attr:`ArgumentGraph.undercuts`, not in ``edges``).
    ``OPTION``: a question has a statement as one of its options.
    """

    SUPPORT = "support"
    ATTACK = "attack"
    PREMISE = "premise"
    CONCLUSION = "conclusion"
    CONCEDES = "concedes"
    OUTWEIGHS = "outweighs"
    UNDERCUT = "undercut"
    OPTION = "option"
    #: Kept apart from :attr:`ArgumentGraph.edges` (in ``equivalences`` and ``oppositions``):
    #: two statements that say the same thing, or that cannot both hold.
    REPHRASES = "rephrases"
    CONTRARY = "contrary"
    CONTRADICTS = "contradicts"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Node:
    """A statement or an argument, with the model object it comes from."""

    id: str
    kind: NodeKind
    item: Statement | Argument | Question = field(compare=False, repr=False)

    @property
    def text(self) -> str:
        """The node's text (an argument without one is named by its id)."""
        return self.item.text or self.id

    @property
    def is_argument(self) -> bool:
        return self.kind is NodeKind.ARGUMENT

    @property
    def is_question(self) -> bool:
        return self.kind is NodeKind.QUESTION

    @property
    def is_statement(self) -> bool:
        return self.kind is not NodeKind.ARGUMENT and self.kind is not NodeKind.QUESTION

    @property
    def implicit(self) -> bool:
        """True for an unstated premise the text relies on."""
        return bool(getattr(self.item, "implicit", False))


class Relation(NamedTuple):
    """A single support or an attack, named as what an undercut denies.

    ``kind`` is :attr:`EdgeKind.SUPPORT` or :attr:`EdgeKind.ATTACK`; ``source`` and ``target``
    are the ids at its two ends (for an attack, the target may be an argument).
    """

    kind: EdgeKind
    source: str
    target: str

    @property
    def key(self) -> str:
        """A stable text key, ``"support:a->b"`` or ``"attack:a->b"``, for output and sorting."""
        return f"{self.kind.value}:{self.source}->{self.target}"

    def __str__(self) -> str:
        return self.key


class Edge(NamedTuple):
    """A typed relation, with the key path in the brief where it was written.

    A named tuple rather than a dataclass: a large brief has tens of thousands of edges, and
    tuples are several times cheaper to build.
    """

    source: str
    target: str
    kind: EdgeKind
    path: tuple[Any, ...] = ()
    target_kind: NodeKind | None = None
    #: For an ``UNDERCUT`` edge, the support or attack it denies (``target`` is its key).
    relation: Relation | None = None

    @property
    def is_undercut(self) -> bool:
        """True for an attack on an argument, or an undercut of a support or an attack (it
        denies the inference, not the premises)."""
        return (
            self.kind is EdgeKind.ATTACK and self.target_kind is NodeKind.ARGUMENT
        ) or self.kind is EdgeKind.UNDERCUT


@dataclass(frozen=True)
class DanglingReference:
    """A reference to an id that does not exist, or to an id of the wrong kind."""

    source: str
    target: str
    field: str
    path: tuple[Any, ...]
    expected: str  # "statement", "statement or argument", "argument", "actor", "support", "attack"
    found: str | None = None  # the kind the id has, if it exists but is of the wrong kind
    #: For an undercut of a support or an attack: the relation named, whose ends both exist but
    #: which the brief does not state.
    relation: Relation | None = None


_SUPPORT_FLOW = frozenset((EdgeKind.SUPPORT, EdgeKind.PREMISE, EdgeKind.CONCLUSION))

#: An :class:`Edge` from all six fields at once, without the Python frame of its ``__new__``:
#: a large brief has tens of thousands of supports and attacks.
_new_edge = partial(tuple.__new__, Edge)


_SIDE_RELATIONS = (
    ("rephrases", EdgeKind.REPHRASES),
    ("contrary", EdgeKind.CONTRARY),
    ("contradicts", EdgeKind.CONTRADICTS),
)


def shortest_cycle(start: str, successors: Callable[[str], Iterable[str]]) -> list[str] | None:
    """The shortest cycle from ``start`` back to it, by breadth-first search over
    ``successors``, as the list of ids from ``start``; None when there is none."""
    parents: dict[str, str] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        following: list[str] = []
        for node in frontier:
            for succ in successors(node):
                if succ == start:
                    cycle = [node]
                    while cycle[-1] != start:
                        cycle.append(parents[cycle[-1]])
                    cycle.reverse()
                    return cycle
                if succ not in seen:
                    seen.add(succ)
                    parents[succ] = node
                    following.append(succ)
        frontier = following
    return None


class ArgumentGraph:
    """Typed nodes and edges derived from a :class:`~argmap.model.Brief`."""

    @paused_collector()
    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.nodes: dict[str, Node] = {}
        self.actors: dict[str, Actor] = dict(brief.actors)
        self.paths: dict[str, tuple[Any, ...]] = {}
        self.duplicates: list[tuple[str, tuple[Any, ...], tuple[Any, ...]]] = []
        self.dangling: list[DanglingReference] = []
        edges: list[Edge] = []
        side: list[Edge] = []  # rephrases, contrary, contradicts

        sections: list[tuple[str, dict[str, Any], NodeKind]] = [
            ("claims", brief.claims, NodeKind.CLAIM),
            ("premises", brief.premises, NodeKind.PREMISE),
            ("objections", brief.objections, NodeKind.OBJECTION),
            ("recommendations", brief.recommendations, NodeKind.RECOMMENDATION),
            ("arguments", brief.arguments, NodeKind.ARGUMENT),
            ("questions", brief.questions, NodeKind.QUESTION),
        ]
        for section, items, kind in sections:
            for key, item in items.items():
                path = (section, key)
                if key in self.nodes:
                    self.duplicates.append((key, self.paths[key], path))
                    continue
                if key in self.actors:
                    self.duplicates.append((key, ("actors", key), path))
                self.nodes[key] = Node(key, kind, item)
                self.paths[key] = path

        nodes = self.nodes
        support, attack = EdgeKind.SUPPORT, EdgeKind.ATTACK
        argument, question = NodeKind.ARGUMENT, NodeKind.QUESTION
        #: Undercuts of a single support or an attack, resolved once every relation is known.
        pending: list[tuple[str, SupportRef | AttackRef, tuple[Any, ...]]] = []
        for key, node in nodes.items():
            base = self.paths[key]
            item = node.item
            if isinstance(item, Argument):
                for i, premise in enumerate(item.premises):
                    self._link(
                        edges,
                        premise,
                        key,
                        EdgeKind.PREMISE,
                        (*base, "premises", i),
                        "premises",
                        reverse=True,
                    )
                self._link(
                    edges,
                    key,
                    item.conclusion,
                    EdgeKind.CONCLUSION,
                    (*base, "conclusion"),
                    "conclusion",
                )
                continue
            if isinstance(item, Question):
                for i, option in enumerate(item.options):
                    self._link(
                        edges, key, option, EdgeKind.OPTION, (*base, "options", i), "options"
                    )
                continue
            # The common case inline (a reference to a statement, or an attack on an argument);
            # _link handles the rest and records what does not resolve.
            for i, target in enumerate(item.supports):
                found = nodes.get(target)
                if found is not None and found.kind is not argument and found.kind is not question:
                    edges.append(_new_edge(
                        (key, target, support, (*base, "supports", i), found.kind, None)))
                else:
                    self._link(edges, key, target, support, (*base, "supports", i), "supports")
            for i, target in enumerate(item.attacks):
                found = nodes.get(target)
                if found is not None and found.kind is not question:
                    edges.append(_new_edge(
                        (key, target, attack, (*base, "attacks", i), found.kind, None)))
                else:
                    self._link(edges, key, target, attack, (*base, "attacks", i), "attacks")
            if item.concedes:
                for i, target in enumerate(item.concedes):
                    self._link(
                        edges, key, target, EdgeKind.CONCEDES, (*base, "concedes", i), "concedes"
                    )
            if item.outweighs:
                for i, target in enumerate(item.outweighs):
                    self._link(
                        edges,
                        key,
                        target,
                        EdgeKind.OUTWEIGHS,
                        (*base, "outweighs", i),
                        "outweighs",
                    )
            if item.undercuts:
                for i, entry in enumerate(item.undercuts):
                    path = (*base, "undercuts", i)
                    if isinstance(entry, str):
                        self._link(edges, key, entry, attack, path, "undercuts")
                    else:
                        pending.append((key, entry, path))
            if item.rephrases or item.contrary or item.contradicts:
                for name, side_kind in _SIDE_RELATIONS:
                    for i, target in enumerate(getattr(item, name)):
                        self._link(side, key, target, side_kind, (*base, name, i), name)
            speaker = item.speaker
            if speaker and speaker not in self.actors:  # most speakers resolve: skip the call
                self._check_actor(key, base, "speaker", [speaker])
            if isinstance(item, Recommendation) and item.addressee is not None:
                single = isinstance(item.addressee, str)
                self._check_actor(key, base, "addressee", list(item.addressees), single=single)

        if brief.dialogue is not None and brief.dialogue.locutions:
            self._check_dialogue(brief.dialogue.locutions)

        #: Undercuts of a single support or of an attack (argument undercuts are ``ATTACK``
        #: edges in :attr:`edges`), in the brief's order.
        self.undercuts: tuple[Edge, ...] = (
            tuple(self._resolve_undercuts(edges, pending)) if pending else ()
        )
        self.edges: tuple[Edge, ...] = tuple(edges)
        #: Rephrases (statements that say the same thing), and contrary and contradictory
        #: statements: relations of sameness and opposition, not of support or attack.
        self.equivalences: tuple[Edge, ...] = tuple(
            e for e in side if e.kind is EdgeKind.REPHRASES)
        self.oppositions: tuple[Edge, ...] = tuple(
            e for e in side if e.kind is not EdgeKind.REPHRASES)
        #: Each id's place in the brief's order, for sorting results stably.
        self.order: dict[str, int] = dict(zip(self.nodes, range(len(self.nodes)), strict=True))
        self._statement_nodes: list[Node] = []
        self._argument_nodes: list[Node] = []
        self._question_nodes: list[Node] = []
        for node in self.nodes.values():  # one pass, comparing kinds rather than properties
            if node.kind is argument:
                self._argument_nodes.append(node)
            elif node.kind is question:
                self._question_nodes.append(node)
            else:
                self._statement_nodes.append(node)
        # Each edge's ends by position, which a tuple reads quicker than by name.
        self._out: dict[str, list[Edge]] = {key: [] for key in self.nodes}
        self._in: dict[str, list[Edge]] = {key: [] for key in self.nodes}
        out, into = self._out, self._in
        for edge in self.edges:
            out[edge[0]].append(edge)
            into[edge[1]].append(edge)
        self._undercuts_of: dict[Relation, list[Edge]] = {}
        self._undercuts_by: dict[str, list[Edge]] = {}
        for edge in self.undercuts:
            assert edge.relation is not None
            self._undercuts_of.setdefault(edge.relation, []).append(edge)
            self._undercuts_by.setdefault(edge.source, []).append(edge)

    def _resolve_undercuts(
        self,
        edges: list[Edge],
        pending: list[tuple[str, SupportRef | AttackRef, tuple[Any, ...]]],
    ) -> list[Edge]:
        """Turn each ``{support: A, to: B}`` / ``{attack: A, to: B}`` into an undercut edge.

        The relation must be one the brief states (``A`` lists ``B`` under ``supports`` or
        ``attacks``); ``{support: G, to: C}`` for an argument ``G`` concluding ``C`` names the
        argument itself, so it becomes an ``ATTACK`` edge on ``G`` like ``undercuts: [G]``.
        """
        stated = {
            (e.kind, e.source, e.target)
            for e in edges
            if e.kind is EdgeKind.SUPPORT or e.kind is EdgeKind.ATTACK
        }
        found: list[Edge] = []
        for owner, entry, path in pending:
            kind = EdgeKind.SUPPORT if isinstance(entry, SupportRef) else EdgeKind.ATTACK
            field_name = entry.relation
            source, target = entry.source, entry.to
            missing = False
            for end, key in ((source, field_name), (target, "to")):
                node = self.nodes.get(end)
                expected = (
                    "statement or argument"
                    if (kind is EdgeKind.SUPPORT and key != "to")
                    or (kind is EdgeKind.ATTACK and key == "to")
                    else "statement"
                )
                wrong = node is not None and (
                    node.is_question or (node.is_argument and expected == "statement")
                )
                if node is None or wrong:
                    found_kind = (
                        node.kind.value
                        if node is not None
                        else ("actor" if end in self.actors else None)
                    )
                    self.dangling.append(
                        DanglingReference(
                            owner, end, "undercuts", (*path, key), expected, found_kind
                        )
                    )
                    missing = True
            if missing:
                continue
            relation = Relation(kind, source, target)
            if kind is EdgeKind.SUPPORT and self.nodes[source].is_argument:
                item = self.nodes[source].item
                if isinstance(item, Argument) and item.conclusion == target:
                    edges.append(Edge(owner, source, EdgeKind.ATTACK, path, NodeKind.ARGUMENT))
                    continue
            if (kind, source, target) not in stated:
                self.dangling.append(
                    DanglingReference(
                        owner, target, "undercuts", path, kind.value, None, relation
                    )
                )
                continue
            found.append(Edge(owner, relation.key, EdgeKind.UNDERCUT, path, None, relation))
        return found

    # --- construction helpers --------------------------------------------------------------------

    def _link(
        self,
        edges: list[Edge],
        source: str,
        target: str,
        kind: EdgeKind,
        path: tuple[Any, ...],
        field_name: str,
        *,
        reverse: bool = False,
    ) -> None:
        """Add an edge if the referenced id exists and has a kind that fits the field."""
        referenced = source if reverse else target
        owner = target if reverse else source
        if field_name == "undercuts":
            expected = "argument"
        elif kind is EdgeKind.ATTACK:
            expected = "statement or argument"
        else:
            expected = "statement"
        node = self.nodes.get(referenced)
        if node is None:
            found = "actor" if referenced in self.actors else None
            self.dangling.append(
                DanglingReference(owner, referenced, field_name, path, expected, found)
            )
            return
        if (
            node.is_question
            or (node.is_argument and expected == "statement")
            or (not node.is_argument and expected == "argument")
        ):
            self.dangling.append(
                DanglingReference(owner, referenced, field_name, path, expected, node.kind.value)
            )
            return
        target_kind = self.nodes[target].kind
        edges.append(Edge(source, target, kind, path, target_kind))

    def _check_dialogue(self, locutions: dict[str, Any]) -> None:
        """A locution's speaker must be an actor, what it asserts a statement, and what it
        replies to an earlier locution of the dialogue."""
        for key, locution in locutions.items():
            base = ("dialogue", "locutions", key)
            if locution.speaker is not None:
                self._check_actor(key, base, "speaker", [locution.speaker])
            for i, target in enumerate(locution.asserts):
                node = self.nodes.get(target)
                if node is None or not node.is_statement:
                    found = (node.kind.value if node is not None
                             else "actor" if target in self.actors
                             else "locution" if target in locutions else None)
                    self.dangling.append(DanglingReference(
                        key, target, "asserts", (*base, "asserts", i), "statement", found))
            for i, target in enumerate(locution.replies_to):
                if target in locutions:
                    continue
                found = (self.nodes[target].kind.value if target in self.nodes
                         else "actor" if target in self.actors else None)
                self.dangling.append(DanglingReference(
                    key, target, "replies_to", (*base, "replies_to", i), "locution", found))

    def _check_actor(
        self,
        owner: str,
        base: tuple[Any, ...],
        field_name: str,
        ids: list[str],
        *,
        single: bool = True,
    ) -> None:
        for i, actor in enumerate(ids):
            if actor in self.actors:
                continue
            path = (*base, field_name) if single else (*base, field_name, i)
            found = self.nodes[actor].kind.value if actor in self.nodes else None
            self.dangling.append(DanglingReference(owner, actor, field_name, path, "actor", found))

    # --- queries ------------------------------------------------------------------------------

    @classmethod
    def from_brief(cls, brief: Brief) -> ArgumentGraph:
        """The graph of a brief."""
        return cls(brief)

    def outgoing(self, node: str, kind: EdgeKind | None = None) -> list[Edge]:
        """Edges leaving ``node`` (of one kind, if given)."""
        edges = self._out.get(node, [])
        return edges if kind is None else [e for e in edges if e.kind is kind]

    def incoming(self, node: str, kind: EdgeKind | None = None) -> list[Edge]:
        """Edges arriving at ``node`` (of one kind, if given)."""
        edges = self._in.get(node, [])
        return edges if kind is None else [e for e in edges if e.kind is kind]

    def reasons_for(self, node: str) -> list[str]:
        """What supports ``node``: statements that support it alone, and arguments concluding it."""
        return [
            e.source
            for e in self._in.get(node, ())
            if e.kind is EdgeKind.SUPPORT or e.kind is EdgeKind.CONCLUSION
        ]

    def attackers_of(self, node: str) -> list[str]:
        """The statements that attack ``node`` (for an argument: its undercutters)."""
        return [e.source for e in self._in.get(node, ()) if e.kind is EdgeKind.ATTACK]

    def premises_of(self, argument: str) -> list[str]:
        """The linked premises of an argument, in the order written."""
        return [e.source for e in self._in.get(argument, ()) if e.kind is EdgeKind.PREMISE]

    def is_connected(self, node: str) -> bool:
        """True when ``node`` takes part in at least one relation (undercuts included)."""
        return bool(self._out.get(node) or self._in.get(node) or self._undercuts_by.get(node))

    def undercutters_of_relation(self, relation: Relation) -> list[str]:
        """The statements that undercut a single support or an attack."""
        return [e.source for e in self._undercuts_of.get(relation, ())]

    def undercuts_by(self, node: str) -> list[Edge]:
        """The undercuts of supports and attacks that ``node`` makes."""
        return self._undercuts_by.get(node, [])

    def questions(self) -> Iterator[Node]:
        """The question nodes, in the brief's order."""
        return iter(self._question_nodes)

    def options_of(self, question: str) -> list[str]:
        """The options of a question, in the order written."""
        return [e.target for e in self._out.get(question, ()) if e.kind is EdgeKind.OPTION]

    def statements(self) -> Iterator[Node]:
        """The statement nodes, in the brief's order."""
        return iter(self._statement_nodes)

    def arguments(self) -> Iterator[Node]:
        """The argument nodes, in the brief's order."""
        return iter(self._argument_nodes)

    def support_successors(self, node: str) -> list[str]:
        """Where support flows from ``node``: supported statements, arguments it is a premise of,
        and (for an argument) its conclusion."""
        return [e.target for e in self._out.get(node, ()) if e.kind in _SUPPORT_FLOW]

    def _on_support_cycles(self) -> set[str]:
        """The nodes that a topological pass cannot order: those on or after a support cycle.

        Kahn's algorithm: cheap, and on a brief without circular support (nearly every brief)
        it leaves nothing for the slower search for the cycles themselves.
        """
        # Built from one pass over the edges, not a filtered list a node.
        successors: dict[str, list[str]] = {}
        pending = dict.fromkeys(self.nodes, 0)
        flow = _SUPPORT_FLOW
        for edge in self.edges:
            if edge.kind in flow:
                successors.setdefault(edge.source, []).append(edge.target)
                pending[edge.target] += 1
        if not successors:
            return set()
        ready = [key for key, count in pending.items() if count == 0]
        nothing: list[str] = []
        while ready:
            for target in successors.get(ready.pop(), nothing):
                pending[target] -= 1
                if pending[target] == 0:
                    ready.append(target)
        return {key for key, count in pending.items() if count > 0}

    def support_cycles(self) -> list[list[str]]:
        """Circular support: one cycle per strongly connected group, each as a list of ids.

        Tarjan's algorithm, written with an explicit stack so that long chains do not hit
        Python's recursion limit, over only the nodes a topological pass could not order.
        """
        suspects = self._on_support_cycles()
        if not suspects:
            return []
        index: dict[str, int] = {}
        low: dict[str, int] = {}
        on_stack: set[str] = set()
        stack: list[str] = []
        components: list[list[str]] = []
        counter = 0
        for start in self.nodes:
            if start in index or start not in suspects:
                continue
            work: list[tuple[str, Iterator[str]]] = [(start, iter(self.support_successors(start)))]
            index[start] = low[start] = counter
            counter += 1
            stack.append(start)
            on_stack.add(start)
            while work:
                node, successors = work[-1]
                advanced = False
                for succ in successors:
                    if succ not in index:
                        index[succ] = low[succ] = counter
                        counter += 1
                        stack.append(succ)
                        on_stack.add(succ)
                        work.append((succ, iter(self.support_successors(succ))))
                        advanced = True
                        break
                    if succ in on_stack:
                        low[node] = min(low[node], index[succ])
                if advanced:
                    continue
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: list[str] = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in self.support_successors(node):
                        components.append(component)
        return [self._cycle_within(set(component)) for component in components]

    def _cycle_within(self, members: set[str]) -> list[str]:
        """One concrete cycle through a strongly connected group, starting at its first id."""
        start = min(members, key=self.order.__getitem__)
        cycle = shortest_cycle(
            start, lambda node: [s for s in self.support_successors(node) if s in members])
        return cycle if cycle is not None else sorted(members)  # pragma: no cover

    def neighbourhood(self, centre: str, depth: int) -> set[str]:
        """Ids within ``depth`` relations of ``centre``, following edges both ways."""
        seen = {centre}
        frontier = [centre]
        for _ in range(depth):
            following: list[str] = []
            for node in frontier:
                for edge in (*self._out.get(node, ()), *self._in.get(node, ())):
                    other = edge.target if edge.source == node else edge.source
                    if other not in seen:
                        seen.add(other)
                        following.append(other)
                if self.undercuts:  # an undercut joins its author to both ends of the relation
                    for other in self._undercut_neighbours(node):
                        if other not in seen:
                            seen.add(other)
                            following.append(other)
            frontier = following
        return seen

    def _undercut_neighbours(self, node: str) -> list[str]:
        ends = [
            end
            for edge in self._undercuts_by.get(node, ())
            if edge.relation is not None
            for end in (edge.relation.source, edge.relation.target)
        ]
        for relation, edges in self._undercuts_of.items():
            if node in (relation.source, relation.target):
                ends.extend(edge.source for edge in edges)
        return ends

    def subgraph_ids(self, ids: Iterable[str]) -> list[Edge]:
        """The edges whose two ends are both among ``ids``."""
        keep = set(ids)
        return [e for e in self.edges if e.source in keep and e.target in keep]
