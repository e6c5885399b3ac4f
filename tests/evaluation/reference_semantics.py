"""Slow, obviously correct evaluations written straight from the definitions (a test aid).

They share no code with argmap.evaluation: they work on ids and sets, iterate naively to the
fixpoint, and exist only so that tests can compare the fast algorithms against them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from argmap.evaluation import Framework

__all__ = [
    "Update",
    "dfquad_update",
    "dung_grounded_by_defence",
    "dung_grounded_by_rounds",
    "dung_labelling",
    "grounded_by_definition",
    "initial_strengths",
    "iterate_update",
    "quadratic_energy_update",
    "weighing_by_definition",
]


def grounded_by_definition(fw: Framework) -> dict[str, str]:
    """Iterate the characteristic function on labellings from all-"undec" until nothing changes.

    Each round relabels every node from the previous round's labels, exactly as the definition
    reads (see docs/semantics.md). The function is monotone, so this reaches the least fixpoint.
    """
    statements = list(fw.statements)
    nodes = statements + list(fw.arguments)
    attackers = {v: [a for a, t in fw.attacks if t == v] for v in nodes}
    reasons = {
        s: [a for a, t in fw.supports if t == s]
        + [aid for aid, (_, conclusion) in fw.arguments.items() if conclusion == s]
        for s in statements
    }
    label = dict.fromkeys(nodes, "undec")
    while True:
        new: dict[str, str] = {}
        for v in nodes:
            attacker_labels = [label[a] for a in attackers[v]]
            if v in fw.arguments:
                premise_labels = [label[p] for p in fw.arguments[v][0]]
                if all(x == "in" for x in premise_labels) and all(
                    x == "out" for x in attacker_labels
                ):
                    new[v] = "in"
                elif "out" in premise_labels or "in" in attacker_labels:
                    new[v] = "out"
                else:
                    new[v] = "undec"
            else:
                reason_labels = [label[r] for r in reasons[v]]
                if all(x == "out" for x in attacker_labels) and (
                    not reason_labels or "in" in reason_labels
                ):
                    new[v] = "in"
                elif "in" in attacker_labels or (
                    reason_labels and all(x == "out" for x in reason_labels)
                ):
                    new[v] = "out"
                else:
                    new[v] = "undec"
        if new == label:
            return label
        label = new


def _strictly_preferred(fw: Framework) -> set[tuple[str, str]]:
    """The strict part of the transitive closure of the stated preferences, by brute force."""
    closure = set(fw.preferences)
    while True:
        longer = {(a, d) for a, b in closure for c, d in closure if b == c} - closure
        if not longer:
            break
        closure |= longer
    return {(a, b) for a, b in closure if (b, a) not in closure}


def weighing_by_definition(
    fw: Framework,
) -> tuple[dict[str, str], dict[tuple[str, str, str], str]]:
    """Grounded labels with preferences, concessions and undercuts, straight from the definitions.

    Every statement, argument, support, attack and stated undercut is a variable, relabelled each
    round from the previous round's labels until nothing changes:

    - an attack ``(a, t)`` is "out" if ``t`` is strictly preferred to ``a``; otherwise it holds
      ("in") iff ``a`` is in and every undercut of it is out, and fails ("out") iff ``a`` is out
      or some undercut of it is in;
    - a support ``(s, t)`` likewise, without preferences;
    - the undercuts of a relation are the stated ones (an undercut by ``c`` holds iff ``c`` is in
      and everything that concedes ``c`` is out) and, for an attack ``(x, t)``, one by each
      statement that concedes ``x`` (it holds iff its conceder is in);
    - an argument is in iff its premises are in and the attacks on it are out;
    - a statement is in iff the attacks on it are out and, if it has reasons (supports, and
      arguments concluding it), one of them is in.

    Returns the labels of statements and arguments, and of the relations something acts on.
    """
    statements = list(fw.statements)
    nodes = statements + list(fw.arguments)
    stronger = _strictly_preferred(fw)
    attacks = set(fw.attacks)
    supports = set(fw.supports)
    stated: list[tuple[str, tuple[str, str, str]]] = []
    for c, (kind, s, t) in dict.fromkeys(fw.undercuts):
        if kind == "support" and s in fw.arguments and fw.arguments[s][1] == t:
            attacks.add((c, s))  # the support an argument gives is the argument
        else:
            stated.append((c, (kind, s, t)))
    conceders: dict[str, set[str]] = {v: set() for v in statements}
    for c, x in fw.concessions:
        conceders[x].add(c)
    relations = [("attack", a, t) for a, t in attacks] + [("support", s, t) for s, t in supports]

    label = dict.fromkeys(nodes, "undec")
    rel = dict.fromkeys(relations, "undec")
    cut = dict.fromkeys(stated, "undec")

    def kleene_and(values: list[str]) -> str:
        return "out" if "out" in values else "in" if all(v == "in" for v in values) else "undec"

    def kleene_or(values: list[str]) -> str:
        return "in" if "in" in values else "out" if all(v == "out" for v in values) else "undec"

    def negate(value: str) -> str:
        return {"in": "out", "out": "in", "undec": "undec"}[value]

    while True:
        new_cut = {
            u: kleene_and([label[u[0]], *(negate(label[d]) for d in conceders[u[0]])])
            for u in stated
        }
        new_rel: dict[tuple[str, str, str], str] = {}
        for r in relations:
            kind, a, t = r
            if kind == "attack" and (t, a) in stronger:
                new_rel[r] = "out"
                continue
            undercuts = [cut[u] for u in stated if u[1] == r]
            if kind == "attack":
                undercuts += [label[d] for d in conceders[a]]
            new_rel[r] = kleene_and([label[a], *(negate(x) for x in undercuts)])
        new: dict[str, str] = {}
        for v in nodes:
            against = [negate(rel[r]) for r in relations if r[0] == "attack" and r[2] == v]
            if v in fw.arguments:
                new[v] = kleene_and([*(label[p] for p in fw.arguments[v][0]), *against])
                continue
            reasons = [rel[r] for r in relations if r[0] == "support" and r[2] == v]
            reasons += [label[g] for g, (_, c) in fw.arguments.items() if c == v]
            conditions = against + ([kleene_or(reasons)] if reasons else [])
            new[v] = kleene_and(conditions)
        if new == label and new_rel == rel and new_cut == cut:
            break
        label, rel, cut = new, new_rel, new_cut
    acted_on = {u[1] for u in stated}
    acted_on |= {("attack", a, t) for a, t in attacks if conceders.get(a) or (t, a) in stronger}
    return label, {r: rel[r] for r in relations if r in acted_on}


def dung_grounded_by_defence(
    arguments: Iterable[str], attacks: Iterable[tuple[str, str]]
) -> set[str]:
    """Dung's grounded extension: iterate the defence function F from the empty set.

    ``F(S)`` is the set of arguments all of whose attackers are attacked by a member of ``S``;
    the grounded extension is its least fixpoint (Dung 1995).
    """
    args = list(arguments)
    attack_list = list(attacks)
    attackers: dict[str, set[str]] = {a: set() for a in args}
    for a, b in attack_list:
        attackers[b].add(a)
    extension: set[str] = set()
    while True:
        attacked = {b for a, b in attack_list if a in extension}
        defended = {a for a in args if attackers[a] <= attacked}
        if defended == extension:
            return extension
        extension = defended


def dung_grounded_by_rounds(
    arguments: Iterable[str], attacks: Iterable[tuple[str, str]]
) -> set[str]:
    """Dung's grounded extension by rounds: accept what only defeated arguments attack, repeat.

    A semi-naive version of the same least fixpoint: after the first round it re-examines only
    the arguments whose attackers were defeated in the previous round, and checks each one
    against all its attackers from scratch. Fast enough for the large ICCMA instances.
    """
    args = list(arguments)
    attackers: dict[str, set[str]] = {a: set() for a in args}
    targets: dict[str, set[str]] = {a: set() for a in args}
    for a, b in attacks:
        attackers[b].add(a)
        targets[a].add(b)
    accepted: set[str] = set()
    defeated: set[str] = set()
    candidates = set(args)
    while True:
        new_in = {
            a
            for a in candidates
            if a not in accepted and a not in defeated and attackers[a] <= defeated
        }
        if not new_in:
            return accepted
        accepted |= new_in
        new_out = {b for a in new_in for b in targets[a]} - defeated
        defeated |= new_out
        candidates = {c for b in new_out for c in targets[b]}


def dung_labelling(
    arguments: Iterable[str], attacks: Iterable[tuple[str, str]], extension: set[str]
) -> dict[str, str]:
    """The labelling of a Dung extension: in it, attacked by it, or neither."""
    attack_list = list(attacks)
    out = {b for a, b in attack_list if a in extension}
    return {a: "in" if a in extension else "out" if a in out else "undec" for a in arguments}


Update = Callable[[Framework, dict[str, float]], dict[str, float]]


def _neighbours(fw: Framework, v: str) -> tuple[list[str], list[str]]:
    attackers = sorted({a for a, t in fw.attacks if t == v})
    supporters = sorted({a for a, t in fw.supports if t == v})
    supporters += [aid for aid, (_, c) in fw.arguments.items() if c == v]
    return attackers, supporters


def _base(fw: Framework, v: str, s: dict[str, float]) -> float:
    if v in fw.arguments:
        return min(s[p] for p in fw.arguments[v][0])
    return float(fw.base_scores.get(v, 0.5))


def dfquad_update(fw: Framework, s: dict[str, float]) -> dict[str, float]:
    """One synchronous DF-QuAD update of every strength, from the published formulas.

    ``F(v1..vn) = 1 - prod(1 - vi)`` (0 for none); with ``va``, ``vs`` the attackers' and
    supporters' ``F`` and base ``t``: ``t - t (va - vs)`` if ``va >= vs`` else
    ``t + (1 - t)(vs - va)``. An argument's base is its weakest premise.
    """
    new: dict[str, float] = {}
    for v in s:
        attackers, supporters = _neighbours(fw, v)
        va = 1.0
        for a in attackers:
            va *= 1.0 - s[a]
        va = 1.0 - va
        vs = 1.0
        for a in supporters:
            vs *= 1.0 - s[a]
        vs = 1.0 - vs
        t = _base(fw, v, s)
        new[v] = t - t * (va - vs) if va >= vs else t + (1.0 - t) * (vs - va)
    return new


def quadratic_energy_update(fw: Framework, s: dict[str, float]) -> dict[str, float]:
    """One synchronous update of the quadratic energy model, from the published formula.

    ``E = sum(supporters) - sum(attackers)``, ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)`` and the
    strength is ``t - t h(-E) + (1 - t) h(E)``. An argument's base is its weakest premise.
    """

    def h(x: float) -> float:
        x = max(x, 0.0)
        return x * x / (1.0 + x * x)

    new: dict[str, float] = {}
    for v in s:
        attackers, supporters = _neighbours(fw, v)
        energy = sum(s[a] for a in supporters) - sum(s[a] for a in attackers)
        t = _base(fw, v, s)
        new[v] = t - t * h(-energy) + (1.0 - t) * h(energy)
    return new


def initial_strengths(fw: Framework) -> dict[str, float]:
    """Base scores for statements; an argument starts at its weakest premise's base score."""
    s = {v: float(fw.base_scores.get(v, 0.5)) for v in fw.statements}
    for aid, (premises, _) in fw.arguments.items():
        s[aid] = min(s[p] for p in premises)
    return s


def iterate_update(fw: Framework, update: Update, rounds: int) -> list[dict[str, float]]:
    """The discrete iteration ``s := update(s)`` from :func:`initial_strengths`: every state."""
    states = [initial_strengths(fw)]
    for _ in range(rounds):
        states.append(update(fw, states[-1]))
    return states
