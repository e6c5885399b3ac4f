"""Acceptance over the shipped briefs: they are clean, thorough and true to their sources."""

from __future__ import annotations

from pathlib import Path

import pytest

import argmap
from argmap.quotes import SourceText

BRIEFS = Path(__file__).resolve().parents[1] / "briefs"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _brief(name: str) -> argmap.Brief:
    return argmap.load(BRIEFS / f"{name}.yaml")


@pytest.mark.parametrize("name", ["georgia-russia-dialogue", "karasin-abashidze-2014"])
def test_shipped_brief_has_no_findings_at_all(name: str) -> None:
    assert argmap.check(_brief(name)) == []


@pytest.mark.parametrize(
    ("name", "seed"),
    [
        ("georgia-russia-dialogue", "000_4bd09305b4c37f71.txt"),
        ("karasin-abashidze-2014", "003_1486991b7c598a00.txt"),
    ],
)
def test_sources_are_the_seed_documents_unchanged(name: str, seed: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip("the seed documents are not beside this checkout")
    assert (BRIEFS / "sources" / f"{name}.txt").read_bytes() == (SEEDS / seed).read_bytes()


def test_the_georgia_map_quotes_every_statement_in_its_section() -> None:
    brief = _brief("georgia-russia-dialogue")
    source = SourceText((BRIEFS / "sources" / "georgia-russia-dialogue.txt").read_text())
    assert len(brief.statements) >= 40
    for key, statement in brief.statements.items():
        assert statement.section in brief.sections, key
        if statement.implicit:
            assert not statement.quotes, f"{key} is unstated, yet quotes the text"
            continue
        assert statement.quotes, f"{key} has no quote"
        assert all(source.find(q) is not None for q in statement.quotes), key


def test_the_georgia_map_states_its_question_and_the_five_options_the_author_weighs() -> None:
    brief = _brief("georgia-russia-dialogue")
    (question,) = brief.questions.values()
    assert question.quote == ("The question is how to get such a dialogue going in current "
                              "conditions.")
    assert question.options == [
        "open-official-dialogue", "promote-informal-dialogue",
        "broaden-to-region-wide-discussion", "russia-should-show-magnanimity",
        "promote-georgian-dialogue-with-breakaways",
    ]
    assert all(option in brief.recommendations for option in question.options)
    # Every option's verdict is pinned, so CI notices when an edit overturns one.
    assert brief.expect is not None
    pinned = set(brief.expect.stands) | set(brief.expect.falls)
    assert set(question.options) <= pinned


def test_the_georgia_map_keeps_every_hedge_in_the_words_a_reader_sees() -> None:
    brief = _brief("georgia-russia-dialogue")
    for key, statement in brief.statements.items():
        if statement.qualifier:
            assert statement.qualifier.lower() in statement.text.lower(), key


def test_the_georgia_map_grants_the_risks_of_flexibility_and_weighs_them() -> None:
    brief = _brief("georgia-russia-dialogue")
    risks = {"concessions-claimed-as-victories", "georgia-learns-intransigence-works"}
    assert {brief.objections[r].attacks[0] for r in risks} == {"russia-should-show-magnanimity"}
    conceded = {c for s in brief.statements.values() for c in s.concedes}
    assert risks <= conceded
    assert not any(r in s.attacks for s in brief.statements.values() for r in risks)
    assert risks <= set(brief.recommendations["russia-should-show-magnanimity"].outweighs)
    assert brief.expect is not None and risks <= set(brief.expect.stands)


def test_the_georgia_map_spells_out_what_the_text_leaves_unsaid() -> None:
    brief = _brief("georgia-russia-dialogue")
    implicit = {key for key, s in brief.statements.items() if s.implicit}
    assert {"georgian-government-withholds-approval", "russia-may-not-be-interested",
            "conflict-is-costly"} <= implicit
    # The harms of the introduction reach a recommendation through the costly conflict.
    chains = argmap.chains(brief, "dialogue-efforts-welcome")
    assert any(chain.start == "trade-embargo" for chain in chains)


def test_the_georgia_map_leads_from_russia_holding_the_cards_to_magnanimity() -> None:
    brief = _brief("georgia-russia-dialogue")
    chains = argmap.chains(brief, "russia-should-show-magnanimity")
    assert any(chain.start == "russia-holds-cards" for chain in chains)
    assert brief.recommendations["russia-should-show-magnanimity"].addressees == ("russia",)


def test_the_georgia_map_has_linked_arguments_objections_and_replies() -> None:
    brief = _brief("georgia-russia-dialogue")
    assert len(brief.arguments) >= 2
    assert all(len(a.premises) >= 2 for a in brief.arguments.values())
    replies = [s for s in brief.statements.values() if set(s.concedes) & set(brief.objections)]
    assert replies, "the author's replies to objections are mapped as concessions"
    addressed = {a for r in brief.recommendations.values() for a in r.addressees}
    assert {"russia", "georgia"} <= addressed


def test_the_karasin_report_says_who_said_what() -> None:
    brief = _brief("karasin-abashidze-2014")
    speakers = {s.speaker for s in brief.statements.values() if s.speaker}
    assert {"karasin", "imerlishvili", "abashidze"} <= speakers
    graph = argmap.ArgumentGraph(brief)
    georgian = {
        k
        for k, s in brief.statements.items()
        if s.speaker in ("georgia", "abashidze", "imerlishvili")
    }
    assert any(e.kind is argmap.EdgeKind.ATTACK and e.source in georgian for e in graph.edges)


def test_the_karasin_report_concedes_the_difficulty_and_answers_the_right_claim() -> None:
    brief = _brief("karasin-abashidze-2014")
    assert "difficult-condition" in brief.premises["road-made-by-walking"].concedes
    assert brief.objections["formal-frames-exist"].attacks == ["georgia-should-take-first-steps"]
    assert brief.claims["not-for-russia-to-restore"].qualifier == "probably"
    assert brief.expect is not None
    assert brief.expect.falls == ["georgia-should-take-first-steps"]
    assert {"difficult-condition", "common-ground-practical-track"} <= set(brief.expect.stands)
