"""What a brief argues and what survives: chains of support, and evaluation of the map.

The semantics themselves live in :mod:`argmap.evaluation`, which works on an abstract
framework; this module builds that framework from the :class:`~argmap.graph.ArgumentGraph` and
answers in the brief's own ids.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import accumulate, compress, repeat
from operator import attrgetter, itemgetter
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from argmap.collector import paused_collector
from argmap.estimative import author_voices, base_score_list, base_scores_of
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind
from argmap.model import Brief, SupportRef

if TYPE_CHECKING:
    from argmap.evaluation import Framework, Label

__all__ = [
    "MAX_CHAINS",
    "MAX_CHAIN_STEPS",
    "VERDICT_WORDS",
    "Chain",
    "ChainList",
    "Evaluation",
    "chain_search",
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
    return chain_search(graph, target, limit=limit, max_steps=max_steps, sources={})


def chain_search(
    graph: ArgumentGraph,
    target: str,
    *,
    limit: int,
    max_steps: int,
    sources: dict[str, list[str]],
) -> ChainList:
    """:func:`chains` on a graph, for a caller that searches many targets of one graph:
    ``sources`` holds what supports each node reached (filled as the search goes), so that
    the searches share it. ``target`` must be a node of the graph."""
    order = graph.order
    nodes = graph.nodes
    found: list[tuple[str, ...]] = []
    kinds = (EdgeKind.SUPPORT, EdgeKind.PREMISE, EdgeKind.CONCLUSION)
    argument = NodeKind.ARGUMENT

    def backwards(node: str) -> list[str]:
        known = sorted({e.source for e in graph.incoming(node) if e.kind in kinds},
                       key=order.__getitem__)
        sources[node] = known
        return known

    # A path is short, so a test of the tuple finds a repeated id as fast as a set would, and
    # nothing is built per step but the longer path.
    stack: list[tuple[str, tuple[str, ...]]] = [(target, (target,))]
    steps = 0
    while stack and len(found) < limit and steps < max_steps:
        steps += 1
        node, path = stack.pop()
        known = sources.get(node)
        if known is None:
            known = backwards(node)
        fresh = [s for s in known if s not in path]
        if not fresh:
            if len(path) > 1 and nodes[node].kind is not argument:
                found.append(path[::-1])
            continue
        for source in reversed(fresh):
            stack.append((source, (*path, source)))
    found.sort(key=lambda chain: (len(chain), [order[s] for s in chain]))
    return ChainList([Chain(chain) for chain in found], complete=not stack, steps=steps)


@paused_collector()
def to_framework(subject: Brief | ArgumentGraph, *, scores: bool = True) -> Framework:
    """The bipolar framework that evaluation works on.

    From a graph, it is read off the graph's edges; from a brief, it is read straight from the
    brief by :func:`_framework_of_brief`, with the same result (a property test holds the two
    equal) at a fraction of the cost of building the whole graph. With ``scores`` false the
    framework has no base scores (grounded semantics reads none), which saves computing them.
    """
    if not isinstance(subject, ArgumentGraph):
        return _framework_of_brief(subject, scores=scores)
    from argmap.evaluation import Framework

    graph = subject
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
    spread_supports, spread_attacks = _same_and_opposed(
        [(e.source, e.target) for e in graph.oppositions],
        [(e.source, e.target) for e in graph.equivalences],
        tuple(supports),
        tuple(attacks),
    )
    # An explicit base_score, or else what the statement's words say, or else a plain
    # assertion's or proposal's score tempered by whose voice it is in (argmap.estimative).
    base_scores = base_scores_of(
        ((node.id, node.item) for node in graph.statements()), author_voices(graph.brief)
    ) if scores else {}
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


_STATEMENT, _ARGUMENT, _QUESTION = 0, 1, 2


def _framework_of_brief(brief: Brief, *, scores: bool = True) -> Framework:
    """``to_framework(ArgumentGraph(brief))``, read straight from the brief.

    Evaluation needs only the relations, not the graph's nodes, paths, adjacency and dangling
    references, which cost most of the time. This follows the graph's rules exactly: the first
    of two entries with one id wins; a reference counts only when its target exists and has a
    kind the field takes (a statement, or for ``attacks`` also an argument, for a string under
    ``undercuts`` an argument); ``{support: A, to: B}`` and ``{attack: A, to: B}`` count only
    for a relation the brief states, and ``{support: G, to: C}`` for an argument ``G``
    concluding ``C`` is an attack on ``G``; an argument with no premise or no conclusion is left
    out, with the attacks on it. The relations keep the order in which the graph lists them.
    """
    from argmap.evaluation import Framework

    statements: list[tuple[str, Any]] = [
        *brief.claims.items(), *brief.premises.items(), *brief.objections.items(),
        *brief.recommendations.items(),
    ]
    keys = list(map(_FIRST, statements))
    node_of = dict(zip(keys, range(len(keys)), strict=True))  # each statement's node id
    if len(node_of) != len(statements):  # an id in two sections: the first one counts
        kept = dict(reversed(statements))
        keys = list(dict.fromkeys(keys))
        statements = list(zip(keys, map(kept.__getitem__, keys), strict=True))
        node_of = dict(zip(keys, range(len(keys)), strict=True))
    others: dict[str, int] = {}  # the kind of every id that is not a statement's
    argument_items: list[tuple[str, Any]] = []
    for key, linked in brief.arguments.items():
        if key not in node_of:
            others[key] = _ARGUMENT
            argument_items.append((key, linked))
    for key in brief.questions:
        if key not in node_of:
            others.setdefault(key, _QUESTION)

    def kind(key: str) -> int | None:
        return _STATEMENT if key in node_of else others.get(key)

    quick = _plain_framework(brief, statements, node_of, argument_items, kind, scores=scores)
    if quick is not None:
        return quick

    # Kinds in one mapping, for the C-level passes below.
    kinds: dict[str, int] = dict.fromkeys(keys, _STATEMENT)
    kinds.update(others)
    kind_of = kinds.get
    statement, argument = _STATEMENT, _ARGUMENT

    # Supports and attacks are gathered unchecked, a C-level extend per statement, and their
    # targets checked afterwards in one C-level pass each: a large brief has hundreds of
    # thousands of them, and a Python step for each would be most of the cost.
    supports: list[tuple[str, str]] = []
    attacks: list[tuple[str, str]] = []
    rare = _Rare()
    for key, item in statements:
        fields = item.__dict__  # a pydantic model's values: cheaper to read than attributes
        supports.extend(zip(repeat(key), fields["supports"]))
        attacks.extend(zip(repeat(key), fields["attacks"]))
        if any(_RARE(fields)):
            rare.gather(key, item, kind_of, attacks)
    supports = list(compress(supports, map(
        (statement,).__contains__, map(kind_of, map(itemgetter(1), supports)))))
    attacks = list(compress(attacks, map(
        (statement, argument).__contains__, map(kind_of, map(itemgetter(1), attacks)))))

    arguments, conclusions = _linked(argument_items, kind_of)

    undercuts: list[tuple[str, tuple[str, str, str]]] = []
    if rare.pending:
        pairs = {"support": set(supports), "attack": set(attacks)}
        undercuts, late_attacks = _undercuts(
            rare.pending, kind_of, arguments, conclusions,
            lambda kind, source, target: (source, target) in pairs[kind])
        attacks.extend(late_attacks)
    # An argument left out (no premise or no conclusion) takes the attacks on it along.
    left_out = {key for key, _ in argument_items if key not in arguments}
    kept_attacks = (tuple(pair for pair in attacks if pair[1] not in left_out) if left_out
                    else tuple(attacks))
    spread_supports, spread_attacks = _same_and_opposed(
        rare.oppositions, rare.equivalences, tuple(supports), kept_attacks)
    base_scores = base_scores_of(statements, author_voices(brief)) if scores else {}
    return Framework(
        tuple(key for key, _ in statements),
        arguments,
        spread_supports,
        spread_attacks,
        base_scores,
        tuple(rare.preferences),
        tuple(rare.concessions),
        tuple(undercuts),
    )


def _plain_framework(
    brief: Brief,
    statements: list[tuple[str, Any]],
    node_of: dict[str, int],
    argument_items: list[tuple[str, Any]],
    kind_of: Callable[[str], int | None],
    *,
    scores: bool,
) -> Framework | None:
    """:func:`_framework_of_brief` for a brief whose relations need no sorting out, with every
    id found once: None when the brief has a reference that does not resolve (or names a
    kind its field does not take), ``rephrases``, ``contrary`` or ``contradicts``, or an
    undercut that turns into an attack on an argument. (A target a statement names twice
    counts once: the framework's index sees to that.)

    ``node_of`` gives each of the ``statements`` its node id, in order; ``kind_of`` says what
    an id names. A large brief is mostly statements with a few supports and attacks each.
    Their targets are looked up in one C-level pass over all of them, which both checks and
    resolves them, and each statement's resolved targets are its adjacency row as they stand.
    """
    from argmap.evaluation import Framework
    from argmap.evaluation.framework import _NODE, _Edges, _Prepared

    ns = len(statements)
    fields = list(map(_FIELDS, map(_SECOND, statements)))
    rare = _Rare()
    argument_attacks: list[tuple[str, str]] = []  # undercuts naming an argument: attacks
    for i in compress(range(ns), map(any, map(_RARE, fields))):
        rare.gather(*statements[i], kind_of, argument_attacks)
    if rare.equivalences or rare.oppositions or argument_attacks:
        return None  # to be spread, or attacks among a statement's own, out of their order
    arguments, conclusions = _linked(argument_items, kind_of)
    if len(arguments) != len(argument_items):
        return None  # an argument left out takes the attacks on it along
    keys = list(node_of)
    id_of = node_of  # the statements' node ids, then the arguments' (kind_of reads node_of)
    if arguments:
        id_of = {**node_of, **dict(zip(arguments, range(ns, ns + len(arguments)), strict=True))}
    resolved: list[_Edges] = []
    for lists, limit in ((list(map(_SUPPORTS, fields)), ns),
                         (list(map(_ATTACKS, fields)), ns + len(arguments))):
        targets: list[str] = []
        deque(map(targets.extend, lists), maxlen=0)  # twice as quick as chain.from_iterable
        try:
            found = list(map(id_of.__getitem__, targets))  # quicker than .get, by a sixth
        except KeyError:
            return None
        # Only arguments have ids from ns on, and an attack may name one.
        if arguments and limit == ns and found and max(found) >= limit:
            return None  # a support of an argument, where only a statement can be
        dst = array(_NODE, found)  # an array from a list is quicker than from the map
        resolved.append(_Edges(None, dst, list(accumulate(map(len, lists), initial=0))))
    undercuts, late_attacks = _undercuts(
        rare.pending, kind_of, arguments, conclusions,
        # Every reference resolves here: a relation is stated when its source lists it.
        lambda kind, source, target: target in fields[id_of[source]][kind + "s"])
    if late_attacks:
        return None  # attacks on arguments, after all the others
    base = cast("list[float]", base_score_list(list(map(_SECOND, statements)),
                                               author_voices(brief), fields)) if scores else None
    return Framework._prepared(
        _Prepared(id_of, resolved[0], resolved[1], base),
        statements=tuple(keys),
        arguments=MappingProxyType(arguments),
        **({} if scores else {"base_scores": MappingProxyType({})}),
        preferences=tuple(rare.preferences),
        concessions=tuple(rare.concessions),
        undercuts=tuple(undercuts),
    )


class _Rare:
    """The relations few statements have, gathered statement by statement for both routes
    from a brief to its framework: each keeps only references to a statement (an undercut
    naming an argument is an attack on it, added to the caller's attacks where it stands),
    and an undercut of a single relation waits in ``pending`` until the relations are known."""

    __slots__ = ("concessions", "equivalences", "oppositions", "pending", "preferences")

    def __init__(self) -> None:
        self.concessions: list[tuple[str, str]] = []
        self.preferences: list[tuple[str, str]] = []
        self.equivalences: list[tuple[str, str]] = []
        self.oppositions: list[tuple[str, str]] = []
        self.pending: list[tuple[str, Any]] = []

    def gather(self, key: str, item: Any, kind_of: Callable[[str], int | None],
               attacks: list[tuple[str, str]]) -> None:
        # A statement that has one of these fields seldom has two: an empty one costs a test.
        fields = item.__dict__
        for name, found in (("concedes", self.concessions), ("outweighs", self.preferences),
                            ("rephrases", self.equivalences), ("contrary", self.oppositions),
                            ("contradicts", self.oppositions)):
            if targets := fields[name]:
                found.extend((key, t) for t in targets if kind_of(t) == _STATEMENT)
        for entry in fields["undercuts"]:
            if not isinstance(entry, str):
                self.pending.append((key, entry))
            elif kind_of(entry) == _ARGUMENT:
                attacks.append((key, entry))


def _undercuts(
    pending: list[tuple[str, Any]],
    kind_of: Callable[[str], int | None],
    arguments: dict[str, tuple[tuple[str, ...], str]],
    conclusions: dict[str, str],
    stated: Callable[[str, str, str], bool],
) -> tuple[list[tuple[str, tuple[str, str, str]]], list[tuple[str, str]]]:
    """The undercuts of single relations that count, as ``(undercutter, (kind, source,
    target))``, and the attacks on arguments some of them turn out to be: an undercut of the
    support an argument gives its conclusion. ``stated(kind, source, target)`` says whether
    the brief states that relation (its ends already known to be of the right kinds)."""
    undercuts: list[tuple[str, tuple[str, str, str]]] = []
    late_attacks: list[tuple[str, str]] = []
    for owner, entry in pending:
        kind = "support" if isinstance(entry, SupportRef) else "attack"
        source, target = entry.source, entry.to
        source_kind, target_kind = kind_of(source), kind_of(target)
        if kind == "support":
            fits = source_kind in (_STATEMENT, _ARGUMENT) and target_kind == _STATEMENT
        else:
            fits = source_kind == _STATEMENT and target_kind in (_STATEMENT, _ARGUMENT)
        if not fits:
            continue
        if kind == "support" and source_kind == _ARGUMENT:
            if conclusions.get(source) == target:
                late_attacks.append((owner, source))
            continue  # an argument's support is its conclusion, never a stated support
        if stated(kind, source, target) and (target_kind != _ARGUMENT or target in arguments):
            undercuts.append((owner, (kind, source, target)))
    return undercuts, late_attacks


def _linked(
    argument_items: list[tuple[str, Any]], kind_of: Callable[[str], int | None]
) -> tuple[dict[str, tuple[tuple[str, ...], str]], dict[str, str]]:
    """The linked arguments evaluation keeps, as (premises, conclusion), and the conclusion of
    every argument whose conclusion is a statement (kept or not: an undercut may name it)."""
    arguments: dict[str, tuple[tuple[str, ...], str]] = {}
    conclusions: dict[str, str] = {}
    for key, linked in argument_items:
        if kind_of(linked.conclusion) != _STATEMENT:
            continue
        conclusions[key] = linked.conclusion
        premises = tuple(p for p in linked.premises if kind_of(p) == _STATEMENT)
        if premises:
            arguments[key] = (premises, linked.conclusion)
    return arguments, conclusions


_FIRST, _SECOND, _FIELDS = itemgetter(0), itemgetter(1), attrgetter("__dict__")
_SUPPORTS, _ATTACKS = itemgetter("supports"), itemgetter("attacks")
_RARE = itemgetter("concedes", "outweighs", "undercuts", "rephrases", "contrary", "contradicts")


def _same_and_opposed(
    oppositions: list[tuple[str, str]],
    equivalences: list[tuple[str, str]],
    supports: tuple[tuple[str, str], ...],
    attacks: tuple[tuple[str, str], ...],
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """Contrary and contradictory statements attack each other; statements that rephrase each
    other are one: each has the supporters, attackers and targets of every other (see
    docs/semantics.md)."""
    if not oppositions and not equivalences:
        return supports, attacks
    opposed = [pair for a, b in oppositions for pair in ((a, b), (b, a))]
    attacks = (*attacks, *opposed)
    if not equivalences:
        return supports, attacks
    parent: dict[str, str] = {}

    def root(key: str) -> str:
        while parent.get(key, key) != key:
            key = parent[key]
        return key

    for a, b in equivalences:
        parent.setdefault(a, a)
        parent.setdefault(b, b)
        parent[root(a)] = root(b)
    members: dict[str, list[str]] = {}
    for key in parent:
        members.setdefault(root(key), []).append(key)

    def same(key: str) -> list[str]:
        return members[root(key)] if key in parent else [key]

    def spread(pairs: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        # A pair the brief states stays, even from a statement to itself (an undercut may name
        # it); spreading adds no pair from a statement to itself.
        return tuple(dict.fromkeys(
            (a, b) for x, y in pairs for a in same(x) for b in same(y)
            if a != b or (a == x and b == y)))

    return spread(supports), spread(attacks)


# A label is a ``str`` enum, equal to and hashed like its text: looking it up here gives the
# plain text at C speed, where reading ``.value`` runs Python code for every statement.
_LABEL_TEXT = {"in": "in", "out": "out", "undec": "undec"}


def _label_texts(labels: dict[str, Label]) -> dict[str, str]:
    """Grounded labels as plain text: ``"in"``, ``"out"`` or ``"undec"``."""
    return dict(zip(labels.keys(), map(_LABEL_TEXT.__getitem__, labels.values()), strict=True))


def grounded_labels(subject: Brief | ArgumentGraph) -> dict[str, str]:
    """The grounded label of every statement and argument: ``"in"``, ``"out"`` or ``"undec"``."""
    from argmap.evaluation import grounded

    return _label_texts(grounded(to_framework(subject, scores=False)))


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
    from argmap.estimative import verdict_labels

    # Grounded semantics reads no base scores, so it does not compute them.
    framework = to_framework(subject, scores=semantics != "grounded")
    grounded = _label_texts(engine.grounded(framework))
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
    verdicts = verdict_labels(result.strengths)
    return Evaluation(
        semantics,
        verdicts,
        dict(result.strengths),
        result.converged,
        grounded,
        dict(result.relations),
    )
