"""DF-QuAD and the quadratic energy model: published examples, hand computations, properties."""

from __future__ import annotations

import math
import random
from typing import Protocol

import pytest
from random_frameworks import random_framework
from reference_semantics import (
    Update,
    dfquad_update,
    iterate_update,
    quadratic_energy_update,
)

from argmap.evaluation import Framework, GradualResult, dfquad, quadratic_energy


class GradualFn(Protocol):
    """The signature :func:`dfquad` and :func:`quadratic_energy` share."""

    def __call__(
        self, fw: Framework, *, tolerance: float = ..., max_steps: int = ...
    ) -> GradualResult: ...


SEMANTICS = [(dfquad, dfquad_update), (quadratic_energy, quadratic_energy_update)]
SEMANTICS_IDS = ["dfquad", "quadratic-energy"]


def e_democracy() -> Framework:
    """The e-democracy debate used as the running example of Rago, Toni, Aurisicchio and Baroni
    (2016): two answers A1 and A2; pros P1, P2 of A1 and P3 of A2; cons C2, C3, C4 of P2 and C1
    of A2. Structure and base scores as Potyka's Uncertainpy examples distribute them
    (examples/gradual/BAG/RagoEtAlEDemocracy.bag); the strengths below are computed by hand.
    """
    return Framework(
        statements=("A1", "A2", "P1", "P2", "P3", "C1", "C2", "C3", "C4"),
        arguments={},
        supports=(("P1", "A1"), ("P2", "A1"), ("P3", "A2")),
        attacks=(("C1", "A2"), ("C2", "P2"), ("C3", "P2"), ("C4", "P2")),
        base_scores={
            "A1": 0.5,
            "A2": 0.5,
            "P1": 0.7,
            "P2": 0.5,
            "P3": 0.9,
            "C1": 0.2,
            "C2": 0.2,
            "C3": 0.6,
            "C4": 0.5,
        },
    )


def test_dfquad_on_the_e_democracy_example() -> None:
    """Hand computation with DF-QuAD's definitions (F = probabilistic sum, C = combination).

    Leaves keep their base scores: P1 .7, P3 .9, C1 .2, C2 .2, C3 .6, C4 .5.
    P2: va = 1 - (1-.2)(1-.6)(1-.5) = 1 - .16 = .84, vs = 0, so P2 = .5 - .5 * .84 = .08.
    A1: va = 0, vs = 1 - (1-.7)(1-.08) = 1 - .276 = .724, so A1 = .5 + .5 * .724 = .862.
    A2: va = .2, vs = .9, so A2 = .5 + .5 * (.9 - .2) = .85.
    """
    result = dfquad(e_democracy())
    expected = {"A1": 0.862, "A2": 0.85, "P2": 0.08, "P1": 0.7, "C4": 0.5}
    for sid, value in expected.items():
        assert result.strengths[sid] == pytest.approx(value, abs=1e-12), sid
    assert (result.method, result.converged, result.iterations) == ("topological", True, 0)


def test_quadratic_energy_on_the_e_democracy_example() -> None:
    """Hand computation with h(x) = x^2 / (1 + x^2) for x > 0 (0 otherwise).

    P2: E = -(.2 + .6 + .5) = -1.3, so P2 = .5 - .5 * h(1.3) = .5 / (1 + 1.69) = .5 / 2.69.
    A2: E = .9 - .2 = .7, so A2 = .5 + .5 * .49 / 1.49.
    A1: E = .7 + P2, so A1 = .5 + .5 * E^2 / (1 + E^2).
    """
    strengths = quadratic_energy(e_democracy()).strengths
    p2 = 0.5 / 2.69
    e1 = 0.7 + p2
    assert strengths["P2"] == pytest.approx(p2, abs=1e-12)
    assert strengths["A2"] == pytest.approx(0.5 + 0.5 * 0.49 / 1.49, abs=1e-12)
    assert strengths["A1"] == pytest.approx(0.5 + 0.5 * e1 * e1 / (1 + e1 * e1), abs=1e-12)


def mutual_attack() -> Framework:
    return Framework(
        statements=("a", "b"),
        arguments={},
        supports=(),
        attacks=(("a", "b"), ("b", "a")),
        base_scores={"a": 1.0, "b": 1.0},
    )


def test_dfquad_cycle_where_discrete_updating_oscillates_but_the_flow_converges() -> None:
    """a and b, both with base score 1, attack each other.

    Discrete DF-QuAD updating flips between (1, 1) and (0, 0) for ever: each is 1 * (1 - other).
    The continuous system da/dt = (1 - b) - a, db/dt = (1 - a) - b keeps a = b by symmetry,
    so a' = 1 - 2a and both settle at the fixpoint 1/2.
    """
    fw = mutual_attack()
    states = iterate_update(fw, dfquad_update, 50)
    assert states[-2:] in (
        [{"a": 1.0, "b": 1.0}, {"a": 0.0, "b": 0.0}],
        [{"a": 0.0, "b": 0.0}, {"a": 1.0, "b": 1.0}],
    )
    result = dfquad(fw)
    assert result.converged
    assert result.method == "rk4"
    assert result.iterations > 0
    assert result.strengths == pytest.approx({"a": 0.5, "b": 0.5}, abs=1e-8)


def test_quadratic_energy_cycle_settles_at_the_hand_computed_root() -> None:
    """Same mutual attack: the fixpoint satisfies x = 1 - h(x) = 1 / (1 + x^2), i.e.
    x^3 + x - 1 = 0, whose real root by Cardano's formula is
    cbrt(1/2 + sqrt(31/108)) + cbrt(1/2 - sqrt(31/108)) = 0.6823278...
    """
    d = math.sqrt(31 / 108)
    root = (0.5 + d) ** (1 / 3) - (d - 0.5) ** (1 / 3)  # the second cube root is of a negative
    result = quadratic_energy(mutual_attack())
    assert result.converged
    assert result.strengths == pytest.approx({"a": root, "b": root}, abs=1e-8)


def linked() -> Framework:
    return Framework(
        statements=("c", "p", "q", "u"),
        arguments={"arg": (("p", "q"), "c")},
        supports=(),
        attacks=(("u", "arg"),),
        base_scores={"p": 0.8, "q": 0.6, "u": 0.5},
    )


def test_dfquad_linked_argument_is_its_weakest_premise_weakened_by_undercutters() -> None:
    # arg = min(.8, .6) * (1 - .5) = .3; it supports c (base .5): c = .5 + .5 * .3 = .65.
    strengths = dfquad(linked()).strengths
    assert strengths["arg"] == pytest.approx(0.3, abs=1e-12)
    assert strengths["c"] == pytest.approx(0.65, abs=1e-12)
    assert strengths["p"] == pytest.approx(0.8)  # an undercut leaves the premises alone


def test_quadratic_energy_linked_argument() -> None:
    # arg = .6 - .6 * h(.5) = .6 - .6 * .2 = .48; c = .5 + .5 * h(.48).
    strengths = quadratic_energy(linked()).strengths
    assert strengths["arg"] == pytest.approx(0.48, abs=1e-12)
    assert strengths["c"] == pytest.approx(0.5 + 0.5 * 0.2304 / 1.2304, abs=1e-12)


@pytest.mark.parametrize(("evaluate", "update"), SEMANTICS, ids=SEMANTICS_IDS)
def test_acyclic_maps_match_the_fixpoint_of_discrete_updating(
    evaluate: GradualFn, update: Update
) -> None:
    # On an acyclic map discrete updating is exact after (longest path + 1) rounds.
    for seed in range(400):
        fw = random_framework(random.Random(seed), acyclic=True)
        result = evaluate(fw)
        states = iterate_update(fw, update, len(fw.statements) + len(fw.arguments) + 1)
        assert states[-1] == pytest.approx(states[-2], abs=1e-15)  # the reference has settled
        assert result.strengths == pytest.approx(states[-1], abs=1e-12), f"seed {seed}"
        assert (result.method, result.converged, result.iterations) == ("topological", True, 0)


@pytest.mark.parametrize(("evaluate", "update"), SEMANTICS, ids=SEMANTICS_IDS)
def test_cyclic_maps_converge_to_a_fixpoint(evaluate: GradualFn, update: Update) -> None:
    # A few random cycles approach a boundary equilibrium only polynomially fast (residual ~ 1/t):
    # they are left unconverged by the step bound, which keeps this test quick.
    converged = 0
    cyclic = 0
    for seed in range(200):
        fw = random_framework(random.Random(seed), max_statements=6, max_attacks=10)
        result = evaluate(fw, max_steps=2000)
        assert all(0.0 <= s <= 1.0 for s in result.strengths.values())
        if result.method == "topological":
            continue
        cyclic += 1
        if result.converged:
            converged += 1
            residual = update(fw, result.strengths)
            assert residual == pytest.approx(result.strengths, abs=1e-8), f"seed {seed}"
    assert cyclic >= 150  # the sample really is mostly cyclic
    assert converged >= 0.95 * cyclic


def test_single_premise_argument_acts_like_a_support() -> None:
    # Also on cycles: an argument's strength is a function of its premises at every instant.
    for seed in range(120):
        fw = random_framework(random.Random(seed), max_arguments=0, acyclic=seed % 2 == 0)
        as_arguments = Framework(
            statements=fw.statements,
            arguments={f"arg{i}": ((a,), b) for i, (a, b) in enumerate(dict.fromkeys(fw.supports))},
            supports=(),
            attacks=fw.attacks,
            base_scores=fw.base_scores,
        )
        for evaluate in (dfquad, quadratic_energy):
            plain = evaluate(fw, max_steps=2000).strengths
            linked_form = evaluate(as_arguments, max_steps=2000).strengths
            for sid in fw.statements:
                assert linked_form[sid] == pytest.approx(plain[sid], abs=1e-7), f"seed {seed}"


@pytest.mark.parametrize("evaluate", [dfquad, quadratic_energy], ids=SEMANTICS_IDS)
def test_statement_without_neighbours_keeps_its_base_score(evaluate: GradualFn) -> None:
    fw = Framework(("a", "b"), {}, (), (), base_scores={"b": 0.25})
    assert evaluate(fw).strengths == {"a": 0.5, "b": 0.25}


@pytest.mark.parametrize("evaluate", [dfquad, quadratic_energy], ids=SEMANTICS_IDS)
def test_attacker_of_strength_zero_changes_nothing(evaluate: GradualFn) -> None:
    fw = Framework(("a", "z"), {}, (), (("z", "a"),), base_scores={"a": 0.3, "z": 0.0})
    assert evaluate(fw).strengths["a"] == pytest.approx(0.3)


@pytest.mark.parametrize("evaluate", [dfquad, quadratic_energy], ids=SEMANTICS_IDS)
def test_repeated_edges_count_once(evaluate: GradualFn) -> None:
    once = Framework(("a", "b"), {}, (("b", "a"),), ())
    twice = Framework(("a", "b"), {}, (("b", "a"), ("b", "a")), ())
    assert evaluate(twice).strengths == evaluate(once).strengths


@pytest.mark.parametrize("evaluate", [dfquad, quadratic_energy], ids=SEMANTICS_IDS)
def test_running_out_of_steps_is_reported(evaluate: GradualFn) -> None:
    result = evaluate(mutual_attack(), max_steps=3)
    assert (result.converged, result.iterations, result.method) == (False, 3, "rk4")
    assert all(0.0 <= s <= 1.0 for s in result.strengths.values())


def test_node_downstream_of_a_cycle_is_integrated_with_it() -> None:
    # c is supported by a, which is on a cycle: a, b settle at 1/2 and c = .5 + .5 * .5.
    fw = Framework(
        statements=("a", "b", "c"),
        arguments={},
        supports=(("a", "c"),),
        attacks=(("a", "b"), ("b", "a")),
        base_scores={"a": 1.0, "b": 1.0},
    )
    result = dfquad(fw)
    assert result.converged
    assert result.strengths == pytest.approx({"a": 0.5, "b": 0.5, "c": 0.75}, abs=1e-8)


@pytest.mark.parametrize("evaluate", [dfquad, quadratic_energy], ids=SEMANTICS_IDS)
def test_bad_settings_are_rejected(evaluate: GradualFn) -> None:
    fw = mutual_attack()
    with pytest.raises(ValueError, match="tolerance"):
        evaluate(fw, tolerance=0.0)
    with pytest.raises(ValueError, match="max_steps"):
        evaluate(fw, max_steps=-1)


def test_result_covers_statements_and_arguments() -> None:
    result = dfquad(linked())
    assert isinstance(result, GradualResult)
    assert list(result.strengths) == ["c", "p", "q", "u", "arg"]
