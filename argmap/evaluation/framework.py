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

import math
from array import array
from collections import deque
from collections.abc import Callable, Collection, Hashable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain, compress, islice, repeat
from operator import itemgetter, sub
from types import MappingProxyType
from typing import TYPE_CHECKING, NamedTuple, TypeVar, cast

from argmap.collector import paused_collector
from argmap.errors import ArgmapError

__all__ = [
    "DEFAULT_BASE_SCORE",
    "Framework",
    "FrameworkError",
    "FrameworkIndex",
    "RelationKey",
    "UnknownIdError",
]

T = TypeVar("T")

DEFAULT_BASE_SCORE = 0.5
"""The base score of a statement that :attr:`Framework.base_scores` does not mention."""

_NODE = "i"
"""The type code of the index's rows of node ids: C ints in one buffer, which a pass over
hundreds of thousands of them reads in order, instead of following a pointer to each."""


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


RelationKey = tuple[str, str, str]
"""A support or an attack named by its kind and its ends: ``("support", a, b)``,
``("attack", a, b)``. (:class:`argmap.graph.Relation` is one.)"""


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

    Three relations weigh rather than refute (docs/semantics.md defines them):

    - ``preferences``: ``(stronger, weaker)`` statement pairs, closed under transitivity. An
      attack from ``a`` on ``b`` does not defeat ``b`` when ``b`` is strictly preferred to ``a``
      (Amgoud and Cayrol 2002).
    - ``concessions``: ``(conceder, conceded)`` statement pairs. The conceded statement is not
      attacked; the conceder undercuts each of its attacks (and its undercuts), so they do not
      defeat while the conceder stands.
    - ``undercuts``: ``(undercutter, relation)`` pairs, the relation a support
      ``("support", a, b)`` or an attack ``("attack", a, b)`` of this framework: the undercutter
      denies that one inference (attacks on attacks as in AFRA, Baroni et al. 2011).

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
    preferences: tuple[tuple[str, str], ...] = ()
    concessions: tuple[tuple[str, str], ...] = ()
    undercuts: tuple[tuple[str, RelationKey], ...] = ()

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
        setattr_(self, "preferences", tuple(self.preferences))
        setattr_(self, "concessions", tuple(self.concessions))
        setattr_(self, "undercuts", tuple(self.undercuts))
        with paused_collector():  # a large framework is a million small objects, no cycles
            _ = self._index  # validate now: a bad framework fails where it is built

    @classmethod
    def _prepared(cls, prepared: _Prepared, /, **fields: object) -> Framework:
        """A framework whose statement ids, supports and attacks are already resolved.

        For argmap's own builders, which find every id while gathering the relations. The
        ``fields`` are the constructor's but ``supports`` and ``attacks`` (and ``base_scores``
        when ``prepared`` has them), as tuples and read-only mappings; ``prepared`` has the ids
        of the statements (and of the arguments, after them), the supports and attacks as pairs
        of node ids (see :class:`_Edges`), every source a statement and every target of a kind
        the relation takes, and perhaps every statement's base score in order, each in [0, 1].
        Nothing here checks those again; the rest is built and validated as the constructor
        does.

        Those fields are spelled out (as id pairs, and a mapping of scores) the first time
        they are read: evaluation itself never reads them, and a large brief has hundreds of
        thousands of relations.
        """
        fw = cls.__new__(cls)
        for name, value in fields.items():
            object.__setattr__(fw, name, value)
        unspelled: dict[str, object] = {"supports": prepared.supports, "attacks": prepared.attacks}
        if prepared.base is not None:
            unspelled["base_scores"] = prepared.base
        fw.__dict__["_unspelled"] = unspelled
        with paused_collector():
            fw.__dict__["_index"] = FrameworkIndex(fw, prepared)
        return fw

    if not TYPE_CHECKING:  # to the type checker, the fields are plain attributes

        def __getattr__(self, name: str) -> object:
            # Reached only for an attribute the instance lacks: a field _prepared left unspelled.
            data = self.__dict__.get("_unspelled", {}).get(name)
            index = self.__dict__.get("_index")
            if data is None or index is None:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            value: object
            if isinstance(data, _Edges):
                spell = index.names.__getitem__
                value = tuple(zip(map(spell, data.src), map(spell, data.dst), strict=True))
            else:  # the base scores, in statement order
                value = MappingProxyType(dict(zip(self.statements, data, strict=True)))
            object.__setattr__(self, name, value)
            # A new dict, not a deletion: a shallow copy of the framework shares the old one.
            unspelled = self.__dict__["_unspelled"]
            self.__dict__["_unspelled"] = {k: v for k, v in unspelled.items() if k != name}
            return value

    @cached_property
    def _index(self) -> FrameworkIndex:
        """The compiled, validated form of this framework (built once, at construction)."""
        return FrameworkIndex(self)


class _Edges:
    """Relations resolved to node ids, ``src[i]`` to ``dst[i]``.

    With ``starts``, the first ``starts[-1]`` of them are grouped by source statement in node
    order: statement ``u``'s are those from ``starts[u]`` to ``starts[u + 1]`` (``starts`` has
    one entry per statement, and one more). Their sources are then implied, and ``src`` is
    built only when something asks for it. A grouped pair may repeat within its group (a
    statement that names a target twice); all other pairs are distinct.
    """

    __slots__ = ("_src", "dst", "starts")

    def __init__(
        self, src: list[int] | None, dst: array[int], starts: list[int] | None = None
    ) -> None:
        if src is None and starts is None:
            raise ValueError("edges need their sources or their grouping")
        self._src = src
        self.dst = dst
        self.starts = starts

    @property
    def src(self) -> list[int]:
        if self._src is None:
            starts = cast("list[int]", self.starts)
            counts = map(sub, islice(starts, 1, None), starts)
            self._src = list(chain.from_iterable(map(repeat, range(len(starts) - 1), counts)))
        return self._src

    def copy(self) -> _Edges:
        return _Edges(None if self._src is None else list(self._src), self.dst[:], self.starts)

    def append(self, u: int, v: int) -> None:
        self.src.append(u)
        self.dst.append(v)

    def grouped(self) -> int:
        """How many pairs the grouping covers (they come first)."""
        return self.starts[-1] if self.starts else 0

    def ungrouped(self) -> Iterator[tuple[int, int]]:
        """The pairs after the grouped ones (all of them, without a grouping)."""
        done = self.grouped()
        if done == len(self.dst):
            return iter(())
        return zip(islice(self.src, done, None), islice(self.dst, done, None), strict=True)

    def pairs_from(self, sources: Collection[int | None]) -> set[tuple[int, int]]:
        """The pairs whose source is one of ``sources``: read off the grouping for the
        grouped ones, found by a C-level scan otherwise."""
        found: set[tuple[int, int]] = set()
        done, dst = self.grouped(), self.dst
        if done:
            starts = cast("list[int]", self.starts)
            ns = len(starts) - 1
            for u in sources:
                if u is not None and 0 <= u < ns:
                    found.update(zip(repeat(u), dst[starts[u]:starts[u + 1]]))
        if done < len(dst):
            src = self.src
            tail = islice(src, done, None)
            picked = compress(range(done, len(dst)), map(sources.__contains__, tail))
            found.update((src[i], dst[i]) for i in picked)
        return found


class _Prepared(NamedTuple):
    """What a builder hands :meth:`Framework._prepared`: every statement's and argument's node
    id, the supports and attacks resolved, and perhaps the statements' base scores in order."""

    id_of: dict[str, int]
    supports: _Edges
    attacks: _Edges
    base: list[float] | None = None


class FrameworkIndex:
    """A framework compiled to integer nodes, shared by every semantics.

    Nodes ``0 .. n_statements - 1`` are the statements in the order given, then come the
    arguments in mapping order (``n_named`` nodes in all; ``names[v]`` is node ``v``'s id), then
    one *link* node for every relation that something undercuts or concedes: a support, an
    attack, or an undercut of the conceded statement. A link behaves exactly like a one-premise
    argument (its premise is the relation's source, its attackers are the undercutters) whose
    output is the relation itself: a link for a support is a reason for the supported statement,
    a link for an attack attacks the attacked node. ``links[i]`` names link node
    ``n_named + i``. Edges are stored as outgoing adjacency rows, which is what propagation
    needs, plus in-degree counts. The rows of ``attacks_out`` and ``supports_out`` are arrays
    of C ints (type code ``"i"``), the rows of ``premise_of`` lists; iterate them, do not
    compare them with lists:

    - ``attacks_out[u]``: the nodes ``u`` attacks (or undercuts); ``n_attackers[v]``: how many
      attack ``v``;
    - ``supports_out[u]``: the statements ``u`` is a reason for (a statement's single-premise
      supports; an argument's conclusion; a support link's target); ``n_reasons[v]``: how many
      reasons ``v`` has;
    - ``premise_of[u]``: the arguments and links statement ``u`` is a premise of;
      ``n_premises[v]``: how many premises argument or link ``v`` has.

    An attack cancelled by a preference is left out; ``cancelled`` holds it. Repeated edges and
    repeated premises count once. The rows and lists are read-only once built.
    """

    __slots__ = (
        "attacks_out",
        "base",
        "cancelled",
        "id_of",
        "link_of",
        "links",
        "n",
        "n_attackers",
        "n_named",
        "n_premises",
        "n_reasons",
        "n_statements",
        "names",
        "premise_of",
        "supports_out",
    )

    def __init__(self, fw: Framework, prepared: _Prepared | None = None) -> None:
        names = list(fw.statements)
        ns = len(names)
        if prepared is None:
            id_of = _ids_of(names, fw.arguments)
        else:
            id_of = prepared.id_of
            names.extend(fw.arguments)
        n_named = len(names)
        get = id_of.get

        conclusions: list[int] = []
        argument_premises: list[list[int]] = []
        for aid, (prems, conclusion) in fw.arguments.items():
            c = get(conclusion)
            if c is None or c >= ns:
                raise UnknownIdError(conclusion, f"the conclusion of argument {aid!r}")
            if not prems:
                raise FrameworkError(f"argument {aid!r} has no premises")
            premise_ids: list[int] = []
            for pid in dict.fromkeys(prems):
                p = get(pid)
                if p is None or p >= ns:
                    raise UnknownIdError(pid, f"a premise of argument {aid!r}")
                premise_ids.append(p)
            argument_premises.append(premise_ids)
            conclusions.append(c)

        if prepared is None:
            supports = _Edges(*_resolve(fw.supports, "support", id_of, ns, ns))
            attacks = _Edges(*_resolve(fw.attacks, "attack", id_of, ns, n_named))
        else:
            # Copies: linking appends to the lists, and the framework spells its fields from them.
            supports, attacks = prepared.supports.copy(), prepared.attacks.copy()
        s_dst, a_dst = supports.dst, attacks.dst

        cancelled: set[tuple[int, int]] = set()
        if fw.preferences:
            stronger = _strict_preference(fw.preferences, id_of, ns)
            # Only an attack on a statement preferred to something, by a statement something is
            # preferred to, can be cancelled: only the attacks of those are looked at.
            preferred = {_lookup(id_of, pair[0]) for pair in fw.preferences}
            dispreferred = {_lookup(id_of, pair[1]) for pair in fw.preferences}
            cancelled = {
                (u, v) for u, v in attacks.pairs_from(dispreferred)
                if v in preferred and stronger(v, u)
            }

        # Links: the relations something undercuts or concedes, each a node of its own.
        links: list[tuple[str, int, int]] = []  # (kind, source node, target node)
        link_of: dict[tuple[str, int, int], int] = {}
        undercut_edges: list[tuple[int, int]] = []  # (undercutter, link node)
        if fw.undercuts or fw.concessions:
            self._link_relations(
                fw, id_of, ns, n_named, supports, attacks, conclusions,
                links, link_of, undercut_edges,
            )
        n = n_named + len(links)

        has_links = bool(links)
        attacks_out = _adjacency(n, bool(a_dst) or has_links, a_dst, attacks.starts)
        supports_out = _adjacency(n, bool(s_dst or fw.arguments), s_dst, supports.starts)
        premises_of: dict[int, list[int]] = {}  # few statements are premises: kept sparse
        n_attackers = [0] * n
        n_reasons = [0] * n
        n_premises = [0] * n

        for a, (premise_ids, c) in enumerate(
            zip(argument_premises, conclusions, strict=True), start=ns
        ):
            for p in premise_ids:
                premises_of.setdefault(p, []).append(a)
            n_premises[a] = len(premise_ids)
            supports_out[a].append(c)
            n_reasons[c] += 1

        # Every edge first, by the loops that do least a pair; then the few that links carry
        # instead, or that a preference cancels, are taken out again. Removing keeps the order
        # of the rest, so the lists are what filtering pair by pair would give.
        for u, v in supports.ungrouped():
            supports_out[u].append(v)
        _count_targets(supports_out, supports, n_reasons)
        for u, v in attacks.ungrouped():
            attacks_out[u].append(v)
        _count_targets(attacks_out, attacks, n_attackers)
        for kind, u, v in links:
            if kind == "support":
                supports_out[u].remove(v)
                n_reasons[v] -= 1
        for u, v in cancelled.union((u, v) for kind, u, v in links if kind == "attack"):
            attacks_out[u].remove(v)
            n_attackers[v] -= 1

        for i, (kind, u, v) in enumerate(links):
            node = n_named + i
            premises_of.setdefault(u, []).append(node)
            n_premises[node] = 1
            if kind == "support":
                supports_out[node].append(v)
                n_reasons[v] += 1
            elif kind == "undercut" or (u, v) not in cancelled:
                attacks_out[node].append(v)
                n_attackers[v] += 1
        for u, node in dict.fromkeys(undercut_edges):
            attacks_out[u].append(node)
            n_attackers[node] += 1

        if prepared is not None and prepared.base is not None:
            base = prepared.base
        else:
            base = [DEFAULT_BASE_SCORE] * ns
            if not _fill_base_scores(base, fw.base_scores, get, names[:ns]):
                self._check_base_scores(fw.base_scores, get, ns)  # says what is wrong

        self.names: tuple[str, ...] = tuple(names)
        self.id_of: dict[str, int] = id_of
        self.n: int = n
        self.n_named: int = n_named
        self.n_statements: int = ns
        self.base: list[float] = base  # per statement node
        self.attacks_out = attacks_out
        self.supports_out = supports_out
        self.premise_of = _sparse(n, premises_of)
        self.n_attackers = n_attackers
        self.n_reasons = n_reasons
        self.n_premises = n_premises
        self.links: tuple[tuple[str, int, int], ...] = tuple(links)
        self.link_of: dict[tuple[str, int, int], int] = link_of
        self.cancelled: frozenset[tuple[int, int]] = frozenset(cancelled)

    @staticmethod
    def _check_base_scores(
        scores: Mapping[str, float], get: Callable[[str], int | None], ns: int
    ) -> None:
        """Raise for the first base score that names no statement or is no number in [0, 1]."""
        for sid, score in scores.items():
            found = get(sid)
            if found is None or found >= ns:
                raise UnknownIdError(sid, "base_scores")
            try:
                value = float(score)
            except (TypeError, ValueError):
                raise FrameworkError(f"base score {score!r} of {sid!r} is not a number") from None
            if not 0.0 <= value <= 1.0:  # also rejects NaN
                raise FrameworkError(f"base score {score!r} of {sid!r} is not in [0, 1]")
        raise AssertionError("base scores rejected, but none is wrong")  # pragma: no cover

    @staticmethod
    def _link_relations(
        fw: Framework,
        id_of: dict[str, int],
        ns: int,
        n_named: int,
        support_edges: _Edges,
        attack_edges: _Edges,
        conclusions: list[int],
        links: list[tuple[str, int, int]],
        link_of: dict[tuple[str, int, int], int],
        undercut_edges: list[tuple[int, int]],
    ) -> None:
        """Give every undercut or conceded relation a link node, and record who attacks it.

        A link for an undercut of the conceded statement has kind ``"undercut"``: its source is
        the conceded statement, its target the link it undercuts.
        """
        get = id_of.get

        def link(kind: str, u: int, v: int) -> int:
            key = (kind, u, v)
            node = link_of.get(key)
            if node is None:
                node = link_of[key] = n_named + len(links)
                links.append(key)
            return node

        def statement(sid: object, what: str, entry: object) -> int:
            found = get(sid) if isinstance(sid, str) else None
            if found is None:
                raise UnknownIdError(str(sid), f"{what} {entry!r}")
            if found >= ns:
                raise FrameworkError(f"{what} {entry!r}: {sid!r} is an argument, not a statement")
            return found

        # Only the relations the undercuts and concessions name are looked up: sets of the
        # pairs from their sources, found with C-level scans.
        sources: set[int | None] = set()
        for entry in fw.undercuts:  # malformed entries are reported below
            if isinstance(entry, tuple) and len(entry) == 2:
                sources.add(_lookup(id_of, entry[0]))
                if isinstance(entry[1], tuple) and len(entry[1]) == 3:
                    sources.add(_lookup(id_of, entry[1][1]))
        for pair in fw.concessions:
            if isinstance(pair, tuple) and len(pair) == 2:
                sources.add(_lookup(id_of, pair[1]))
        sources.discard(None)

        supports = support_edges.pairs_from(sources)
        attacks = attack_edges.pairs_from(sources)
        stated: list[tuple[int, int]] = []  # (undercutter, link) from fw.undercuts
        for entry in _distinct(fw.undercuts, "undercut"):
            try:
                who, (kind, source, target) = entry
            except (TypeError, ValueError):
                raise FrameworkError(
                    f"undercut {entry!r} must be (undercutter, (kind, source, target))"
                ) from None
            # The entry is named only in an error: its repr is not built for every undercut.
            c = statement(who, "undercut", entry)
            u, v = get(source), get(target)
            if u is None:
                raise UnknownIdError(str(source), f"undercut {entry!r}")
            if v is None:
                raise UnknownIdError(str(target), f"undercut {entry!r}")
            if kind == "support":
                if ns <= u < n_named and conclusions[u - ns] == v:
                    # The support an argument gives is the argument: an ordinary undercut.
                    if (c, u) not in attacks:
                        attacks.add((c, u))
                        attack_edges.append(c, u)
                    continue
                if (u, v) not in supports:
                    raise FrameworkError(
                        f"undercut {entry!r} names a support the framework does not have")
            elif kind == "attack":
                if (u, v) not in attacks:
                    raise FrameworkError(
                        f"undercut {entry!r} names an attack the framework does not have")
            else:
                raise FrameworkError(f"undercut {entry!r}: the kind must be 'support' or 'attack'")
            stated.append((c, link(str(kind), u, v)))

        if fw.concessions:
            attacks_by: dict[int, list[int]] = {}
            for u, v in attacks:
                attacks_by.setdefault(u, []).append(v)
            undercuts_by: dict[int, list[int]] = {}
            for c, node in stated:
                undercuts_by.setdefault(c, []).append(node)
            conceded_undercuts: set[tuple[int, int]] = set()
            for pair in _distinct(fw.concessions, "concession"):
                try:
                    who, whom = pair
                except (TypeError, ValueError):
                    raise FrameworkError(
                        f"concession {pair!r} is not a pair (conceder, conceded)"
                    ) from None
                c, x = statement(who, "concession", pair), statement(whom, "concession", pair)
                for v in sorted(attacks_by.get(x, ())):
                    undercut_edges.append((c, link("attack", x, v)))
                for node in undercuts_by.get(x, ()):
                    conceded_undercuts.add((x, node))
                    undercut_edges.append((c, link("undercut", x, node)))
            # A conceded undercut acts only through its link (whose output is the undercut).
            stated = [pair for pair in stated if pair not in conceded_undercuts]
        undercut_edges.extend(stated)


def _ids_of(names: list[str], arguments: Mapping[str, object]) -> dict[str, int]:
    """The node id of every statement (in order) and argument (after them), appending the
    arguments to ``names``; a :class:`FrameworkError` for an id that is no string or is taken."""
    id_of: dict[str, int] = {}
    for i, sid in enumerate(names):
        if not isinstance(sid, str):
            raise FrameworkError(f"statement id {sid!r} is not a string")
        if id_of.setdefault(sid, i) != i:
            raise FrameworkError(f"statement id {sid!r} appears twice")
    for aid in arguments:
        if not isinstance(aid, str):
            raise FrameworkError(f"argument id {aid!r} is not a string")
        if aid in id_of:
            raise FrameworkError(
                f"argument id {aid!r} is also a statement id: they share one namespace"
            )
        id_of[aid] = len(names)
        names.append(aid)
    return id_of


def _lookup(id_of: dict[str, int], value: object) -> int | None:
    return id_of.get(value) if isinstance(value, str) else None


def _distinct(items: tuple[T, ...], what: str) -> list[T]:
    """The items without repeats, or a :class:`FrameworkError` for one that cannot be compared."""
    try:
        return list(dict.fromkeys(items))
    except TypeError:
        bad = next(i for i in items if not isinstance(i, Hashable))
        raise FrameworkError(f"{what} {bad!r} must be a tuple") from None


def _strict_preference(
    pairs: tuple[tuple[str, str], ...], id_of: dict[str, int], ns: int
) -> Callable[[int, int], bool]:
    """``stronger(b, a)``: is statement ``b`` strictly preferred to ``a``?

    The stated ``(stronger, weaker)`` pairs are closed under transitivity into a preorder, as
    Amgoud and Cayrol (2002) assume; ``b`` is strictly preferred to ``a`` when ``a`` is reachable
    from ``b`` and not the other way round, so statements on a circle of preferences are
    equally strong. Strongly connected groups (Tarjan) are condensed, and each group's set of
    reachable groups is an integer bit set built sinks first: linear in the preferences, plus
    one bit operation per group and edge.
    """
    local: dict[int, int] = {}
    succ: list[list[int]] = []

    def node(sid: object, pair: object) -> int:
        found = id_of.get(sid) if isinstance(sid, str) else None
        if found is None:
            raise UnknownIdError(str(sid), f"preference {pair!r}")
        if found >= ns:
            raise FrameworkError(f"preference {pair!r}: {sid!r} is an argument, not a statement")
        i = local.get(found)
        if i is None:
            i = local[found] = len(succ)
            succ.append([])
        return i

    for pair in _distinct(pairs, "preference"):
        if not isinstance(pair, tuple) or len(pair) != 2:
            raise FrameworkError(f"preference {pair!r} is not a pair (stronger, weaker)")
        b, a = node(pair[0], pair), node(pair[1], pair)
        succ[b].append(a)

    k = len(succ)
    index = [-1] * k
    low = [0] * k
    on_stack = [False] * k
    comp = [-1] * k
    stack: list[int] = []
    reach: list[int] = []  # per group: the bit set of groups reachable from it (not itself)
    counter = 0
    for start in range(k):
        if index[start] != -1:
            continue
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack[start] = True
        work = [(start, iter(succ[start]))]
        while work:
            v, successors = work[-1]
            advanced = False
            for w in successors:
                if index[w] == -1:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack[w] = True
                    work.append((w, iter(succ[w])))
                    advanced = True
                    break
                if on_stack[w] and index[w] < low[v]:
                    low[v] = index[w]
            if advanced:
                continue
            work.pop()
            if work and low[v] < low[work[-1][0]]:
                low[work[-1][0]] = low[v]
            if low[v] == index[v]:
                group = len(reach)
                members = []
                while True:
                    w = stack.pop()
                    on_stack[w] = False
                    comp[w] = group
                    members.append(w)
                    if w == v:
                        break
                bits = 0
                for member in members:  # successors' groups are all finished (sinks first)
                    for w in succ[member]:
                        g = comp[w]
                        if g != group:
                            bits |= reach[g] | (1 << g)
                reach.append(bits)

    def stronger(b: int, a: int) -> bool:
        lb, la = local.get(b), local.get(a)
        if lb is None or la is None:
            return False
        gb, ga = comp[lb], comp[la]
        return gb != ga and bool((reach[gb] >> ga) & 1)

    return stronger


def _fill_base_scores(
    base: list[float],
    scores: Mapping[str, float],
    get: Callable[[str], int | None],
    names: list[str],
) -> bool:
    """Put each base score in its statement's place, by C-level passes over all of them at
    once (a brief gives every statement one); False, with ``base`` half filled, if any is not
    a number in [0, 1] for a statement, for the caller to find and name it."""
    if not scores:
        return True
    ns = len(names)
    found: list[int] | None = None  # None: every statement's, in order (a brief's case)
    if len(scores) != ns or list(scores) != names:
        looked_up = list(map(get, scores.keys()))
        if None in looked_up or max(cast("list[int]", looked_up)) >= ns:
            return False
        found = cast("list[int]", looked_up)
    try:
        values = list(map(float, scores.values()))
    except (TypeError, ValueError):
        return False
    if any(map(math.isnan, values)) or min(values) < 0.0 or max(values) > 1.0:
        return False
    if found is None:
        base[:] = values
    else:
        deque(map(base.__setitem__, found, values), maxlen=0)  # run the map, keep nothing
    return True


def _adjacency(
    n: int, used: bool, dst: array[int] | None = None, starts: list[int] | None = None
) -> list[array[int]]:
    """``n`` rows of node ids: empty, or with ``starts`` (see :class:`_Edges`) each
    statement's targets already in place, cut from ``dst`` in one C-level pass (a slice of an
    array copies its buffer, touching no int object). When ``used`` is false, ``n``
    references to one empty row.

    Sharing saves allocating a row per node for a kind of edge the framework does not have
    (most maps have no linked arguments); nothing appends to it, since there are no such edges.
    """
    if not used:
        return [array(_NODE)] * n
    if starts is None or dst is None:
        return [array(_NODE) for _ in range(n)]
    grouped = list(map(dst.__getitem__, map(slice, starts, islice(starts, 1, None))))
    grouped.extend(array(_NODE) for _ in range(n - len(grouped)))
    return grouped


def _count_targets(rows: list[array[int]], edges: _Edges, counts: list[int]) -> None:
    """Count every pair of ``edges`` at its target in ``counts``, by plain loops (quicker
    than counting into a dict first). The grouped pairs are counted off their adjacency
    ``rows``, where a statement that names one target twice keeps it once."""
    done = edges.grouped()
    if done:
        mark = [-1] * len(counts)  # the last statement seen naming each node
        repeated: set[int] = set()
        for u, row in enumerate(islice(rows, len(cast("list[int]", edges.starts)) - 1)):
            for v in row:
                if mark[v] == u:
                    repeated.add(u)
                else:
                    mark[v] = u
                    counts[v] += 1
        for u in repeated:
            rows[u] = array(_NODE, dict.fromkeys(rows[u]))
    for v in islice(edges.dst, done, None):
        counts[v] += 1


def _sparse(n: int, entries: dict[int, list[int]]) -> list[list[int]]:
    """``n`` adjacency lists with ``entries`` in place; the other nodes share one empty list
    (read-only, as all the index's lists are), so a few entries cost no list per node."""
    lists: list[list[int]] = [[]] * n
    for u, targets in entries.items():
        lists[u] = targets
    return lists


def _resolve(
    pairs: tuple[tuple[str, str], ...],
    kind: str,
    id_of: dict[str, int],
    n_sources: int,
    n_targets: int,
) -> tuple[list[int], array[int]]:
    """Node ids of the distinct ``(source, target)`` pairs, checked against the known ids.

    A source must be one of the first ``n_sources`` nodes and a target one of the first
    ``n_targets`` (statements come first, so this says whether an argument id is allowed).
    The work is done by C-level ``map`` calls; only a failure is looked at pair by pair.
    """
    unique = list(dict.fromkeys(pairs))
    if not unique:
        return [], array(_NODE)
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
    return resolved[0], array(_NODE, resolved[1])
