"""Grounded labelling: hand-made cases, and agreement with definitions on random frameworks."""

from __future__ import annotations

import random
from collections.abc import Mapping

from hypothesis import given, settings
from hypothesis import strategies as st
from random_frameworks import random_framework
from reference_semantics import (
    dung_grounded_by_defence,
    dung_labelling,
    grounded_by_definition,
)

from argmap.evaluation import Framework, Label, grounded

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def make(
    statements: str,
    attacks: str = "",
    supports: str = "",
    arguments: Mapping[str, tuple[tuple[str, ...], str]] | None = None,
) -> Framework:
    """A framework from compact text: statements "a b c", edges "b>a c>b" (source>target)."""

    def edges(text: str) -> tuple[tuple[str, str], ...]:
        return tuple((e.split(">")[0], e.split(">")[1]) for e in text.split())

    return Framework(
        statements=tuple(statements.split()),
        arguments=arguments or {},
        supports=edges(supports),
        attacks=edges(attacks),
    )


def test_unattacked_statement_stands_and_defeats_its_target() -> None:
    assert grounded(make("a b", "a>b")) == {"a": IN, "b": OUT}


def test_defended_statement_is_reinstated() -> None:
    assert grounded(make("a b c", "b>a c>b")) == {"a": IN, "b": OUT, "c": IN}


def test_mutual_attack_and_odd_cycle_stay_open() -> None:
    assert set(grounded(make("a b", "a>b b>a")).values()) == {UNDEC}
    assert set(grounded(make("a b c", "a>b b>c c>a")).values()) == {UNDEC}


def test_self_attacker_is_open_but_its_standing_attacker_defeats_it() -> None:
    assert grounded(make("a", "a>a")) == {"a": UNDEC}
    assert grounded(make("a b", "a>a b>a")) == {"a": OUT, "b": IN}


def test_statement_whose_only_reason_is_defeated_is_defeated() -> None:
    labels = grounded(make("c r x", attacks="x>r", supports="r>c"))
    assert labels == {"c": OUT, "r": OUT, "x": IN}


def test_one_standing_reason_is_enough() -> None:
    labels = grounded(make("c r1 r2 x", attacks="x>r1", supports="r1>c r2>c"))
    assert labels["c"] is IN


def test_reason_left_open_leaves_its_conclusion_open() -> None:
    labels = grounded(make("c r y", attacks="r>y y>r", supports="r>c"))
    assert labels == {"c": UNDEC, "r": UNDEC, "y": UNDEC}


def test_circular_support_alone_establishes_nothing() -> None:
    assert grounded(make("a b", supports="a>b b>a")) == {"a": UNDEC, "b": UNDEC}


def test_linked_argument_needs_all_its_premises() -> None:
    args = {"arg": (("p", "q"), "c")}
    assert grounded(make("c p q", arguments=args)) == {"c": IN, "p": IN, "q": IN, "arg": IN}
    labels = grounded(make("c p q x", attacks="x>q", arguments=args))
    assert labels == {"c": OUT, "p": IN, "q": OUT, "x": IN, "arg": OUT}


def test_undercut_defeats_the_argument_not_its_premises() -> None:
    args = {"arg": (("p", "q"), "c")}
    labels = grounded(make("c p q u", attacks="u>arg", arguments=args))
    assert labels == {"c": OUT, "p": IN, "q": IN, "u": IN, "arg": OUT}


def test_defeated_undercutter_restores_the_argument() -> None:
    args = {"arg": (("p",), "c")}
    labels = grounded(make("c p u v", attacks="u>arg v>u", arguments=args))
    assert labels == {"c": IN, "p": IN, "u": OUT, "v": IN, "arg": IN}


def test_labels_are_strings_with_the_documented_values() -> None:
    assert [label.value for label in Label] == ["in", "out", "undec"]
    assert Label("undec") is UNDEC
    assert str(IN) == "in"
    assert f"{OUT}" == "out"


def test_long_defence_chain_alternates() -> None:
    # s0 <- s1 <- ... <- s(n-1): the last one is unattacked, so labels alternate down the chain.
    n = 50_001
    names = tuple(f"s{i}" for i in range(n))
    fw = Framework(
        statements=names,
        arguments={},
        supports=(),
        attacks=tuple((names[i + 1], names[i]) for i in range(n - 1)),
    )
    labels = grounded(fw)
    assert all(labels[names[i]] is (IN if (n - 1 - i) % 2 == 0 else OUT) for i in range(n))


def test_long_support_chain_stands_on_its_root() -> None:
    n = 20_000
    names = tuple(f"s{i}" for i in range(n))
    chain = tuple((names[i], names[i + 1]) for i in range(n - 1))
    assert set(grounded(Framework(names, {}, chain, ())).values()) == {IN}
    undercut_root = Framework(names, {}, chain, ((names[-1], names[0]),))
    assert set(grounded(undercut_root).values()) == {UNDEC}


def test_agrees_with_the_definition_on_thousands_of_random_frameworks() -> None:
    for seed in range(5000):  # every other one acyclic: cycles leave much of a map UNDEC
        fw = random_framework(random.Random(seed), acyclic=seed % 2 == 0)
        expected = grounded_by_definition(fw)
        assert plain(grounded(fw)) == expected, f"seed {seed}: {fw}"


def test_without_support_equals_dungs_grounded_extension_on_thousands() -> None:
    for seed in range(3000):
        fw = random_framework(
            random.Random(seed), max_statements=9, max_arguments=0, max_supports=0, max_attacks=18
        )
        extension = dung_grounded_by_defence(fw.statements, fw.attacks)
        expected = dung_labelling(fw.statements, fw.attacks, extension)
        assert plain(grounded(fw)) == expected, f"seed {seed}: {fw}"


@settings(max_examples=200, deadline=None, database=None)
@given(st.randoms(use_true_random=False))
def test_agrees_with_the_definition_shrinking(rng: random.Random) -> None:
    # The same property under Hypothesis, which shrinks a failure to a minimal framework.
    fw = random_framework(rng)
    assert plain(grounded(fw)) == grounded_by_definition(fw)


def test_labelling_respects_every_attack() -> None:
    # Independent of the references: an IN attacker defeats its target, and an IN target has
    # only OUT attackers; an IN argument has only IN premises.
    for seed in range(2000):
        fw = random_framework(random.Random(seed))
        labels = grounded(fw)
        for attacker, target in fw.attacks:
            assert labels[attacker] is not IN or labels[target] is OUT
            assert labels[target] is not IN or labels[attacker] is OUT
        for aid, (premises, _) in fw.arguments.items():
            assert labels[aid] is not IN or all(labels[p] is IN for p in premises)


def plain(labels: dict[str, Label]) -> dict[str, str]:
    return {k: v.value for k, v in labels.items()}
