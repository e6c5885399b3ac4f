"""What a brief argues and what survives: chains of support, and evaluation of the map.

The semantics themselves live in :mod:`argmap.evaluation`, which works on an abstract
framework; this module builds that framework from the :class:`~argmap.graph.ArgumentGraph` and
answers in the brief's own ids.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.collector import paused_collector
from argmap.estimative import base_score
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Brief

if TYPE_CHECKING:
    from argmap.evaluation import Framework

__all__ = [
    "MAX_CHAINS",
    "MAX_CHAIN_STEPS",
    "VERDICT_WORDS",
    "Chain",
    "ChainList",
    "Evaluation",
    "chains",
    "evaluate",
    "grounded_labels",
    "to_framework",
]

#: The word for each grounded label, wherever argmap shows a verdict to a reader.
VERDICT_WORDS: dict[str, str] = {"in": "stands", "out": "falls", "undec": "open"}

#: Stop enumerating chains past this many, so a dense map cannot make a query explode.
MAX_CHAINS = 1000
#: Stop the search after this many steps (a path extended, or a dead end reached): the number
#: of chains can grow exponentially with a map's depth, and paths that end at an argument
#: without premises lead nowhere yet cost as much to explore.
MAX_CHAIN_STEPS = 200_000


@dataclass(frozen=True)
class Chain:
    """One path of support from a starting premise to a target, through arguments if linked."""

    steps: tuple[str, ...]

    @property
    def start(self) -> str:
        return self.steps[0]

    @property
    def target(self) -> str:
        return self.steps[-1]

    def __str__(self) -> str:
        return " -> ".join(self.steps)


class ChainList(list[Chain]):
    """The chains :func:`chains` found: a list, and whether the search finished.

    ``complete`` is False when the search stopped at its chain limit or its step budget, so
    more chains may lead to the target than are listed; ``steps`` says how far it went.
    """

    def __init__(self, found: list[Chain], *, complete: bool, steps: int) -> None:
        super().__init__(found)
        self.complete = complete
        self.steps = steps


def _graph(subject: Brief | ArgumentGraph) -> ArgumentGraph:
    return subject if isinstance(subject, ArgumentGraph) else ArgumentGraph(subject)


def chains(
    subject: Brief | ArgumentGraph,
    target: str,
    *,
    limit: int = MAX_CHAINS,
    max_steps: int = MAX_CHAIN_STEPS,
) -> ChainList:
    """Every chain of support that ends at ``target``, each from a statement nothing supports.

    A chain follows ``supports`` edges and linked arguments (premise -> argument -> conclusion);
    attacks are not support and are not followed. Chains are simple (no id twice) and come in a
    stable order: shorter first, then by the brief's order. The search stops after ``limit``
    chains or ``max_steps`` steps, whichever comes first; the result's ``complete`` says whether
    it did, so the time taken stays proportional to ``max_steps`` whatever the map.

    Raises ``KeyError`` for an unknown target; nothing else.
    """
    graph = _graph(subject)
    if target not in graph.nodes:
        raise KeyError(target)
    order = graph.order
    found: list[tuple[str, ...]] = []
    kinds = (EdgeKind.SUPPORT, EdgeKind.PREMISE, EdgeKind.CONCLUSION)
    known: dict[str, list[str]] = {}

    def backwards(node: str) -> list[str]:
        sources = known.get(node)
        if sources is None:
            sources = sorted({e.source for e in graph.incoming(node) if e.kind in kinds},
                             key=order.__getitem__)
            known[node] = sources
        return sources

    stack: list[tuple[str, tuple[str, ...], frozenset[str]]] = [
        (target, (target,), frozenset((target,)))
    ]
    steps = 0
    while stack and len(found) < limit and steps < max_steps:
        steps += 1
        node, path, visited = stack.pop()
        sources = [s for s in backwards(node) if s not in visited]
        if not sources:
            if len(path) > 1 and graph.nodes[node].kind is not NodeKind.ARGUMENT:
                found.append(tuple(reversed(path)))
            continue
        for source in reversed(sources):
            stack.append((source, (*path, source), visited | {source}))
    found.sort(key=lambda chain: (len(chain), [order[s] for s in chain]))
    return ChainList([Chain(chain) for chain in found], complete=not stack, steps=steps)


def to_framework(subject: Brief | ArgumentGraph) -> Framework:
    """The bipolar framework that evaluation works on, built from the graph."""
    from argmap.evaluation import Framework

    graph = _graph(subject)
    statements = tuple(node.id for node in graph.statements())
    # Relations come from the graph's edges, never from the raw fields: a reference that does not
    # resolve is reported by the checks and left out of the evaluation, and so is an argument
    # with no premise (it offers no reason).
    arguments = {
        node.id: (premises, conclusion[0].target)
        for node in graph.arguments()
        if (conclusion := graph.outgoing(node.id, EdgeKind.CONCLUSION))
        and (premises := tuple(graph.premises_of(node.id)))
    }
    # One pass over the edges, sorting them by kind.
    supports: list[tuple[str, str]] = []
    attacks: list[tuple[str, str]] = []
    preferences: list[tuple[str, str]] = []
    concessions: list[tuple[str, str]] = []
    support, attack, argument = EdgeKind.SUPPORT, EdgeKind.ATTACK, NodeKind.ARGUMENT
    outweighs, concedes = EdgeKind.OUTWEIGHS, EdgeKind.CONCEDES
    for e in graph.edges:
        kind = e.kind
        if kind is attack:
            if e.target_kind is not argument or e.target in arguments:
                attacks.append((e.source, e.target))
        elif kind is support:
            supports.append((e.source, e.target))
        elif kind is outweighs:
            preferences.append((e.source, e.target))
        elif kind is concedes:
            concessions.append((e.source, e.target))
    spread_supports, spread_attacks = _same_and_opposed(graph, tuple(supports), tuple(attacks))
    # An explicit base_score, or else what the statement's words say (argmap.estimative).
    base_scores: dict[str, float] = {}
    for node in graph.statements():
        item = node.item
        if (
            item.base_score is not None  # type: ignore[union-attr]
            or item.likelihood is not None  # type: ignore[union-attr]
            or item.qualifier  # type: ignore[union-attr]
        ):
            score = base_score(item)
            if score is not None:
                base_scores[node.id] = score
    # An undercut of an attack on an argument that evaluation leaves out has nothing to act on.
    undercuts = tuple(
        (e.source, (rel.kind.value, rel.source, rel.target))
        for e in graph.undercuts
        if (rel := e.relation) is not None
        and (graph.nodes[rel.target].kind is not NodeKind.ARGUMENT or rel.target in arguments)
    )
    return Framework(
        statements,
        arguments,
        spread_supports,
        spread_attacks,
        base_scores,
        tuple(preferences),
        tuple(concessions),
        undercuts,
    )


def _same_and_opposed(
    graph: ArgumentGraph,
    supports: tuple[tuple[str, str], ...],
    attacks: tuple[tuple[str, str], ...],
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Contrary and contradictory statements attack each other; statements that rephrase each
    other are one: each has the supporters, attackers and targets of every other (see
    docs/semantics.md)."""
    oppositions = getattr(graph, "oppositions", ())
    equivalences = getattr(graph, "equivalences", ())
    if not oppositions and not equivalences:
        return supports, attacks
    opposed = [pair for e in oppositions for pair in ((e.source, e.target), (e.target, e.source))]
    attacks = (*attacks, *opposed)
    if not equivalences:
        return supports, attacks
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for e in equivalences:
        parent.setdefault(e.source, e.source)
        parent.setdefault(e.target, e.target)
        parent[root(e.source)] = root(e.target)
    members: dict[str, list[str]] = {}
    for key in parent:
        members.setdefault(root(key), []).append(key)

    def same(key: str) -> list[str]:
        return members[root(key)] if key in parent else [key]

    def spread(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        return tuple(dict.fromkeys(
            (a, b) for x, y in pairs for a in same(x) for b in same(y) if a != b))

    return spread(supports), spread(attacks)


def grounded_labels(subject: Brief | ArgumentGraph) -> dict[str, str]:
    """The grounded label of every statement and argument: ``"in"``, ``"out"`` or ``"undec"``."""
    from argmap.evaluation import grounded

    return {key: label.value for key, label in grounded(to_framework(subject)).items()}


@dataclass(frozen=True)
class Evaluation:
    """The outcome of evaluating a brief under one semantics: one verdict per statement.

    ``labels`` are the verdicts, ``"in"`` (stands), ``"out"`` (falls) or ``"undec"`` (open), of
    *this* semantics: the grounded labels under grounded semantics, and under a gradual semantics
    the verdict its strength gives by :func:`argmap.estimative.verdict_label` (above ICD 203's
    "roughly even chance" band stands, below it falls, within it open), never the grounded label.
    ``strengths`` are the gradual strengths (empty under grounded semantics); ``grounded`` keeps
    the grounded labels beside a gradual result, for a reader who wants both; ``relations`` says
    what each undercut, conceded or cancelled relation does (a label under grounded semantics,
    the strength it carries under a gradual one), keyed ``(kind, source, target)``.
    """

    semantics: str
    labels: dict[str, str]
    strengths: dict[str, float]
    converged: bool = True
    grounded: dict[str, str] = field(default_factory=dict)
    relations: dict[tuple[str, str, str], str | float] = field(default_factory=dict)

    def stands(self, key: str) -> bool:
        """True when this semantics' verdict on ``key`` is that it stands (see ``labels``)."""
        return self.labels.get(key) == "in"

    def verdict(self, key: str) -> str | None:
        """The verdict on ``key`` in words: "stands", "falls" or "open" (None if unknown)."""
        label = self.labels.get(key)
        return None if label is None else VERDICT_WORDS[label]

    def __iter__(self) -> Iterator[str]:
        return iter(self.labels or self.strengths)


@paused_collector()
def evaluate(subject: Brief | ArgumentGraph, semantics: str = "grounded") -> Evaluation:
    """Evaluate the map: grounded labels, or DF-QuAD / quadratic-energy strengths and the
    verdicts they give.

    Under a gradual semantics each verdict comes from the strength (see :class:`Evaluation`);
    the grounded labels come along in ``grounded``. Base scores come from each statement's
    ``base_score``, or else its words (:func:`argmap.estimative.base_score`). On a cyclic map the
    gradual semantics stop at a work budget (see :data:`argmap.evaluation.gradual.DEFAULT_MAX_WORK`)
    and say so with ``converged`` false.

    Raises ``ValueError`` for an unknown ``semantics``, and nothing else for any brief.
    """
    from argmap import evaluation as engine
    from argmap.estimative import verdict_label

    framework = to_framework(subject)
    grounded = {key: label.value for key, label in engine.grounded(framework).items()}
    if semantics == "grounded":
        relations: dict[tuple[str, str, str], str | float] = {
            key: label.value for key, label in engine.grounded_relations(framework).items()
        }
        return Evaluation(semantics, grounded, {}, True, grounded, relations)
    if semantics == "dfquad":
        result = engine.dfquad(framework)
    elif semantics == "quadratic-energy":
        result = engine.quadratic_energy(framework)
    else:
        raise ValueError(
            f"unknown semantics {semantics!r}; choose grounded, dfquad or quadratic-energy"
        )
    verdicts = {key: verdict_label(value) for key, value in result.strengths.items()}
    return Evaluation(
        semantics,
        verdicts,
        dict(result.strengths),
        result.converged,
        grounded,
        dict(result.relations),
    )
