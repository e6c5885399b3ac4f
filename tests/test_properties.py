"""Property tests: whatever a brief file holds, argmap answers with diagnostics, not crashes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.checking import check
from argmap.loading import read_text

SEED = (Path(__file__).parent / "fixtures" / "valid" / "minimal.yaml").read_text()
IDS = ["a", "b", "c", "russia", "g", "nope", "Bad_Id", ""]
YAML_BITS = [
    "\n",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "&a ",
    "*a",
    "!!python/object ",
    "'",
    '"',
    "#",
    "\t",
    "  ",
    "---\n",
    "? ",
    "|\n",
    ">\n",
    "argmap",
    "text",
    "supports",
    "\x00",
    "\ufeff",
    "\u2019",
]


def _never_raises(text: str) -> None:
    result = read_text(text, path="fuzz.yaml")
    for diagnostic in result.diagnostics:
        assert diagnostic.line is None or diagnostic.line >= 1
    if result.brief is not None:
        check(result.brief)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_random_text_never_raises(text: str) -> None:
    _never_raises(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, len(SEED)), st.integers(0, 6), st.sampled_from(YAML_BITS)),
        max_size=8,
    )
)
def test_mutated_briefs_never_raise(edits: list[tuple[int, int, str]]) -> None:
    text = SEED
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    _never_raises(text)


statement = st.fixed_dictionaries(
    {"text": st.text(min_size=1, max_size=20)},
    optional={
        "supports": st.lists(st.sampled_from(IDS), max_size=3),
        "attacks": st.lists(st.sampled_from(IDS), max_size=3),
        "quote": st.one_of(st.text(max_size=10), st.lists(st.text(max_size=5), max_size=2)),
        "speaker": st.sampled_from(IDS),
        "addressee": st.sampled_from(IDS),
    },
)
brief_dicts = st.fixed_dictionaries(
    {"argmap": st.just(1), "id": st.sampled_from(IDS), "title": st.text(min_size=1, max_size=10)},
    optional={
        "actors": st.dictionaries(
            st.sampled_from(IDS), st.fixed_dictionaries({"name": st.text(min_size=1)}), max_size=2
        ),
        "claims": st.dictionaries(st.sampled_from(IDS), statement, max_size=3),
        "premises": st.dictionaries(st.sampled_from(IDS), statement, max_size=3),
        "objections": st.dictionaries(st.sampled_from(IDS), statement, max_size=3),
        "recommendations": st.dictionaries(st.sampled_from(IDS), statement, max_size=3),
        "arguments": st.dictionaries(
            st.sampled_from(IDS),
            st.fixed_dictionaries(
                {
                    "premises": st.lists(st.sampled_from(IDS), max_size=3),
                    "conclusion": st.sampled_from(IDS),
                }
            ),
            max_size=2,
        ),
        "expect": st.fixed_dictionaries({}, optional={"stands": st.lists(st.sampled_from(IDS))}),
    },
)


@settings(max_examples=300, deadline=None)
@given(brief_dicts)
def test_random_briefs_check_and_round_trip(data: dict[str, object]) -> None:
    try:
        brief = argmap.Brief.model_validate(data)
    except ValueError:
        return  # pydantic's ValidationError is a ValueError: a structural problem, reported
    for diagnostic in check(brief):
        assert diagnostic.code.startswith("AM")
    assert argmap.loads(argmap.dumps(brief)) == brief
    argmap.chains(brief, next(iter(brief.statements), "x")) if brief.statements else None
