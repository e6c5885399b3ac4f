"""The argument graph: the one place where a brief's relations are derived.

Checks, evaluation and every renderer read an :class:`ArgumentGraph` instead of walking the brief
on their own. Nodes are statements and linked arguments; edges are typed. A reference that does
not resolve becomes a :class:`DanglingReference` rather than an edge, so the graph is always
consistent and the checks can still say where the broken reference was written.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from argmap.model import Actor, Argument, Brief, Recommendation, Statement

__all__ = [
    "ArgumentGraph",
    "DanglingReference",
    "Edge",
    "EdgeKind",
    "Node",
    "NodeKind",
]


class NodeKind(str, enum.Enum):
    """What a node is: one of the four kinds of statement, or a linked argument."""

    CLAIM = "claim"
    PREMISE = "premise"
    OBJECTION = "objection"
    RECOMMENDATION = "recommendation"
    ARGUMENT = "argument"

    def __str__(self) -> str:
        return self.value


class EdgeKind(str, enum.Enum):
    """What an edge means.

    ``SUPPORT``: a statement supports another on its own. ``ATTACK``: a statement attacks a
    statement, or (an undercut) an argument. ``PREMISE``: a statement is one of an argument's
    linked premises. ``CONCLUSION``: an argument supports its conclusion.
    """

    SUPPORT = "support"
    ATTACK = "attack"
    PREMISE = "premise"
    CONCLUSION = "conclusion"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Node:
    """A statement or an argument, with the model object it comes from."""

    id: str
    kind: NodeKind
    item: Statement | Argument = field(compare=False, repr=False)

    @property
    def text(self) -> str:
        """The node's text (an argument without one is named by its id)."""
        return self.item.text or self.id

    @property
    def is_argument(self) -> bool:
        return self.kind is NodeKind.ARGUMENT


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

    @property
    def is_undercut(self) -> bool:
        """True for an attack on an argument (it denies the inference, not the premises)."""
        return self.kind is EdgeKind.ATTACK and self.target_kind is NodeKind.ARGUMENT


@dataclass(frozen=True)
class DanglingReference:
    """A reference to an id that does not exist, or to an id of the wrong kind."""

    source: str
    target: str
    field: str
    path: tuple[Any, ...]
    expected: str  # "statement", "statement or argument", "actor"
    found: str | None = None  # the kind the id has, if it exists but is of the wrong kind


class ArgumentGraph:
    """Typed nodes and edges derived from a :class:`~argmap.model.Brief`."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.nodes: dict[str, Node] = {}
        self.actors: dict[str, Actor] = dict(brief.actors)
        self.paths: dict[str, tuple[Any, ...]] = {}
        self.duplicates: list[tuple[str, tuple[Any, ...], tuple[Any, ...]]] = []
        self.dangling: list[DanglingReference] = []
        edges: list[Edge] = []

        sections: list[tuple[str, dict[str, Any], NodeKind]] = [
            ("claims", brief.claims, NodeKind.CLAIM),
            ("premises", brief.premises, NodeKind.PREMISE),
            ("objections", brief.objections, NodeKind.OBJECTION),
            ("recommendations", brief.recommendations, NodeKind.RECOMMENDATION),
            ("arguments", brief.arguments, NodeKind.ARGUMENT),
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
        support, attack, argument = EdgeKind.SUPPORT, EdgeKind.ATTACK, NodeKind.ARGUMENT
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
            # The common case inline (a reference to a statement, or an attack on an argument);
            # _link handles the rest and records what does not resolve.
            for i, target in enumerate(item.supports):
                found = nodes.get(target)
                if found is not None and found.kind is not argument:
                    edges.append(Edge(key, target, support, (*base, "supports", i), found.kind))
                else:
                    self._link(edges, key, target, support, (*base, "supports", i), "supports")
            for i, target in enumerate(item.attacks):
                found = nodes.get(target)
                if found is not None:
                    edges.append(Edge(key, target, attack, (*base, "attacks", i), found.kind))
                else:
                    self._link(edges, key, target, attack, (*base, "attacks", i), "attacks")
            self._check_actor(key, base, "speaker", [item.speaker] if item.speaker else [])
            if isinstance(item, Recommendation) and item.addressee is not None:
                single = isinstance(item.addressee, str)
                self._check_actor(key, base, "addressee", list(item.addressees), single=single)

        self.edges: tuple[Edge, ...] = tuple(edges)
        #: Each id's place in the brief's order, for sorting results stably.
        self.order: dict[str, int] = {key: i for i, key in enumerate(self.nodes)}
        self._statement_nodes = [node for node in self.nodes.values() if not node.is_argument]
        self._argument_nodes = [node for node in self.nodes.values() if node.is_argument]
        self._out: dict[str, list[Edge]] = {key: [] for key in self.nodes}
        self._in: dict[str, list[Edge]] = {key: [] for key in self.nodes}
        for edge in self.edges:
            self._out[edge.source].append(edge)
            self._in[edge.target].append(edge)

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
        expected = "statement or argument" if kind is EdgeKind.ATTACK else "statement"
        node = self.nodes.get(referenced)
        if node is None:
            found = "actor" if referenced in self.actors else None
            self.dangling.append(
                DanglingReference(owner, referenced, field_name, path, expected, found)
            )
            return
        if node.is_argument and expected == "statement":
            self.dangling.append(
                DanglingReference(owner, referenced, field_name, path, expected, "argument")
            )
            return
        target_kind = self.nodes[target].kind
        edges.append(Edge(source, target, kind, path, target_kind))

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
        """True when ``node`` takes part in at least one relation."""
        return bool(self._out.get(node) or self._in.get(node))

    def statements(self) -> Iterator[Node]:
        """The statement nodes, in the brief's order."""
        return iter(self._statement_nodes)

    def arguments(self) -> Iterator[Node]:
        """The argument nodes, in the brief's order."""
        return iter(self._argument_nodes)

    def support_successors(self, node: str) -> list[str]:
        """Where support flows from ``node``: supported statements, arguments it is a premise of,
        and (for an argument) its conclusion."""
        return [e.target for e in self._out.get(node, ()) if e.kind is not EdgeKind.ATTACK]

    def _on_support_cycles(self) -> set[str]:
        """The nodes that a topological pass cannot order: those on or after a support cycle.

        Kahn's algorithm: cheap, and on a brief without circular support (nearly every brief)
        it leaves nothing for the slower search for the cycles themselves.
        """
        successors = {key: self.support_successors(key) for key in self.nodes}
        pending = dict.fromkeys(self.nodes, 0)
        for targets in successors.values():
            for target in targets:
                pending[target] += 1
        ready = [key for key, count in pending.items() if count == 0]
        while ready:
            for target in successors[ready.pop()]:
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
        parents: dict[str, str] = {}
        frontier = [start]
        seen = {start}
        while frontier:
            following: list[str] = []
            for node in frontier:
                for succ in self.support_successors(node):
                    if succ == start:
                        cycle = [node]
                        while cycle[-1] != start:
                            cycle.append(parents[cycle[-1]])
                        cycle.reverse()
                        return cycle
                    if succ in members and succ not in seen:
                        seen.add(succ)
                        parents[succ] = node
                        following.append(succ)
            frontier = following
        return sorted(members)  # pragma: no cover - a strongly connected group always has a cycle

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
            frontier = following
        return seen

    def subgraph_ids(self, ids: Iterable[str]) -> list[Edge]:
        """The edges whose two ends are both among ``ids``."""
        keep = set(ids)
        return [e for e in self.edges if e.source in keep and e.target in keep]
