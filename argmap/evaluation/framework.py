"""The argumentation framework that every semantics in :mod:`argmap.evaluation` evaluates.

A :class:`Framework` is a bipolar argumentation framework with linked arguments: statements
attack and support statements, a linked argument joins several premises into one reason for a
conclusion, and an attack aimed at an argument is an undercut. The graph code builds one from a
brief; the semantics never look at the brief itself.

Construction validates every reference once and compiles the framework into an integer-indexed
form (:class:`FrameworkIndex`) that all semantics share, so their inner loops index lists instead
of hashing strings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from types import MappingProxyType
from typing import cast

from argmap.errors import ArgmapError

__all__ = [
    "DEFAULT_BASE_SCORE",
    "Framework",
    "FrameworkError",
    "FrameworkIndex",
    "UnknownIdError",
]

DEFAULT_BASE_SCORE = 0.5
"""The base score of a statement that :attr:`Framework.base_scores` does not mention."""


class FrameworkError(ArgmapError, ValueError):
    """A framework is malformed: a duplicate id, an empty argument, a base score outside [0, 1]."""


class UnknownIdError(FrameworkError):
    """A framework refers to an id that is neither one of its statements nor one of its arguments.

    ``unknown_id`` is the id that was not found and ``where`` names the relation that used it.
    """

    def __init__(self, unknown_id: str, where: str) -> None:
        super().__init__(f"{where} refers to unknown id {unknown_id!r}")
        self.unknown_id = unknown_id
        self.where = where


@dataclass(frozen=True)
class Framework:
    """A bipolar argumentation framework with linked arguments, built from a brief.

    ``statements`` are the statement ids. ``arguments`` maps an argument id to its premise ids
    and its conclusion id: a linked argument, whose premises support the conclusion only
    together. ``supports`` are single-premise reasons ``(supporter, supported)`` between
    statements. ``attacks`` are ``(attacker, target)`` pairs whose attacker is a statement and
    whose target is a statement or an argument id (an undercut: it denies the inference, not the
    premises). ``base_scores`` gives a statement's base score in [0, 1] for the gradual
    semantics; a statement it does not mention has :data:`DEFAULT_BASE_SCORE`.

    Statements and arguments share one namespace. Construction copies the mappings into
    read-only views, validates every reference (raising :class:`UnknownIdError` or
    :class:`FrameworkError`) and compiles the integer index the semantics use. Repeated edges
    count once.
    """

    statements: tuple[str, ...]
    arguments: Mapping[str, tuple[tuple[str, ...], str]]
    supports: tuple[tuple[str, str], ...]
    attacks: tuple[tuple[str, str], ...]
    base_scores: Mapping[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Freeze what the caller handed in, so the compiled index cannot go stale behind our back.
        setattr_ = object.__setattr__
        setattr_(self, "statements", tuple(self.statements))
        arguments: dict[str, tuple[tuple[str, ...], str]] = {}
        for aid, value in self.arguments.items():
            try:
                premises, conclusion = value
            except (TypeError, ValueError):
                raise FrameworkError(
                    f"argument {aid!r} must be (premise ids, conclusion id), not {value!r}"
                ) from None
            if isinstance(premises, str):  # a lone id would silently become its characters
                raise FrameworkError(
                    f"the premises of argument {aid!r} must be a sequence of ids, "
                    f"not the string {premises!r}"
                )
            arguments[aid] = (tuple(premises), conclusion)
        setattr_(self, "arguments", MappingProxyType(arguments))
        setattr_(self, "supports", tuple(self.supports))
        setattr_(self, "attacks", tuple(self.attacks))
        setattr_(self, "base_scores", MappingProxyType(dict(self.base_scores)))
        _ = self._index  # validate now: a bad framework fails where it is built

    @cached_property
    def _index(self) -> FrameworkIndex:
        """The compiled, validated form of this framework (built once, at construction)."""
        return FrameworkIndex(self)


class FrameworkIndex:
    """A framework compiled to integer nodes, shared by every semantics.

    Nodes ``0 .. n_statements - 1`` are the statements in the order given, then come the
    arguments in mapping order; ``names[v]`` is node ``v``'s id. Edges are stored as outgoing
    adjacency lists, which is what propagation needs, plus in-degree counts:

    - ``attacks_out[u]``: the statements and arguments ``u`` attacks;
      ``n_attackers[v]``: how many attack ``v``;
    - ``supports_out[u]``: the statements ``u`` is a reason for (a statement's single-premise
      supports; an argument's conclusion); ``n_reasons[v]``: how many reasons ``v`` has;
    - ``premise_of[u]``: the arguments statement ``u`` is a premise of;
      ``n_premises[v]``: how many premises argument ``v`` has.

    Repeated edges and repeated premises count once. The lists are read-only once built.
    """

    __slots__ = (
        "attacks_out",
        "base",
        "id_of",
        "n",
        "n_attackers",
        "n_premises",
        "n_reasons",
        "n_statements",
        "names",
        "premise_of",
        "supports_out",
    )

    def __init__(self, fw: Framework) -> None:
        names = list(fw.statements)
        id_of: dict[str, int] = {}
        for i, sid in enumerate(names):
            if not isinstance(sid, str):
                raise FrameworkError(f"statement id {sid!r} is not a string")
            if id_of.setdefault(sid, i) != i:
                raise FrameworkError(f"statement id {sid!r} appears twice")
        ns = len(names)
        for aid in fw.arguments:
            if not isinstance(aid, str):
                raise FrameworkError(f"argument id {aid!r} is not a string")
            if aid in id_of:
                raise FrameworkError(
                    f"argument id {aid!r} is also a statement id: they share one namespace"
                )
            id_of[aid] = len(names)
            names.append(aid)
        n = len(names)
        get = id_of.get

        attacks_out = _adjacency(n, bool(fw.attacks))
        supports_out = _adjacency(n, bool(fw.supports or fw.arguments))
        premise_of = _adjacency(n, bool(fw.arguments))
        n_attackers = [0] * n
        n_reasons = [0] * n
        n_premises = [0] * n

        for aid, (prems, conclusion) in fw.arguments.items():
            a = id_of[aid]
            c = get(conclusion)
            if c is None or c >= ns:
                raise UnknownIdError(conclusion, f"the conclusion of argument {aid!r}")
            if not prems:
                raise FrameworkError(f"argument {aid!r} has no premises")
            for pid in dict.fromkeys(prems):
                p = get(pid)
                if p is None or p >= ns:
                    raise UnknownIdError(pid, f"a premise of argument {aid!r}")
                premise_of[p].append(a)
                n_premises[a] += 1
            supports_out[a].append(c)
            n_reasons[c] += 1

        src, dst = _resolve(fw.supports, "support", id_of, ns, ns)
        for u, v in zip(src, dst, strict=True):
            supports_out[u].append(v)
            n_reasons[v] += 1
        src, dst = _resolve(fw.attacks, "attack", id_of, ns, n)
        for u, v in zip(src, dst, strict=True):
            attacks_out[u].append(v)
        for v in dst:
            n_attackers[v] += 1

        base = [DEFAULT_BASE_SCORE] * ns
        for sid, score in fw.base_scores.items():
            node = get(sid)
            if node is None or node >= ns:
                raise UnknownIdError(sid, "base_scores")
            try:
                value = float(score)
            except (TypeError, ValueError):
                raise FrameworkError(f"base score {score!r} of {sid!r} is not a number") from None
            if not 0.0 <= value <= 1.0:  # also rejects NaN
                raise FrameworkError(f"base score {score!r} of {sid!r} is not in [0, 1]")
            base[node] = value

        self.names: tuple[str, ...] = tuple(names)
        self.id_of: dict[str, int] = id_of
        self.n: int = n
        self.n_statements: int = ns
        self.base: list[float] = base  # per statement node
        self.attacks_out = attacks_out
        self.supports_out = supports_out
        self.premise_of = premise_of
        self.n_attackers = n_attackers
        self.n_reasons = n_reasons
        self.n_premises = n_premises


def _adjacency(n: int, used: bool) -> list[list[int]]:
    """``n`` empty adjacency lists; when ``used`` is false, ``n`` references to one empty list.

    Sharing saves allocating a list per node for a kind of edge the framework does not have
    (most maps have no linked arguments); nothing appends to it, since there are no such edges.
    """
    if used:
        return [[] for _ in range(n)]
    return [[]] * n


def _resolve(
    pairs: tuple[tuple[str, str], ...],
    kind: str,
    id_of: dict[str, int],
    n_sources: int,
    n_targets: int,
) -> tuple[list[int], list[int]]:
    """Node ids of the distinct ``(source, target)`` pairs, checked against the known ids.

    A source must be one of the first ``n_sources`` nodes and a target one of the first
    ``n_targets`` (statements come first, so this says whether an argument id is allowed).
    The work is done by C-level ``map`` calls; only a failure is looked at pair by pair.
    """
    unique = list(dict.fromkeys(pairs))
    if not unique:
        return [], []
    if set(map(len, unique)) != {2}:
        bad = next(p for p in unique if len(p) != 2)
        raise FrameworkError(f"{kind} {bad!r} is not a pair (source, target)")
    get = id_of.get
    resolved: list[list[int]] = []
    sources = list(map(itemgetter(0), unique))  # much faster than zip(*unique) on large inputs
    targets = list(map(itemgetter(1), unique))
    for names, limit, role in ((sources, n_sources, "source"), (targets, n_targets, "target")):
        found = list(map(get, names))
        if None in found:
            i = found.index(None)
            raise UnknownIdError(names[i], f"{kind} {unique[i]!r}")
        ids = cast("list[int]", found)
        if max(ids) >= limit:
            i = next(i for i, v in enumerate(ids) if v >= limit)
            raise FrameworkError(
                f"{kind} {unique[i]!r}: its {role} {names[i]!r} is an argument, "
                "but only a statement can be one"
            )
        resolved.append(ids)
    return resolved[0], resolved[1]
