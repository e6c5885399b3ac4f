"""Whatever the text, a draft's quotes are found by argmap's own quote check, and it validates."""

from __future__ import annotations

import pytest

pytest.importorskip("syntok")

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import argmap
from argmap.diagnostics import Severity
from argmap.draft.build import DraftError
from argmap.quotes import SourceText

WORDS = ["Russia", "Georgia", "should", "must", "but", "because", "however", "so", "since",
         "although", "therefore", "the", "talks", "war", "said", "told", "Karasin", "he",
         "might", "risk", "There", "is", "a", "It", "necessary", "to", "recog-", "nition",
         "\u201cWe", "act,\u201d", "(Reuters.)", "U.S.", "Obstacles", "CONCLUSION", "-", "\u2022",
         "1.", "which", "means", "Since", "then,", "e.g.", "3.5", "?", "!", ":", ";", ","]
PIECES = st.sampled_from([*WORDS, ".", ". ", "\n", "\n\n", " \n\n", "-\n", "  ", "\t", "\r\n"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=80).map(" ".join))
def test_every_drafted_quote_is_found_and_the_brief_checks_clean(text: str) -> None:
    try:
        brief = argmap.draft(text)
    except DraftError:
        return
    source = SourceText(text)
    quotes = [q for s in brief.statements.values() for q in s.quotes]
    assert source.missing(quotes) == []
    reloaded = argmap.loads(argmap.dumps(brief))
    errors = [d for d in argmap.check(reloaded) if d.severity is Severity.ERROR]
    assert errors == [], [str(d) for d in errors]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300))
def test_any_characters_draft_or_are_refused_cleanly(text: str) -> None:
    try:
        brief = argmap.draft(text)
    except DraftError:
        return
    quotes = [q for s in brief.statements.values() for q in s.quotes]
    assert SourceText(text).missing(quotes) == []
    assert argmap.loads(argmap.dumps(brief)) == brief
