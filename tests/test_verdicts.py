"""One verdict per semantics: under a gradual semantics the verdict comes from the strength, in
the library, the CLI's text and JSON, the summary and the diagrams; base scores come from a
statement's words unless it gives one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import argmap
from argmap.analysis import evaluate, to_framework
from argmap.cli import app
from argmap.estimative import (
    LIKELIHOOD_BANDS,
    LIKELIHOOD_SCORES,
    OPEN_BAND,
    base_score,
    base_score_source,
    hedge_likelihood,
    verdict_label,
)
from argmap.model import Premise

# c is unattacked, so grounded says it stands; three strong attackers leave it weak.
WEAKENED = """argmap: 1
id: weakened
title: Weakened but not refuted
claims:
  c: {text: The claim.}
objections:
  o1: {text: One., attacks: [c], base_score: 0.9}
  o2: {text: Two., attacks: [c], base_score: 0.9}
recommendations:
  r:
    text: Perhaps do it.
    qualifier: perhaps
premises:
  p1: {text: Reason one., supports: [r]}
"""


def _brief() -> argmap.Brief:
    return argmap.loads(WEAKENED)


def test_a_gradual_verdict_comes_from_the_strength_not_the_grounded_label() -> None:
    brief = _brief()
    result = evaluate(brief, "dfquad")
    assert result.grounded["c"] == "out"  # the grounded label: two standing attackers
    strength = result.strengths["c"]
    assert strength < OPEN_BAND[0]
    assert result.labels["c"] == "out" and not result.stands("c")
    # The unattacked objections keep their high base score: they stand under DF-QuAD.
    assert result.grounded["o1"] == "in" and result.stands("o1")
    # A premise nobody argues about keeps the default 0.5: open under a gradual semantics,
    # though grounded semantics lets it stand.
    assert result.strengths["p1"] == 0.5
    assert result.verdict("p1") == "open" and result.grounded["p1"] == "in"
    for key, value in result.strengths.items():
        assert result.labels[key] == verdict_label(value)


def test_stands_under_grounded_semantics_reads_the_label() -> None:
    result = evaluate(_brief())
    assert result.semantics == "grounded" and result.strengths == {}
    assert result.stands("p1") and not result.stands("c")
    assert result.labels == result.grounded


@pytest.mark.parametrize(
    ("strength", "label"),
    [(0.0, "out"), (0.449, "out"), (0.45, "undec"), (0.5, "undec"), (0.55, "undec"),
     (0.551, "in"), (1.0, "in")],
)
def test_the_verdict_rule(strength: float, label: str) -> None:
    assert verdict_label(strength) == label


def test_the_cli_prints_the_same_verdicts_in_text_and_json(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "weakened.yaml"
    path.write_text(WEAKENED, encoding="utf-8")
    runner = CliRunner()
    library = evaluate(argmap.load(path), "dfquad")
    done = runner.invoke(app, ["evaluate", str(path), "-s", "dfquad", "-f", "json"])
    assert done.exit_code == 0, done.output
    document = json.loads(done.output)
    rows = {row["id"]: row for row in document["results"]}
    for key, row in rows.items():
        assert row["label"] == library.labels[key]
        assert row["verdict"] == library.verdict(key)
        assert row["grounded"] == library.grounded[key]
    assert "stands above 0.55, falls below 0.45" in document["verdict_rule"]
    text = runner.invoke(app, ["evaluate", str(path), "-s", "dfquad"]).output
    assert text.splitlines()[1] == (
        "  (verdicts from strength: above 0.55 stands, below 0.45 falls, between is open)")
    lines = {line.split()[-1]: line.split()[0] for line in text.splitlines()[2:]}
    assert lines == {key: library.verdict(key) for key in rows}
    assert lines["c"] == "falls"  # not grounded's "falls" by accident: its strength says so


def test_the_summary_and_the_diagram_show_the_gradual_verdict() -> None:
    brief = _brief()
    result = evaluate(brief, "dfquad")
    summary = argmap.to_markdown(brief, evaluation=result)
    strength = result.strengths["r"]
    expected = f"**Verdict:** {result.verdict('r')}, strength {strength:.2f} under DF-QuAD"
    assert expected in summary
    dot = argmap.to_dot(brief, evaluation=result)
    line = next(x for x in dot.splitlines() if x.strip().startswith('"s:c"'))
    assert "falls" in line and f"{result.strengths['c']:.2f}" in line


def test_base_scores_from_words() -> None:
    assert base_score(Premise(text="x", likelihood="likely")) == LIKELIHOOD_SCORES["likely"]
    low, high = LIKELIHOOD_BANDS["likely"]
    assert LIKELIHOOD_SCORES["likely"] == pytest.approx((low + high) / 2)
    assert base_score_source(Premise(text="x", qualifier="perhaps")) == (0.4, "qualifier")
    assert hedge_likelihood("Probably it's not we who should") == LIKELIHOOD_SCORES["likely"]
    assert hedge_likelihood("probably not") == LIKELIHOOD_SCORES["unlikely"]
    assert hedge_likelihood("Almost certainly") == LIKELIHOOD_SCORES["almost certain"]
    assert hedge_likelihood("in the end") is None
    # Explicit wins; likelihood before qualifier; confidence draws towards 0.5.
    explicit = Premise(text="x", base_score=0.9, likelihood="unlikely", qualifier="might")
    assert base_score_source(explicit) == (0.9, "base_score")
    both = Premise(text="x", likelihood="very likely", qualifier="might")
    assert base_score_source(both) == (LIKELIHOOD_SCORES["very likely"], "likelihood")
    tempered = Premise(text="x", likelihood="almost certain", confidence="low")
    assert base_score(tempered) == pytest.approx(0.5 + (0.97 - 0.5) * 0.5)
    assert base_score(Premise(text="x", confidence="high")) is None


def test_a_hedged_recommendation_starts_from_its_hedge() -> None:
    brief = _brief()
    framework = to_framework(brief)
    assert framework.base_scores["r"] == 0.4
    # One supporter at 0.5 under DF-QuAD: 0.4 + 0.6 * 0.5, not the 0.75 an unhedged one gets.
    assert evaluate(brief, "dfquad").strengths["r"] == pytest.approx(0.4 + 0.6 * 0.5)
