"""``argmap chains``, ``evaluate`` and ``diff`` through the real CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.diff import diff, to_markdown

# The text format is the default only outside GitHub Actions, where it would be "github".
ENV = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
ROOT = Path(__file__).resolve().parents[1]
GEORGIA = ROOT / "briefs" / "georgia-russia-dialogue.yaml"


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
        check=False,
    )


def test_chains_prints_the_chain_from_russia_holding_the_cards() -> None:
    done = run("chains", str(GEORGIA), "russia-should-show-magnanimity")
    assert done.returncode == 0
    assert (
        "russia-holds-cards -> dialogue-depends-on-russia -> russian-concessions -> "
        "russia-should-show-magnanimity" in done.stdout.splitlines()
    )


def test_chains_of_an_unknown_id_exits_2_with_a_suggestion() -> None:
    done = run("chains", str(GEORGIA), "russia-should-show-magnanimty")
    assert done.returncode == 2
    assert "did you mean 'russia-should-show-magnanimity'?" in done.stderr


def test_evaluate_json_labels_every_statement_and_argument() -> None:
    done = run("evaluate", str(GEORGIA), "--format", "json")
    assert done.returncode == 0
    data = json.loads(done.stdout)
    brief = argmap.load(GEORGIA)
    assert {row["id"] for row in data["results"]} == set(brief.statements) | set(brief.arguments)
    labels = {row["id"]: row["label"] for row in data["results"]}
    assert labels == argmap.evaluate(brief).labels


@pytest.mark.parametrize("semantics", ["dfquad", "quadratic-energy"])
def test_gradual_semantics_give_strengths_in_the_unit_interval(semantics: str) -> None:
    done = run("evaluate", str(GEORGIA), "--semantics", semantics, "--format", "json")
    data = json.loads(done.stdout)
    assert data["converged"] is True
    assert all(0.0 <= row["strength"] <= 1.0 for row in data["results"])


def test_evaluate_of_a_broken_brief_prints_its_diagnostics_and_exits_1() -> None:
    done = run("evaluate", "tests/fixtures/invalid/schema.yaml")
    assert done.returncode == 1
    assert "AM011 error: unknown key 'titel'" in done.stderr


def test_answering_an_objection_changes_the_verdict_in_the_diff() -> None:
    old = argmap.loads(
        "argmap: 1\nid: d\ntitle: D\nactors: {russia: {name: Russia}}\n"
        "premises:\n  cards: {text: Cards, supports: [magnanimity]}\n"
        "objections:\n  victories: {text: Victories, attacks: [magnanimity]}\n"
        "recommendations:\n  magnanimity: {text: M, addressee: russia}\n"
    )
    new = old.model_copy(deep=True)
    new.premises["price-worth-paying"] = argmap.Premise(text="Worth it", attacks=["victories"])
    result = diff(old, new)
    assert result.added == [("price-worth-paying", "premise")]
    assert result.relations_added == [("price-worth-paying", "attack", "victories")]
    assert result.verdicts == [("victories", "in", "out"), ("magnanimity", "out", "in")]
    markdown = to_markdown(result)
    assert "| `magnanimity` | falls | stands |" in markdown


def test_diff_reads_a_git_revision(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    shutil.copy(GEORGIA, tmp_path / "brief.yaml")
    shutil.copytree(ROOT / "briefs" / "sources", tmp_path / "sources")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "."], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "first"], cwd=tmp_path, check=True)
    text = (tmp_path / "brief.yaml").read_text()
    (tmp_path / "brief.yaml").write_text(
        text.replace("attacks: [promote-informal-dialogue]", "attacks: []", 1)
    )
    done = run("diff", "HEAD:brief.yaml", "brief.yaml", "--exit-code", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "- informal-dialogue-idle-chatter attack promote-informal-dialogue" in done.stdout
    unchanged = run("diff", "HEAD:brief.yaml", "HEAD:brief.yaml", "--exit-code", cwd=tmp_path)
    assert (unchanged.returncode, unchanged.stdout) == (0, "no changes\n")


def test_a_revision_that_looks_like_an_option_is_refused() -> None:
    done = run("diff", "--output=x:brief.yaml", "briefs/georgia-russia-dialogue.yaml")
    assert done.returncode == 2
