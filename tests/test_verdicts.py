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
    # A premise the author asserts without a hedge reads as "very likely", 0.875: it stands.
    assert result.strengths["p1"] == 0.875 and result.verdict("p1") == "stands"
    # The objections' explicit 0.9 wins over the plain assertion's score.
    assert result.strengths["o1"] == 0.9
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
    assert base_score_source(Premise(text="x", qualifier="perhaps")) == (0.5, "qualifier")
    assert hedge_likelihood("It is possible that") == 0.5  # possibility: even chance
    assert hedge_likelihood("The potential advantage") == 0.5
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
    # Without the brief's voices, words that say nothing give no score (the default applies).
    assert base_score(Premise(text="x", confidence="high")) is None
    assert base_score(Premise(text="x", confidence="high"), ()) == 0.875


def test_a_recommendation_starts_even_and_its_hedge_only_tempers_it() -> None:
    brief = _brief()
    framework = to_framework(brief)
    # "Perhaps do it": a proposal starts at 0.5, and "perhaps" (even chance) leaves it there.
    assert framework.base_scores["r"] == 0.5
    # One supporter, the asserted p1 at 0.875, under DF-QuAD: 0.5 + (1 - 0.5) * 0.875.
    assert evaluate(brief, "dfquad").strengths["r"] == pytest.approx(0.9375)
    surer = argmap.loads(WEAKENED.replace("qualifier: perhaps", "qualifier: probably"))
    doubtful = argmap.loads(WEAKENED.replace("qualifier: perhaps", "qualifier: probably not"))
    assert to_framework(surer).base_scores["r"] == 0.5  # min(0.675, 0.5): never surer
    assert to_framework(doubtful).base_scores["r"] == 0.325  # "unlikely" lowers it


# Who says a statement, by hand (docs/semantics.md, "Base scores from words and voices"):
# the author's plain words are "very likely", 0.875 (high confidence, weight 1); an unstated
# premise or another speaker's words are held with low confidence (weight 0.5), so
# 0.5 + (0.875 - 0.5) * 0.5 = 0.6875; "probably" said by another speaker is
# 0.5 + (0.675 - 0.5) * 0.5 = 0.5875; a confidence the brief states wins over the voice's,
# moderate: 0.5 + 0.375 * 0.75 = 0.78125; the newswire publishes the source, so what it says
# is the author's; "might" is even, 0.5, whoever says it; a recommendation starts at 0.5.
VOICES = """argmap: 1
id: voices
title: Who says it
source: {publisher: Newswire}
actors:
  wire: {name: Newswire}
  minister: {name: A minister}
premises:
  flat: {text: Flat., supports: [rec]}
  hedged: {text: It might., qualifier: might, supports: [rec]}
  unstated: {text: Unstated., implicit: true, supports: [rec]}
  said: {text: Said., speaker: minister, supports: [rec]}
  wired: {text: Wired., speaker: wire, supports: [rec]}
  sure: {text: Probably., qualifier: probably, speaker: minister, supports: [rec]}
  vouched: {text: Vouched., confidence: moderate, speaker: minister, supports: [rec]}
recommendations:
  rec: {text: Do it., addressee: minister}
"""


def test_base_scores_by_voice() -> None:
    scores = to_framework(argmap.loads(VOICES)).base_scores
    assert dict(scores) == {
        "flat": 0.875, "hedged": 0.5, "unstated": 0.6875, "said": 0.6875, "wired": 0.875,
        "sure": 0.5875, "vouched": 0.7812, "rec": 0.5,
    }


# One option, two "might" pros and one flat objection that both attacks the option and
# undercuts each pro ("without these people, it would be idle chatter"), the objection
# backed by one asserted premise: the shape of the Georgia brief's informal dialogue.
DECISIVE = """argmap: 1
id: decisive
title: One decisive objection against two hopeful pros
actors:
  them: {name: Third parties}
questions:
  how: {text: How to go on?, options: [talk, wait]}
recommendations:
  talk: {text: Informal talks are a possible alternative., qualifier: possible, addressee: them}
  wait: {text: Wait., addressee: them}
premises:
  pro-a: {text: Talks might build cooperation., qualifier: might, supports: [talk]}
  pro-b: {text: Talks might build momentum., qualifier: might, supports: [talk]}
  no-people: {text: Nobody respected would take part., supports: [idle-chatter]}
  patience: {text: Time helps., supports: [wait]}
objections:
  idle-chatter:
    text: Without respected participants the talks would be idle chatter.
    attacks: [talk]
    undercuts:
      - {support: pro-a, to: talk}
      - {support: pro-b, to: talk}
"""


def test_a_decisive_objection_outweighs_hopeful_pros_under_every_semantics() -> None:
    brief = argmap.loads(DECISIVE)
    # Quadratic energy, by hand, h(x) = x^2 / (1 + x^2):
    #   idle-chatter: 0.875 + 0.125 * h(0.875) = 0.875 + 0.125 * 0.43363 = 0.92920
    #   each pro's undercut link: 0.5 - 0.5 * h(0.92920) = 0.5 * (1 - 0.46335) = 0.26832
    #   talk: energy 2 * 0.26832 - 0.92920 = -0.39255; 0.5 - 0.5 * h(0.39255)
    #         = 0.5 * (1 - 0.13352) = 0.43324: below 0.45, it falls.
    qe = evaluate(brief, "quadratic-energy")
    assert qe.strengths["idle-chatter"] == pytest.approx(0.92920, abs=1e-5)
    assert qe.strengths["talk"] == pytest.approx(0.43324, abs=1e-5)
    assert qe.verdict("talk") == "falls"
    # DF-QuAD: idle-chatter 0.875 + 0.125 * 0.875 = 0.984375; each link 0.5 * (1 - 0.984375)
    # = 0.0078125; supporters 1 - (1 - 0.0078125)^2 = 0.015564; talk
    # 0.5 - 0.5 * (0.984375 - 0.015564) = 0.015594.
    df = evaluate(brief, "dfquad")
    assert df.strengths["talk"] == pytest.approx(0.015594, abs=1e-6)
    assert df.verdict("talk") == "falls"
    assert evaluate(brief).verdict("talk") == "falls"
    # With a third, asserted pro that the objection also undercuts (0.875 * 0.53665 = 0.46957)
    # the energy is 1.00622 - 0.92920 = +0.07702 and talk is 0.5 + 0.5 * h(0.07702) = 0.50295:
    # open. Summing pros is the model; which pros the text makes is the brief's to get right.
    third = argmap.loads(DECISIVE.replace(
        "  no-people:",
        "  pro-c: {text: The other side can deliver., supports: [talk]}\n  no-people:").replace(
        "      - {support: pro-b, to: talk}",
        "      - {support: pro-b, to: talk}\n      - {support: pro-c, to: talk}"))
    assert evaluate(third, "quadratic-energy").strengths["talk"] == pytest.approx(
        0.50295, abs=1e-5)


# The author's conclusions in the shipped briefs, under each semantics: (grounded, DF-QuAD,
# quadratic energy). They agree but for one statement, where the author's own words are
# "We do not know that": grounded lets the granted possibility stand (nothing defeats it),
# the gradual semantics leave it at even chance, open (docs/semantics.md says why).
GEORGIA_VERDICTS: dict[str, tuple[str, str, str]] = {
    "conflict-is-costly": ("stands", "stands", "stands"),
    "dialogue-efforts-welcome": ("stands", "stands", "stands"),
    "official-dialogue-impossible": ("stands", "stands", "stands"),
    "technical-obstacles": ("stands", "stands", "stands"),
    "west-should-not-push-georgia": ("stands", "stands", "stands"),
    "open-official-dialogue": ("falls", "falls", "falls"),
    "informal-dialogue-idle-chatter": ("stands", "stands", "stands"),
    "promote-informal-dialogue": ("falls", "falls", "falls"),
    "region-wide-adds-intractable-problems": ("stands", "stands", "stands"),
    "broaden-to-region-wide-discussion": ("falls", "falls", "falls"),
    "russia-should-show-magnanimity": ("stands", "stands", "stands"),
    "russian-concessions": ("stands", "stands", "stands"),
    "gains-not-jeopardized": ("stands", "stands", "stands"),
    "concessions-claimed-as-victories": ("stands", "stands", "stands"),
    "georgia-learns-intransigence-works": ("stands", "open", "open"),
    "little-prospect-for-dialogue": ("stands", "stands", "stands"),
    "dialogue-depends-on-russia": ("stands", "stands", "stands"),
    "third-parties-should-not-force-dialogue": ("stands", "stands", "stands"),
    "wrong-focus-on-bilateral-frame": ("stands", "stands", "stands"),
    "georgia-has-greater-leverage": ("stands", "stands", "stands"),
    "promote-georgian-dialogue-with-breakaways": ("stands", "stands", "stands"),
    # Plain premises the author asserts stand; what the author says only "might" be is open.
    "ceasefire-not-implemented": ("stands", "stands", "stands"),
    "nato-membership-off-agenda": ("stands", "stands", "stands"),
    "momentum-could-emerge": ("stands", "open", "open"),
    "russia-may-not-be-interested": ("stands", "open", "open"),
}
KARASIN_VERDICTS: dict[str, tuple[str, str, str]] = {
    "georgia-should-take-first-steps": ("falls", "falls", "falls"),
    "not-for-russia-to-restore": ("stands", "stands", "stands"),
    "russia-did-not-break-relations": ("stands", "stands", "stands"),
    "restoring-relations-not-on-agenda": ("stands", "stands", "stands"),
    "no-restoration-without-breakthrough": ("stands", "stands", "stands"),
    "formal-frames-exist": ("stands", "stands", "stands"),
    "difficult-condition": ("stands", "stands", "stands"),
    "continue-road-together": ("stands", "stands", "stands"),
    "next-meeting-mid-july": ("stands", "stands", "stands"),
    "common-ground-practical-track": ("stands", "stands", "stands"),
    "discuss-practical-issues": ("stands", "stands", "stands"),
    "restore-good-traditions": ("stands", "stands", "stands"),
}
SEMANTICS = ("grounded", "dfquad", "quadratic-energy")


@pytest.mark.parametrize(
    ("name", "pinned"),
    [("georgia-russia-dialogue", GEORGIA_VERDICTS), ("karasin-abashidze-2014", KARASIN_VERDICTS)],
)
def test_the_shipped_briefs_verdicts_under_every_semantics(
    name: str, pinned: dict[str, tuple[str, str, str]]
) -> None:
    from pathlib import Path

    brief = argmap.load(Path(__file__).parent.parent / "briefs" / f"{name}.yaml")
    results = {s: evaluate(brief, s) for s in SEMANTICS}
    got = {key: tuple(results[s].verdict(key) for s in SEMANTICS) for key in pinned}
    assert got == pinned
    # Every conclusion the brief's expect block pins is in the table, with the grounded verdict
    # the block states, and every recommendation, claim and objection of the brief is pinned.
    assert brief.expect is not None
    for group, word in (("stands", "stands"), ("falls", "falls")):
        for key in getattr(brief.expect, group):
            assert pinned[key][0] == word, key
    conclusions = {*brief.recommendations, *brief.claims, *brief.objections}
    assert conclusions <= set(pinned)
