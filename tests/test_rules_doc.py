"""The rule reference stays true to the registry."""

from __future__ import annotations

from pathlib import Path

from argmap.checks import all_rules
from argmap.checks.docs import rules_markdown

RULES_MD = Path(__file__).resolve().parents[1] / "docs" / "rules.md"


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    assert RULES_MD.read_text(encoding="utf-8") == rules_markdown(), (
        "docs/rules.md is stale: run 'python -m argmap.checks.docs > docs/rules.md'"
    )


def test_every_rule_is_documented_with_a_bad_and_a_good_example() -> None:
    for rule in all_rules():
        assert rule.code.startswith("AM") and len(rule.code) == 5
        assert rule.summary.endswith(".")
        assert "Bad::" in rule.doc and "Good::" in rule.doc, rule.code
