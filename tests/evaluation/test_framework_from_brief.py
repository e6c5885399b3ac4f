"""The framework read straight from a brief is the one read off its argument graph.

``argmap.evaluate(brief)`` skips the graph for speed (``analysis._framework_of_brief``); these
tests hold it to the graph's rules on random briefs that use every relation, with ids shared
across sections, references to questions, arguments and ids that do not exist, and undercuts of
relations that the brief does and does not state.

A brief whose references all resolve, with no relation stated twice and nothing to spread,
takes a quicker route that hands the framework its ids already resolved
(``Framework._prepared``): there the compiled index must also be the one the framework's own
constructor compiles from the same fields.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import to_framework
from argmap.evaluation import Framework
from argmap.evaluation.framework import FrameworkIndex
from argmap.graph import ArgumentGraph

ROOT = Path(__file__).resolve().parents[2]
IDS = ["a", "b", "c", "d", "e", "g", "q"]  # few, so that ids meet and collide
ref = st.sampled_from(IDS)
refs = st.lists(ref, max_size=3)
undercut = st.one_of(
    ref,
    st.fixed_dictionaries({"support": ref, "to": ref}),
    st.fixed_dictionaries({"attack": ref, "to": ref}),
)
statement = st.fixed_dictionaries(
    {"text": st.just("S")},
    optional={
        "supports": refs,
        "attacks": refs,
        "concedes": refs,
        "outweighs": refs,
        "undercuts": st.lists(undercut, max_size=3),
        "rephrases": refs,
        "contrary": refs,
        "contradicts": refs,
        "base_score": st.sampled_from([0.0, 0.3, 1.0]),
        "qualifier": st.sampled_from(["perhaps", "almost certainly", "we think"]),
    },
)
section = st.dictionaries(ref, statement, max_size=4)
briefs = st.fixed_dictionaries(
    {"argmap": st.just(1), "id": st.just("random"), "title": st.just("Random")},
    optional={
        "claims": section,
        "premises": section,
        "objections": section,
        "recommendations": section,
        "arguments": st.dictionaries(
            ref, st.fixed_dictionaries({"premises": refs, "conclusion": ref}), max_size=3
        ),
        "questions": st.dictionaries(
            ref, st.fixed_dictionaries({"text": st.just("Q?"), "options": refs}), max_size=1
        ),
    },
)


FIELDS = ("statements", "arguments", "supports", "attacks", "base_scores", "preferences",
          "concessions", "undercuts")

# Briefs the quicker route can take: every reference resolves to a statement (the ids of the
# statements and of the arguments do not meet) and nothing is spread; a statement may name a
# target twice.
STATEMENT_IDS = ["a", "b", "c", "d", "e"]
plain_refs = st.lists(st.sampled_from(STATEMENT_IDS), max_size=4)
plain_statement = st.fixed_dictionaries(
    {"text": st.just("S")},
    optional={
        "supports": plain_refs,
        "attacks": st.lists(st.sampled_from([*STATEMENT_IDS, "g"]), max_size=4),
        "concedes": plain_refs,
        "outweighs": plain_refs,
        "undercuts": st.lists(st.one_of(
            st.fixed_dictionaries({"support": st.sampled_from(STATEMENT_IDS),
                                   "to": st.sampled_from(STATEMENT_IDS)}),
            st.fixed_dictionaries({"attack": st.sampled_from(STATEMENT_IDS),
                                   "to": st.sampled_from([*STATEMENT_IDS, "g"])}),
        ), max_size=3),
        "base_score": st.sampled_from([0.0, 0.3, 1.0]),
    },
)
plain_briefs = st.fixed_dictionaries({
    "argmap": st.just(1), "id": st.just("plain"), "title": st.just("Plain"),
    "premises": st.fixed_dictionaries(dict.fromkeys(STATEMENT_IDS, plain_statement)),
    "arguments": st.just({"g": {"premises": ["a", "b"], "conclusion": "c"}}),
})


def _same(brief: argmap.Brief) -> Framework:
    direct = to_framework(brief)
    through_graph = to_framework(ArgumentGraph(brief))
    for name in FIELDS:
        assert getattr(direct, name) == getattr(through_graph, name), name
    # However the framework was built, its index is the one its constructor compiles.
    rebuilt = Framework(**{name: getattr(direct, name) for name in FIELDS})
    for slot in FrameworkIndex.__slots__:
        assert getattr(direct._index, slot) == getattr(rebuilt._index, slot), slot
    return direct


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(briefs)
def test_random_briefs_give_the_framework_of_their_graph(data: dict[str, object]) -> None:
    try:
        brief = argmap.Brief.model_validate(data)
    except ValueError:
        return  # not a brief at all: nothing to evaluate
    _same(brief)
    for semantics in ("grounded", "dfquad"):
        assert argmap.evaluate(brief, semantics) == argmap.evaluate(ArgumentGraph(brief), semantics)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plain_briefs)
def test_plain_briefs_take_the_quicker_route_to_the_same_framework(
    data: dict[str, object],
) -> None:
    brief = argmap.Brief.model_validate(data)
    assert "_unspelled" in to_framework(brief).__dict__  # the quicker route was taken
    _same(brief)
    for semantics in ("grounded", "dfquad", "quadratic-energy"):
        assert argmap.evaluate(brief, semantics) == argmap.evaluate(ArgumentGraph(brief), semantics)


def test_a_quickly_built_framework_spells_its_relations_when_read() -> None:
    brief = argmap.Brief.model_validate({
        "argmap": 1, "id": "plain", "title": "Plain",
        "premises": {"a": {"text": "A", "supports": ["b"], "attacks": ["c", "g"]},
                     "b": {"text": "B", "attacks": ["a"]}, "c": {"text": "C"}},
        "arguments": {"g": {"premises": ["b", "c"], "conclusion": "a"}},
    })
    fw = to_framework(brief)
    assert set(fw.__dict__["_unspelled"]) == {"supports", "attacks", "base_scores"}
    assert fw.attacks == (("a", "c"), ("a", "g"), ("b", "a"))
    assert fw.supports == (("a", "b"),)
    assert dict(fw.base_scores) == {"a": 0.875, "b": 0.875, "c": 0.875}  # plain assertions
    assert not fw.__dict__["_unspelled"]  # spelled once, then plain attributes
    assert to_framework(brief, scores=False).base_scores == {}
    assert fw == dataclasses.replace(fw) == to_framework(brief)
    unread = to_framework(brief)
    shallow = copy.copy(unread)  # shares what is not yet spelled
    assert shallow.attacks == unread.attacks == fw.attacks
    assert unread.supports == shallow.supports == fw.supports
    assert "('a', 'c')" in repr(to_framework(brief))
    with pytest.raises(AttributeError, match="no attribute 'attack'"):
        _ = fw.attack  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "briefs").glob("*.yaml")), *sorted((ROOT / "examples").rglob("*.yaml"))],
    ids=lambda path: path.name,
)
def test_shipped_briefs_give_the_framework_of_their_graph(path: Path) -> None:
    _same(argmap.load(path))
