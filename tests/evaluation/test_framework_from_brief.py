"""The framework read straight from a brief is the one read off its argument graph.

``argmap.evaluate(brief)`` skips the graph for speed (``analysis._framework_of_brief``); these
tests hold it to the graph's rules on random briefs that use every relation, with ids shared
across sections, references to questions, arguments and ids that do not exist, and undercuts of
relations that the brief does and does not state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.analysis import to_framework
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


def _same(brief: argmap.Brief) -> None:
    direct = to_framework(brief)
    through_graph = to_framework(ArgumentGraph(brief))
    for name in ("statements", "arguments", "supports", "attacks", "base_scores",
                 "preferences", "concessions", "undercuts"):
        assert getattr(direct, name) == getattr(through_graph, name), name


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


@pytest.mark.parametrize(
    "path",
    [*sorted((ROOT / "briefs").glob("*.yaml")), *sorted((ROOT / "examples").rglob("*.yaml"))],
    ids=lambda path: path.name,
)
def test_shipped_briefs_give_the_framework_of_their_graph(path: Path) -> None:
    _same(argmap.load(path))
