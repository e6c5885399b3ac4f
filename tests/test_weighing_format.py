"""The weighing parts of the format: concessions, preferences, undercuts of relations, implicit
statements and questions with options. They load, dump back equal, reach the graph as typed
edges, and broken references in them are reported where they were written."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.checking import check
from argmap.graph import ArgumentGraph, EdgeKind, NodeKind, Relation
from argmap.loading import read_text
from argmap.model import AttackRef, SupportRef

FIXTURES = Path(__file__).parent / "fixtures"
WEIGHING = FIXTURES / "valid" / "weighing.yaml"


def _brief(text: str) -> argmap.Brief:
    return argmap.loads("argmap: 1\nid: t\ntitle: T\n" + text)


def _codes(text: str) -> list[tuple[str, int | None, str]]:
    result = read_text("argmap: 1\nid: t\ntitle: T\n" + text, path="t.yaml")
    found = list(result.diagnostics)
    if result.brief is not None:
        found += check(result.brief)
    return [(d.code, d.line, d.message + (f" ({d.hint})" if d.hint else "")) for d in found]


def test_the_weighing_fields_load_as_typed_values() -> None:
    brief = argmap.load(WEIGHING)
    assert brief.premises["price-worth-paying"].concedes == ["claimed-as-victories"]
    assert brief.premises["trust-is-not-built-by-talk"].outweighs == ["recognition-settled"]
    assert brief.premises["trust-is-not-built-by-talk"].undercuts == [
        SupportRef(support="dialogue-builds-trust", to="informal-dialogue")
    ]
    assert brief.premises["talks-need-no-approval"].undercuts == [
        AttackRef(attack="government-withholds-approval", to="informal-dialogue")
    ]
    assert brief.premises["contacts-matter-little"].undercuts == ["contacts-argument"]
    assert brief.objections["government-withholds-approval"].implicit is True
    assert brief.objections["claimed-as-victories"].implicit is False
    question = brief.questions["how-to-start-dialogue"]
    assert question.options == ["official-dialogue", "informal-dialogue"]


def test_a_brief_with_every_weighing_field_dumps_and_loads_back_equal() -> None:
    brief = argmap.load(WEIGHING)
    text = argmap.dumps(brief)
    assert argmap.loads(text) == brief
    # A loaded brief is written back in its author's own spelling (comments and flow style kept).
    assert "- {support: dialogue-builds-trust, to: informal-dialogue}" in text
    assert "implicit: true" in text
    # A brief built in code has no original text: the writer spells the relation out itself.
    fresh = argmap.Brief.model_validate(brief.model_dump(exclude_defaults=True))
    written = argmap.dumps(fresh)
    assert argmap.loads(written) == brief
    assert "- support: dialogue-builds-trust\n      to: informal-dialogue" in written
    # Defaults are not written: a brief without the new fields dumps as before.
    plain = argmap.dumps(argmap.load(FIXTURES / "valid" / "minimal.yaml"))
    for key in ("concedes", "outweighs", "undercuts", "implicit", "questions"):
        assert key not in plain


def test_the_graph_has_an_edge_for_each_new_relation() -> None:
    graph = ArgumentGraph(argmap.load(WEIGHING))
    kinds = {(e.source, e.target): e.kind for e in graph.edges}
    assert kinds[("price-worth-paying", "claimed-as-victories")] is EdgeKind.CONCEDES
    assert kinds[("trust-is-not-built-by-talk", "recognition-settled")] is EdgeKind.OUTWEIGHS
    assert kinds[("how-to-start-dialogue", "official-dialogue")] is EdgeKind.OPTION
    assert kinds[("contacts-matter-little", "contacts-argument")] is EdgeKind.ATTACK
    assert graph.nodes["how-to-start-dialogue"].kind is NodeKind.QUESTION
    assert graph.options_of("how-to-start-dialogue") == ["official-dialogue", "informal-dialogue"]
    assert [n.id for n in graph.questions()] == ["how-to-start-dialogue"]
    # Questions are not statements: evaluation and the statement lists leave them out.
    assert "how-to-start-dialogue" not in {n.id for n in graph.statements()}
    assert graph.nodes["government-withholds-approval"].implicit


def test_undercuts_of_relations_name_the_relation_and_stay_out_of_the_edges() -> None:
    graph = ArgumentGraph(argmap.load(WEIGHING))
    support = Relation(EdgeKind.SUPPORT, "dialogue-builds-trust", "informal-dialogue")
    attack = Relation(EdgeKind.ATTACK, "government-withholds-approval", "informal-dialogue")
    assert [e.relation for e in graph.undercuts] == [attack, support]
    assert all(e.kind is EdgeKind.UNDERCUT and e.is_undercut for e in graph.undercuts)
    assert graph.undercutters_of_relation(support) == ["trust-is-not-built-by-talk"]
    assert [e.relation for e in graph.undercuts_by("talks-need-no-approval")] == [attack]
    assert graph.is_connected("talks-need-no-approval")
    assert support.key == "support:dialogue-builds-trust->informal-dialogue"
    # Every edge in graph.edges joins two nodes, so renderers can draw them all.
    assert all(e.source in graph.nodes and e.target in graph.nodes for e in graph.edges)


def test_undercutting_the_support_an_argument_gives_undercuts_the_argument() -> None:
    graph = ArgumentGraph(_brief(
        "premises:\n  a: {text: A}\n  b: {text: B}\n"
        "  u: {text: U, undercuts: [{support: arg, to: c}]}\n"
        "claims:\n  c: {text: C}\n"
        "arguments:\n  arg: {premises: [a, b], conclusion: c}\n"
    ))
    assert graph.undercuts == ()
    assert graph.attackers_of("arg") == ["u"]
    assert [e.is_undercut for e in graph.incoming("arg", EdgeKind.ATTACK)] == [True]


def test_conceding_and_outweighing_are_not_support() -> None:
    # a supports b, b concedes a, a outweighs b: no circle of support.
    graph = ArgumentGraph(_brief(
        "premises:\n  a: {text: A, supports: [b], outweighs: [b]}\n"
        "  b: {text: B, concedes: [a]}\n"
    ))
    assert graph.support_cycles() == []
    assert graph.support_successors("b") == []


def test_an_undercut_entry_of_the_wrong_shape_is_a_clear_error_at_its_line() -> None:
    stem = "premises:\n  r:\n    text: R.\n    undercuts: "
    [(code, line, message)] = _codes(stem + "[{support: r}]\n")
    assert (code, line) == ("AM010", 7)
    assert message == "the required key 'to' is missing in item 1 of 'undercuts'"
    [(code, line, message)] = _codes(stem + "[{supprt: r, to: r}]\n")
    assert (code, line) == ("AM010", 7)
    assert "an undercut names an argument id, or a mapping {support: FROM, to: TO}" in message
    [(code, _, message)] = _codes(stem + "[{support: r, to: r, by: x}]\n")
    assert (code, message) == ("AM011", "unknown key 'by' (allowed keys: attack, support, to)")
    [(code, _, message)] = _codes("premises:\n  r: {text: R., implicit: 'yes'}\n")
    assert (code, message) == ("AM010", "'implicit' must be true or false, not the text 'yes'")


@pytest.mark.parametrize(
    ("body", "code", "needle"),
    [
        ("  a: {text: A, concedes: [bb]}\n  b: {text: B}\n", "AM101", "did you mean"),
        ("  a: {text: A, outweighs: [a]}\n", "AM104", "'a' outweighs itself"),
        ("  a: {text: A, undercuts: [b]}\n  b: {text: B}\n", "AM105", "must name an argument"),
        (
            "  a: {text: A, supports: [b]}\n  b: {text: B}\n"
            "  u: {text: U, undercuts: [{attack: a, to: b}]}\n",
            "AM101",
            "write {support: a, to: b}",
        ),
    ],
)
def test_reference_checks_cover_the_weighing_fields(body: str, code: str, needle: str) -> None:
    found = [(c, m) for c, _, m in _codes("premises:\n" + body)]
    assert any(c == code and needle in m for c, m in found), found


def test_a_one_premise_argument_draws_no_warning_when_something_undercuts_it() -> None:
    stem = (
        "premises:\n  a: {text: A}\nclaims:\n  c: {text: C}\n"
        "arguments:\n  arg: {premises: [a], conclusion: c}\n"
    )
    assert "AM206" in [c for c, _, _ in _codes(stem)]
    undercut = stem + "objections:\n  o: {text: O, undercuts: [arg]}\n"
    assert [c for c, _, _ in _codes(undercut)] == []
    attacked = stem + "objections:\n  o: {text: O, attacks: [arg]}\n"
    assert [c for c, _, _ in _codes(attacked)] == []


def test_a_question_id_shares_the_one_namespace() -> None:
    found = _codes(
        "claims:\n  q: {text: C}\nquestions:\n  q: {text: Q?}\n  Bad_Q: {text: Q?}\n"
    )
    assert [c for c, _, _ in found if c not in ("AM205", "AM505")] == ["AM102", "AM103"]


def test_supports_and_attacks_cannot_name_a_question() -> None:
    found = _codes(
        "questions:\n  q: {text: Q?, options: [a]}\n"
        "premises:\n  a: {text: A, supports: [q], attacks: [q]}\n"
    )
    found = [f for f in found if f[0] != "AM505"]  # one option: a question weighs two
    assert [c for c, _, _ in found] == ["AM105", "AM105"]
    assert "which is a question" in found[0][2]
