"""Base scores and verdicts for a whole brief at once agree with the rules for one statement.

``base_scores_of`` scores a large brief by bulk passes and scores only the statements whose
fields say more than their kind; ``base_score_source`` is the rule itself, statement by
statement. Random statements of every kind, with and without each field that can move a score,
said by the author, by another actor or by nobody, must get the same score from both.
"""

from __future__ import annotations

import math

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.estimative import (
    LIKELIHOOD_SCORES,
    OPEN_BAND,
    base_score_source,
    base_scores_of,
    verdict_label,
    verdict_labels,
)
from argmap.model import Claim, Objection, Premise, Recommendation

KINDS = (Claim, Premise, Objection, Recommendation)
AUTHORS = frozenset({"author"})

statement = st.builds(
    lambda kind, fields: kind(text="S", **fields),
    st.sampled_from(KINDS),
    st.fixed_dictionaries({}, optional={
        "base_score": st.sampled_from([0.0, 0.25, 1.0]),
        "likelihood": st.sampled_from(sorted(LIKELIHOOD_SCORES)),
        "qualifier": st.sampled_from(["perhaps", "almost certainly", "we think", ""]),
        "confidence": st.sampled_from(["low", "moderate", "high"]),
        "implicit": st.booleans(),
        "speaker": st.sampled_from(["author", "someone"]),
    }),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(statement, max_size=12), st.booleans())
def test_a_brief_at_once_scores_as_its_statements_one_by_one(
    items: list[object], plain_first: bool
) -> None:
    if plain_first:  # a long run of plain statements before the rest, as in a large brief
        items = [Premise(text="P"), Recommendation(text="R"), *items]
    pairs = [(f"s{i}", item) for i, item in enumerate(items)]
    one_by_one = {key: base_score_source(item, AUTHORS)[0] for key, item in pairs}
    assert base_scores_of(pairs, AUTHORS) == {
        key: score for key, score in one_by_one.items() if score is not None
    }


def test_plain_statements_get_their_kinds_scores() -> None:
    pairs = [("p", Premise(text="P")), ("r", Recommendation(text="R"))]
    assert base_scores_of(pairs, AUTHORS) == {
        "p": base_score_source(Premise(text="P"), AUTHORS)[0],
        "r": base_score_source(Recommendation(text="R"), AUTHORS)[0],
    }
    assert base_scores_of(pairs, AUTHORS)["p"] != base_scores_of(pairs, AUTHORS)["r"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(
    st.floats(min_value=0.0, max_value=1.0),
    st.sampled_from([0.0, 1.0, *OPEN_BAND, *(math.nextafter(end, 0.5) for end in OPEN_BAND),
                     *(math.nextafter(end, 2.0 * end - 0.5) for end in OPEN_BAND)]),
), max_size=20))
def test_verdicts_at_once_are_each_strengths_verdict(strengths: list[float]) -> None:
    named = {f"s{i}": value for i, value in enumerate(strengths)}
    assert verdict_labels(named) == {key: verdict_label(value) for key, value in named.items()}


def test_the_open_band_holds_its_ends() -> None:
    low, high = OPEN_BAND
    assert verdict_labels({"low": low, "high": high, "under": math.nextafter(low, 0.0),
                           "over": math.nextafter(high, 1.0)}) == {
        "low": "undec", "high": "undec", "under": "out", "over": "in"}
