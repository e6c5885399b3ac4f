"""Every rule's Bad example, written into a brief of its own, draws that rule; its Good example
does not. The examples are what ``argmap explain`` and docs/rules.md show a new user, who may
paste them into an empty brief to see the rule at work."""

from __future__ import annotations

import json
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmap.checks import Rule, all_rules
from argmap.cli import app

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "briefs" / "sources" / "georgia-russia-dialogue.txt"
HEAD = "argmap: 1\nid: example\ntitle: Example\n"


def _example(doc: str, label: str) -> str:
    found = re.search(label + r"::\n\n((?:[ ]{4}.*\n|\n)+)", doc + "\n")
    assert found is not None, f"no {label} example"
    return textwrap.dedent(found.group(1))


def _codes(folder: Path, body: str, *, quoting: bool) -> set[str]:
    """The codes ``argmap validate`` reports for a brief of HEAD and ``body`` in ``folder``,
    beside a copy of the Georgia source text; ``quoting`` names it as the brief's source, for
    an example about quotes that leaves that out."""
    (folder / "sources").mkdir(exist_ok=True)
    shutil.copyfile(SOURCE, folder / "sources" / SOURCE.name)
    if quoting:
        body = f"source: {{path: sources/{SOURCE.name}}}\n" + body
    brief = folder / "example.yaml"
    brief.write_text(HEAD + body, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["validate", "--isolated", "--format", "json", "--root", str(folder), str(brief)]
    )
    assert result.exit_code in (0, 1), result.output
    return {entry["code"] for entry in json.loads(result.stdout)}


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.code)
def test_the_bad_example_draws_its_rule_and_the_good_one_does_not(
    rule: Rule, tmp_path: Path
) -> None:
    bad, good = _example(rule.doc, "Bad"), _example(rule.doc, "Good")
    quoting = rule.code == "AM301"  # its examples show only the statement with the quote
    (tmp_path / "bad").mkdir()
    (tmp_path / "good").mkdir()
    assert rule.code in _codes(tmp_path / "bad", bad, quoting=quoting)
    assert rule.code not in _codes(tmp_path / "good", good, quoting=quoting)
