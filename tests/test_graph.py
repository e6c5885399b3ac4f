"""The argument graph and the chains of support through it."""

from __future__ import annotations

import argmap
from argmap.graph import ArgumentGraph, EdgeKind


def _brief(text: str) -> argmap.Brief:
    return argmap.loads("argmap: 1\nid: t\ntitle: T\n" + text)


def test_edges_are_typed_and_undercuts_point_at_arguments() -> None:
    brief = _brief(
        "premises:\n  a: {text: A}\n  b: {text: B}\n"
        "claims:\n  c: {text: C}\n"
        "objections:\n  o: {text: O, attacks: [arg, c]}\n"
        "arguments:\n  arg: {premises: [a, b], conclusion: c}\n"
    )
    graph = ArgumentGraph(brief)
    kinds = sorted((e.source, e.target, e.kind.value, e.is_undercut) for e in graph.edges)
    assert kinds == [
        ("a", "arg", "premise", False),
        ("arg", "c", "conclusion", False),
        ("b", "arg", "premise", False),
        ("o", "arg", "attack", True),
        ("o", "c", "attack", False),
    ]
    assert graph.reasons_for("c") == ["arg"]
    assert graph.premises_of("arg") == ["a", "b"]
    assert graph.attackers_of("arg") == ["o"]


def test_dangling_references_are_kept_out_of_the_edges() -> None:
    graph = ArgumentGraph(_brief("claims:\n  a: {text: A, supports: [nope]}\n"))
    assert graph.edges == ()
    [ref] = graph.dangling
    assert (ref.source, ref.target, ref.path) == ("a", "nope", ("claims", "a", "supports", 0))


def test_support_cycle_is_found_through_an_argument_and_printed_in_order() -> None:
    brief = _brief(
        "premises:\n  a: {text: A}\n  b: {text: B, supports: [c]}\n"
        "claims:\n  c: {text: C, supports: [a]}\n"
        "arguments:\n  g: {premises: [a, b], conclusion: b}\n"
    )
    assert ArgumentGraph(brief).support_cycles() == [["c", "a", "g", "b"]]


def test_long_chains_do_not_hit_the_recursion_limit() -> None:
    n = 5000
    rows = [f"  s{i}: {{text: S{i}, supports: [s{i + 1}]}}" for i in range(n)]
    rows.append(f"  s{n}: {{text: last}}")
    graph = ArgumentGraph(_brief("premises:\n" + "\n".join(rows) + "\n"))
    assert graph.support_cycles() == []
    assert len(argmap.chains(graph, f"s{n}")) == 1


def test_chains_run_from_unsupported_premises_through_linked_arguments() -> None:
    brief = _brief(
        "premises:\n"
        "  russia-holds-cards: {text: R, supports: [russia-can-be-generous]}\n"
        "  russia-won: {text: W}\n"
        "  gains-secure: {text: G}\n"
        "claims:\n"
        "  russia-can-be-generous: {text: C, supports: [russia-should-show-magnanimity]}\n"
        "recommendations:\n"
        "  russia-should-show-magnanimity: {text: M}\n"
        "arguments:\n"
        "  costless: {premises: [russia-won, gains-secure], conclusion: russia-should-show-magnanimity}\n"
    )
    chains = [str(c) for c in argmap.chains(brief, "russia-should-show-magnanimity")]
    # Equal lengths, so the brief's order decides: premises come before arguments.
    assert chains == [
        "russia-holds-cards -> russia-can-be-generous -> russia-should-show-magnanimity",
        "russia-won -> costless -> russia-should-show-magnanimity",
        "gains-secure -> costless -> russia-should-show-magnanimity",
    ]


def test_neighbourhood_follows_edges_both_ways() -> None:
    brief = _brief(
        "premises:\n  a: {text: A, supports: [b]}\n  b: {text: B, supports: [c]}\n"
        "claims:\n  c: {text: C}\n  d: {text: D, attacks: [c]}\n"
    )
    graph = ArgumentGraph(brief)
    assert graph.neighbourhood("c", 1) == {"b", "c", "d"}
    assert graph.neighbourhood("c", 2) == {"a", "b", "c", "d"}
    assert sorted((e.source, e.kind) for e in graph.incoming("c")) == [
        ("b", EdgeKind.SUPPORT),
        ("d", EdgeKind.ATTACK),
    ]
