"""Gradual semantics: a strength in [0, 1] for every statement and argument.

Two published semantics for quantitative bipolar frameworks, sharing one engine:

- DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016): attackers and supporters are each
  aggregated by the probabilistic sum ``1 - prod(1 - s)``; the stronger side moves the base score
  towards 0 or 1 in proportion to the difference.
- The quadratic energy model (Potyka 2018): the energy is the sum of the supporters' strengths
  minus the sum of the attackers'; the base score moves towards 1 (or 0) by ``E^2 / (1 + E^2)`` of
  the remaining distance.

Both are modular (Mossakowski and Neuhaus 2018): an aggregation folds the neighbours' strengths
into one number per side, and an influence function turns the base score and the aggregates into
the strength. A linked argument, which only these maps have, is evaluated by the same influence
function with the weakest premise's strength as its base score and its undercutters as its
attackers; it then acts on its conclusion as one supporter (see docs/semantics.md for why).

On an acyclic framework one pass in topological order is exact. A cycle has no such order; its
strengths are the equilibrium of Potyka's continuous dynamical system ``ds/dt = f(s) - s``,
integrated with the classical Runge-Kutta method (RK4) from the base scores until the residual
``max |f(s) - s|`` is below the tolerance. Repeating the discrete update ``s := f(s)`` instead
can oscillate for ever (two statements with base score 1 attacking each other flip between 1 and
0 under DF-QuAD); the continuous system settles at 0.5.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from argmap.evaluation.framework import Framework

__all__ = [
    "DEFAULT_MAX_STEPS",
    "DEFAULT_MAX_WORK",
    "RK4_STEP",
    "GradualResult",
    "dfquad",
    "quadratic_energy",
]

RK4_STEP = 0.1
"""Time step of the Runge-Kutta integration on cyclic frameworks."""

DEFAULT_MAX_STEPS = 20_000
"""Default bound on integration steps (simulated time ``DEFAULT_MAX_STEPS * RK4_STEP``)."""

DEFAULT_MAX_WORK = 1_500_000
"""Default bound on the work of an integration: steps times the nodes and edges one step visits
(four times each, for RK4's four stages). A large cyclic map gets fewer steps, so a map that does
not settle costs about a second, not minutes; it comes back with ``converged`` false."""


@dataclass(frozen=True)
class GradualResult:
    """Strengths under a gradual semantics, and how they were obtained.

    ``strengths`` maps every statement and argument id to its strength in [0, 1]. ``method`` is
    ``"topological"`` when one pass in topological order was exact (the framework is acyclic) and
    ``"rk4"`` when a cyclic part had to be integrated; ``iterations`` counts the integration steps
    (0 for ``"topological"``) and ``converged`` says whether the residual fell below the tolerance
    within ``max_steps`` and ``max_work``. An unconverged result holds the last state reached.
    """

    strengths: dict[str, float]
    converged: bool
    iterations: int
    method: str
    #: The strength of each support and attack that is undercut, conceded or cancelled by a
    #: preference (0.0 for a cancelled attack), keyed ``("support", a, b)`` / ``("attack", a, b)``:
    #: what it carries to its target. A relation nothing acts on carries its source's strength.
    relations: dict[tuple[str, str, str], float] = field(default_factory=dict)


Aggregation = Callable[[float, float], float]
"""Folds one neighbour's strength into a running aggregate: ``acc' = fold(acc, strength)``."""

Influence = Callable[[float, float, float], float]
"""``influence(base, attack_aggregate, support_aggregate)``: the strength a node gets."""


def _fold_dfquad(acc: float, strength: float) -> float:
    # The aggregate kept is prod(1 - s); DF-QuAD's probabilistic sum is 1 minus it.
    return acc * (1.0 - strength)


def _influence_dfquad(base: float, att: float, sup: float) -> float:
    # va = 1 - att and vs = 1 - sup, so va - vs = sup - att.
    diff = sup - att
    if diff >= 0.0:  # attackers at least as strong: move towards 0
        return base - base * diff
    return base - (1.0 - base) * diff  # supporters stronger: move towards 1


def _fold_sum(acc: float, strength: float) -> float:
    return acc + strength


def _influence_quadratic_energy(base: float, att: float, sup: float) -> float:
    energy = sup - att
    e2 = energy * energy
    h = e2 / (1.0 + e2)
    if energy > 0.0:
        return base + (1.0 - base) * h
    return base - base * h


@dataclass(frozen=True)
class _Model:
    """A modular gradual semantics: how to aggregate neighbours and how they influence a node."""

    identity: float  # the aggregate of no neighbours
    fold: Aggregation
    influence: Influence


_DFQUAD = _Model(1.0, _fold_dfquad, _influence_dfquad)
_QUADRATIC_ENERGY = _Model(0.0, _fold_sum, _influence_quadratic_energy)


def dfquad(
    fw: Framework, *, tolerance: float = 1e-9, max_steps: int = DEFAULT_MAX_STEPS
) -> GradualResult:
    """Strengths under DF-QuAD (Rago, Toni, Aurisicchio and Baroni 2016).

    For a statement with base score ``t``, attackers' probabilistic sum ``va`` and supporters'
    ``vs``: ``t - t * (va - vs)`` if ``va >= vs``, else ``t + (1 - t) * (vs - va)``. Cycles are
    solved with the continuous version of the model (see the module docstring); ``tolerance`` bounds
    the final residual and ``max_steps`` the number of RK4 steps.
    """
    return _solve(fw, _DFQUAD, tolerance, max_steps)


def quadratic_energy(
    fw: Framework, *, tolerance: float = 1e-9, max_steps: int = DEFAULT_MAX_STEPS
) -> GradualResult:
    """Strengths under Potyka's (2018) quadratic energy model.

    For a statement with base score ``t`` and energy ``E`` (supporters' strengths minus
    attackers'), with ``h(x) = max(x, 0)^2 / (1 + max(x, 0)^2)``:
    ``t - t * h(-E) + (1 - t) * h(E)``. Cycles are solved by integrating the model's continuous
    dynamical system; ``tolerance`` bounds the final residual and ``max_steps`` the RK4 steps.
    """
    return _solve(fw, _QUADRATIC_ENERGY, tolerance, max_steps)


def _solve(fw: Framework, model: _Model, tolerance: float, max_steps: int) -> GradualResult:
    """Evaluate the acyclic part in topological order, then integrate what lies on or after cycles.

    Kahn's algorithm drives the first phase and pushes each finished node's strength into its
    successors' running aggregates, so a node is computed the moment its last predecessor is.
    Nodes it never reaches lie on a cycle or downstream of one; their aggregates already hold
    every finished predecessor's contribution, which the integration keeps fixed.
    """
    if not tolerance > 0.0:
        raise ValueError(f"tolerance must be positive, not {tolerance!r}")
    if max_steps < 0:
        raise ValueError(f"max_steps must not be negative, not {max_steps!r}")
    ix = fw._index
    n, ns = ix.n, ix.n_statements
    base = ix.base
    fold, influence, identity = model.fold, model.influence, model.identity
    attacks_out, supports_out, premise_of = ix.attacks_out, ix.supports_out, ix.premise_of

    att = [identity] * n
    sup = [identity] * n
    weakest = [1.0] * n  # weakest premise so far, for argument nodes
    waiting = [
        a + r + p for a, r, p in zip(ix.n_attackers, ix.n_reasons, ix.n_premises, strict=True)
    ]
    strength = [0.0] * n
    ready = [v for v in range(n) if not waiting[v]]
    pop, push = ready.pop, ready.append
    finished = 0
    while ready:
        u = pop()
        finished += 1
        s = influence(base[u] if u < ns else weakest[u], att[u], sup[u])
        strength[u] = s
        for w in attacks_out[u]:
            att[w] = fold(att[w], s)
            waiting[w] -= 1
            if not waiting[w]:
                push(w)
        for w in supports_out[u]:
            sup[w] = fold(sup[w], s)
            waiting[w] -= 1
            if not waiting[w]:
                push(w)
        for w in premise_of[u]:
            if s < weakest[w]:
                weakest[w] = s
            waiting[w] -= 1
            if not waiting[w]:
                push(w)
    if finished == n:
        return _result(fw, strength, True, 0, "topological")

    rest = [v for v in range(n) if waiting[v]]
    x, converged, steps = _integrate(fw, model, rest, att, sup, weakest, tolerance, max_steps)
    for v, value in zip(rest, x, strict=True):
        strength[v] = value
    return _result(fw, strength, converged, steps, "rk4")


def _result(
    fw: Framework, strength: list[float], converged: bool, steps: int, method: str
) -> GradualResult:
    ix = fw._index
    strengths = dict(zip(ix.names, strength[: ix.n_named], strict=True))
    relations: dict[tuple[str, str, str], float] = {}
    if ix.link_of or ix.cancelled:
        names = ix.names
        for (kind, u, v), node in ix.link_of.items():
            if kind != "undercut":
                cancelled = kind == "attack" and (u, v) in ix.cancelled
                relations[(kind, names[u], names[v])] = 0.0 if cancelled else strength[node]
        for u, v in ix.cancelled:
            relations.setdefault(("attack", names[u], names[v]), 0.0)
    return GradualResult(strengths, converged, steps, method, relations)


def _integrate(
    fw: Framework,
    model: _Model,
    rest: list[int],
    att: list[float],
    sup: list[float],
    weakest: list[float],
    tolerance: float,
    max_steps: int,
) -> tuple[list[float], bool, int]:
    """Integrate ``ds/dt = f(s) - s`` over the nodes ``rest`` with RK4, from the base scores.

    ``att``, ``sup`` and ``weakest`` hold the contributions of the nodes already finished, which
    stay fixed. The statements of ``rest`` are the state; its arguments are functions of it.
    Returns the final strengths of ``rest`` (within [0, 1]), whether the residual fell to
    ``tolerance`` and the number of steps taken.
    """
    ix = fw._index
    ns = ix.n_statements
    fold, influence = model.fold, model.influence
    local = [-1] * ix.n
    for i, v in enumerate(rest):
        local[v] = i

    # Incoming edges among the nodes of rest, in local numbering. Everything a node of rest
    # points at is in rest too (it lies on or after a cycle), so scanning their outgoing lists
    # finds every such edge.
    r_att: list[list[int]] = [[] for _ in rest]
    r_sup: list[list[int]] = [[] for _ in rest]
    r_prem: list[list[int]] = [[] for _ in rest]
    for i, u in enumerate(rest):
        for w in ix.attacks_out[u]:
            r_att[local[w]].append(i)
        for w in ix.supports_out[u]:
            r_sup[local[w]].append(i)
        for w in ix.premise_of[u]:
            r_prem[local[w]].append(i)
    att0 = [att[v] for v in rest]
    sup0 = [sup[v] for v in rest]
    weakest0 = [weakest[v] for v in rest]
    base0 = [ix.base[v] if v < ns else 0.0 for v in rest]
    statements = [i for i, v in enumerate(rest) if v < ns]
    arguments = [i for i, v in enumerate(rest) if v >= ns]

    def settle_arguments(x: list[float]) -> list[float]:
        """Set, in place, each argument's entry of ``x`` to its strength given the statements'.

        An argument is not a state of its own: at every instant its strength is its weakest
        premise's, weakened by its undercutters. So a single-premise argument behaves exactly
        like a support edge, on cycles too.
        """
        for i in arguments:
            t = weakest0[i]
            for j in r_prem[i]:
                if x[j] < t:
                    t = x[j]
            a = att0[i]
            for j in r_att[i]:
                a = fold(a, x[j])
            x[i] = influence(t, a, sup0[i])
        return x

    def drift(x: list[float]) -> list[float]:
        """The right-hand side ``f(x) - x`` of the dynamical system (0 for arguments)."""
        settle_arguments(x)
        out = [0.0] * len(x)
        for i in statements:
            a = att0[i]
            for j in r_att[i]:
                a = fold(a, x[j])
            s = sup0[i]
            for j in r_sup[i]:
                s = fold(s, x[j])
            out[i] = influence(base0[i], a, s) - x[i]
        return out

    x = base0[:]  # statements start at their base scores
    h, half, sixth = RK4_STEP, RK4_STEP / 2.0, RK4_STEP / 6.0
    per_step = 4 * (len(rest) + sum(map(len, r_att)) + sum(map(len, r_sup)) + sum(map(len, r_prem)))
    max_steps = min(max_steps, DEFAULT_MAX_WORK // max(per_step, 1))
    steps = 0
    while True:
        k1 = drift(x)
        if max(map(abs, k1)) <= tolerance:
            return settle_arguments(x), True, steps
        if steps >= max_steps:
            return settle_arguments(x), False, steps
        k2 = drift([xi + half * k for xi, k in zip(x, k1, strict=True)])
        k3 = drift([xi + half * k for xi, k in zip(x, k2, strict=True)])
        k4 = drift([xi + h * k for xi, k in zip(x, k3, strict=True)])
        x = [
            min(1.0, max(0.0, xi + sixth * (a + 2.0 * b + 2.0 * c + d)))
            for xi, a, b, c, d in zip(x, k1, k2, k3, k4, strict=True)
        ]
        steps += 1
