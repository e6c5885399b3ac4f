"""Preferences, concessions and undercuts of supports and attacks: worked examples from the
literature computed by hand, and agreement with a brute-force definition on random maps."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from random_frameworks import random_framework, random_weighing_framework
from reference_semantics import (
    dung_grounded_by_defence,
    dung_labelling,
    weighing_by_definition,
)

from argmap.evaluation import (
    Framework,
    FrameworkError,
    Label,
    UnknownIdError,
    dfquad,
    grounded,
    grounded_relations,
    quadratic_energy,
)

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def labels(fw: Framework) -> dict[str, str]:
    return {k: v.value for k, v in grounded(fw).items()}


def fw_of(
    statements: str,
    attacks: str = "",
    supports: str = "",
    *,
    preferences: str = "",
    concessions: str = "",
    undercuts: tuple[tuple[str, tuple[str, str, str]], ...] = (),
    arguments: dict[str, tuple[tuple[str, ...], str]] | None = None,
    base: dict[str, float] | None = None,
) -> Framework:
    """A framework from compact text: edges "b>a c>b" (source>target)."""

    def pairs(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((e.split(">")[0], e.split(">")[1]) for e in text.split())

    return Framework(
        tuple(statements.split()),
        arguments or {},
        pairs(supports),
        pairs(attacks),
        base or {},
        pairs(preferences),
        pairs(concessions),
        undercuts,
    )


# --- preferences (Amgoud and Cayrol 2002) -------------------------------------------------------


def test_a_preference_settles_a_mutual_attack() -> None:
    # a and b attack each other: open. With a preferred to b, b's attack is no defeat, so a
    # stands and defeats b (the symmetric attack resolved by preference, as in a PAF).
    assert labels(fw_of("a b", "a>b b>a")) == {"a": "undec", "b": "undec"}
    assert labels(fw_of("a b", "a>b b>a", preferences="a>b")) == {"a": "in", "b": "out"}


def test_a_weaker_attacker_does_not_defeat_but_a_stronger_one_does() -> None:
    # o attacks r. r outweighs o: the attack fails and r stands, o too (nothing attacks o).
    assert labels(fw_of("o r", "o>r", preferences="r>o")) == {"o": "in", "r": "in"}
    # A preference the other way round changes nothing: o is not weaker than r.
    assert labels(fw_of("o r", "o>r", preferences="o>r")) == {"o": "in", "r": "out"}


def test_preferences_chain_and_a_circle_of_preferences_cancels_itself() -> None:
    # c > b > a: c is preferred to a through b, so a's attack on c does not defeat.
    assert labels(fw_of("a b c", "a>c", preferences="c>b b>a"))["c"] == "in"
    # a > b and b > a: neither is strictly preferred, both attacks defeat as without them.
    assert labels(fw_of("a b", "a>b b>a", preferences="a>b b>a")) == {
        "a": "undec",
        "b": "undec",
    }


def test_a_cancelled_attack_is_reported_as_such() -> None:
    fw = fw_of("o r", "o>r", preferences="r>o")
    assert grounded_relations(fw) == {("attack", "o", "r"): OUT}
    result = dfquad(fw)
    assert result.strengths["r"] == 0.5  # the cancelled attack has no effect
    assert result.relations == {("attack", "o", "r"): 0.0}


# --- concessions ----------------------------------------------------------------------------------


def test_a_concession_keeps_the_conceded_standing_and_its_attack_harmless() -> None:
    # The Georgia pattern: risk attacks rec; the reply grants the risk and supports rec.
    refuted = fw_of("risk rec reply", "risk>rec reply>risk", "reply>rec")
    assert labels(refuted) == {"risk": "out", "rec": "in", "reply": "in"}
    conceded = fw_of("risk rec reply", "risk>rec", "reply>rec", concessions="reply>risk")
    assert labels(conceded) == {"risk": "in", "rec": "in", "reply": "in"}
    assert grounded_relations(conceded) == {("attack", "risk", "rec"): OUT}


def test_a_concession_answers_only_while_the_conceder_stands() -> None:
    # d defeats the conceder, so the conceded attack defeats again.
    fw = fw_of("risk rec reply d", "risk>rec d>reply", concessions="reply>risk")
    assert labels(fw) == {"risk": "in", "rec": "out", "reply": "out", "d": "in"}


def test_a_concession_also_answers_the_conceded_statements_undercuts() -> None:
    # x undercuts the support s -> t; c concedes x: the undercut no longer holds.
    undercut = (("x", ("support", "s", "t")),)
    assert labels(fw_of("s t x", supports="s>t", undercuts=undercut))["t"] == "out"
    fw = fw_of("s t x c", supports="s>t", undercuts=undercut, concessions="c>x")
    assert labels(fw) == {"s": "in", "t": "in", "x": "in", "c": "in"}


def test_dfquad_concession_by_hand() -> None:
    # o (0.5) attacks r (0.5); c (0.8) concedes o. The attack carries 0.5 * (1 - 0.8) = 0.1
    # and r = 0.5 - 0.5 * 0.1; o keeps its own 0.5.
    fw = fw_of("o r c", "o>r", concessions="c>o", base={"c": 0.8})
    result = dfquad(fw)
    assert result.strengths["o"] == 0.5
    assert result.relations[("attack", "o", "r")] == pytest.approx(0.5 * (1 - 0.8))
    assert result.strengths["r"] == pytest.approx(0.5 - 0.5 * 0.1)


def test_quadratic_energy_concession_by_hand() -> None:
    def h(x: float) -> float:
        return x * x / (1 + x * x)

    fw = fw_of("o r c", "o>r", concessions="c>o", base={"c": 0.8})
    carried = 0.5 - 0.5 * h(0.8)  # the attack as a one-premise argument undercut by c
    result = quadratic_energy(fw)
    assert result.relations[("attack", "o", "r")] == pytest.approx(carried)
    assert result.strengths["r"] == pytest.approx(0.5 - 0.5 * h(carried))
    assert result.strengths["o"] == 0.5


# --- undercuts of attacks and supports (AFRA; Modgil's extended frameworks) ---------------------


def test_modgil_weather_forecast_example() -> None:
    # Modgil (2009), "Reasoning about preferences in argumentation frameworks": a (BBC: dry)
    # and b (CNN: wet) attack each other; c ("the BBC is more trustworthy") attacks the attack
    # b -> a; d ("CNN is statistically more accurate") attacks a -> b; c and d attack each
    # other; e ("statistics beat instinct") attacks the attack c -> d. By hand: e stands, so
    # c -> d fails and d stands; d defeats c and cuts a -> b; b stands and defeats a.
    fw = fw_of(
        "a b c d e",
        "a>b b>a c>d d>c",
        undercuts=(
            ("c", ("attack", "b", "a")),
            ("d", ("attack", "a", "b")),
            ("e", ("attack", "c", "d")),
        ),
    )
    assert labels(fw) == {"a": "out", "b": "in", "c": "out", "d": "in", "e": "in"}
    assert grounded_relations(fw) == {
        ("attack", "b", "a"): IN,
        ("attack", "a", "b"): OUT,
        ("attack", "c", "d"): OUT,
    }


def test_afra_an_attack_whose_source_falls_fails_with_it() -> None:
    # AFRA (Baroni et al. 2011): an attack is defeated by what defeats its source. c defeats
    # a, so a -> b fails; x's undercut of it is then idle, and b stands.
    fw = fw_of("a b c x", "a>b c>a", undercuts=(("x", ("attack", "a", "b")),))
    assert labels(fw) == {"a": "out", "b": "in", "c": "in", "x": "in"}


def test_undercutting_a_support_leaves_both_ends_alone() -> None:
    fw = fw_of("s t u", supports="s>t", undercuts=(("u", ("support", "s", "t")),))
    assert labels(fw) == {"s": "in", "t": "out", "u": "in"}  # t's only reason is cut
    # A defeated undercutter restores the support.
    fw = fw_of("s t u d", "d>u", "s>t", undercuts=(("u", ("support", "s", "t")),))
    assert labels(fw)["t"] == "in"


def test_undercutting_the_support_of_an_argument_undercuts_the_argument() -> None:
    arguments = {"g": (("p", "q"), "c")}
    by_support = fw_of("p q c u", arguments=arguments, undercuts=(("u", ("support", "g", "c")),))
    by_attack = fw_of("p q c u", "u>g", arguments=arguments)
    assert grounded(by_support) == grounded(by_attack)
    assert dfquad(by_support).strengths == dfquad(by_attack).strengths


def test_an_undercut_support_is_a_one_premise_argument_undercut() -> None:
    for seed in range(300):
        rng = random.Random(seed)
        base = random_framework(rng, max_arguments=0, acyclic=seed % 3 != 0)
        if not base.supports:
            continue
        s, t = base.supports[0]
        u = rng.choice(base.statements)
        undercut = Framework(
            base.statements, {}, base.supports, base.attacks, base.base_scores,
            undercuts=((u, ("support", s, t)),),
        )
        named = Framework(
            base.statements,
            {"inference": ((s,), t)},
            tuple(p for p in base.supports if p != (s, t)),
            (*base.attacks, (u, "inference")),
            base.base_scores,
        )
        got, want = grounded(undercut), grounded(named)
        del want["inference"]
        assert got == want, f"seed {seed}"
        strengths = dfquad(named).strengths
        del strengths["inference"]
        assert dfquad(undercut).strengths == pytest.approx(strengths), f"seed {seed}"


# --- agreement with the definition ----------------------------------------------------------------


def test_agrees_with_the_definition_on_thousands_of_random_weighing_maps() -> None:
    for seed in range(4000):
        fw = random_weighing_framework(random.Random(seed), acyclic=seed % 2 == 0)
        expected, relations = weighing_by_definition(fw)
        assert labels(fw) == expected, f"seed {seed}: {fw}"
        got = {k: v.value for k, v in grounded_relations(fw).items()}
        assert got == relations, f"seed {seed}: {fw}"


@settings(max_examples=200, deadline=None, database=None)
@given(st.randoms(use_true_random=False))
def test_agrees_with_the_definition_shrinking(rng: random.Random) -> None:
    fw = random_weighing_framework(rng)
    assert labels(fw) == weighing_by_definition(fw)[0]


def test_preferences_alone_give_dungs_grounded_extension_of_the_defeats() -> None:
    # With attacks and preferences only, the labelling is Dung's grounded labelling of the
    # defeat relation: the attacks whose target is not strictly preferred to their source.
    for seed in range(2000):
        fw = random_weighing_framework(
            random.Random(seed), max_arguments=0, max_supports=0, max_concessions=0,
            max_undercuts=0, max_attacks=16,
        )
        closure = set(fw.preferences)
        changed = True
        while changed:
            more = {(a, d) for a, b in closure for c, d in closure if b == c} - closure
            closure |= more
            changed = bool(more)
        defeats = [
            (a, b) for a, b in fw.attacks if not ((b, a) in closure and (a, b) not in closure)
        ]
        extension = dung_grounded_by_defence(fw.statements, defeats)
        assert labels(fw) == dung_labelling(fw.statements, defeats, extension), f"seed {seed}"


def test_without_the_new_relations_nothing_changes() -> None:
    for seed in range(500):
        base = random_framework(random.Random(seed))
        empty = Framework(
            base.statements, dict(base.arguments), base.supports, base.attacks,
            dict(base.base_scores), (), (), (),
        )
        assert grounded(empty) == grounded(base)
        assert grounded_relations(base) == {}
        if seed % 10 == 0:  # a gradual pass on cyclic maps integrates: a sample is enough
            assert dfquad(base).relations == {}


def test_gradual_strengths_stay_in_range_and_converge_on_acyclic_weighing_maps() -> None:
    for seed in range(300):
        fw = random_weighing_framework(random.Random(seed), acyclic=True)
        for semantics in (dfquad, quadratic_energy):
            result = semantics(fw)
            assert set(result.strengths) == set(fw.statements) | set(fw.arguments)
            assert all(0.0 <= v <= 1.0 for v in result.strengths.values())
            assert all(0.0 <= v <= 1.0 for v in result.relations.values())


# --- validation -------------------------------------------------------------------------------


def test_bad_weighing_relations_are_named() -> None:
    with pytest.raises(UnknownIdError, match="'ghost'"):
        fw_of("a b", preferences="a>ghost")
    with pytest.raises(FrameworkError, match="support the framework does not have"):
        fw_of("a b", undercuts=(("a", ("support", "a", "b")),))
    with pytest.raises(FrameworkError, match="attack the framework does not have"):
        fw_of("a b", "a>b", undercuts=(("a", ("attack", "b", "a")),))
    with pytest.raises(FrameworkError, match="kind must be"):
        fw_of("a b", "a>b", undercuts=(("a", ("rebut", "a", "b")),))
    with pytest.raises(FrameworkError, match="is an argument, not a statement"):
        fw_of("p c", concessions="g>p", arguments={"g": (("p",), "c")})
