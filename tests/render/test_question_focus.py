"""A focus on a question draws the question, its options with their verdicts, and each
option's pros and cons (direct supports, linked arguments and attacks, with what undercuts or
concedes them), and nothing an option itself leads to."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

import argmap

# Two options. 'talk' has a pro (pro) whose support is undercut (cut-pro), a con (con) that a
# reply concedes (granted), a con that something answers by attack (refuted-by attacks con: a
# reason against a con is one step further, so not drawn at depth 2), and it supports a claim
# downstream (after). 'wait' has a linked argument (p1, p2) that an undercutter (cut-arg)
# attacks. 'reason-for-pro' supports the pro: drawn only with depth 3.
OPTIONS = """argmap: 1
id: options
title: Options and their pros and cons
actors:
  them: {name: Third parties}
questions:
  how: {text: How to go on?, options: [talk, wait]}
recommendations:
  talk: {text: Talk., addressee: them, supports: [after]}
  wait: {text: Wait., addressee: them}
claims:
  after: {text: Talks would change the climate.}
premises:
  pro: {text: Talks build trust., supports: [talk]}
  reason-for-pro: {text: Trust grew from talks before., supports: [pro]}
  cut-pro:
    text: Trust needs deeds.
    undercuts: [{support: pro, to: talk}]
  granted: {text: That is a price worth paying., concedes: [con], supports: [talk]}
  refuted-by: {text: The record says otherwise., attacks: [con]}
  p1: {text: Time helps., }
  p2: {text: Nothing is lost by waiting.}
  cut-arg: {text: Waiting is not neutral., attacks: [waiting-helps]}
objections:
  con: {text: Talks would be claimed as a victory., attacks: [talk]}
arguments:
  waiting-helps: {premises: [p1, p2], conclusion: wait}
"""


def _names(dot: str) -> set[str]:
    return set(re.findall(r'^\t+"s:([a-z0-9-]+)" \[', dot, re.MULTILINE))


def test_a_question_focus_draws_exactly_the_options_and_their_pros_and_cons() -> None:
    brief = argmap.loads(OPTIONS)
    dot = argmap.to_dot(brief, focus="how", legend=False)
    assert _names(dot) == {
        "how", "talk", "wait", "pro", "cut-pro", "con", "granted",
        "waiting-helps", "p1", "p2", "cut-arg",
    }
    assert "The options and their pros and cons for: How to go on?" in dot
    # The undercut support is drawn through its point, with the undercut ending there.
    assert '"s:cut-pro" -> "r:support:pro->talk"' in dot
    assert _names(argmap.to_dot(brief, focus="how", depth=1, legend=False)) == {
        "how", "talk", "wait"}
    assert _names(argmap.to_dot(brief, focus="how", depth=0, legend=False)) == {"how"}
    # Deeper: what leads into the pros and cons, one relation back per step.
    deeper = _names(argmap.to_dot(brief, focus="how", depth=3, legend=False))
    assert {"reason-for-pro", "refuted-by"} <= deeper and "after" not in deeper
    # Each option carries its verdict, under every semantics.
    for semantics in ("grounded", "dfquad", "quadratic-energy"):
        result = argmap.evaluate(brief, semantics)
        dot = argmap.to_dot(brief, focus="how", evaluation=result, legend=False)
        for option in ("talk", "wait"):
            line = next(x for x in dot.splitlines() if x.strip().startswith(f'"s:{option}" ['))
            assert str(result.verdict(option)) in line


@pytest.mark.dot
def test_the_question_view_of_the_georgia_brief_lays_out(tmp_path: Path) -> None:
    brief = argmap.load(Path(__file__).parents[2] / "briefs" / "georgia-russia-dialogue.yaml")
    source = tmp_path / "question.dot"
    dot = argmap.to_dot(brief, focus="how-to-get-dialogue-going",
                        evaluation=argmap.evaluate(brief, "quadratic-energy"))
    source.write_text(dot, encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    options = ("open-official-dialogue", "promote-informal-dialogue",
               "broaden-to-region-wide-discussion", "russia-should-show-magnanimity",
               "promote-georgian-dialogue-with-breakaways")
    def drawn(key: str) -> bool:  # dot writes a hyphen in a title as &#45;
        return f"<title>s:{key.replace('-', '&#45;')}</title>" in done.stdout

    assert all(drawn(option) for option in options)
    assert "The options and their pros and cons for:" in done.stdout
    # What the options lead to, and the reasons behind their pros, are left out.
    assert not drawn("little-prospect-for-dialogue") and not drawn("nato-membership-off-agenda")
