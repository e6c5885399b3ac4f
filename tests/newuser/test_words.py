"""Messages and summaries say what is true, in words that fit the user's situation."""

from __future__ import annotations

from pathlib import Path

import pytest

from .cli_support import BRIEFS, argmap

KARASIN = BRIEFS / "karasin-abashidze-2014.yaml"

ONE_OF_EACH = """\
argmap: 1
id: one
title: One of each
actors: {c: {name: C}}
claims:
  k: {text: K holds., supports: [r]}
premises:
  p1: {text: P1, supports: [k]}
  p2: {text: P2}
  p3: {text: P3}
recommendations:
  r: {text: R, addressee: c}
objections:
  o: {text: O objects to R., attacks: [r]}
  reply: {text: The reply answers O., attacks: [o]}
arguments:
  both: {premises: [p2, p3], conclusion: k}
"""


@pytest.fixture
def one(tmp_path: Path) -> Path:
    path = tmp_path / "one.yaml"
    path.write_text(ONE_OF_EACH, encoding="utf-8")
    return path


def test_counts_in_a_summary_agree_in_number(one: Path) -> None:
    done = argmap("summary", str(one), "-o", "-")
    assert done.returncode == 0, done.stderr
    assert ("| Map | 1 recommendation, 1 claim, 3 premises, 2 objections, 1 linked argument |"
            in done.stdout)


def test_a_reply_is_not_also_an_objection_nobody_answers(one: Path) -> None:
    for evaluate in ("--evaluate", "--no-evaluate"):
        done = argmap("summary", str(one), "-o", "-", evaluate)
        assert done.returncode == 0, done.stderr
        text = done.stdout
        assert "*Reply:* The reply answers O." in text
        open_points = text.split("## Open points", 1)[1]
        assert "The reply answers O." not in open_points


def test_the_grounded_legend_promises_no_paler_fills(tmp_path: Path) -> None:
    grounded = argmap("render", str(KARASIN), "-o", "-", "--format", "dot", "--evaluate")
    assert grounded.returncode == 0, grounded.stderr
    assert "paler" not in grounded.stdout
    gradual = argmap("render", str(KARASIN), "-o", "-", "--format", "dot", "--evaluate",
                     "-s", "dfquad")
    assert "paler: weaker" in gradual.stdout


def test_an_indentation_error_is_called_one(tmp_path: Path) -> None:
    path = tmp_path / "indent.yaml"
    path.write_text("argmap: 1\nid: i\ntitle: T\nclaims:\n  a:\n   text: A\n    supports: [b]\n"
                    "  b: {text: B}\n", encoding="utf-8")
    done = argmap("validate", str(path))
    assert "check this line's indentation" in done.stdout
    assert "in quotes" not in done.stdout
    quoted = tmp_path / "colon.yaml"
    quoted.write_text("argmap: 1\nid: c\ntitle: Note: this\n", encoding="utf-8")
    assert "put text that contains ': ' in quotes" in argmap("validate", str(quoted)).stdout


def test_an_include_in_a_user_template_is_explained(tmp_path: Path) -> None:
    template = tmp_path / "t2.md.j2"
    template.write_text('{% include "x" %}\n', encoding="utf-8")
    done = argmap("summary", str(KARASIN), "-o", "-", "--template", str(template))
    assert done.returncode == 2
    assert "cannot include, import or extend other files" in done.stderr
    assert "failed: x" not in done.stderr


# --- CLI consistency -----------------------------------------------------------------------


def test_explain_takes_a_rule_name_as_rules_lists_it() -> None:
    by_name = argmap("explain", "circular-support")
    assert by_name.returncode == 0, by_name.stderr
    assert by_name.stdout == argmap("explain", "AM201").stdout
    typo = argmap("explain", "circular-suport")
    assert typo.returncode == 2
    assert "did you mean 'circular-support'?" in typo.stderr


def test_select_takes_codes_separated_by_commas() -> None:
    done = argmap("validate", "--select", "AM1,AM2", "--statistics", str(BRIEFS))
    assert done.returncode == 0, done.stderr
    assert "did you mean" not in done.stderr


def test_focus_with_a_typo_gets_a_suggestion() -> None:
    done = argmap("render", str(KARASIN), "-o", "-", "--format", "dot", "--focus",
                  "discuss-practical-issue")
    assert done.returncode == 2
    assert "did you mean 'discuss-practical-issues'?" in done.stderr


@pytest.mark.parametrize("command", ["render", "summary", "evaluate"])
def test_semantics_has_the_same_short_option_everywhere(command: str) -> None:
    assert "-s" in argmap(command, "--help").stdout


@pytest.mark.parametrize("command", ["validate", "render", "summary", "chains", "evaluate",
                                     "diff", "explain", "rules", "schema", "check-rendered"])
def test_every_help_has_examples(command: str) -> None:
    text = argmap(command, "--help").stdout
    assert "Example" in text, text


@pytest.mark.parametrize("command", ["chains", "evaluate", "diff"])
def test_format_is_described(command: str) -> None:
    text = argmap(command, "--help").stdout
    line = next(line for line in text.splitlines() if "--format" in line)
    assert "json" in line.split("--format", 1)[1]


def test_shell_completion_is_offered_and_documented() -> None:
    assert "--install-completion" in argmap("--help").stdout
    readme = (BRIEFS.parent / "README.md").read_text(encoding="utf-8")
    assert "argmap --install-completion" in readme
