"""Argumentation schemes: the catalogue, its generated documentation, and the critical
questions ``argmap summary`` lists as open."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.convert import read_file
from argmap.schemes import SCHEMES, find_scheme, open_questions, schemes_markdown

ROOT = Path(__file__).resolve().parents[1]

BRIEF = """
argmap: 1
id: tram
title: Tram
claims:
  traffic: {text: The tram would cut traffic.}
premises:
  says: {text: Dr Weber says so.}
  expert: {text: Dr Weber is an expert.}
  grows:
    text: The tram brings growth.
    supports: [traffic]
    scheme: {traffic: Positive Consequences}
    answered: [likely]
arguments:
  weber:
    premises: [says, expert]
    conclusion: traffic
    scheme: Argument From Expert Opinion
    answered: [expertise, field]
"""


def test_docs_schemes_md_is_generated_from_the_catalogue() -> None:
    assert (ROOT / "docs" / "schemes.md").read_text(encoding="utf-8") == schemes_markdown(), (
        "docs/schemes.md is stale: run 'python -m argmap.schemes > docs/schemes.md'")


@pytest.mark.parametrize("name", ["Argument From Expert Opinion", "Expert Opinion",
                                  "argument-from-expert-opinion", "ARGUMENT FROM EXPERT OPINION",
                                  "Expert Opinion Argument"])
def test_scheme_names_match_however_spelt(name: str) -> None:
    assert find_scheme(name) is SCHEMES[0]


def test_unknown_schemes_have_no_questions() -> None:
    assert find_scheme("Argument From Astrology") is None
    assert find_scheme(None) is None


def test_question_keys_are_unique_within_each_scheme() -> None:
    for scheme in SCHEMES:
        keys = [q.key for q in scheme.questions]
        assert len(keys) == len(set(keys)), scheme.name


def test_open_questions_leave_out_the_answered_ones() -> None:
    found = open_questions(argmap.ArgumentGraph(argmap.loads(BRIEF)))
    by_source = {item.source: item for item in found}
    assert [q.key for q in by_source["weber"].questions] == [
        "said", "reliable", "consistent", "evidence"]
    assert by_source["grows"].target == "traffic"
    assert [q.key for q in by_source["grows"].questions] == ["evidence", "opposite"]


def test_the_summary_lists_the_open_critical_questions() -> None:
    text = argmap.to_markdown(argmap.loads(BRIEF))
    assert "Critical questions left open" in text
    assert "Do other experts agree?" in text
    assert "How credible is the source as an expert?" not in text


def test_imported_aif_schemes_are_known() -> None:
    brief = read_file(ROOT / "tests" / "fixtures" / "convert" / "aif" / "aifdb-debate.json").brief
    (argument,) = brief.arguments.values()
    assert find_scheme(argument.scheme) is SCHEMES[0]
