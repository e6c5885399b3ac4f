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
        assert statement.quotes, f"{key} has no quote"
        assert statement.section in brief.sections, key
        assert all(source.find(q) is not None for q in statement.quotes), key


def test_the_georgia_map_leads_from_russia_holding_the_cards_to_magnanimity() -> None:
    brief = _brief("georgia-russia-dialogue")
    chains = argmap.chains(brief, "russia-should-show-magnanimity")
    assert any(chain.start == "russia-holds-cards" for chain in chains)
    assert brief.recommendations["russia-should-show-magnanimity"].addressees == ("russia",)


def test_the_georgia_map_has_linked_arguments_objections_and_replies() -> None:
    brief = _brief("georgia-russia-dialogue")
    graph = argmap.ArgumentGraph(brief)
    assert len(brief.arguments) >= 2
    assert all(len(a.premises) >= 2 for a in brief.arguments.values())
    replies = [
        e for e in graph.edges if e.kind is argmap.EdgeKind.ATTACK and e.target in brief.objections
    ]
    assert replies, "the author's replies to objections are mapped as attacks on them"
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
