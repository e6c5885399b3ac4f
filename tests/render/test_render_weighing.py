"""How the weighing parts look: questions and options, concessions, preferences, undercuts of a
support or an attack, and unstated statements, in DOT, Mermaid, the summary and the diff."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from render_support import REPO

import argmap
from argmap.diff import diff, to_text

WEIGHING = REPO / "tests" / "fixtures" / "valid" / "weighing.yaml"


@pytest.fixture(scope="module")
def weighing() -> argmap.Brief:
    return argmap.load(WEIGHING)


def _line(dot: str, start: str) -> str:
    return next(line for line in dot.splitlines() if line.strip().startswith(start))


def test_dot_draws_each_weighing_part_its_own_way(weighing: argmap.Brief) -> None:
    dot = argmap.to_dot(weighing, legend=False)
    # The option is drawn up to its question, like a reason to its conclusion.
    option = _line(dot, '"s:official-dialogue" -> "s:how-to-start-dialogue"')
    assert 'class="option"' in option and "arrowhead=none" in option
    concede = _line(dot, '"s:price-worth-paying" -> "s:claimed-as-victories"')
    assert all(a in concede for a in ('class="concedes"', "style=dotted", "arrowhead=odiamond",
                                      "constraint=false"))
    prefer = _line(dot, '"s:trust-is-not-built-by-talk" -> "s:recognition-settled"')
    assert all(a in prefer for a in ('class="outweighs"', "style=bold", "arrowhead=empty"))
    # An undercut attack is drawn through a point that the undercut ends at.
    point = '"r:attack:government-withholds-approval->informal-dialogue"'
    assert f'"s:government-withholds-approval" -> {point}' in dot
    assert f'{point} -> "s:informal-dialogue"' in dot
    undercut = _line(dot, f'"s:talks-need-no-approval" -> {point}')
    assert 'class="undercut relation"' in undercut and "arrowhead=tee" in undercut
    # The attack itself is not drawn a second time, straight.
    assert '"s:government-withholds-approval" -> "s:informal-dialogue"' not in dot
    unstated = _line(dot, '"s:government-withholds-approval" [')
    assert "<I>unstated</I>" in unstated and 'fillcolor="#ffffff"' in unstated
    assert "dashed" in unstated


def test_the_legend_lists_the_weighing_parts_only_where_the_picture_has_them(
    weighing: argmap.Brief,
) -> None:
    full = argmap.to_dot(weighing)
    for words in ('label="concedes"', 'label="outweighs"', 'label="option of"',
                  "a relation", '"legend:unstated"', '"legend:question"'):
        assert words in full, words
    plain = argmap.to_dot(argmap.load(REPO / "tests" / "fixtures" / "valid" / "minimal.yaml"))
    for words in ("concedes", "outweighs", "option of", "a relation", "unstated",
                  "legend:question"):
        assert words not in plain, words


def test_a_focus_view_of_a_question_draws_its_options_and_their_pros_and_cons(
    weighing: argmap.Brief,
) -> None:
    dot = argmap.to_dot(weighing, focus="how-to-start-dialogue", depth=2, legend=False)
    names = set(re.findall(r'^\t+"s:([a-z-]+)" \[', dot, re.MULTILINE))
    assert {"official-dialogue", "informal-dialogue"} <= names
    assert {"official-talks-blocked", "claimed-as-victories", "dialogue-builds-trust"} <= names
    # Two steps away: the undercut's author is drawn with the relation it undercuts.
    assert "talks-need-no-approval" in names


@pytest.mark.dot
def test_the_weighing_map_lays_out_with_the_real_dot(weighing: argmap.Brief,
                                                     tmp_path: Path) -> None:
    source = tmp_path / "weighing.dot"
    source.write_text(argmap.to_dot(weighing), encoding="utf-8")
    done = subprocess.run(["dot", "-Tsvg", str(source)], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "Warning" not in done.stderr and "Error" not in done.stderr
    assert done.stdout.count('class="node question"') == 2  # the map's, and the key's
    assert 'class="edge concedes"' in done.stdout or 'class="concedes"' in done.stdout


def test_mermaid_draws_the_weighing_parts(weighing: argmap.Brief) -> None:
    text = argmap.to_mermaid(weighing, legend=True)
    assert ">\"How can a dialogue get going" in text  # the question's own shape
    assert " -.-o " in text and " ==> " in text
    assert '((" ")):::relation' in text
    assert "classDef implicit" in text and re.search(r"^    class n\d+ implicit$", text, re.M)
    assert "|concedes|" in text and "|outweighs|" in text and "|undercuts a relation|" in text
    # Every link index named in a linkStyle exists, once.
    links = [line for line in text.splitlines()
             if re.match(r"^    \S+ (-->|-\.-x|---|-\.-|-\.-o|==>)", line)]
    styled = [int(i) for line in text.splitlines() if line.startswith("    linkStyle ")
              for i in line.split()[1].split(",")]
    assert sorted(styled) == list(range(len(links)))


def test_the_summary_sets_a_questions_options_side_by_side(weighing: argmap.Brief) -> None:
    result = argmap.evaluate(weighing, "dfquad")
    text = argmap.to_markdown(weighing, evaluation=result)
    assert "## Questions" in text
    assert "### How can a dialogue get going in current conditions?" in text
    for key in ("official-dialogue", "informal-dialogue"):
        statement = weighing.recommendations[key].text
        row = next(line for line in text.splitlines() if line.startswith(f"| {statement}"))
        assert f"| {result.verdict(key)}, {result.strengths[key]:.2f} |" in row
    assert "*(conceded, and answered)*" in text
    assert "*(its attack is undercut: it does not touch this)*" in text
    assert "approval of informal talks. *(unstated)*" in text
    assert "## Questions" not in argmap.to_markdown(
        argmap.load(REPO / "briefs" / "karasin-abashidze-2014.yaml"))


def test_the_diff_knows_concessions_and_undercuts_of_relations(
    weighing: argmap.Brief, tmp_path: Path
) -> None:
    text = WEIGHING.read_text(encoding="utf-8").replace(
        "    concedes: [claimed-as-victories]\n", "")
    text = text.replace("{attack: government-withholds-approval, to: informal-dialogue}",
                        "{support: dialogue-builds-trust, to: informal-dialogue}")
    changed = argmap.loads(text)
    result = diff(weighing, changed)
    assert ("price-worth-paying", "concedes", "claimed-as-victories") in result.relations_removed
    assert ("talks-need-no-approval", "undercut",
            "attack government-withholds-approval -> informal-dialogue") in result.relations_removed
    assert ("talks-need-no-approval", "undercut",
            "support dialogue-builds-trust -> informal-dialogue") in result.relations_added
    assert "- price-worth-paying concedes claimed-as-victories" in to_text(result)
