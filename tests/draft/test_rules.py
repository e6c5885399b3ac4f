"""Every drafting rule fires on its own documented example; the guesses each makes."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("syntok")

import argmap
from argmap.draft.docs import draft_markdown
from argmap.draft.rules import RULES, Rule

DRAFT_MD = Path(__file__).resolve().parents[2] / "docs" / "draft.md"
TEXTS = Path(__file__).parent / "texts"
# Segmentation rules that leave no trace in a note; tests/draft/test_segment.py pins each.
SILENT = {"join-broken-lines", "join-hyphenated-words", "heading", "bullet-item", "skip-aside"}


def test_docs_draft_md_is_generated_from_the_rule_table() -> None:
    assert DRAFT_MD.read_text(encoding="utf-8") == draft_markdown(), (
        "docs/draft.md is stale: run 'python -m argmap.draft.docs > docs/draft.md'")


def test_rule_names_are_unique_and_documented() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    for r in RULES:
        assert r.summary.endswith(".") and r.example and r.yields, r.name


@pytest.mark.parametrize("rule", [r for r in RULES if r.name not in SILENT], ids=lambda r: r.name)
def test_each_rule_fires_on_its_example(rule: Rule) -> None:
    brief = argmap.draft(rule.example)
    notes = " ".join(s.note or "" for s in brief.statements.values())
    assert rule.name in notes, notes


def statement(brief: argmap.Brief, start: str) -> argmap.Statement:
    found = [s for s in brief.statements.values() if s.text.startswith(start)]
    assert len(found) == 1, [s.text for s in brief.statements.values()]
    return found[0]


def test_news_text_speakers_addressees_and_actors() -> None:
    brief = argmap.draft((TEXTS / "news.txt").read_text(encoding="utf-8"))
    first = statement(brief, "Armenia should open the border first")
    assert first.kind == "recommendation" and first.speaker == "turkey"
    assert isinstance(first, argmap.Recommendation) and first.addressees == ("armenia",)
    assert first.quote == "Armenia should open the border first"  # the dateline is left out
    closed = statement(brief, "It was not Turkey that closed the border")
    assert closed.speaker == "yilmaz"
    assert brief.actors["yilmaz"].name == "Mehmet Yilmaz"
    assert brief.actors["yilmaz"].role == "Turkey\u2019s Deputy Foreign Minister"
    quoted = statement(brief, "Perhaps it is not we")
    assert quoted.speaker == "yilmaz" and quoted.qualifier == "perhaps"
    assert quoted.quote == "Perhaps it is not we who should take the first step"
    assert statement(brief, "There are formal frames").speaker == "petrosyan"
    assert statement(brief, "The protocols signed in 2009").speaker == "petrosyan"
    told = statement(brief, "Normal relations are not on the agenda")
    assert told.speaker == "petrosyan" and "told Armenpress" in (told.note or "")
    assert "armenpress" in brief.actors
    assert statement(brief, "Otherwise, opening the border").speaker == "petrosyan"
    answer = statement(brief, "Armenia answers")
    assert answer.kind == "objection" and answer.speaker == "armenia"
    assert answer.attacks == [next(i for i, s in brief.statements.items() if s is first)]


def test_policy_text_kinds_relations_and_sections() -> None:
    brief = argmap.draft((TEXTS / "policy.txt").read_text(encoding="utf-8"))
    ids = {s.text: i for i, s in brief.statements.items()}
    assert brief.sections == ["SUMMARY", "Why It Matters", "Recommendations"]
    trade = statement(brief, "Trade has fallen by half")
    assert trade.kind == "premise" and trade.supports == [ids["The border regions are poorer than ever."]]
    reason = statement(brief, "Trade must go through a third country")
    assert reason.kind == "premise" and reason.supports == [ids["The closure hurts both economies."]]
    assert statement(brief, "No crossing has reopened").attacks == [
        ids["The governments have talked for years."]]
    for text in ("Reopen the rail link", "The EU should fund", "It is necessary to train",
                 "We recommend three steps", "Ensure that monitors"):
        assert statement(brief, text).kind == "recommendation", text
    assert statement(brief, "The EU should fund").section == "Recommendations"
    critics = statement(brief, "Critics argue")
    assert critics.kind == "objection"
    assert critics.attacks == [ids["It is necessary to train border staff on both sides."]]
    reply = statement(brief, "The costs of waiting are probably higher")
    assert reply.attacks == [ids[critics.text]] and reply.qualifier == "probably"


def test_every_statement_is_marked_as_a_guess() -> None:
    brief = argmap.draft((TEXTS / "policy.txt").read_text(encoding="utf-8"))
    assert brief.statements
    for item in brief.statements.values():
        assert item.tags == ["draft"] and (item.note or "").startswith("Guessed by argmap draft")


def test_ids_are_readable_unique_kebab_case() -> None:
    brief = argmap.draft("Russia should show magnanimity. Russia should show magnanimity! "
                         "The West cannot ask Georgia to crawl to the table.")
    assert sorted(brief.statements) == ["russia-should-show-magnanimity",
                                        "russia-should-show-magnanimity-2",
                                        "west-cannot-ask-georgia-crawl"]


def test_an_empty_text_is_an_error_not_a_brief() -> None:
    with pytest.raises(argmap.ArgmapError, match="empty"):
        argmap.draft("  \n\n ")
